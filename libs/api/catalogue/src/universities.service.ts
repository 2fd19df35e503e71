import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UniversityView } from '@advisordesk/shared';
import {
  AppError,
  errorOnField,
  fetchPage,
  insertRow,
  isUniqueViolation,
  parseListQuery,
  queryMaybeOne,
  updateVersioned,
  type ErrorCode,
} from '@advisordesk/api-core';
import { CatalogueErrors } from './catalogue.errors';
import { UNIVERSITY_LIST } from './catalogue.lists';
import { UNIVERSITY_COLUMNS } from './catalogue.sql';
import type { UniversityDto, UpdateUniversityDto } from './dto/catalogue.dto';

/** What staff may set on a university (each field's column is its name in snake_case). */
export const UNIVERSITY_FIELDS = [
  'name',
  'city',
  'state',
  'ownership',
  'approvals',
  'naacGrade',
  'nirfRank',
  'nirfCategory',
  'nirfYear',
  'website',
  'active',
] as const;

@Injectable()
export class UniversitiesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: Record<string, unknown>) {
    return fetchPage<UniversityView<Date>>(this.dataSource, UNIVERSITY_COLUMNS, 'universities u', parseListQuery(query, UNIVERSITY_LIST));
  }

  async get(id: string): Promise<UniversityView<Date>> {
    const university = await queryMaybeOne<UniversityView<Date>>(
      this.dataSource,
      `SELECT ${UNIVERSITY_COLUMNS} FROM universities u WHERE u.id = $1`,
      [id],
    );
    if (!university) throw new AppError(CatalogueErrors.universityNotFound);
    return university;
  }

  async create(body: UniversityDto) {
    const id = await insertRow(this.dataSource, 'universities', UNIVERSITY_FIELDS, { ...body }).catch(
      duplicateAs(CatalogueErrors.duplicateUniversity, 'name'),
    );
    return this.get(id);
  }

  async update(id: string, body: UpdateUniversityDto) {
    const { version, ...fields } = body;
    const matched = await updateVersioned(this.dataSource, 'universities', id, version, UNIVERSITY_FIELDS, fields).catch(
      duplicateAs(CatalogueErrors.duplicateUniversity, 'name'),
    );
    if (!matched) {
      await this.get(id);
      throw new AppError(CatalogueErrors.staleVersion);
    }
    return this.get(id);
  }

  /** Universities are never deleted (programs and comparisons point at them): DELETE deactivates. */
  async deactivate(id: string) {
    await this.get(id);
    await this.dataSource.query(`UPDATE universities SET active = false, version = version + 1, updated_at = now() WHERE id = $1`, [id]);
    return this.get(id);
  }
}

/** A unique-index violation as a 409 naming the field. */
export function duplicateAs(error: ErrorCode, field: string) {
  return (caught: unknown): never => {
    throw isUniqueViolation(caught) ? errorOnField(error, field) : caught;
  };
}
