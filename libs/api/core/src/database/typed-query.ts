/**
 * Raw SQL with typed rows. TypeORM's `query()` answers `any`: the rows for SELECT and
 * INSERT … RETURNING, `[rows, affectedCount]` for UPDATE and DELETE. These name the row type at
 * the call site and cost nothing at run time: no mapping, no extra round trip.
 * (A `pg` client is generic already: `client.query<Row>(sql)`.)
 */

/** A DataSource, an EntityManager or a QueryRunner: whatever runs SQL the TypeORM way. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The rows of a SELECT or an INSERT … RETURNING. */
export function queryRows<T>(db: Queryable, sql: string, params?: unknown[]): Promise<T[]> {
  return db.query(sql, params) as Promise<T[]>;
}

/** The first row, or undefined when there is none. */
export async function queryMaybeOne<T>(db: Queryable, sql: string, params?: unknown[]): Promise<T | undefined> {
  const [row] = await queryRows<T>(db, sql, params);
  return row;
}

/** The row a statement always answers (an aggregate, an INSERT … RETURNING); none is a bug. */
export async function queryOne<T>(db: Queryable, sql: string, params?: unknown[]): Promise<T> {
  const row = await queryMaybeOne<T>(db, sql, params);
  if (row === undefined) throw new Error(`Expected a row from: ${sql.trim().slice(0, 80)}`);
  return row;
}

/** How many rows an UPDATE or DELETE changed. */
export async function queryAffected(db: Queryable, sql: string, params?: unknown[]): Promise<number> {
  const [, affected] = (await db.query(sql, params)) as [unknown[], number];
  return affected;
}

/** The rows an UPDATE … RETURNING or DELETE … RETURNING changed. */
export async function queryChanged<T>(db: Queryable, sql: string, params?: unknown[]): Promise<T[]> {
  const [rows] = (await db.query(sql, params)) as [T[], number];
  return rows;
}
