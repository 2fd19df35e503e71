import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProgramView, ShortlistItemView } from '@advisordesk/shared';
import { AppError, errorOnField, fieldError, queryChanged, queryMaybeOne, queryRows } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { PROGRAM_COLUMNS, PROGRAM_FROM, ProgramsService } from '@advisordesk/api-catalogue';
import { LeadsService, recordActivity } from '@advisordesk/api-leads';
import { ComparisonErrors } from './comparisons.errors';
import type { AddShortlistItemDto, UpdateShortlistItemDto } from './dto/shortlist.dto';

@Injectable()
export class ShortlistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
    private readonly programs: ProgramsService,
  ) {}

  /** The lead's shortlist in order, each item with its program and that program's current fee. */
  async list(user: AuthUser, leadId: string): Promise<ShortlistItemView<Date>[]> {
    await this.leads.assertVisible(user, leadId);
    const items = await queryRows<Omit<ShortlistItemView<Date>, 'program'>>(
      this.dataSource,
      `SELECT id, lead_id AS "leadId", program_id AS "programId", rank, note, created_at AS "createdAt" FROM shortlist_items WHERE lead_id = $1 ORDER BY rank, created_at`,
      [leadId],
    );
    const programs = await this.programs.getMany(items.map((i) => i.programId));
    return items.map((item, index) => ({ ...item, program: programs[index] }));
  }

  async add(user: AuthUser, leadId: string, body: AddShortlistItemDto) {
    await this.dataSource.transaction(async (manager) => {
      await this.leads.assertWritable(user, leadId, manager);
      const program = await queryMaybeOne<{ name: string; university: string }>(
        manager,
        `SELECT p.name, u.name AS university FROM programs p JOIN universities u ON u.id = p.university_id WHERE p.id = $1`,
        [body.programId],
      );
      if (!program) throw fieldError('programId', 'programId must be an existing program');
      const inserted = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO shortlist_items (lead_id, program_id, rank, note, added_by)
         VALUES ($1, $2, (SELECT COALESCE(max(rank), 0) + 1 FROM shortlist_items WHERE lead_id = $1), $3, $4)
         ON CONFLICT (lead_id, program_id) DO NOTHING RETURNING id`,
        [leadId, body.programId, body.note?.trim() || null, user.id],
      );
      if (!inserted.length) throw errorOnField(ComparisonErrors.alreadyShortlisted, 'programId');
      await recordActivity(manager, leadId, 'shortlist', user.id, {
        action: 'added',
        program: `${program.name}, ${program.university}`,
        programName: program.name,
        university: program.university,
      });
    });
    return this.list(user, leadId);
  }

  async update(user: AuthUser, leadId: string, itemId: string, body: UpdateShortlistItemDto) {
    await this.dataSource.transaction(async (manager) => {
      await this.leads.assertWritable(user, leadId, manager);
      const items = await queryRows<{ id: string }>(
        manager,
        `SELECT id FROM shortlist_items WHERE lead_id = $1 ORDER BY rank, created_at FOR UPDATE`,
        [leadId],
      );
      const index = items.findIndex((i) => i.id === itemId);
      if (index < 0) throw new AppError(ComparisonErrors.itemNotFound);
      if (body.note !== undefined) await manager.query(`UPDATE shortlist_items SET note = $2 WHERE id = $1`, [itemId, body.note?.trim() || null]);
      if (body.rank !== undefined) {
        const order = items.map((i) => i.id);
        order.splice(index, 1);
        order.splice(Math.min(body.rank, order.length + 1) - 1, 0, itemId);
        await this.renumber(manager, leadId, order);
        await recordActivity(manager, leadId, 'shortlist', user.id, { action: 'reordered' });
      }
    });
    return this.list(user, leadId);
  }

  async reorder(user: AuthUser, leadId: string, itemIds: string[]) {
    await this.dataSource.transaction(async (manager) => {
      await this.leads.assertWritable(user, leadId, manager);
      const items = await queryRows<{ id: string }>(manager, `SELECT id FROM shortlist_items WHERE lead_id = $1 FOR UPDATE`, [leadId]);
      const known = new Set(items.map((i) => i.id));
      if (itemIds.length !== known.size || itemIds.some((id) => !known.has(id)))
        throw fieldError('itemIds', 'itemIds must list every item of this shortlist exactly once');
      await this.renumber(manager, leadId, itemIds);
      await recordActivity(manager, leadId, 'shortlist', user.id, { action: 'reordered' });
    });
    return this.list(user, leadId);
  }

  async remove(user: AuthUser, leadId: string, itemId: string) {
    await this.dataSource.transaction(async (manager) => {
      await this.leads.assertWritable(user, leadId, manager);
      const removed = await queryChanged<{ name: string; university: string }>(
        manager,
        `DELETE FROM shortlist_items s USING programs p, universities u WHERE s.id = $1 AND s.lead_id = $2 AND p.id = s.program_id AND u.id = p.university_id
         RETURNING p.name, u.name AS university`,
        [itemId, leadId],
      );
      if (!removed.length) throw new AppError(ComparisonErrors.itemNotFound);
      const remaining = await queryRows<{ id: string }>(manager, `SELECT id FROM shortlist_items WHERE lead_id = $1 ORDER BY rank, created_at`, [
        leadId,
      ]);
      await this.renumber(
        manager,
        leadId,
        remaining.map((r) => r.id),
      );
      await recordActivity(manager, leadId, 'shortlist', user.id, {
        action: 'removed',
        program: `${removed[0].name}, ${removed[0].university}`,
        programName: removed[0].name,
        university: removed[0].university,
      });
    });
    return this.list(user, leadId);
  }

  /** Programs that fit the lead: their level and mode when known, a current fee within budget, not yet shortlisted. */
  async suggest(user: AuthUser, leadId: string): Promise<ProgramView<Date>[]> {
    const lead = await this.leads.get(user, leadId);
    return queryRows<ProgramView<Date>>(
      this.dataSource,
      `SELECT ${PROGRAM_COLUMNS} FROM ${PROGRAM_FROM}
        WHERE p.active AND u.active
          AND ($1::text IS NULL OR p.level = $1) AND ($2::text IS NULL OR p.mode = $2)
          AND ($3::bigint IS NULL OR cf.total_paise <= $3)
          AND NOT EXISTS (SELECT 1 FROM shortlist_items s WHERE s.lead_id = $4 AND s.program_id = p.id)
        ORDER BY (cf.total_paise IS NULL), u.nirf_rank NULLS LAST, cf.total_paise, p.name LIMIT 10`,
      [lead.level, lead.mode, lead.budgetPaise, leadId],
    );
  }

  private async renumber(manager: { query: DataSource['query'] }, leadId: string, order: string[]) {
    await manager.query(
      `UPDATE shortlist_items s SET rank = o.rank FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, rank) WHERE s.id = o.id AND s.lead_id = $1`,
      [leadId, order],
    );
  }
}
