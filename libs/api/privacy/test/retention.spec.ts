import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { AuthModule } from '@advisordesk/api-auth';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { JobsModule } from '@advisordesk/api-jobs';
import { LeadsModule } from '@advisordesk/api-leads';
import type { RetentionStatus } from '@advisordesk/shared';
import { PrivacyModule, RetentionService } from '../src';
import { FAST, insertLead, newPhone, recipient, startSmtp } from './support';

describe('retention: inactive leads are warned, then erased 48 hours later, and nothing else', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let admin: SignedIn;
  let manager: SignedIn;
  let retention: RetentionService;

  /** A lead created `monthsAgo`, whose last inquiry, message and timeline entry were then too. */
  async function leadLastSeen(monthsAgo: number, columns: Record<string, unknown> = {}): Promise<string> {
    const id = await insertLead(t, newPhone(), columns);
    const at = `now() - make_interval(months => ${monthsAgo})`;
    await t.dataSource.query(`UPDATE leads SET created_at = ${at} WHERE id = $1`, [id]);
    await t.dataSource.query(`INSERT INTO inquiries (lead_id, payload, received_at) VALUES ($1, '{}', ${at})`, [id]);
    await t.dataSource.query(`INSERT INTO activities (lead_id, type, data, created_at) VALUES ($1, 'note', '{"text": "Called"}', ${at})`, [id]);
    return id;
  }
  const erased = async (id: string) =>
    (await queryOne<{ erased: boolean }>(t.dataSource, `SELECT erased_at IS NOT NULL AS erased FROM leads WHERE id = $1`, [id])).erased;
  const settings = (body: Record<string, unknown>) => request(t.http).put('/api/settings/retention').set(admin.auth).send(body);
  /** The 48 hours pass. */
  const hoursPass = () =>
    t.dataSource.query(`UPDATE leads SET retention_warned_at = retention_warned_at - interval '49 hours' WHERE retention_warned_at IS NOT NULL`);

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp([AuthModule, JobsModule.forRoot(), LeadsModule, PrivacyModule], {
      ...FAST,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'AdvisorDesk <desk@example.in>',
      PUBLIC_URL: 'https://desk.example.in',
    });
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    retention = t.app.get(RetentionService);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('erases exactly the leads past their limit, 48 hours after warning them, and counts them for reports', async () => {
    const inactive = await leadLastSeen(40, { email: 'old.lead@example.in', full_name: 'Farhan Qureshi' });
    const inactiveNoEmail = await leadLastSeen(37);
    const recent = await leadLastSeen(35);
    const enrolledRecently = await leadLastSeen(40, { status: 'enrolled' });
    const enrolledLongAgo = await leadLastSeen(90, { status: 'enrolled' });
    const wroteOnWhatsapp = await leadLastSeen(40);
    await t.dataSource.query(
      `INSERT INTO whatsapp_messages (lead_id, direction, kind, status, text) VALUES ($1, 'in', 'text', 'delivered', 'Still interested')`,
      [wroteOnWhatsapp],
    );
    const newInquiry = await leadLastSeen(40);
    await t.dataSource.query(`INSERT INTO inquiries (lead_id, payload) VALUES ($1, '{}')`, [newInquiry]);
    const newNote = await leadLastSeen(40);
    await t.dataSource.query(`INSERT INTO activities (lead_id, type, data) VALUES ($1, 'note', '{"text": "Called again"}')`, [newNote]);

    // Off by default: nothing happens.
    expect(await retention.run()).toEqual({ warned: 0, erasedInactive: 0, erasedEnrolled: 0 });
    const off: RetentionStatus = (await request(t.http).get('/api/settings/retention').set(admin.auth).expect(200)).body;
    expect(off).toMatchObject({ enabled: false, inactiveMonths: 36, enrolledMonths: 84, requestDueDays: 30, dueSoon: 3, warned: 0 });

    await settings({ inactiveMonths: 36, enrolledMonths: 84, enabled: true, requestDueDays: 30 }).expect(200);
    const first = await retention.run();
    expect(first).toEqual({ warned: 3, erasedInactive: 0, erasedEnrolled: 0 });
    const warned = await queryRows<{ id: string }>(t.dataSource, `SELECT id FROM leads WHERE retention_warned_at IS NOT NULL ORDER BY id`);
    expect(warned.map((r) => r.id)).toEqual([inactive, inactiveNoEmail, enrolledLongAgo].sort());
    const mail = smtp.mails.find((m) => recipient(m) === 'old.lead@example.in');
    expect(mail?.subject).toBe('We will erase your data in 48 hours');
    expect(mail?.text).toContain('Hello Farhan');
    expect(mail?.text).toContain('https://desk.example.in/privacy');

    // Within the 48 hours nothing is erased, and nobody is warned twice.
    expect(await retention.run()).toEqual({ warned: 0, erasedInactive: 0, erasedEnrolled: 0 });
    await hoursPass();
    expect(await retention.run()).toEqual({ warned: 0, erasedInactive: 2, erasedEnrolled: 1 });
    for (const id of [inactive, inactiveNoEmail, enrolledLongAgo]) expect(await erased(id)).toBe(true);
    for (const id of [recent, enrolledRecently, wroteOnWhatsapp, newInquiry, newNote]) expect(await erased(id)).toBe(false);
    const timeline = (await request(t.http).get(`/api/leads/${inactive}/timeline`).set(manager.auth).expect(200)).body as {
      type: string;
      data: object;
    }[];
    expect(timeline).toContainEqual(expect.objectContaining({ type: 'erasure', data: expect.objectContaining({ via: 'retention' }) }));

    const status: RetentionStatus = (await request(t.http).get('/api/settings/retention').set(admin.auth).expect(200)).body;
    expect(status.erasedByMonth.reduce((sum, m) => sum + m.count, 0)).toBe(3);
    expect(status.lastRunAt).toEqual(expect.any(String));
    expect(status.dueSoon).toBe(0);
  });

  it('a lead that writes again after the warning is kept', async () => {
    const lead = await leadLastSeen(50);
    await settings({ inactiveMonths: 36, enrolledMonths: 84, enabled: true, requestDueDays: 30 }).expect(200);
    expect((await retention.run()).warned).toBe(1);
    await t.dataSource.query(`INSERT INTO inquiries (lead_id, payload) VALUES ($1, '{}')`, [lead]);
    await hoursPass();
    expect(await retention.run()).toEqual({ warned: 0, erasedInactive: 0, erasedEnrolled: 0 });
    expect(await erased(lead)).toBe(false);
  });

  it('admins only; limits are whole months in range, named when wrong', async () => {
    await request(t.http).get('/api/settings/retention').set(manager.auth).expect(403);
    const cases: [Record<string, unknown>, string][] = [
      [{ inactiveMonths: 0, enrolledMonths: 84, enabled: true, requestDueDays: 30 }, 'inactiveMonths'],
      [{ inactiveMonths: 36, enrolledMonths: 1.5, enabled: true, requestDueDays: 30 }, 'enrolledMonths'],
      [{ inactiveMonths: 36, enrolledMonths: 84, enabled: null, requestDueDays: 30 }, 'enabled'],
      [{ inactiveMonths: 36, enrolledMonths: 84, enabled: true, requestDueDays: 365 }, 'requestDueDays'],
      [{ inactiveMonths: 36, enrolledMonths: 84, enabled: true, requestDueDays: 30, __proto__x: 1 }, '__proto__x'],
    ];
    for (const [body, field] of cases) {
      const answer = await settings(body).expect(400);
      expect(answer.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
  });
});
