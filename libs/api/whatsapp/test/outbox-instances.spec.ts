import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { AuthModule } from '@advisordesk/api-auth';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { JobsModule } from '@advisordesk/api-jobs';
import { LeadsModule } from '@advisordesk/api-leads';
import { WHATSAPP_MESSAGES_PER_SECOND } from '@advisordesk/shared';
import { WhatsappModule } from '../src/whatsapp.module';
import { CloudApiStandIn } from '../src/testing';

const FAST = {
  JWT_SECRET: randomBytes(32).toString('base64url'),
  JOBS_POLLING_SECONDS: '0.5',
  JOBS_CRON_INTERVAL_SECONDS: '1',
  INQUIRY_RATE_LIMIT: '100000',
};

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

describe('two app instances sharing the WhatsApp outbox', () => {
  let standIn: CloudApiStandIn;
  let a: TestApp;
  let b: TestApp;
  let adminA: SignedIn;
  let adminB: SignedIn;

  beforeAll(async () => {
    standIn = await CloudApiStandIn.start();
    const modules = () => [AuthModule, LeadsModule, JobsModule.forRoot(), WhatsappModule];
    a = await createTestApp(modules(), { ...FAST, ...standIn.env() });
    b = await createTestApp(modules(), { ...FAST, ...standIn.env() }, { database: a.database });
    adminA = await createUserAndSignIn(a.http, a.dataSource, 'admin');
    adminB = await createUserAndSignIn(b.http, b.dataSource, 'admin');
  });
  afterAll(async () => {
    await b?.app.close();
    await a?.close();
    await standIn?.close();
  });

  it(`sends each of 200 messages exactly once, never more than ${WHATSAPP_MESSAGES_PER_SECOND} in one second`, async () => {
    const { id: leadId } = await queryOne<{ id: string }>(
      a.dataSource,
      `INSERT INTO leads (reference, full_name, phone, consent_whatsapp) VALUES ('AD-TWO00001', 'Meera Iyer', '+919800000001', true) RETURNING id`,
    );
    standIn.reset();
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const [app, admin] = i % 2 ? [b, adminB] : [a, adminA];
      const answer = await request(app.http)
        .post(`/api/leads/${leadId}/messages`)
        .set(admin.auth)
        .send({ template: { name: 'reminder', language: 'en', variables: [`message ${i}`] } })
        .expect(202);
      ids.push(answer.body.id);
    }
    const statuses = await until(
      () =>
        queryRows<{ status: string; n: number }>(
          a.dataSource,
          `SELECT status, count(*)::int AS n FROM whatsapp_messages WHERE id = ANY($1) GROUP BY status`,
          [ids],
        ),
      (rows) => rows.length === 1 && rows[0].status === 'sent',
      60_000,
    );
    expect(statuses).toEqual([{ status: 'sent', n: 200 }]);
    const sent = standIn.sent;
    // Each message reached Meta once: 200 calls, 200 different messages.
    expect(sent).toHaveLength(200);
    const texts = sent.map(
      (c) => (c.body as { template: { components: { parameters: { text: string }[] }[] } }).template.components[0].parameters[0].text,
    );
    expect(new Set(texts).size).toBe(200);
    // The shared cap held in every second of the clock.
    const perSecond = new Map<number, number>();
    for (const call of sent) perSecond.set(Math.floor(call.at.getTime() / 1000), (perSecond.get(Math.floor(call.at.getTime() / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(WHATSAPP_MESSAGES_PER_SECOND);
    // 200 messages at 80 a second need at least three seconds of the clock.
    expect(perSecond.size).toBeGreaterThanOrEqual(3);
  }, 90_000);

  it('queues the welcome template after a Quick Inquiry with WhatsApp consent, when the admins switched it on', async () => {
    await a.dataSource.query(
      `UPDATE app_settings SET value = value || '{"welcomeEnabled": true, "welcomeTemplate": {"name": "welcome_student", "language": "en"}}'::jsonb WHERE key = 'whatsapp'`,
    );
    standIn.reset();
    const inquiry = (phone: string, whatsapp: boolean, extra: Record<string, unknown> = {}) =>
      request(a.http)
        .post('/api/public/inquiries')
        .send({ fullName: 'Rohan Mehta', phone, courseInterest: 'Online MBA', consent: { whatsapp, marketing: false }, ...extra })
        .then((r) => expect([r.status, r.body]).toEqual([201, { reference: expect.any(String) }]));
    await inquiry('9811100001', true);
    await inquiry('9811100002', false);
    await inquiry('9811100003', true, { minor: true, guardian: { fullName: 'Sunil Mehta', phone: '9811100009', consent: true } });
    const sent = await until(
      async () => standIn.sent,
      (calls) => calls.length >= 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(standIn.sent).toHaveLength(1);
    expect(sent[0].body).toMatchObject({
      to: '919811100001',
      type: 'template',
      template: { name: 'welcome_student', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Rohan' }] }] },
    });
    // A repeat inquiry from the same number creates no lead, so no second welcome.
    await inquiry('9811100001', true);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(standIn.sent).toHaveLength(1);
    const timeline = await queryRows<{ data: { direction: string; welcome: boolean } }>(
      a.dataSource,
      `SELECT a.data FROM activities a JOIN leads l ON l.id = a.lead_id WHERE l.phone = '+919811100001' AND a.type = 'whatsapp'`,
    );
    expect(timeline.map((t) => t.data)).toEqual([expect.objectContaining({ direction: 'out', welcome: true })]);
  }, 60_000);
});
