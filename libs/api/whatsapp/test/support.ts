import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { queryOne } from '@advisordesk/api-core';
import type { TestApp } from '@advisordesk/api-database/testing';
import type { SignedIn } from '@advisordesk/api-auth/testing';

let phoneCounter = 0;

/** A fresh Indian mobile number, as a lead holds it (E.164) and as Meta writes it (digits). */
export function newPhone(): { e164: string; wa: string; local: string } {
  phoneCounter++;
  const n = (Date.now() % 1_000_000) * 100 + (phoneCounter % 100);
  const local = `9${String(n).padStart(9, '0').slice(-9)}`;
  return { e164: `+91${local}`, wa: `91${local}`, local };
}

/** The app listening on loopback (the stand-in posts webhooks to it); answers its base URL. */
export async function listen(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function until<T>(check: () => Promise<T | null | undefined | false>, what: string, seconds = 20): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A lead entered by a manager, assigned to `advisor`. */
export async function leadFor(t: TestApp, manager: SignedIn, advisor: SignedIn, extra: Record<string, unknown> = {}) {
  const phone = newPhone();
  const created = await request(t.http)
    .post('/api/leads')
    .set(manager.auth)
    .send({ fullName: 'Kavya Iyer', phone: phone.local, source: 'phone', ...extra })
    .expect(201);
  await request(t.http).post(`/api/leads/${created.body.id}/assign`).set(manager.auth).send({ advisorId: advisor.id }).expect(200);
  return { id: created.body.id as string, phone };
}

export async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await queryOne<{ n: string }>(t.dataSource, `SELECT count(*) AS n FROM (${sql}) x`, params)).n);
}
