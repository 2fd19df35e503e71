import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, fetchPage, parseListQuery, setClauses, updateVersioned } from '@advisordesk/api-core';
import { CatalogueErrors } from './catalogue.errors';
import { UNIVERSITY_LIST } from './catalogue.lists';
import { UNIVERSITY_COLUMNS } from './catalogue.sql';
import type { UniversityDto, UpdateUniversityDto } from './dto/catalogue.dto';

export const UNIVERSITY_FIELDS: Record<string, string> = {
  name: 'name',
  city: 'city',
  state: 'state',
  ownership: 'ownership',
  approvals: 'approvals',
  naacGrade: 'naac_grade',
  nirfRank: 'nirf_rank',
  nirfCategory: 'nirf_category',
  nirfYear: 'nirf_year',
  website: 'website',
  active: 'active',
};

@Injectable()
export class UniversitiesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: Record<string, unknown>) {
    return fetchPage(this.dataSource, UNIVERSITY_COLUMNS, 'universities u', parseListQuery(query, UNIVERSITY_LIST));
  }

  async get(id: string) {
    const [university] = await this.dataSource.query(`SELECT ${UNIVERSITY_COLUMNS} FROM universities u WHERE u.id = $1`, [id]);
    if (!university) throw new AppError(CatalogueErrors.universityNotFound);
    return university;
  }

  async create(body: UniversityDto) {
    const params: unknown[] = [];
    const sets = setClauses(UNIVERSITY_FIELDS, body as unknown as Record<string, unknown>, params);
    const columns = sets.map((s) => s.split(' = ')[0]);
    const [row] = await this.dataSource
      .query(`INSERT INTO universities (${columns.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`, params)
      .catch(duplicateAs(CatalogueErrors.duplicateUniversity, 'name'));
    return this.get(row.id);
  }

  async update(id: string, body: UpdateUniversityDto) {
    const { version, ...fields } = body;
    const params: unknown[] = [];
    const sets = setClauses(UNIVERSITY_FIELDS, fields, params).map((s) => s.replace(/\$(\d+)/, (_, n) => `$${Number(n) + 2}`));
    const matched = await updateVersioned(this.dataSource, 'universities', id, version, sets, params).catch(duplicateAs(CatalogueErrors.duplicateUniversity, 'name'));
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
export function duplicateAs(error: typeof CatalogueErrors.duplicateProgram, field: string) {
  return (caught: unknown): never => {
    if ((caught as { driverError?: { code?: string } }).driverError?.code === '23505') throw new AppError(error, [{ field, message: error.message }]);
    throw caught;
  };
}
