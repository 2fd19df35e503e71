import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProgramView } from '@advisordesk/shared';
import { AppError, fetchPage, fieldError, insertRow, parseListQuery, queryMaybeOne, queryRows, updateVersioned } from '@advisordesk/api-core';
import { CatalogueErrors } from './catalogue.errors';
import { PROGRAM_LIST } from './catalogue.lists';
import { PROGRAM_COLUMNS, PROGRAM_FROM } from './catalogue.sql';
import type { ProgramDto, UpdateProgramDto } from './dto/catalogue.dto';
import { duplicateAs } from './universities.service';

/** What staff may set on a program (each field's column is its name in snake_case). */
export const PROGRAM_FIELDS = [
  'universityId',
  'name',
  'level',
  'credentialType',
  'mode',
  'durationMonths',
  'credits',
  'stackable',
  'eligibility',
  'specialisations',
  'active',
] as const;

@Injectable()
export class ProgramsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: Record<string, unknown>) {
    return fetchPage<ProgramView<Date>>(this.dataSource, PROGRAM_COLUMNS, PROGRAM_FROM, parseListQuery(query, PROGRAM_LIST));
  }

  /** Programs with their university and current fee, in the order asked (for shortlists and comparisons). */
  async getMany(ids: string[]): Promise<ProgramView<Date>[]> {
    if (!ids.length) return [];
    const rows = await queryRows<ProgramView<Date>>(this.dataSource, `SELECT ${PROGRAM_COLUMNS} FROM ${PROGRAM_FROM} WHERE p.id = ANY($1)`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((program) => program !== undefined);
  }

  async get(id: string) {
    const [program] = await this.getMany([id]);
    if (!program) throw new AppError(CatalogueErrors.programNotFound);
    return program;
  }

  async create(body: ProgramDto) {
    await this.assertUniversity(body.universityId);
    const id = await insertRow(this.dataSource, 'programs', PROGRAM_FIELDS, { ...body }).catch(duplicateAs(CatalogueErrors.duplicateProgram, 'name'));
    return this.get(id);
  }

  async update(id: string, body: UpdateProgramDto) {
    const { version, ...fields } = body;
    if (fields.universityId) await this.assertUniversity(fields.universityId);
    const matched = await updateVersioned(this.dataSource, 'programs', id, version, PROGRAM_FIELDS, fields).catch(
      duplicateAs(CatalogueErrors.duplicateProgram, 'name'),
    );
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
    const row = await queryMaybeOne<unknown>(this.dataSource, `SELECT 1 FROM universities WHERE id = $1`, [id]);
    if (!row) throw fieldError('universityId', 'universityId must be an existing university');
  }
}
