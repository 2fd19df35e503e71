import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, fetchPage, fieldError, parseListQuery, setClauses, updateVersioned } from '@advisordesk/api-core';
import { CatalogueErrors } from './catalogue.errors';
import { PROGRAM_LIST } from './catalogue.lists';
import { PROGRAM_COLUMNS, PROGRAM_FROM } from './catalogue.sql';
import type { ProgramDto, UpdateProgramDto } from './dto/catalogue.dto';
import { duplicateAs } from './universities.service';

export const PROGRAM_FIELDS: Record<string, string> = {
  universityId: 'university_id',
  name: 'name',
  level: 'level',
  credentialType: 'credential_type',
  mode: 'mode',
  durationMonths: 'duration_months',
  credits: 'credits',
  stackable: 'stackable',
  eligibility: 'eligibility',
  specialisations: 'specialisations',
  active: 'active',
};

@Injectable()
export class ProgramsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: Record<string, unknown>) {
    return fetchPage(this.dataSource, PROGRAM_COLUMNS, PROGRAM_FROM, parseListQuery(query, PROGRAM_LIST));
  }

  /** Programs with their university and current fee, in the order asked (for shortlists and comparisons). */
  async getMany(ids: string[]) {
    if (!ids.length) return [];
    const rows = await this.dataSource.query(`SELECT ${PROGRAM_COLUMNS} FROM ${PROGRAM_FROM} WHERE p.id = ANY($1)`, [ids]);
    const byId = new Map(rows.map((r: { id: string }) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter(Boolean);
  }

  async get(id: string) {
    const [program] = await this.getMany([id]);
    if (!program) throw new AppError(CatalogueErrors.programNotFound);
    return program;
  }

  async create(body: ProgramDto) {
    await this.assertUniversity(body.universityId);
    const params: unknown[] = [];
    const sets = setClauses(PROGRAM_FIELDS, body as unknown as Record<string, unknown>, params);
    const columns = sets.map((s) => s.split(' = ')[0]);
    const [row] = await this.dataSource
      .query(`INSERT INTO programs (${columns.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`, params)
      .catch(duplicateAs(CatalogueErrors.duplicateProgram, 'name'));
    return this.get(row.id);
  }

  async update(id: string, body: UpdateProgramDto) {
    const { version, ...fields } = body;
    if (fields.universityId) await this.assertUniversity(fields.universityId);
    const params: unknown[] = [];
    const sets = setClauses(PROGRAM_FIELDS, fields, params).map((s) => s.replace(/\$(\d+)/, (_, n) => `$${Number(n) + 2}`));
    const matched = await updateVersioned(this.dataSource, 'programs', id, version, sets, params).catch(duplicateAs(CatalogueErrors.duplicateProgram, 'name'));
    if (!matched) {
      await this.get(id);
      throw new AppError(CatalogueErrors.staleVersion);
    }
    return this.get(id);
  }

  async deactivate(id: string) {
    await this.get(id);
    await this.dataSource.query(`UPDATE programs SET active = false, version = version + 1, updated_at = now() WHERE id = $1`, [id]);
    return this.get(id);
  }

  private async assertUniversity(id: string) {
    const [row] = await this.dataSource.query(`SELECT 1 FROM universities WHERE id = $1`, [id]);
    if (!row) throw fieldError('universityId', 'universityId must be an existing university');
  }
}
