import request from 'supertest';
import { EventBus, queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { JobsModule } from '@advisordesk/api-jobs';
import { WHATSAPP_KIND_PLACEHOLDERS, type WhatsappMessageView } from '@advisordesk/shared';
import { CloudApiStandIn, newWamid, webhookPayloads } from '../src/testing';
import { WebhookService, WhatsappModule } from '../src';
import { count, leadFor, listen, newPhone, until } from './support';

describe('WhatsApp webhook', () => {
  let standIn: CloudApiStandIn;
  let t: TestApp;
  let url: string;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;
  let marketing: SignedIn;
  const published: { leadId: string; messageId: string; direction: string; advisorId: string | null }[] = [];
  const VERIFY = 'verify-me-please';

  const messagesOf = async (leadId: string) =>
    queryRows<{ id: string }>(t.dataSource, `SELECT id FROM whatsapp_messages WHERE lead_id = $1`, [leadId]);
  const conversation = async (leadId: string, who: SignedIn = manager) =>
    (await request(t.http).get(`/api/leads/${leadId}/messages`).set(who.auth).expect(200)).body as WhatsappMessageView[];
  const processedEvents = () => count(t, `SELECT 1 FROM whatsapp_webhook_events WHERE processed_at IS NOT NULL`);

  /** Posts a payload signed and waits until the app has handled every stored event. */
  async function deliver(payload: unknown) {
    const answer = await standIn.sendWebhook(url, payload);
    expect(answer.status).toBe(200);
    await until(async () => (await count(t, `SELECT 1 FROM whatsapp_webhook_events WHERE processed_at IS NULL`)) === 0, 'the webhook job');
  }

  beforeAll(async () => {
    standIn = await CloudApiStandIn.start();
    t = await createTestApp([JobsModule.forRoot(), WhatsappModule], { ...standIn.env(VERIFY), JOBS_POLLING_SECONDS: '0.5' });
    url = await listen(t);
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing', 'Mohan Marketing');
    await t.app.get(EventBus).subscribe('whatsapp.message', (payload) => void published.push(payload as (typeof published)[number]));
  });
  afterAll(async () => {
    await t.close();
    await standIn.close();
  });

  it("answers Meta's verify handshake with the challenge, and refuses a wrong verify token", async () => {
    const ok = await request(t.http)
      .get('/api/webhooks/whatsapp')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY, 'hub.challenge': '1158201444' });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    expect(ok.text).toBe('1158201444');
    await request(t.http)
      .get('/api/webhooks/whatsapp')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guessed-token', 'hub.challenge': '1158201444' })
      .expect(403);
    await request(t.http)
      .get('/api/webhooks/whatsapp')
      .query({ 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY, 'hub.challenge': '1' })
      .expect(403);
  });

  it('refuses unsigned, wrongly signed, altered and re-serialised bodies with 401 and stores nothing', async () => {
    const payload = webhookPayloads.text(standIn.phoneNumberId, { from: newPhone().wa, text: 'Hello, is the MBA open?', profileName: 'Intruder' });
    const bytes = JSON.stringify(payload);
    const before = await count(t, `SELECT 1 FROM whatsapp_webhook_events`);
    expect((await standIn.sendWebhook(url, payload, { signature: null })).status).toBe(401);
    expect((await standIn.sendWebhook(url, payload, { signature: standIn.sign(bytes, 'not-the-app-secret') })).status).toBe(401);
    expect((await standIn.sendWebhook(url, payload, { signature: 'sha256=zz' })).status).toBe(401);
    // Signed, then one word changed on the way.
    expect((await standIn.sendWebhook(url, payload, { raw: bytes.replace('Hello', 'Hellp'), signature: standIn.sign(bytes) })).status).toBe(401);
    // The same JSON with other bytes (indented): the signature is over the bytes Meta sent, not their meaning.
    expect((await standIn.sendWebhook(url, payload, { raw: JSON.stringify(payload, null, 2), signature: standIn.sign(bytes) })).status).toBe(401);
    expect(await count(t, `SELECT 1 FROM whatsapp_webhook_events`)).toBe(before);
    expect(await count(t, `SELECT 1 FROM whatsapp_messages`)).toBe(0);
  });

  it("puts a message from a known number on the lead's conversation and timeline, opens the 24-hour window, marks it unanswered and tells every instance", async () => {
    const lead = await leadFor(t, manager, priya);
    const at = new Date(Date.now() - 60 * 60_000);
    at.setMilliseconds(0);
    const wamid = newWamid();
    await deliver(
      webhookPayloads.text(standIn.phoneNumberId, {
        from: lead.phone.wa,
        text: 'Is the Online MBA fee payable in EMIs?',
        id: wamid,
        at,
        profileName: 'Kavya',
      }),
    );

    const messages = await conversation(lead.id, priya);
    expect(messages).toEqual([
      expect.objectContaining({
        direction: 'in',
        kind: 'text',
        text: 'Is the Online MBA fee payable in EMIs?',
        waMessageId: wamid,
        createdAt: at.toISOString(),
      }),
    ]);
    const shown = (await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth).expect(200)).body;
    expect(shown.whatsappWindowEndsAt).toBe(new Date(at.getTime() + 24 * 3600_000).toISOString());
    expect(shown.whatsappUnanswered).toBe(true);
    // The name on the lead stays; the profile name is kept with the message.
    expect(shown.fullName).toBe('Kavya Iyer');
    const timeline = (await request(t.http).get(`/api/leads/${lead.id}/timeline`).set(priya.auth).expect(200)).body as {
      type: string;
      data: Record<string, unknown>;
    }[];
    expect(timeline).toContainEqual(
      expect.objectContaining({
        type: 'whatsapp',
        data: expect.objectContaining({ direction: 'in', messageId: messages[0].id, kind: 'text', text: 'Is the Online MBA fee payable in EMIs?' }),
      }),
    );
    const unanswered = (await request(t.http).get('/api/leads').query({ whatsappUnanswered: true }).set(priya.auth).expect(200)).body as {
      id: string;
    }[];
    expect(unanswered.map((l) => l.id)).toContain(lead.id);
    await until(async () => published.some((e) => e.messageId === messages[0].id), 'the whatsapp.message event');
    expect(published.find((e) => e.messageId === messages[0].id)).toEqual({
      leadId: lead.id,
      messageId: messages[0].id,
      direction: 'in',
      advisorId: priya.id,
    });

    // An answer from the advisor: the conversation's last message is ours, no longer "unanswered".
    await t.dataSource.query(
      `INSERT INTO whatsapp_messages (lead_id, direction, kind, text, status, sent_by) VALUES ($1, 'out', 'text', 'Yes, 12 months', 'queued', $2)`,
      [lead.id, priya.id],
    );
    const after = (await request(t.http).get('/api/leads').query({ whatsappUnanswered: true }).set(priya.auth).expect(200)).body as { id: string }[];
    expect(after.map((l) => l.id)).not.toContain(lead.id);
  });

  it("counts a reply stamped in the same second as our message as unanswered (Meta's times are whole seconds)", async () => {
    const lead = await leadFor(t, manager, priya);
    // Ours went out at hh:mm:ss.600; the student's reply is stamped hh:mm:ss (it came after, within that second).
    const second = new Date(Date.now() - 10 * 60_000);
    second.setMilliseconds(0);
    await t.dataSource.query(
      `INSERT INTO whatsapp_messages (lead_id, direction, kind, text, status, sent_by, created_at) VALUES ($1, 'out', 'text', 'Here is the comparison', 'sent', $2, $3)`,
      [lead.id, priya.id, new Date(second.getTime() + 600)],
    );
    await deliver(webhookPayloads.text(standIn.phoneNumberId, { from: lead.phone.wa, text: 'Thanks! What about EMIs?', id: newWamid(), at: second }));
    const shown = (await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth).expect(200)).body;
    expect(shown.whatsappUnanswered).toBe(true);
  });

  it('adds nothing for a replayed event, nor for the same message id in another body', async () => {
    const lead = await leadFor(t, manager, priya);
    const payload = webhookPayloads.text(standIn.phoneNumberId, { from: lead.phone.wa, text: 'Please call me after 6' });
    await deliver(payload);
    const events = await count(t, `SELECT 1 FROM whatsapp_webhook_events`);
    const activities = await count(t, `SELECT 1 FROM activities WHERE lead_id = $1`, [lead.id]);
    await deliver(payload);
    // Meta retries with a new envelope around the same message.
    const again = structuredClone(payload) as { entry: { id: string }[] };
    again.entry[0].id = '999999999999999';
    await deliver(again);
    expect(await messagesOf(lead.id)).toHaveLength(1);
    expect(await count(t, `SELECT 1 FROM whatsapp_webhook_events`)).toBe(events + 1);
    expect(await count(t, `SELECT 1 FROM activities WHERE lead_id = $1`, [lead.id])).toBe(activities);
  });

  it('stores a burst of webhooks arriving together, each message once, the repeated bodies once', async () => {
    const lead = await leadFor(t, manager, priya);
    const payloads = Array.from({ length: 40 }, (_, i) =>
      webhookPayloads.text(standIn.phoneNumberId, { from: lead.phone.wa, text: `Question ${i}` }),
    );
    const events = await count(t, `SELECT 1 FROM whatsapp_webhook_events`);
    const answers = await Promise.all([...payloads, ...payloads.slice(0, 10)].map((p) => standIn.sendWebhook(url, p)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    await until(async () => (await count(t, `SELECT 1 FROM whatsapp_webhook_events WHERE processed_at IS NULL`)) === 0, 'the webhook jobs');
    expect(await count(t, `SELECT 1 FROM whatsapp_webhook_events`)).toBe(events + 40);
    const texts = (await conversation(lead.id, priya)).map((m) => m.text);
    expect(texts.sort()).toEqual(payloads.map((_, i) => `Question ${i}`).sort());
  });

  it('turns a message from an unknown number into a new lead from WhatsApp, named by the profile, assigned, with no consent assumed', async () => {
    const phone = newPhone();
    await deliver(
      webhookPayloads.text(standIn.phoneNumberId, { from: phone.wa, text: 'Hi, I saw your ad for the Online MCA', profileName: 'Farhan Qureshi' }),
    );
    const lead = await queryOne<{ id: string }>(t.dataSource, `SELECT id FROM leads WHERE phone = $1`, [phone.e164]);
    const shown = (await request(t.http).get(`/api/leads/${lead.id}`).set(manager.auth).expect(200)).body;
    expect(shown).toMatchObject({
      fullName: 'Farhan Qureshi',
      phone: phone.e164,
      source: 'whatsapp',
      consentWhatsapp: false,
      consentMarketing: false,
      whatsappUnanswered: true,
    });
    expect([priya.id, rahul.id]).toContain(shown.advisorId);
    const timeline = (await request(t.http).get(`/api/leads/${lead.id}/timeline`).set(manager.auth).expect(200)).body as {
      type: string;
      data: Record<string, unknown>;
    }[];
    expect(timeline.map((a) => a.type)).toEqual(expect.arrayContaining(['inquiry', 'assignment', 'whatsapp']));
    expect(await conversation(lead.id)).toEqual([expect.objectContaining({ direction: 'in', text: 'Hi, I saw your ad for the Online MCA' })]);
    // The advisor it went to sees it in their list.
    const advisor = shown.advisorId === priya.id ? priya : rahul;
    const theirs = (await request(t.http).get('/api/leads').query({ source: 'whatsapp' }).set(advisor.auth).expect(200)).body as { id: string }[];
    expect(theirs.map((l) => l.id)).toContain(lead.id);
  });

  it('withdraws WhatsApp consent on STOP, as a consent event from WhatsApp', async () => {
    const lead = await leadFor(t, manager, priya, { consentWhatsapp: true, consentMarketing: true, consentChannel: 'phone' });
    const before = (await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth).expect(200)).body;
    expect(before.consentWhatsapp).toBe(true);
    await deliver(webhookPayloads.text(standIn.phoneNumberId, { from: lead.phone.wa, text: '  stop ' }));
    const after = (await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth).expect(200)).body;
    expect(after).toMatchObject({ consentWhatsapp: false, consentMarketing: true, version: before.version + 1 });
    const row = await queryOne<{ updatedBy: string | null }>(t.dataSource, `SELECT updated_by AS "updatedBy" FROM leads WHERE id = $1`, [lead.id]);
    expect(row.updatedBy).toBeNull();
    const timeline = (await request(t.http).get(`/api/leads/${lead.id}/timeline`).set(priya.auth).expect(200)).body as {
      type: string;
      data: Record<string, unknown>;
    }[];
    expect(timeline).toContainEqual(
      expect.objectContaining({
        type: 'consent',
        data: expect.objectContaining({ via: 'whatsapp', withdrawn: { whatsapp: true, marketing: false } }),
      }),
    );
    // "Stop calling me at night" is a message, not a withdrawal.
    const other = await leadFor(t, manager, priya, { consentWhatsapp: true, consentChannel: 'phone' });
    await deliver(webhookPayloads.text(standIn.phoneNumberId, { from: other.phone.wa, text: 'Stop calling me at night please' }));
    expect((await request(t.http).get(`/api/leads/${other.id}`).set(priya.auth).expect(200)).body.consentWhatsapp).toBe(true);
  });

  it('stores photos, locations, contact cards, voice notes, stickers and unknown kinds as what they are, with only the safe words', async () => {
    const lead = await leadFor(t, manager, priya);
    const from = lead.phone.wa;
    const base = Date.now() - 10 * 60_000;
    await deliver(webhookPayloads.image(standIn.phoneNumberId, { from, caption: 'My marksheet', at: new Date(base) }));
    await deliver(
      webhookPayloads.location(standIn.phoneNumberId, { from, name: 'Jayanagar 4th Block', address: 'Bengaluru', at: new Date(base + 1000) }),
    );
    await deliver(
      webhookPayloads.messages(standIn.phoneNumberId, [
        {
          from,
          type: 'contacts',
          content: [{ name: { formatted_name: 'Ravi Uncle' }, phones: [{ phone: '+91 99000 11111' }] }] as unknown as Record<string, unknown>,
          at: new Date(base + 2000),
        },
        { from, type: 'audio', content: { id: '123', mime_type: 'audio/ogg; codecs=opus', voice: true }, at: new Date(base + 3000) },
        { from, type: 'sticker', content: { id: '456', mime_type: 'image/webp', animated: false }, at: new Date(base + 4000) },
        { from, type: 'order', content: { catalog_id: '1', product_items: [] }, at: new Date(base + 5000) },
        {
          from,
          type: 'interactive',
          content: { type: 'button_reply', button_reply: { id: 'yes', title: 'Call me today' } },
          at: new Date(base + 6000),
        },
      ]),
    );
    const messages = await conversation(lead.id, priya);
    expect(messages.map((m) => [m.kind, m.text])).toEqual([
      ['image', 'My marksheet'],
      ['location', 'Jayanagar 4th Block, Bengaluru'],
      ['contacts', null],
      ['audio', null],
      ['sticker', null],
      ['unsupported', null],
      ['interactive', 'Call me today'],
    ]);
    expect(messages.map((m) => WHATSAPP_KIND_PLACEHOLDERS[m.kind])).toContain('👤 A contact card');
    expect(JSON.stringify(await queryRows(t.dataSource, `SELECT * FROM whatsapp_messages WHERE lead_id = $1`, [lead.id]))).not.toContain('99000');
  });

  it("moves an outbound message's status forward only, and keeps Meta's error when it failed", async () => {
    const lead = await leadFor(t, manager, priya);
    const [read, failed] = [newWamid(), newWamid()];
    const [{ id: readId }, { id: failedId }] = await queryRows<{ id: string }>(
      t.dataSource,
      `INSERT INTO whatsapp_messages (lead_id, direction, kind, text, status, wa_message_id, sent_by, sent_at)
       VALUES ($1, 'out', 'text', 'Here is your comparison', 'sent', $2, $4, now()), ($1, 'out', 'text', 'Following up', 'sent', $3, $4, now()) RETURNING id`,
      [lead.id, read, failed, priya.id],
    );
    const s = (id: string, status: 'sent' | 'delivered' | 'read' | 'failed', extra = {}) => ({ id, status, recipient: lead.phone.wa, ...extra });
    await deliver(webhookPayloads.statuses(standIn.phoneNumberId, [s(read, 'read')]));
    // Meta's `delivered` arrives late, after `read`.
    await deliver(webhookPayloads.statuses(standIn.phoneNumberId, [s(read, 'delivered')]));
    await deliver(
      webhookPayloads.statuses(standIn.phoneNumberId, [
        s(failed, 'failed', {
          errors: [{ code: 131047, title: 'Re-engagement message', details: 'Message failed to send because more than 24 hours have passed' }],
        }),
      ]),
    );
    await deliver(webhookPayloads.statuses(standIn.phoneNumberId, [s(failed, 'read')]));
    const messages = await conversation(lead.id, priya);
    expect(messages.find((m) => m.id === readId)).toMatchObject({ status: 'read', errorCode: null });
    expect(messages.find((m) => m.id === failedId)).toMatchObject({ status: 'failed', errorCode: 131047, errorTitle: 'Re-engagement message' });
    await until(async () => published.some((e) => e.messageId === failedId && e.direction === 'out'), 'the status event');
    expect(published.filter((e) => e.messageId === readId)).toHaveLength(1);
  });

  it("shows the conversation with the leads' access: another advisor gets 404, marketing 403", async () => {
    const lead = await leadFor(t, manager, priya);
    await deliver(webhookPayloads.text(standIn.phoneNumberId, { from: lead.phone.wa, text: 'Namaste' }));
    expect(await conversation(lead.id, priya)).toHaveLength(1);
    await request(t.http).get(`/api/leads/${lead.id}/messages`).set(rahul.auth).expect(404);
    await request(t.http).get(`/api/leads/${lead.id}/messages`).set(marketing.auth).expect(403);
    await request(t.http).get(`/api/leads/not-a-uuid/messages`).set(manager.auth).expect(404);
    await request(t.http).get(`/api/leads/${lead.id}/messages`).expect(401);
  });

  it("erasing the person removes their words, profile name and Meta's bodies that named them", async () => {
    const lead = await leadFor(t, manager, priya);
    await deliver(
      webhookPayloads.text(standIn.phoneNumberId, { from: lead.phone.wa, text: 'My Aadhaar is 1234 5678 9012', profileName: 'Kavya I.' }),
    );
    expect(await processedEvents()).toBeGreaterThan(0);
    await request(t.http).post(`/api/leads/${lead.id}/erase`).set(manager.auth).expect(200);
    const left = JSON.stringify(
      await queryRows(
        t.dataSource,
        `SELECT m.*, e.body FROM whatsapp_messages m, whatsapp_webhook_events e WHERE m.lead_id = $1 AND $1 = ANY(e.lead_ids)`,
        [lead.id],
      ),
    );
    expect(left).toContain('"kind":"text"');
    for (const word of ['Aadhaar', 'Kavya', lead.phone.wa]) expect(left).not.toContain(word);
  });

  it('queues events whose job was never sent, and forgets handled events after two weeks', async () => {
    const lead = await leadFor(t, manager, priya);
    const stranded = webhookPayloads.text(standIn.phoneNumberId, { from: lead.phone.wa, text: 'Stored, but the instance stopped before queuing' });
    const [{ id: strandedId }] = await queryRows<{ id: string }>(
      t.dataSource,
      `INSERT INTO whatsapp_webhook_events (body, body_sha256, received_at) VALUES ($1, sha256($2::bytea), now() - interval '2 minutes') RETURNING id::text AS id`,
      [JSON.stringify(stranded), Buffer.from(JSON.stringify(stranded))],
    );
    const old = webhookPayloads.text(standIn.phoneNumberId, { from: lead.phone.wa, text: 'Handled long ago' });
    await t.dataSource.query(
      `INSERT INTO whatsapp_webhook_events (body, body_sha256, received_at, processed_at) VALUES ($1, sha256($2::bytea), now() - interval '15 days', now() - interval '15 days')`,
      [JSON.stringify(old), Buffer.from(JSON.stringify(old))],
    );
    await t.app.get(WebhookService).sweep();
    await until(async () => (await conversation(lead.id)).length === 1, 'the stranded event handled');
    expect((await conversation(lead.id))[0].text).toBe('Stored, but the instance stopped before queuing');
    expect(await count(t, `SELECT 1 FROM whatsapp_webhook_events WHERE id = $1 AND processed_at IS NOT NULL`, [strandedId])).toBe(1);
    expect(await count(t, `SELECT 1 FROM whatsapp_webhook_events WHERE body::text LIKE '%Handled long ago%'`)).toBe(0);
  });

  it('erasing the person also blanks an event of theirs that is still waiting to be handled', async () => {
    const lead = await leadFor(t, manager, priya);
    const waiting = webhookPayloads.text(standIn.phoneNumberId, { from: lead.phone.wa, text: 'Call me on my other number 9988776655' });
    await t.dataSource.query(
      `INSERT INTO whatsapp_webhook_events (body, body_sha256, error) VALUES ($1, sha256($2::bytea), 'database unreachable: retried')`,
      [JSON.stringify(waiting), Buffer.from(JSON.stringify(waiting))],
    );
    await request(t.http).post(`/api/leads/${lead.id}/erase`).set(manager.auth).expect(200);
    expect(await count(t, `SELECT 1 FROM whatsapp_webhook_events WHERE body::text LIKE '%9988776655%'`)).toBe(0);
  });
});
