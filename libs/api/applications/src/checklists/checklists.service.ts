import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_CHECKLIST, type ChecklistItem, type ChecklistView } from '@advisordesk/shared';
import { AppError, fieldError, queryMaybeOne, type Queryable } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { ApplicationErrors } from '../applications.errors';
import type { ChecklistItemDto } from '../dto/applications.dto';

/**
 * The documents an application asks for: the default checklist (the `document_checklist` setting,
 * or the product's own), or a program's own (`program_checklists`), both kept by managers.
 */
@Injectable()
export class ChecklistsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async getDefault(db: Queryable = this.dataSource): Promise<ChecklistView> {
    const row = await queryMaybeOne<{ items: ChecklistItem[] }>(
      db,
      `SELECT value->'items' AS items FROM app_settings WHERE key = 'document_checklist'`,
    );
    return { programId: null, custom: false, items: row?.items ?? [...DEFAULT_CHECKLIST] };
  }

  async putDefault(items: ChecklistItemDto[]): Promise<ChecklistView> {
    const clean = checked(items);
    await this.dataSource.query(
      `INSERT INTO app_settings (key, value) VALUES ('document_checklist', jsonb_build_object('items', $1::jsonb))
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [JSON.stringify(clean)],
    );
    return { programId: null, custom: false, items: clean };
  }

  async getForProgram(programId: string, db: Queryable = this.dataSource): Promise<ChecklistView> {
    const row = await queryMaybeOne<{ items: ChecklistItem[] | null }>(
      db,
      `SELECT c.items FROM programs p LEFT JOIN program_checklists c ON c.program_id = p.id WHERE p.id = $1`,
      [programId],
    );
    if (!row) throw new AppError(ApplicationErrors.programNotFound);
    if (row.items) return { programId, custom: true, items: row.items };
    return { ...(await this.getDefault(db)), programId };
  }

  /** A program's own checklist; `null` goes back to the default. */
  async putForProgram(user: AuthUser, programId: string, items: ChecklistItemDto[] | null): Promise<ChecklistView> {
    const program = await queryMaybeOne(this.dataSource, `SELECT 1 FROM programs WHERE id = $1`, [programId]);
    if (!program) throw new AppError(ApplicationErrors.programNotFound);
    if (items === null) {
      await this.dataSource.query(`DELETE FROM program_checklists WHERE program_id = $1`, [programId]);
    } else {
      await this.dataSource.query(
        `INSERT INTO program_checklists (program_id, items, updated_by) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (program_id) DO UPDATE SET items = EXCLUDED.items, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [programId, JSON.stringify(checked(items)), user.id],
      );
    }
    return this.getForProgram(programId);
  }

  /** The items a new application of this program gets. */
  async itemsFor(db: Queryable, programId: string): Promise<ChecklistItem[]> {
    return (await this.getForProgram(programId, db)).items;
  }
}

/** Labels trimmed and unique within a checklist (two "Mark sheet" items could not be told apart by the student). */
function checked(items: ChecklistItemDto[]): ChecklistItem[] {
  const seen = new Set<string>();
  return items.map((item, index) => {
    const label = item.label.trim();
    const key = label.toLowerCase();
    if (!label) throw fieldError(`items[${index}].label`, `items[${index}].label must not be empty`);
    if (seen.has(key)) throw fieldError(`items[${index}].label`, `items[${index}].label: "${label}" is in the checklist twice`);
    seen.add(key);
    return { kind: item.kind, label, required: item.required };
  });
}
