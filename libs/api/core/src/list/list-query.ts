import { DAY_PATTERN, istDayBounds } from '@advisordesk/shared';
import { fieldError } from '../errors/app-error';
import { queryAffected, queryRows, type Queryable } from '../database/typed-query';
import { columnName } from '../database/column-name';

/**
 * Refine's stock `@refinedev/simple-rest` conventions, turned into parameterised SQL:
 * `_start/_end` paging, `_sort/_order` (comma lists), `field=value` (repeat for "any of"),
 * `field_ne`, `field_gte`, `field_lte`, `field_like`, `field_null=true|false` (not set / set), and `q`.
 * Anything else is a 400 naming it.
 */
export type ListFieldType = 'text' | 'uuid' | 'enum' | 'int' | 'bool' | 'timestamp' | 'date' | 'textArray';

export interface ListField {
  /** SQL expression, e.g. `l.created_at`. */
  column: string;
  type: ListFieldType;
  sortable?: boolean;
  /** The column is NOT NULL: sorted without a NULLS clause, so an index on it gives the order. */
  required?: boolean;
  filterable?: boolean;
  values?: readonly string[];
}

export interface ListSpec {
  fields: Record<string, ListField>;
  defaultSort: { field: string; order: 'asc' | 'desc' };
  /** Adds the `q` condition; answers the SQL using the given placeholder. */
  search?: (placeholder: string, q: string) => { sql: string; value: unknown };
  /** A unique column used as the tie-breaker so paging is stable. */
  tieBreaker: string;
  maxPageSize?: number;
  /** Extra parameters that the caller handles itself (not refused). */
  passThrough?: readonly string[];
}

export interface ParsedList {
  where: string[];
  params: unknown[];
  orderBy: string;
  limit: number;
  offset: number;
  /** The unique column that ends every ORDER BY (stable pages). */
  tieBreaker: string;
  /** A `q` text search is part of the filter. */
  searched?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A query value as its list of strings (`status=new&status=lost`); nested `a[b]=c` objects are refused. */
function asList(key: string, value: unknown): string[] {
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v) => typeof v === 'string')) throw fieldError(key, `${key} must be plain text (or repeated for several values)`);
  return values;
}

/** The spec's own field of that name; never a built-in property such as `constructor`. */
export function listField(spec: ListSpec, name: string): ListField | undefined {
  return Object.hasOwn(spec.fields, name) ? spec.fields[name] : undefined;
}

function coerce(name: string, field: ListField, raw: string, bound?: 'lower' | 'upper'): unknown {
  switch (field.type) {
    case 'uuid':
      if (!UUID.test(raw)) throw fieldError(name, `${name} must be a UUID`);
      return raw;
    case 'enum':
    case 'textArray':
      if (field.values && !field.values.includes(raw)) throw fieldError(name, `${name} must be one of: ${field.values.join(', ')}`);
      return raw;
    case 'int': {
      if (!/^-?\d+$/.test(raw)) throw fieldError(name, `${name} must be a whole number`);
      return Number(raw);
    }
    case 'bool':
      if (raw !== 'true' && raw !== 'false') throw fieldError(name, `${name} must be true or false`);
      return raw === 'true';
    case 'date':
      if (!DAY_PATTERN.test(raw) || Number.isNaN(Date.parse(raw))) throw fieldError(name, `${name} must be a date like 2026-04-01`);
      return raw;
    case 'timestamp': {
      // A bare date is a day in Asia/Kolkata: `_gte` from its start, `_lte` to its end.
      if (DAY_PATTERN.test(raw)) {
        const day = istDayBounds(raw);
        if (Number.isNaN(day.start.getTime())) throw fieldError(name, `${name} must be a date or an ISO 8601 time`);
        return (bound === 'upper' ? day.end : day.start).toISOString();
      }
      const time = Date.parse(raw);
      if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/.test(raw)) throw fieldError(name, `${name} must be a date or an ISO 8601 time`);
      return new Date(time).toISOString();
    }
    default:
      if (raw.length > 200) throw fieldError(name, `${name} is too long`);
      return raw;
  }
}

function parseNonNegativeInt(name: string, raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw) || !/^\d{1,9}$/.test(String(raw))) throw fieldError(name, `${name} must be a non-negative whole number`);
  return Number(raw);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

