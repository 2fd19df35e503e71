import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '../src';
import { AssignmentService } from '../src/assignment.service';
import { SearchIndexService } from '../src/search-index.service';
import { inquiry, leadByPhone, newPhone, submitInquiry } from './support';

describe('the public Quick Inquiry', () => {
  let t: TestApp;
  let advisors: string[];

  beforeAll(async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000', CORS_ORIGINS: 'https://guides.example.in' });
    advisors = [];
    for (const name of ['Priya', 'Rahul']) advisors.push((await createUserAndSignIn(t.http, t.dataSource, 'advisor', name)).id);
  });
  afterAll(() => t.close());

  it('a new inquiry makes a lead with its phone in E.164, consent with its time and form, UTM fields and landing page', async () => {
    const phone = newPhone();
    const response = await submitInquiry(
      t,
      inquiry({ phone: `+91-${phone.slice(0, 5)}-${phone.slice(5)}`, consent: { whatsapp: true, marketing: true } }),
    );
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ reference: expect.stringMatching(/^AD-[0-9A-Z]{8}$/) });
    const lead = await leadByPhone(t, `+91${phone}`);
    expect(lead).toMatchObject({
      reference: response.body.reference,
      full_name: 'Ananya Gupta',
      status: 'new',
      source: 'website',
      utm_source: 'google',
      utm_medium: 'cpc',
      utm_campaign: 'spring-mba',
      landing_url: 'https://guides.example.in/online-mba-guide',
      consent_whatsapp: true,
      consent_marketing: true,
      consent_source: 'https://guides.example.in/online-mba-guide',
    });
    expect(lead.consent_at).toBeInstanceOf(Date);
    expect(advisors).toContain(lead.advisor_id);
  });

  it('consent is never assumed: unticked boxes store no consent and no consent time', async () => {
    const body = inquiry({ consent: { whatsapp: false, marketing: false } });
    await submitInquiry(t, body).then((r) => expect(r.status).toBe(201));
    const lead = await leadByPhone(t, `+91${body.phone}`);
    expect(lead).toMatchObject({ consent_whatsapp: false, consent_marketing: false, consent_at: null });
  });

  it('a consent box that is not true or false is a 400 naming it once, and nothing is stored', async () => {
    const body = inquiry({ consent: { whatsapp: 'yes', marketing: null } as never });
    const response = await submitInquiry(t, body);
    expect(response.status).toBe(400);
    const text = JSON.stringify(response.body);
    expect(text).toContain('consent.whatsapp must be true or false');
    expect(text).toContain('consent.marketing must not be null');
    expect(text).not.toContain('consent.consent');
    expect(await leadByPhone(t, `+91${body.phone}`)).toBeUndefined();
  });

  it('a repeat inquiry from the same phone, in another format, joins the existing lead', async () => {
    const phone = newPhone();
    const first = await submitInquiry(t, inquiry({ phone }));
    const second = await submitInquiry(
      t,
      inquiry({ phone: `0${phone.slice(0, 5)} ${phone.slice(5)}`, courseInterest: 'Online MCA', email: undefined }),
    );
    const third = await submitInquiry(t, inquiry({ phone: `+91 ${phone}` }));
    expect([second.body.reference, third.body.reference]).toEqual([first.body.reference, first.body.reference]);
    const leads = await queryRows<{ id: string }>(t.dataSource, `SELECT id FROM leads WHERE phone = $1`, [`+91${phone}`]);
    expect(leads).toHaveLength(1);
    const inquiries = await queryRows<{ payload: Record<string, unknown> }>(
      t.dataSource,
      `SELECT payload FROM inquiries WHERE lead_id = $1 ORDER BY received_at`,
      [leads[0].id],
    );
    expect(inquiries).toHaveLength(3);
    expect(inquiries[1].payload.courseInterest).toBe('Online MCA');
    const timeline = await queryRows<{ data: { repeat: boolean } }>(
      t.dataSource,
      `SELECT data FROM activities WHERE lead_id = $1 AND type = 'inquiry' ORDER BY id`,
      [leads[0].id],
    );
    expect(timeline.map((a) => a.data.repeat)).toEqual([false, true, true]);
  });

  it('fifty simultaneous submissions of one new number make one lead', async () => {
    const phone = newPhone();
    const responses = await Promise.all(Array.from({ length: 50 }, () => submitInquiry(t, inquiry({ phone }))));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(responses.map((r) => r.body.reference)).size).toBe(1);
    const { leads, inquiries } = await queryOne<{ leads: number; inquiries: number }>(
      t.dataSource,
      `SELECT count(DISTINCT l.id)::int AS leads, count(i.id)::int AS inquiries FROM leads l JOIN inquiries i ON i.lead_id = l.id WHERE l.phone = $1`,
      [`+91${phone}`],
    );
    expect({ leads, inquiries }).toEqual({ leads: 1, inquiries: 50 });
  });

  it('a burst of different people submitting together: each gets their own lead, reference, inquiry and timeline entry', async () => {
    const bodies = Array.from({ length: 60 }, (_, i) => inquiry({ fullName: `Burst Person ${i}`, courseInterest: `Course ${i}` }));
    const responses = await Promise.all(bodies.map((body) => submitInquiry(t, body)));
    expect(responses.map((r) => r.status)).toEqual(Array(60).fill(201));
    const rows = await queryRows<{ reference: string; full_name: string; advisor_id: string | null; course: string; timelineCourse: string }>(
      t.dataSource,
      `SELECT l.reference, l.full_name, l.advisor_id, i.payload->>'courseInterest' AS course, a.data->>'courseInterest' AS "timelineCourse"
         FROM leads l JOIN inquiries i ON i.lead_id = l.id JOIN activities a ON a.lead_id = l.id AND a.type = 'inquiry'
        WHERE l.phone = ANY($1)`,
      [bodies.map((b) => `+91${b.phone}`)],
    );
    expect(rows).toHaveLength(60);
    for (const [i, body] of bodies.entries()) {
      const row = rows.find((r) => r.full_name === body.fullName)!;
      expect(row).toMatchObject({ reference: responses[i].body.reference, course: `Course ${i}`, timelineCourse: `Course ${i}` });
      expect(advisors).toContain(row.advisor_id);
    }
  });

  it('text holding a NUL character is refused naming the field, and the people submitting alongside are not affected', async () => {
    const bad = inquiry({ message: 'hello\u0000world' });
    const good = [inquiry(), inquiry(), inquiry()];
    const [badResponse, ...goodResponses] = await Promise.all([bad, ...good].map((body) => submitInquiry(t, body)));
    expect(badResponse.status).toBe(400);
    expect(badResponse.body.fields).toEqual([{ field: 'message', message: 'message contains a NUL character' }]);
    expect(goodResponses.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(await leadByPhone(t, `+91${bad.phone}`)).toBeUndefined();
    for (const body of good) expect(await leadByPhone(t, `+91${body.phone}`)).toBeDefined();
  });

  it('a new lead is found by name and phone fragments at once; the search index takes it in the background', async () => {
    const manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    const body = inquiry({ fullName: 'Zoravar Quddus' });
    await submitInquiry(t, body).then((r) => expect(r.status).toBe(201));
    const search = async (q: string) =>
      (
        await request(t.http)
          .get(`/api/leads?q=${encodeURIComponent(q)}`)
          .set(manager.auth)
          .expect(200)
      ).body.map((l: { fullName: string }) => l.fullName);
    expect(await search('quddus')).toEqual(['Zoravar Quddus']);
    expect(await search(body.phone.slice(3, 9))).toContain('Zoravar Quddus');
    const searchIndex = t.app.get(SearchIndexService);
    await searchIndex.merge();
    expect(await searchIndex.merge()).toBe(0);
    expect(await search('zoravar')).toEqual(['Zoravar Quddus']);
  });

  it('a retry with the same Idempotency-Key answers the first result and adds nothing', async () => {
    const body = inquiry();
    const key = `retry-${body.phone}`;
    const first = await submitInquiry(t, body, { 'Idempotency-Key': key });
    const retried = await Promise.all([1, 2, 3].map(() => submitInquiry(t, body, { 'Idempotency-Key': key })));
    for (const response of retried) expect(response.body).toEqual(first.body);
    const { n } = await queryOne<{ n: number }>(
      t.dataSource,
      `SELECT count(*)::int AS n FROM inquiries i JOIN leads l ON l.id = i.lead_id WHERE l.phone = $1`,
      [`+91${body.phone}`],
    );
    expect(n).toBe(1);
  });

  it("the same Idempotency-Key with another body is a 422 and the first person's reference is not given away", async () => {
    const first = inquiry({ fullName: 'Meera Iyer' });
    const key = `shared-${first.phone}`;
    const answer = await submitInquiry(t, first, { 'Idempotency-Key': key }).then((r) => r.body.reference);
    const other = inquiry({ fullName: 'Someone Else' });
    const reused = await submitInquiry(t, other, { 'Idempotency-Key': key });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('leads.idempotencyKeyReused');
    expect(JSON.stringify(reused.body)).not.toContain(answer);
    expect(await leadByPhone(t, `+91${other.phone}`)).toBeUndefined();
    // The same body with the same key still answers the first result.
    expect((await submitInquiry(t, first, { 'Idempotency-Key': key }).expect(201)).body.reference).toBe(answer);
  });

  it('an Idempotency-Key expires after 24 hours: the same key then makes a new inquiry', async () => {
    const body = inquiry();
    const key = `expiring-${body.phone}`;
    await submitInquiry(t, body, { 'Idempotency-Key': key }).expect(201);
    await t.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    await submitInquiry(t, body, { 'Idempotency-Key': key }).expect(201);
    const { n } = await queryOne<{ n: number }>(
      t.dataSource,
      `SELECT count(*)::int AS n FROM inquiries i JOIN leads l ON l.id = i.lead_id WHERE l.phone = $1`,
      [`+91${body.phone}`],
    );
    expect(n).toBe(2);
    const { age } = await queryOne<{ age: number }>(
      t.dataSource,
      `SELECT extract(epoch FROM now() - created_at)::int AS age FROM idempotency_keys WHERE key = $1`,
      [key],
    );
    expect(age).toBeLessThan(3600);
  });

  it('a repeat submission never rewrites the lead: profile, withdrawn consent, minor and guardian data stay; its consent is an event on the timeline', async () => {
    const phone = newPhone();
    await submitInquiry(
      t,
      inquiry({ phone, fullName: 'Kavya Nair', email: undefined, city: undefined, consent: { whatsapp: true, marketing: true } }),
    ).expect(201);
    const lead = await leadByPhone(t, `+91${phone}`);
    // The person withdraws marketing consent with the link in a message.
    await request(t.http).post(`/api/public/unsubscribe/${lead.unsubscribe_token}?format=json`).send({}).expect(200);
    const before = await leadByPhone(t, `+91${phone}`);
    expect(before.consent_marketing).toBe(false);

    // Someone else types the same phone into the form, with other details and every box ticked.
    await submitInquiry(
      t,
      inquiry({
        phone,
        fullName: 'Not Kavya',
        email: 'stranger@example.in',
        city: 'Delhi',
        consent: { whatsapp: true, marketing: true },
        minor: true,
        guardian: { fullName: 'Some Guardian', phone: '9123456780', consent: true },
      }),
    ).expect(201);

    const after = await leadByPhone(t, `+91${phone}`);
    for (const column of [
      'full_name',
      'email',
      'city',
      'consent_whatsapp',
      'consent_marketing',
      'consent_at',
      'consent_source',
      'consent_notice_version',
      'is_minor',
      'guardian_name',
      'guardian_phone',
      'advisor_id',
      'version',
    ]) {
      expect({ column, value: after[column] }).toEqual({ column, value: before[column] });
    }
    const events = await queryRows<{ data: Record<string, unknown> }>(
      t.dataSource,
      `SELECT data FROM activities WHERE lead_id = $1 AND type = 'consent' ORDER BY id`,
      [lead.id],
    );
    expect(events.at(-1)?.data).toMatchObject({
      given: { whatsapp: true, marketing: true },
      held: { whatsapp: true, marketing: false },
      via: 'form',
      applied: false,
      form: expect.stringContaining('https://'),
    });
    const { n } = await queryOne<{ n: number }>(t.dataSource, `SELECT count(*)::int AS n FROM inquiries WHERE lead_id = $1`, [lead.id]);
    expect(n).toBe(2);
  });

  it.each([
    ['fullName', { fullName: undefined }],
    ['fullName', { fullName: 'A' }],
    ['fullName', { fullName: 'x'.repeat(121) }],
    ['phone', { phone: undefined }],
    ['phone', { phone: '12345' }],
    ['phone', { phone: '011 2345 6789' }],
    ['phone', { phone: 9876543210 }],
    ['email', { email: 'not-an-email' }],
    ['level', { level: 'PhD' }],
    ['mode', { mode: 'carrier-pigeon' }],
    ['consent', { consent: undefined }],
    ['consent.whatsapp', { consent: { whatsapp: 'yes', marketing: false } }],
    ['consent.marketing', { consent: { whatsapp: true } }],
    ['consent.extra', { consent: { whatsapp: true, marketing: false, extra: true } }],
    ['utm.campaign', { utm: { campaign: 'c'.repeat(201) } }],
    ['utm.gclid', { utm: { gclid: 'x' } }],
    ['sourceUrl', { sourceUrl: 'javascript:alert(1)' }],
    ['message', { message: 'm'.repeat(2001) }],
    ['advisorId', { advisorId: '00000000-0000-4000-8000-000000000000' }],
    ['status', { status: 'enrolled' }],
  ])('bad input names the field: %s', async (field, overrides) => {
    const body = inquiry(overrides);
    const before = await queryOne<{ n: number }>(t.dataSource, `SELECT count(*)::int AS n FROM leads`);
    const response = await submitInquiry(t, body);
    expect(response.status).toBe(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    const after = await queryOne<{ n: number }>(t.dataSource, `SELECT count(*)::int AS n FROM leads`);
    expect(after.n).toBe(before.n);
  });

  it('a filled honeypot looks accepted to the bot but stores nothing', async () => {
    const body = inquiry({ website: 'http://spam.example' });
    const response = await submitInquiry(t, body);
    expect(response.status).toBe(201);
    expect(await leadByPhone(t, `+91${body.phone}`)).toBeUndefined();
  });

  it('answers CORS for the configured website origins only', async () => {
    const allowed = await request(t.http)
      .options('/api/public/inquiries')
      .set('Origin', 'https://guides.example.in')
      .set('Access-Control-Request-Method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://guides.example.in');
    const other = await request(t.http)
      .options('/api/public/inquiries')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("the unsubscribe link withdraws marketing consent, and says so on the lead's timeline", async () => {
    const body = inquiry({ consent: { whatsapp: true, marketing: true } });
    await submitInquiry(t, body);
    const lead = await leadByPhone(t, `+91${body.phone}`);
    const pageResponse = await request(t.http).get(`/api/public/unsubscribe/${lead.unsubscribe_token}`).expect(200);
    expect(pageResponse.text).toContain('Stop marketing messages');
    expect((await leadByPhone(t, `+91${body.phone}`)).consent_marketing).toBe(true);
    const done = await request(t.http).post(`/api/public/unsubscribe/${lead.unsubscribe_token}`).type('form').send({}).expect(200);
    expect(done.text).toContain('Thank you, Ananya');
    const after = await leadByPhone(t, `+91${body.phone}`);
    expect(after).toMatchObject({ consent_marketing: false, consent_whatsapp: true });
    const activity = await queryOne<{ data: Record<string, unknown> }>(
      t.dataSource,
      `SELECT data FROM activities WHERE lead_id = $1 AND type = 'consent'`,
      [lead.id],
    );
    expect(activity.data.withdrawn).toEqual({ marketing: true, whatsapp: false });
    await request(t.http)
      .post(`/api/public/unsubscribe/${'0'.repeat(64)}`)
      .expect(404);
  });
});

describe('intake rate limits', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('more inquiries than INQUIRY_RATE_LIMIT a minute from one address get 429 with Retry-After', async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '3' });
    for (let i = 0; i < 3; i++) expect((await submitInquiry(t, inquiry())).status).toBe(201);
    const limited = await submitInquiry(t, inquiry());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.message).toMatch(/try again in a minute/);
  });

  it('X-Forwarded-For decides the client address only when TRUST_PROXY is set', async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '2' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await submitInquiry(t, inquiry(), { 'X-Forwarded-For': `203.0.113.${i}` })).status);
    expect(statuses).toEqual([201, 201, 429]);
    await t.close();
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '2', TRUST_PROXY: 'true' });
    const proxied = [];
    for (let i = 0; i < 3; i++) proxied.push((await submitInquiry(t, inquiry(), { 'X-Forwarded-For': `203.0.113.${i}` })).status);
    expect(proxied).toEqual([201, 201, 201]);
  });
});

