import request from 'supertest';
import { queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '../src';

describe('large lead lists', () => {
  let t: TestApp;
  let manager: SignedIn;
  let advisor: SignedIn;

  beforeAll(async () => {
    t = await createTestApp([LeadsModule]);
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
    await t.dataSource.query(
      `INSERT INTO leads (reference, full_name, phone, advisor_id, created_at)
       SELECT 'AD-L' || lpad(i::text, 7, '0'), 'Lead ' || i, '+9196' || lpad(i::text, 8, '0'), $1, timestamptz '2026-01-01' + i * interval '1 minute'
         FROM generate_series(1, 12000) i`,
      [advisor.id],
    );
    await t.dataSource.query(`ANALYZE leads`);
  });
  afterAll(() => t.close());

  it('past 10,000 matching leads the total is an estimate, and says so', async () => {
    const response = await request(t.http).get('/api/leads?_start=0&_end=25').set(manager.auth).expect(200);
    expect(response.headers['x-total-count-estimated']).toBe('true');
    expect(Number(response.headers['x-total-count'])).toBeGreaterThan(10_000);
    expect(Math.abs(Number(response.headers['x-total-count']) - 12_000)).toBeLessThan(2_400);
    const small = await request(t.http).get('/api/leads?q=Lead%2011999').set(manager.auth).expect(200);
    expect(small.headers['x-total-count']).toBe('1');
    expect(small.headers['x-total-count-estimated']).toBeUndefined();
  });

  it('a text search counts exactly up to 1,000 matches, and estimates past that', async () => {
    const few = await request(t.http).get('/api/leads?q=Lead%20115').set(manager.auth).expect(200);
    expect(few.headers['x-total-count']).toBe('111');
    expect(few.headers['x-total-count-estimated']).toBeUndefined();
    const many = await request(t.http).get('/api/leads?q=Lead%201').set(manager.auth).expect(200);
    expect(many.headers['x-total-count-estimated']).toBe('true');
    expect(Number(many.headers['x-total-count'])).toBeGreaterThan(1_000);
  });

  it('a deep page holds the same leads, in the same order, as plain OFFSET paging', async () => {
    const response = await request(t.http).get('/api/leads?_sort=createdAt&_order=desc&_start=7000&_end=7010').set(advisor.auth).expect(200);
    const expected = await queryRows<{ full_name: string }>(
      t.dataSource,
      `SELECT full_name FROM leads ORDER BY created_at DESC, id DESC LIMIT 10 OFFSET 7000`,
    );
    expect(response.body.map((l: { fullName: string }) => l.fullName)).toEqual(expected.map((r) => r.full_name));
  });
});