export function parseListQuery(query: Record<string, unknown>, spec: ListSpec, firstParam = 1): ParsedList {
  const where: string[] = [];
  const params: unknown[] = [];
  let searched = false;
  const next = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };

  const start = parseNonNegativeInt('_start', query._start) ?? 0;
  const maxPage = spec.maxPageSize ?? 500;
  const end = parseNonNegativeInt('_end', query._end) ?? start + (query._start === undefined ? maxPage : 25);
  if (end < start) throw fieldError('_end', '_end must not be smaller than _start');
  if (end - start > maxPage) throw fieldError('_end', `a page holds at most ${maxPage} rows`);

  // Sorting: whitelisted fields only, always ending with the tie-breaker for stable pages.
  const sortFields = query._sort === undefined ? [spec.defaultSort.field] : asList('_sort', query._sort).join(',').split(',');
  const orders = query._order === undefined ? [spec.defaultSort.order] : asList('_order', query._order).join(',').split(',');
  const orderParts = sortFields.map((name, index) => {
    const field = listField(spec, name);
    if (!field || !field.sortable) throw fieldError('_sort', `_sort: ${name} is not a sortable field`);
    const order = (orders[index] ?? orders[0] ?? 'asc').toLowerCase();
    if (order !== 'asc' && order !== 'desc') throw fieldError('_order', '_order must be asc or desc');
    return `${field.column} ${order.toUpperCase()}${field.required ? '' : order === 'desc' ? ' NULLS LAST' : ' NULLS FIRST'}`;
  });
  const lastOrder = (orders[orders.length - 1] ?? 'asc').toLowerCase() === 'desc' ? 'DESC' : 'ASC';
  if (!sortFields.some((name) => listField(spec, name)?.column === spec.tieBreaker)) orderParts.push(`${spec.tieBreaker} ${lastOrder}`);

  for (const [key, value] of Object.entries(query)) {
    if (['_start', '_end', '_sort', '_order'].includes(key) || spec.passThrough?.includes(key)) continue;
    if (key === 'q') {
      const q = asList(key, value).join(' ').trim();
      if (!q) continue;
      if (!spec.search) throw fieldError('q', 'q: this list cannot be searched');
      if (q.length > 100) throw fieldError('q', 'q is too long (at most 100 characters)');
      const condition = spec.search(`$${firstParam + params.length}`, q);
      params.push(condition.value);
      where.push(condition.sql);
      searched = true;
      continue;
    }
    const match = /^(.+?)(_ne|_gte|_lte|_like|_null)?$/.exec(key);
    const name = match?.[1] ?? key;
    const op = match?.[2] ?? '';
    const field = listField(spec, name);
    if (!field || field.filterable === false) throw fieldError(key, `${key} is not a known filter`);
    const values = asList(key, value);
    if (values.length === 0) continue;
    if (op === '') {
      // `empty`/`null` is not a value anyone types; `field=` with nothing means "not set".
      const nonEmpty = values.filter((v) => v !== '');
      if (nonEmpty.length === 0) {
        where.push(`${field.column} IS NULL`);
        continue;
      }
      const coerced = nonEmpty.map((v) => coerce(key, field, v, 'lower'));
      if (field.type === 'textArray') {
        // `approvals=UGC-entitled&approvals=DEB`: has all of them.
        where.push(`${field.column} @> ${next(coerced)}::text[]`);
      } else if (field.type === 'timestamp' && DAY_PATTERN.test(nonEmpty[0])) {
        // `createdAt=2026-04-01` means that whole day in Asia/Kolkata.
        const upper = coerce(key, field, nonEmpty[0], 'upper');
        where.push(`${field.column} BETWEEN ${next(coerced[0])} AND ${next(upper)}`);
      } else if (coerced.length === 1) where.push(`${field.column} = ${next(coerced[0])}`);
      else where.push(`${field.column} = ANY(${next(coerced)})`);
    } else if (op === '_null') {
      if (field.required) throw fieldError(key, `${key}: ${name} is always set`);
      const isNull = coerce(key, { column: field.column, type: 'bool' }, values[0]);
      where.push(`${field.column} IS ${isNull ? '' : 'NOT '}NULL`);
    } else if (op === '_ne') {
      const coerced = values.map((v) => coerce(key, field, v));
      where.push(`${field.column} IS DISTINCT FROM ${next(coerced[0])}`);
    } else if (op === '_gte' || op === '_lte') {
      if (field.type === 'text' || field.type === 'uuid' || field.type === 'enum' || field.type === 'bool' || field.type === 'textArray')
        throw fieldError(key, `${key}: ${name} has no range`);
      const coerced = coerce(key, field, values[0], op === '_gte' ? 'lower' : 'upper');
      where.push(`${field.column} ${op === '_gte' ? '>=' : '<='} ${next(coerced)}`);
    } else {
      if (field.type !== 'text') throw fieldError(key, `${key}: only text fields can be searched with _like`);
      where.push(`${field.column} ILIKE ${next('%' + escapeLike(values[0]) + '%')}`);
    }
  }

  return { where, params, orderBy: orderParts.join(', '), limit: end - start, offset: start, tieBreaker: spec.tieBreaker, searched };
}

