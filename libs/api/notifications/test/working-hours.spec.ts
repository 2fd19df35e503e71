import { queryOne } from '@advisordesk/api-core';
import { createTestDatabase, type TestDatabase } from '@advisordesk/api-database/testing';
import { DataSource } from 'typeorm';
import { DEFAULT_WORKING_HOURS } from '@advisordesk/shared';

/** Working hours in SQL (`working_add`, `working_minutes`), 09:00–20:00 IST Monday to Saturday. */
describe('working hours', () => {
  let database: TestDatabase;
  let db: DataSource;
  const hours = JSON.stringify(DEFAULT_WORKING_HOURS);

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  const due = async (arrived: string, minutes: number) =>
    (
      await queryOne<{ at: string }>(
        db,
        `SELECT to_char(working_add($1::timestamptz, $2, $3::jsonb) AT TIME ZONE 'Asia/Kolkata', 'Dy YYYY-MM-DD HH24:MI') AS at`,
        [arrived, minutes, hours],
      )
    ).at;
  const minutes = async (a: string, b: string) =>
    Number((await queryOne<{ m: string }>(db, `SELECT working_minutes($1::timestamptz, $2::timestamptz, $3::jsonb) AS m`, [a, b, hours])).m);

  it('a lead that arrives in working hours is due the SLA later; one at 23:00 is due at the next opening plus the SLA', async () => {
    expect(await due('2026-12-01T10:15:00+05:30', 60)).toBe('Tue 2026-12-01 11:15');
    expect(await due('2026-12-01T19:30:00+05:30', 60)).toBe('Wed 2026-12-02 09:30');
    expect(await due('2026-12-01T23:00:00+05:30', 60)).toBe('Wed 2026-12-02 10:00');
    expect(await due('2026-12-02T06:00:00+05:30', 60)).toBe('Wed 2026-12-02 10:00');
  });

  it('across a Sunday: Saturday evening and Sunday arrivals are due on Monday', async () => {
    expect(await due('2026-12-05T19:45:00+05:30', 60)).toBe('Mon 2026-12-07 09:45');
    expect(await due('2026-12-06T11:00:00+05:30', 60)).toBe('Mon 2026-12-07 10:00');
    // A long SLA runs over whole working days.
    expect(await due('2026-12-05T09:00:00+05:30', 11 * 60 + 30)).toBe('Mon 2026-12-07 09:30');
  });

  it('working minutes between two times count only the open hours', async () => {
    expect(await minutes('2026-12-01T10:00:00+05:30', '2026-12-01T10:45:00+05:30')).toBe(45);
    // 19:30 Tuesday to 09:30 Wednesday: 30 minutes on Tuesday, 30 on Wednesday.
    expect(await minutes('2026-12-01T19:30:00+05:30', '2026-12-02T09:30:00+05:30')).toBe(60);
    // Saturday 19:00 to Monday 10:00: one hour on Saturday, none on Sunday, one on Monday.
    expect(await minutes('2026-12-05T19:00:00+05:30', '2026-12-07T10:00:00+05:30')).toBe(120);
    expect(await minutes('2026-12-06T10:00:00+05:30', '2026-12-06T18:00:00+05:30')).toBe(0);
    expect(await minutes('2026-12-02T10:00:00+05:30', '2026-12-01T10:00:00+05:30')).toBe(0);
  });
});