describe('automatic assignment', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('a new lead goes to the active advisor with the fewest open leads, ties in turn', async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000' });
    const a = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'A');
    const b = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'B');
    const inactive = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Gone');
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [inactive.id]);
    const order: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const body = inquiry();
      await submitInquiry(t, body);
      order.push((await leadByPhone(t, `+91${body.phone}`)).advisor_id);
    }
    expect(order[0]).not.toBe(order[1]);
    expect(order.filter((id) => id === a.id)).toHaveLength(2);
    expect(order.filter((id) => id === b.id)).toHaveLength(2);
    // Closing B's leads makes B the least loaded.
    await t.dataSource.query(`UPDATE leads SET status = 'lost', lost_reason = 'budget' WHERE advisor_id = $1`, [b.id]);
    const body = inquiry();
    await submitInquiry(t, body);
    expect((await leadByPhone(t, `+91${body.phone}`)).advisor_id).toBe(b.id);
  });

  it('spreads simultaneous new leads evenly', async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000' });
    for (const name of ['A', 'B', 'C', 'D']) await createUserAndSignIn(t.http, t.dataSource, 'advisor', name);
    await Promise.all(Array.from({ length: 20 }, () => submitInquiry(t, inquiry())));
    const loads = await queryRows<{ advisor_id: string | null; n: number }>(
      t.dataSource,
      `SELECT advisor_id, count(*)::int AS n FROM leads GROUP BY advisor_id`,
    );
    expect(loads.map((r) => r.n)).toEqual([5, 5, 5, 5]);
    const counters = await queryRows<{ open_leads: number }>(
      t.dataSource,
      `SELECT open_leads FROM advisor_load al JOIN users u ON u.id = al.advisor_id WHERE u.role = 'advisor'`,
    );
    expect(counters.map((r) => r.open_leads)).toEqual([5, 5, 5, 5]);
  });

  it('leads an earlier version left waiting are assigned in turn when the API starts', async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000' });
    const a = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'A');
    const b = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'B');
    await t.dataSource.query(
      `INSERT INTO leads (reference, full_name, phone, awaiting_assignment) SELECT 'AD-WAIT' || i, 'Waiting ' || i, '+9196100000' || i, true FROM generate_series(1, 4) i`,
    );
    const assignment = t.app.get(AssignmentService);
    assignment.onApplicationBootstrap();
    await assignment.onApplicationShutdown();
    const rows = await queryRows<{ advisor_id: string | null; awaiting_assignment: boolean }>(
      t.dataSource,
      `SELECT advisor_id, awaiting_assignment FROM leads WHERE reference LIKE 'AD-WAIT%'`,
    );
    expect(rows.filter((r) => r.advisor_id === a.id)).toHaveLength(2);
    expect(rows.filter((r) => r.advisor_id === b.id)).toHaveLength(2);
    expect(rows.every((r) => !r.awaiting_assignment)).toBe(true);
    const { n } = await queryOne<{ n: number }>(
      t.dataSource,
      `SELECT count(*)::int AS n FROM activities a JOIN leads l ON l.id = a.lead_id WHERE l.reference LIKE 'AD-WAIT%' AND a.type = 'assignment'`,
    );
    expect(n).toBe(4);
  });

  it('managers can turn automatic assignment off; new leads then wait unassigned', async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000' });
    const manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    const advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
    await request(t.http).patch('/api/settings/assignment').set(advisor.auth).send({ autoAssign: false }).expect(403);
    await request(t.http).patch('/api/settings/assignment').set(manager.auth).send({ autoAssign: false }).expect(200);
    const body = inquiry();
    await submitInquiry(t, body);
    expect((await leadByPhone(t, `+91${body.phone}`)).advisor_id).toBeNull();
    expect((await request(t.http).get('/api/settings/assignment').set(manager.auth).expect(200)).body).toEqual({ autoAssign: false });
  });
});
