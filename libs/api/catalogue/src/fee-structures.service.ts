import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { feeTotal, isSession, type FeeComponent, type FeeRevisionView, type FeeStructureView } from '@advisordesk/shared';
import { AppError, fetchPage, fieldError, parseListQuery, queryMaybeOne, queryOne, queryRows, updateVersioned } from '@advisordesk/api-core';
import { CatalogueErrors } from './catalogue.errors';
import { supersedeCurrentFee } from './current-fee';
import { FEE_LIST } from './catalogue.lists';
import { FEE_COLUMNS, FEE_FROM } from './catalogue.sql';
import type { FeeStructureDto, UpdateFeeStructureDto } from './dto/catalogue.dto';

/** The total is computed from the components; a given total that differs is a 400. */
export function checkedTotal(components: FeeComponent[], given?: number): number {
  const total = feeTotal(components);
  if (given !== undefined && given !== total) {
    throw new AppError(CatalogueErrors.totalMismatch, [
      { field: 'totalPaise', message: `totalPaise is ${given} but the components add up to ${total}` },
    ]);
  }
  return total;
}

/** What an edit may change on a fee structure (its program and session stay); the total follows the components. */
const FEE_FIGURES = ['components', 'emiAvailable', 'scholarshipNotes', 'validFrom', 'validTo', 'totalPaise'] as const;

function cleanComponents(components: FeeComponent[]): FeeComponent[] {
  return components.map((c) => ({ label: c.label.trim(), amountPaise: c.amountPaise, ...(c.due?.trim() ? { due: c.due.trim() } : {}) }));
}

@Injectable()
export class FeeStructuresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: Record<string, unknown>) {
    return fetchPage<FeeStructureView<Date>>(this.dataSource, FEE_COLUMNS, FEE_FROM, parseListQuery(query, FEE_LIST));
  }

  async get(id: string): Promise<FeeStructureView<Date>> {
    const fee = await queryMaybeOne<FeeStructureView<Date>>(this.dataSource, `SELECT ${FEE_COLUMNS} FROM ${FEE_FROM} WHERE f.id = $1`, [id]);
    if (!fee) throw new AppError(CatalogueErrors.feeNotFound);
    return fee;
  }

  async revisions(id: string): Promise<FeeRevisionView<Date>[]> {
    await this.get(id);
    return queryRows<FeeRevisionView<Date>>(
      this.dataSource,
      `SELECT r.id, r.components, r.total_paise AS "totalPaise", r.emi_available AS "emiAvailable", r.scholarship_notes AS "scholarshipNotes",
              to_char(r.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(r.valid_to, 'YYYY-MM-DD') AS "validTo", r.changed_at AS "changedAt", u.name AS "changedBy"
         FROM fee_structure_revisions r LEFT JOIN users u ON u.id = r.changed_by WHERE r.fee_structure_id = $1 ORDER BY r.changed_at DESC`,
      [id],
    );
  }

  /**
   * A new fee structure becomes the current one for its program and session; the one it
   * replaces stays, no longer current, as history (never overwritten).
   */
  async create(body: FeeStructureDto) {
    if (!isSession(body.session)) throw fieldError('session', 'session must be two consecutive years, like 2026-27');
    const components = cleanComponents(body.components);
    const total = checkedTotal(components, body.totalPaise);
    this.checkDates(body.validFrom, body.validTo);
    const id = await this.dataSource.transaction(async (manager) => {
      const program = await queryMaybeOne<{ id: string }>(manager, `SELECT id FROM programs WHERE id = $1 FOR UPDATE`, [body.programId]);
      if (!program) throw fieldError('programId', 'programId must be an existing program');
      await supersedeCurrentFee(manager, body.programId, body.session, body.validFrom ?? null);
      const row = await queryOne<{ id: string }>(
        manager,
        `INSERT INTO fee_structures (program_id, session, components, total_paise, emi_available, scholarship_notes, valid_from, valid_to, panel_edited_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) RETURNING id`,
        [
          body.programId,
          body.session,
          JSON.stringify(components),
          total,
          body.emiAvailable ?? false,
          body.scholarshipNotes ?? null,
          body.validFrom ?? null,
          body.validTo ?? null,
        ],
      );
      return row.id;
    });
    return this.get(id);
  }

  /** Edits in place, optimistically, keeping the replaced figures as a revision. */
  async update(id: string, body: UpdateFeeStructureDto, userId: string) {
    const { version, ...fields } = body;
    const current = await this.get(id);
    const components = fields.components ? cleanComponents(fields.components) : current.components;
    const total = checkedTotal(components, fields.totalPaise);
    this.checkDates(
      fields.validFrom === undefined ? current.validFrom : fields.validFrom,
      fields.validTo === undefined ? current.validTo : fields.validTo,
    );
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO fee_structure_revisions (fee_structure_id, components, total_paise, emi_available, scholarship_notes, valid_from, valid_to, changed_by)
         SELECT id, components, total_paise, emi_available, scholarship_notes, valid_from, valid_to, $2 FROM fee_structures WHERE id = $1 AND version = $3`,
        [id, userId, version],
      );
      const figures = { ...fields, components: fields.components ? JSON.stringify(components) : undefined, totalPaise: total };
      if (!(await updateVersioned(manager, 'fee_structures', id, version, FEE_FIGURES, figures))) throw new AppError(CatalogueErrors.staleVersion);
      // A later catalogue import asks before replacing what was edited here.
      await manager.query(`UPDATE fee_structures SET panel_edited_at = now() WHERE id = $1`, [id]);
    });
    return this.get(id);
  }

  private checkDates(from?: string | null, to?: string | null) {
    if (from && to && to < from) throw fieldError('validTo', 'validTo must not be before validFrom');
  }
}
