import request from 'supertest';
import { EventBus, queryOne, queryRows } from '@advisordesk/api-core';
import { AuthModule } from '@advisordesk/api-auth';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { JobsModule } from '@advisordesk/api-jobs';
import { LeadsModule } from '@advisordesk/api-leads';
import { WHATSAPP_TEMPLATE_MAX_VARIABLES, WHATSAPP_TEXT_MAX_LENGTH } from '@advisordesk/shared';
import { WhatsappModule } from '../src/whatsapp.module';
import { OutboxService } from '../src/outbox/outbox.service';
import { CloudApiStandIn, webhookPayloads } from '../src/testing';
import { listen } from './support';

const FAST = { JOBS_POLLING_SECONDS: '0.5', JOBS_CRON_INTERVAL_SECONDS: '1', INQUIRY_RATE_LIMIT: '100000' };

let phoneCounter = 0;
function newPhone(): string {
  phoneCounter++;
  return `9${String((Date.now() % 10_000_000) * 100 + (phoneCounter % 100))
    .padStart(9, '0')
    .slice(-9)}`;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

interface MessageRow {
  status: string;
  error_code: number | null;
  error_title: string | null;
  wa_message_id: string | null;
  attempts: number;
}

describe('sending on WhatsApp through the outbox', () => {
  let standIn: CloudApiStandIn;
  let t: TestApp;
  let admin: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;
  let marketing: SignedIn;

  /** A lead of `advisor` (Priya by default) with the given columns. */
  async function lead(columns: Record<string, unknown> = {}, advisor: SignedIn = priya): Promise<{ id: string; phone: string }> {
    const phone = `+91${newPhone()}`;
    const fields = { full_name: 'Ananya Gupta', phone, advisor_id: advisor.id, consent_whatsapp: true, ...columns };
    const keys = Object.keys(fields);
    const { id } = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO leads (reference, ${keys.join(', ')}) VALUES ('AD-' || substr(md5(random()::text), 1, 8), ${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(fields),
    );
    return { id, phone };
  }

  /** The student wrote within the last 24 hours: the window is open. */
  const openWindow = { whatsapp_window_ends_at: new Date(Date.now() + 3_600_000) };

  const message = (id: string) =>
    queryOne<MessageRow>(t.dataSource, `SELECT status, error_code, error_title, wa_message_id, attempts FROM whatsapp_messages WHERE id = $1`, [id]);
  const settled = (id: string) =>
    until(
      () => message(id),
      (m) => m.status !== 'queued',
    );
  const sentTo = (phone: string) => standIn.sent.filter((c) => (c.body as { to: string }).to === phone.replace('+', ''));
  const send = (who: SignedIn, leadId: string, body: object) => request(t.http).post(`/api/leads/${leadId}/messages`).set(who.auth).send(body);

  beforeAll(async () => {
    standIn = await StandIn();
    t = await createTestApp([AuthModule, LeadsModule, JobsModule.forRoot(), WhatsappModule], { ...FAST, ...standIn.env() });
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing');
  });
  afterAll(async () => {
    await t?.close();
    await standIn?.close();
  });
  beforeEach(() => standIn.reset());

  async function StandIn() {
    return CloudApiStandIn.start();
  }

  it('sends free text inside the window with the documented body and the bearer token, once, and records it on the timeline', async () => {
    const { id, phone } = await lead(openWindow);
    const events: unknown[] = [];
    const stop = await t.app.get(EventBus).subscribe('whatsapp.message', (payload) => void events.push(payload));
    const answer = await send(priya, id, { text: 'Hello Ananya, here is what we discussed' }).expect(202);
    expect(answer.body).toEqual({ id: expect.any(String), status: 'queued' });
    const stored = await settled(answer.body.id);
    expect(stored.status).toBe('sent');
    expect(stored.wa_message_id).toMatch(/^wamid\./);
    const calls = sentTo(phone);
    expect(calls).toHaveLength(1);
    expect(calls[0].path).toBe(`/${standIn.phoneNumberId}/messages`);
    expect(calls[0].authorization).toBe(`Bearer ${standIn.accessToken}`);
    expect(calls[0].body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: phone.replace('+', ''),
      type: 'text',
      text: { body: 'Hello Ananya, here is what we discussed', preview_url: true },
    });
    const [activity] = await queryRows<{ type: string; data: Record<string, unknown>; author_id: string }>(
      t.dataSource,
      `SELECT type, data, author_id FROM activities WHERE lead_id = $1 AND type = 'whatsapp'`,
      [id],
    );
    expect(activity).toMatchObject({ author_id: priya.id, data: { direction: 'out', messageId: answer.body.id, kind: 'text' } });
    // The move to `sent` is announced to every instance (the panel and, later, the bell).
    await until(
      async () => events,
      (e) => e.length > 0,
    );
    await stop();
    expect(events).toEqual([{ leadId: id, messageId: answer.body.id, direction: 'out', advisorId: priya.id }]);
  });

  it('sends a template with its variables as body parameters, also outside the window', async () => {
    const { id, phone } = await lead();
    const answer = await send(priya, id, { template: { name: 'follow_up', language: 'en_US', variables: ['Ananya', 'Monday'] } }).expect(202);
    expect((await settled(answer.body.id)).status).toBe('sent');
    expect(sentTo(phone).map((c) => c.body)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: phone.replace('+', ''),
        type: 'template',
        template: {
          name: 'follow_up',
          language: { code: 'en_US' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Ananya' },
                { type: 'text', text: 'Monday' },
              ],
            },
          ],
        },
      },
    ]);
  });

  it("sends a comparison with the admins' comparison template: first name, the public link, the advisor's name", async () => {
    const { id, phone } = await lead({ full_name: 'Kavya Nair' });
    const { id: comparisonId, token } = await queryOne<{ id: string; token: string }>(
      t.dataSource,
      `INSERT INTO comparisons (lead_id, token, snapshot, created_by, expires_at) VALUES ($1, $2, '{}', $3, now() + interval '30 days') RETURNING id, token`,
      [id, `tok${Date.now()}abcdefghijklmnopqrstu`, priya.id],
    );
    const answer = await send(priya, id, { comparisonId }).expect(202);
    expect((await settled(answer.body.id)).status).toBe('sent');
    const [call] = sentTo(phone);
    expect(call.body).toMatchObject({
      type: 'template',
      template: {
        name: 'comparison_ready',
        language: { code: 'en' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Kavya' },
              { type: 'text', text: expect.stringMatching(new RegExp(`/c/${token}$`)) },
              { type: 'text', text: 'Priya Sharma' },
            ],
          },
        ],
      },
    });
    // Someone else's comparison, or an expired one, is refused.
    const other = await lead();
    await send(priya, other.id, { comparisonId }).expect(404);
    await t.dataSource.query(`UPDATE comparisons SET expires_at = now() - interval '1 minute' WHERE id = $1`, [comparisonId]);
    expect((await send(priya, id, { comparisonId }).expect(409)).body.code).toBe('whatsapp.comparisonExpired');
  });

  it('refuses without consent, to an erased lead, to a minor, and free text outside the window: nothing queued, nothing sent', async () => {
    const cases: [Record<string, unknown>, object, string][] = [
      [{ consent_whatsapp: false, ...openWindow }, { text: 'Hi' }, 'whatsapp.noConsent'],
      [{ erased_at: new Date(), ...openWindow }, { text: 'Hi' }, 'whatsapp.erased'],
      [{ is_minor: true, ...openWindow }, { template: { name: 'welcome', language: 'en', variables: [] } }, 'whatsapp.minorWithoutGuardian'],
      [{}, { text: 'Hi' }, 'whatsapp.windowClosed'],
      [{ whatsapp_window_ends_at: new Date(Date.now() - 60_000) }, { text: 'Hi' }, 'whatsapp.windowClosed'],
    ];
    for (const [columns, body, code] of cases) {
      const { id } = await lead(columns);
      const answer = await send(priya, id, body).expect(409);
      expect(answer.body.code).toBe(code);
      expect(await queryRows(t.dataSource, `SELECT 1 FROM whatsapp_messages WHERE lead_id = $1`, [id])).toHaveLength(0);
    }
    // Consent is checked before the window.
    const { id } = await lead({ consent_whatsapp: false });
    expect((await send(priya, id, { text: 'Hi' }).expect(409)).body.code).toBe('whatsapp.noConsent');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(standIn.sent).toHaveLength(0);
  });

  it('refuses bad bodies with a 400 naming the field', async () => {
    const { id } = await lead(openWindow);
    const cases: [object, string][] = [
      [{}, 'text'],
      [{ text: 'Hi', comparisonId: '6f1c3c38-3a0c-4b43-9a43-0d8a1b9f6b11' }, 'text'],
      [{ text: '   ' }, 'text'],
      [{ text: 'x'.repeat(WHATSAPP_TEXT_MAX_LENGTH + 1) }, 'text'],
      [{ text: 'Hi', cc: 'someone' }, 'cc'],
      [{ template: { name: 'Bad Name', language: 'en', variables: [] } }, 'template.name'],
      [{ template: { name: 'ok', language: 'english', variables: [] } }, 'template.language'],
      [{ template: { name: 'ok', language: 'en', variables: Array(WHATSAPP_TEMPLATE_MAX_VARIABLES + 1).fill('x') } }, 'template.variables'],
      [{ comparisonId: 'not-an-id' }, 'comparisonId'],
    ];
    for (const [body, field] of cases) {
      const answer = await send(priya, id, body);
      expect([answer.status, answer.body.fields?.map((f: { field: string }) => f.field)]).toEqual([400, expect.arrayContaining([field])]);
    }
    expect(await queryRows(t.dataSource, `SELECT 1 FROM whatsapp_messages WHERE lead_id = $1`, [id])).toHaveLength(0);
  });

  it("keeps to the lead's access: another advisor gets 404, marketing 403", async () => {
    const { id } = await lead(openWindow);
    await send(rahul, id, { text: 'Hi' }).expect(404);
    await send(marketing, id, { text: 'Hi' }).expect(403);
    const answer = await send(admin, id, { text: 'From the admin' }).expect(202);
    expect((await settled(answer.body.id)).status).toBe('sent');
  });

  it('retries a 500 and sends once when the next answer is good', async () => {
    const { id, phone } = await lead(openWindow);
    standIn.failNext(1, { status: 500 });
    const answer = await send(priya, id, { text: 'After a hiccup' }).expect(202);
    const stored = await settled(answer.body.id);
    expect(stored).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sentTo(phone)).toHaveLength(2);
    // The first retry came within 10 seconds.
    const [first, second] = sentTo(phone);
    expect(second.at.getTime() - first.at.getTime()).toBeLessThan(10_000);
    expect(new Set(standIn.sent.map((c) => JSON.stringify(c.body))).size).toBe(1);
  });

  it("retries Meta's 429", async () => {
    const { id } = await lead(openWindow);
    standIn.failNext(2, { status: 429, code: 130429 });
    const answer = await send(priya, id, { text: 'Slow down' }).expect(202);
    const stored = await until(
      () => message(answer.body.id),
      (m) => m.status !== 'queued',
      30_000,
    );
    expect(stored).toMatchObject({ status: 'sent', attempts: 3 });
  }, 40_000);

  it('marks a message failed on a 4xx with Meta’s code and title; the retry endpoint queues it again', async () => {
    const { id, phone } = await lead(openWindow);
    standIn.failNext(1, { status: 400, code: 131026, title: 'Message undeliverable' });
    const answer = await send(priya, id, { text: 'Are you on WhatsApp?' }).expect(202);
    expect(await settled(answer.body.id)).toMatchObject({
      status: 'failed',
      error_code: 131026,
      error_title: 'Message undeliverable',
      wa_message_id: null,
    });
    expect(sentTo(phone)).toHaveLength(1);
    await request(t.http).post(`/api/leads/${id}/messages/${answer.body.id}/retry`).set(rahul.auth).expect(404);
    await request(t.http).post(`/api/leads/${id}/messages/${answer.body.id}/retry`).set(priya.auth).expect(202);
    expect(await settled(answer.body.id)).toMatchObject({ status: 'sent', error_code: null, error_title: null });
    expect(sentTo(phone)).toHaveLength(2);
    // A message that did not fail cannot be retried.
    expect((await request(t.http).post(`/api/leads/${id}/messages/${answer.body.id}/retry`).set(priya.auth).expect(409)).body.code).toBe(
      'whatsapp.notRetryable',
    );
  });

  it('does not send once consent was withdrawn after queueing', async () => {
    const { id } = await lead(openWindow);
    const outbox = t.app.get(OutboxService);
    const { id: messageId } = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO whatsapp_messages (lead_id, direction, kind, text, status, next_attempt_at) VALUES ($1, 'out', 'text', 'Hi', 'queued', now()) RETURNING id`,
      [id],
    );
    await t.dataSource.query(`UPDATE leads SET consent_whatsapp = false WHERE id = $1`, [id]);
    await outbox.deliver(messageId);
    expect(await message(messageId)).toMatchObject({ status: 'failed', error_title: 'The student withdrew consent to WhatsApp messages' });
    expect(standIn.sent).toHaveLength(0);
  });

  it('a claimed message is sent by one worker only, and a row left queued is picked up by the sweep', async () => {
    const { id } = await lead(openWindow);
    const outbox = t.app.get(OutboxService);
    const { id: messageId } = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO whatsapp_messages (lead_id, direction, kind, text, status, next_attempt_at, created_at) VALUES ($1, 'out', 'text', 'Left behind', 'queued', now() - interval '2 minutes', now() - interval '2 minutes') RETURNING id`,
      [id],
    );
    await Promise.all([outbox.deliver(messageId), outbox.deliver(messageId), outbox.deliver(messageId)]);
    expect(standIn.sent).toHaveLength(1);
    expect((await message(messageId)).status).toBe('sent');
    // A row no job was sent for (a crash right after the commit) is found by the sweep.
    const { id: orphan } = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO whatsapp_messages (lead_id, direction, kind, text, status, next_attempt_at, created_at) VALUES ($1, 'out', 'text', 'Orphan', 'queued', now() - interval '2 minutes', now() - interval '2 minutes') RETURNING id`,
      [id],
    );
    await outbox.sweep();
    expect((await settled(orphan)).status).toBe('sent');
    // A message queued more than 24 hours ago is given up.
    const { id: stale } = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO whatsapp_messages (lead_id, direction, kind, text, status, next_attempt_at, created_at, status_at) VALUES ($1, 'out', 'text', 'Too late', 'queued', now(), now() - interval '25 hours', now() - interval '25 hours') RETURNING id`,
      [id],
    );
    await outbox.sweep();
    expect(await message(stale)).toMatchObject({ status: 'failed', error_title: 'Not accepted by WhatsApp within 24 hours' });
  });

  it("a failure reported by the webhook is final: a late 'delivered' does not bring the message back", async () => {
    const { id, phone } = await lead(openWindow);
    const answer = await send(priya, id, { text: 'Will this arrive?' }).expect(202);
    const sent = await settled(answer.body.id);
    expect(sent.status).toBe('sent');
    const appUrl = await listen(t);
    const wamid = sent.wa_message_id as string;
    const recipient = phone.replace('+', '');
    const failed = webhookPayloads.statuses(standIn.phoneNumberId, [
      { id: wamid, status: 'failed', recipient, errors: [{ code: 131026, title: 'Message undeliverable' }] },
    ]);
    expect((await standIn.sendWebhook(appUrl, failed)).status).toBe(200);
    expect(
      await until(
        () => message(answer.body.id),
        (m) => m.status === 'failed',
      ),
    ).toMatchObject({ status: 'failed', error_code: 131026 });
    const late = webhookPayloads.statuses(standIn.phoneNumberId, [{ id: wamid, status: 'delivered', recipient }]);
    expect((await standIn.sendWebhook(appUrl, late)).status).toBe(200);
    await until(
      () => queryRows(t.dataSource, `SELECT 1 FROM whatsapp_webhook_events WHERE processed_at IS NULL`),
      (rows) => rows.length === 0,
    );
    expect((await message(answer.body.id)).status).toBe('failed');
    // The advisor may send it again: a new attempt, sent once more.
    await request(t.http).post(`/api/leads/${id}/messages/${answer.body.id}/retry`).set(priya.auth).expect(202);
    expect((await settled(answer.body.id)).status).toBe('sent');
    expect(sentTo(phone)).toHaveLength(2);
  });
});