export function whereClause(where: string[]): string {
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

/** Up to this many rows a list's total is counted exactly; past it the planner's estimate is enough. */
export const EXACT_COUNT_LIMIT = 10_000;
/**
 * A text search counts exactly up to 1,000 matches: a fragment as common as a surname matches
 * one lead in fifty, and counting 10,000 of them through the trigram index cost more than the page.
 */
export const EXACT_SEARCH_COUNT_LIMIT = 1_000;
/** From this offset, a page is found by its ids first (an index-only scan), then its rows are read. */
const DEEP_PAGE_OFFSET = 1_000;

export interface Page<T> {
  rows: T[];
  total: number;
  /** True when `total` is PostgreSQL's estimate (more than EXACT_COUNT_LIMIT rows match). */
  estimated: boolean;
}

/**
 * One page and the total for `x-total-count`, from `SELECT ${select} FROM ${from}` with the parsed
 * list. Counting a million rows on every page view would cost more than the page: totals are
 * exact up to 10,000 (1,000 for a text search) and estimated past that. Deep pages walk the ordering index for ids only,
 * then read just the rows shown.
 */
export async function fetchPage<T>(db: Queryable, select: string, from: string, list: ParsedList): Promise<Page<T>> {
  const where = whereClause(list.where);
  const exactUpTo = list.searched ? EXACT_SEARCH_COUNT_LIMIT : EXACT_COUNT_LIMIT;
  const pageSql =
    list.offset >= DEEP_PAGE_OFFSET
      ? `SELECT ${select} FROM ${from} WHERE ${list.tieBreaker} IN (SELECT ${list.tieBreaker} FROM ${from} ${where} ORDER BY ${list.orderBy} LIMIT ${list.limit} OFFSET ${list.offset}) ORDER BY ${list.orderBy}`
      : `SELECT ${select} FROM ${from} ${where} ORDER BY ${list.orderBy} LIMIT ${list.limit} OFFSET ${list.offset}`;
  const [rows, [{ total }]] = await Promise.all([
    queryRows<T>(db, pageSql, list.params),
    queryRows<{ total: number }>(
      db,
      `SELECT count(*)::int AS total FROM (SELECT 1 FROM ${from} ${where} LIMIT ${exactUpTo + 1}) capped`,
      list.params,
    ),
  ]);
  if (total <= exactUpTo) return { rows, total, estimated: false };
  const [{ 'QUERY PLAN': plan }] = await queryRows<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>(
    db,
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${from} ${where}`,
    list.params,
  );
  return { rows, total: Math.max(exactUpTo + 1, Math.round(plan[0].Plan['Plan Rows'])), estimated: true };
}

/** Sets simple-rest's `x-total-count` (and says when it is an estimate) and answers the rows. */
export function sendPage<T>(response: { setHeader(name: string, value: string): unknown }, page: Page<T>): T[] {
  response.setHeader('x-total-count', String(page.total));
  if (page.estimated) response.setHeader('x-total-count-estimated', 'true');
  return page.rows;
}

/**
 * `SET` fragments for the given fields of `values` (undefined ones skipped; each field's column is
 * its name in snake_case), pushing their values onto `params`: text trimmed, arrays as they are
 * (text[] columns), other objects as JSON.
 */
export function setClauses(fields: readonly string[], values: Record<string, unknown>, params: unknown[]): string[] {
  const sets: string[] = [];
  for (const field of fields) {
    const value = values[field];
    if (value === undefined) continue;
    params.push(
      typeof value === 'string' ? value.trim() : Array.isArray(value) || value === null || typeof value !== 'object' ? value : JSON.stringify(value),
    );
    sets.push(`${columnName(field)} = $${params.length}`);
  }
  return sets;
}

/** Inserts the given fields of `values` (as setClauses takes them) as a row of `table`, and answers its id. */
export async function insertRow(db: Queryable, table: string, fields: readonly string[], values: Record<string, unknown>): Promise<string> {
  const params: unknown[] = [];
  const columns = setClauses(fields, values, params).map((set) => set.slice(0, set.indexOf(' = ')));
  const [row] = await queryRows<{ id: string }>(
    db,
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    params,
  );
  return row.id;
}

/** `UPDATE … SET <the given fields> WHERE id = $1 AND version = $2`, and whether a row matched (false: stale or gone). */
export async function updateVersioned(
  db: Queryable,
  table: string,
  id: string,
  version: number,
  fields: readonly string[],
  values: Record<string, unknown>,
): Promise<boolean> {
  const params: unknown[] = [id, version];
  const sets = setClauses(fields, values, params);
  const affected = await queryAffected(
    db,
    `UPDATE ${table} SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2`,
    params,
  );
  return affected === 1;
}
