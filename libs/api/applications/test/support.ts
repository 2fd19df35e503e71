import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { queryOne } from '@advisordesk/api-core';
import type { TestApp } from '@advisordesk/api-database/testing';
import type { SignedIn } from '@advisordesk/api-auth/testing';

let counter = 0;

/** Files as a phone or a scanner makes them: the right first bytes, then `size` bytes in all. */
export const files = {
  pdf: (size = 600 * 1024) => Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n'), randomBytes(size - 15)]),
  jpeg: (size = 300 * 1024) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), randomBytes(size - 11)]),
  png: (size = 40 * 1024) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]),
  exe: () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(4000)]),
  html: () => Buffer.from('\uFEFF  <!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'),
};

/** A university, a program and its current fee structure for 2026-27 (₹1,80,000), inserted directly. */
export async function program(t: TestApp, name = 'Online MBA', totalPaise = 1_80_000_00): Promise<{ id: string; universityId: string }> {
  counter++;
  const university = await queryOne<{ id: string }>(
    t.dataSource,
    `INSERT INTO universities (name, ownership, approvals) VALUES ($1, 'private', '{UGC-entitled}') RETURNING id`,
    [`Manipal University Jaipur ${counter}`],
  );
  const created = await queryOne<{ id: string }>(
    t.dataSource,
    `INSERT INTO programs (university_id, name, level, mode) VALUES ($1, $2, 'PG', 'online') RETURNING id`,
    [university.id, name],
  );
  await t.dataSource.query(`INSERT INTO fee_structures (program_id, session, components, total_paise) VALUES ($1, '2026-27', $2, $3)`, [
    created.id,
    JSON.stringify([{ label: 'Tuition', amountPaise: totalPaise }]),
    totalPaise,
  ]);
  return { id: created.id, universityId: university.id };
}

/** A lead entered by a manager and assigned to `advisor`. */
export async function leadOf(t: TestApp, manager: SignedIn, advisor: SignedIn, fullName = 'Ananya Gupta'): Promise<string> {
  counter++;
  const phone = `9${String(Date.now() % 100_000_000).padStart(8, '0')}${counter % 10}`;
  const created = await request(t.http).post('/api/leads').set(manager.auth).send({ fullName, phone, source: 'phone' }).expect(201);
  await request(t.http).post(`/api/leads/${created.body.id}/assign`).set(manager.auth).send({ advisorId: advisor.id }).expect(200);
  return created.body.id;
}

/** Reads a whole response body as bytes (supertest's default parses JSON and text only). */
export const binary = (res: request.Response, done: (error: Error | null, body: unknown) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const parts: Buffer[] = [];
  stream.on('data', (part: Buffer) => parts.push(part));
  stream.on('end', () => done(null, Buffer.concat(parts)));
};
