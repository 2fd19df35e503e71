import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { queryRows } from '@advisordesk/api-core';
import { freePort, runMigrations } from '@advisordesk/api-database';
import { createTestApp, startStoppablePostgres, type StoppablePostgres, type TestApp } from '@advisordesk/api-database/testing';
import { LeadsModule } from '../src';
import { inquiry, submitInquiry } from './support';

/**
 * The database stops under a running app, as it does during a failover or a restart: callers get
 * "retry later" (503 + Retry-After), never "broken" (500), and the app carries on by itself once
 * it is back. This file runs its own PostgreSQL server, so it can stop it.
 */
describe('a database outage', () => {
  let root: string;
  let server: StoppablePostgres;
  let t: TestApp;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'adk-outage-'));
    chmodSync(root, 0o755); // the server runs as the postgres user when tests run as root
    server = await startStoppablePostgres(join(root, 'data'), await freePort());
    await runMigrations(server.url('postgres'));
    const database = { name: 'postgres', url: server.url('postgres'), drop: async () => undefined };
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '100000' }, { database });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await server?.stop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while the database is down, loses or doubles no acknowledged inquiry, and recovers by itself', async () => {
    await request(t.http).get('/api/health').expect(200);
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let sending = true;
    let retryAfterSeen = true;

    // Four callers keep submitting new inquiries (each a new phone) through the whole outage.
    const load = Promise.all(
      [1, 2, 3, 4].map(async () => {
        while (sending) {
          const body = inquiry();
          const response = await submitInquiry(t, body);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status === 201) acknowledged.push(`+91${body.phone}`);
          if (response.status === 503 && !response.headers['retry-after']) retryAfterSeen = false;
        }
      }),
    );

    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.stop();
    const health = await request(t.http).get('/api/health');
    expect(health.status).toBe(503);
    expect(Number(health.headers['retry-after'])).toBeGreaterThan(0);
    expect(health.body.message).toMatch(/database/i);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const during = await submitInquiry(t, inquiry());
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ statusCode: 503, code: 'common.databaseUnavailable' });
    expect(Number(during.headers['retry-after'])).toBeGreaterThan(0);

    // The same server comes back on the same port; the app reconnects without a restart.
    await server.start();
    let healthy = false;
    for (let i = 0; i < 50 && !healthy; i++) {
      healthy = (await request(t.http).get('/api/health')).status === 200;
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(healthy).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    sending = false;
    await load;

    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    expect(retryAfterSeen).toBe(true);
    await submitInquiry(t, inquiry()).expect(201);
    // Every acknowledged inquiry is there exactly once.
    const rows = await queryRows<{ phone: string; inquiries: number }>(
      t.dataSource,
      `SELECT l.phone, count(i.id)::int AS inquiries FROM leads l JOIN inquiries i ON i.lead_id = l.id WHERE l.phone = ANY($1::text[]) GROUP BY l.phone`,
      [acknowledged],
    );
    expect(rows).toHaveLength(acknowledged.length);
    expect(rows.every((row) => row.inquiries === 1)).toBe(true);
  });
});
