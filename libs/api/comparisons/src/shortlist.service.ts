import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ShortlistItemView, SuggestedProgram } from '@advisordesk/shared';
import { AppError, errorOnField, fieldError, queryChanged, queryMaybeOne, queryRows } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { PROGRAM_COLUMNS, PROGRAM_FROM, ProgramsService } from '@advisordesk/api-catalogue';
import { LeadsService, recordActivity } from '@advisordesk/api-leads';
import { ComparisonErrors } from './comparisons.errors';
import type { AddShortlistItemDto, UpdateShortlistItemDto } from './dto/shortlist.dto';

/** Words that say nothing about which program: "an MBA in finance" is "mba", "finance". */
const FILLER = new Set(['a', 'an', 'and', 'the', 'in', 'of', 'for', 'or', 'with', 'to', 'course', 'program', 'programme', 'degree']);

/** The words of a lead's course interest that a program's name may contain (lower case, at most 8). */
export function interestWords(courseInterest: string | null): string[] {
  const words = (courseInterest ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !FILLER.has(w));
  return [...new Set(words)].slice(0, 8);
}

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

  /**
   * Programs not yet shortlisted, best fits first: most words of the lead's course interest in the program's name
   * ("Online MBA" → MBAs), then its level, its mode, a current total within budget, NIRF rank and fee. Each says why (`fit`).
   */
  async suggest(user: AuthUser, leadId: string): Promise<SuggestedProgram<Date>[]> {
    const lead = await this.leads.get(user, leadId);
    return queryRows<SuggestedProgram<Date>>(
      this.dataSource,
      `SELECT ${PROGRAM_COLUMNS},
              jsonb_build_object('interestWords', fit.words, 'level', fit.level, 'mode', fit.mode, 'withinBudget', fit.within_budget) AS fit
         FROM ${PROGRAM_FROM}
         CROSS JOIN LATERAL (
           SELECT COALESCE((SELECT jsonb_agg(w.word ORDER BY w.n) FROM unnest($4::text[]) WITH ORDINALITY AS w(word, n)
                             WHERE p.name ILIKE '%' || w.word || '%'), '[]'::jsonb) AS words,
                  COALESCE(p.level = $1, false) AS level,
                  COALESCE(p.mode = $2, false) AS mode,
                  CASE WHEN $3::bigint IS NULL OR cf.total_paise IS NULL THEN NULL ELSE cf.total_paise <= $3 END AS within_budget) fit
        WHERE p.active AND u.active
          AND NOT EXISTS (SELECT 1 FROM shortlist_items s WHERE s.lead_id = $5 AND s.program_id = p.id)
        ORDER BY jsonb_array_length(fit.words) DESC, fit.level DESC, fit.mode DESC, fit.within_budget DESC NULLS LAST,
                 (cf.total_paise IS NULL), u.nirf_rank NULLS LAST, cf.total_paise, p.name LIMIT 10`,
      [lead.level, lead.mode, lead.budgetPaise, interestWords(lead.courseInterest), leadId],
    );
  }

  private async renumber(manager: { query: DataSource['query'] }, leadId: string, order: string[]) {
    await manager.query(
      `UPDATE shortlist_items s SET rank = o.rank FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, rank) WHERE s.id = o.id AND s.lead_id = $1`,
      [leadId, order],
    );
  }
}
