import request from 'supertest';
import { queryOne } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { AuthModule } from '@advisordesk/api-auth';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { JobsModule } from '@advisordesk/api-jobs';
import { LeadsModule } from '@advisordesk/api-leads';
import { CloudApiStandIn } from '@advisordesk/api-whatsapp/testing';
import type { DataRequestView, DataSummary } from '@advisordesk/shared';
import { PrivacyModule } from '../src';
import { codeSentOnWhatsapp, FAST, insertLead, newPhone, recipient, startSmtp, until } from './support';

const DAY = 86_400_000;

describe('rights requests verified by a code on WhatsApp (the Cloud API stand-in)', () => {
  let standIn: CloudApiStandIn;
  let t: TestApp;
  let admin: SignedIn;
  let manager: SignedIn;
  let advisor: SignedIn;

  const ask = (body: Record<string, unknown>) => request(t.http).post('/api/public/data-requests').send(body);
  const verify = (reference: string, code: unknown) => request(t.http).post(`/api/public/data-requests/${reference}/verify`).send({ code });
  const codeFor = (phone: string) => until(() => codeSentOnWhatsapp(standIn, `91${phone}`), `a code on WhatsApp to ${phone}`);
  const queued = async (reference: string): Promise<DataRequestView> => {
    const list = await request(t.http).get(`/api/data-requests?q=${reference}`).set(manager.auth).expect(200);
    return list.body[0];
  };
  /** A request made and verified: answers the queue's row. */
  async function verified(phone: string, kind: string, extra: Record<string, unknown> = {}): Promise<DataRequestView> {
    standIn.reset();
    const { reference } = (await ask({ phone, kind, ...extra }).expect(202)).body;
    await verify(reference, await codeFor(phone)).expect(200);
    return queued(reference);
  }

  beforeAll(async () => {
    standIn = await CloudApiStandIn.start();
    t = await createTestApp([AuthModule, JobsModule.forRoot(), LeadsModule, PrivacyModule], {
      ...FAST,
      ...standIn.env(),
      PUBLIC_URL: 'https://desk.example.in',
    });
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Nair');
    advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
  });
  afterAll(async () => {
    await t?.close();
    await standIn?.close();
  });

  it("sends a code to the number as Meta's authentication template; the right code opens the request, due in 30 days, in the queue", async () => {
    const phone = newPhone();
    const leadId = await insertLead(t, phone, { full_name: 'Kavya Iyer' });
    standIn.reset();
    const answer = await ask({ phone: `+91 ${phone.slice(0, 5)} ${phone.slice(5)}`, kind: 'access', message: 'What do you hold about me?' }).expect(
      202,
    );
    expect(answer.body).toEqual({ reference: expect.stringMatching(/^DR-[A-Z0-9]{8}$/), verification: 'whatsapp' });
    const code = await codeFor(phone);
    expect(code).toMatch(/^\d{6}$/);
    const [call] = standIn.sent;
    expect(call.body).toMatchObject({
      messaging_product: 'whatsapp',
      to: `91${phone}`,
      type: 'template',
      template: {
        name: 'verification_code',
        language: { code: 'en' },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: code }] },
          { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: code }] },
        ],
      },
    });
    // Stored only as a keyed hash.
    const stored = await queryOne<{ hash: string }>(
      t.dataSource,
      `SELECT code_hash AS hash FROM verification_codes ORDER BY created_at DESC LIMIT 1`,
    );
    expect(stored.hash).not.toContain(code);

    const before = await queued(answer.body.reference);
    expect(before).toMatchObject({
      status: 'unverified',
      kind: 'access',
      leadId,
      leadName: 'Kavya Iyer',
      dueAt: null,
      message: 'What do you hold about me?',
    });
    const opened = await verify(answer.body.reference, code).expect(200);
    expect(opened.body).toEqual({ reference: answer.body.reference, status: 'open', dueAt: expect.any(String) });
    expect(Math.abs(new Date(opened.body.dueAt).getTime() - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
    expect(await queued(answer.body.reference)).toMatchObject({ status: 'open', verifiedAt: expect.any(String), dueAt: opened.body.dueAt });
    // Managers and admins are told in the bell.
    const bell = (await request(t.http).get('/api/notifications').set(manager.auth).expect(200)).body as {
      kind: string;
      title: string;
      link: string;
    }[];
    expect(bell).toContainEqual(
      expect.objectContaining({
        kind: 'privacy.request',
        title: `Rights request ${answer.body.reference}: a summary of my data`,
        link: `/data-requests/${before.id}`,
      }),
    );
    // A used code does not work twice.
    await verify(answer.body.reference, code).expect(400);
    const timeline = (await request(t.http).get(`/api/leads/${leadId}/timeline`).set(manager.auth).expect(200)).body as {
      type: string;
      data: object;
    }[];
    expect(timeline).toContainEqual(
      expect.objectContaining({ type: 'privacy', data: expect.objectContaining({ action: 'request', kind: 'access' }) }),
    );
  });

  it('answers the same for a number that is nobody’s; the queue shows no lead and the summary says nothing is held', async () => {
    const phone = newPhone();
    standIn.reset();
    const answer = await ask({ phone, kind: 'access' }).expect(202);
    expect(answer.body).toEqual({ reference: expect.any(String), verification: 'whatsapp' });
    await verify(answer.body.reference, await codeFor(phone)).expect(200);
    const row = await queued(answer.body.reference);
    expect(row).toMatchObject({ leadId: null, leadName: null, status: 'open' });
    const summary = await request(t.http).get(`/api/data-requests/${row.id}/summary`).set(manager.auth).expect(404);
    expect(summary.body.code).toBe('privacy.nothingHeld');
  });

  it('counts wrong codes: four say how many tries are left, the fifth ends the request, and then even the right code is refused', async () => {
    const phone = newPhone();
    const leadId = await insertLead(t, phone);
    standIn.reset();
    const { reference } = (await ask({ phone, kind: 'erasure' }).expect(202)).body;
    const code = await codeFor(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1]) {
      const answer = await verify(reference, wrong).expect(400);
      expect(answer.body.fields).toEqual([
        { field: 'code', message: `This code is not the one we sent: ${left} ${left === 1 ? 'try' : 'tries'} left` },
      ]);
    }
    const fifth = await verify(reference, wrong).expect(400);
    expect(fifth.body.code).toBe('privacy.tooManyWrongCodes');
    expect((await verify(reference, code).expect(400)).body.code).toBe('privacy.tooManyWrongCodes');
    expect(await queued(reference)).toMatchObject({ status: 'refused', outcome: 'refused', verifiedAt: null });
    // Never verified: nothing on the lead's timeline (anyone may type a number).
    const timeline = (await request(t.http).get(`/api/leads/${leadId}/timeline`).set(manager.auth).expect(200)).body as { type: string }[];
    expect(timeline.filter((entry) => entry.type === 'privacy')).toEqual([]);
  });

  it('erasure by request: resolving it as done erases the lead; the request keeps what was asked and answered, not the number', async () => {
    const phone = newPhone();
    const leadId = await insertLead(t, phone, { full_name: 'Rohan Mehta', email: 'rohan.m@example.in' });
    const row = await verified(phone, 'erasure', { message: 'Please erase everything' });
    expect(row.dueAt).toBeTruthy();
    const resolved = await request(t.http)
      .post(`/api/data-requests/${row.id}/resolve`)
      .set(manager.auth)
      .send({ outcome: 'done', note: 'Erased' })
      .expect(200);
    expect(resolved.body).toMatchObject({
      status: 'done',
      outcome: 'done',
      resolvedById: manager.id,
      resolvedByName: 'Meera Nair',
      note: 'Erased',
      phone: null,
      message: null,
    });
    const lead = (await request(t.http).get(`/api/leads/${leadId}`).set(manager.auth).expect(200)).body;
    expect(lead).toMatchObject({ fullName: 'Erased lead', phone: null, email: null, erasedAt: expect.any(String) });
    const timeline = (await request(t.http).get(`/api/leads/${leadId}/timeline`).set(manager.auth).expect(200)).body as {
      type: string;
      data: object;
    }[];
    expect(timeline).toContainEqual(expect.objectContaining({ type: 'erasure', data: expect.objectContaining({ via: 'request' }) }));
    // Resolved once only.
    expect(
      (await request(t.http).post(`/api/data-requests/${row.id}/resolve`).set(manager.auth).send({ outcome: 'done', note: 'Again' }).expect(409)).body
        .code,
    ).toBe('privacy.notOpen');
  });

  it('withdrawal by request withdraws both consents; refusing a request changes nothing but says why', async () => {
    const phone = newPhone();
    const leadId = await insertLead(t, phone, { consent_marketing: true });
    const row = await verified(phone, 'withdrawal');
    await request(t.http).post(`/api/data-requests/${row.id}/resolve`).set(admin.auth).send({ outcome: 'done', note: 'Both stopped' }).expect(200);
    expect((await request(t.http).get(`/api/leads/${leadId}`).set(manager.auth).expect(200)).body).toMatchObject({
      consentWhatsapp: false,
      consentMarketing: false,
    });

    const other = newPhone();
    const otherLead = await insertLead(t, other, { consent_marketing: true });
    const refused = await verified(other, 'erasure');
    const answer = await request(t.http)
      .post(`/api/data-requests/${refused.id}/resolve`)
      .set(manager.auth)
      .send({ outcome: 'refused', note: 'The application to Amity is in progress: we must keep the record until admission' })
      .expect(200);
    expect(answer.body).toMatchObject({ status: 'refused', outcome: 'refused' });
    expect((await request(t.http).get(`/api/leads/${otherLead}`).set(manager.auth).expect(200)).body.erasedAt).toBeNull();
  });

  it('access: the summary lists what is held, in words', async () => {
    const phone = newPhone();
    const leadId = await insertLead(t, phone, { full_name: 'Sneha Pillai', email: 'sneha@example.in', city: 'Kochi', consent_marketing: true });
    await t.dataSource.query(
      `INSERT INTO inquiries (lead_id, payload) VALUES ($1, '{"courseInterest": "Online MBA", "message": "Weekend batches?"}')`,
      [leadId],
    );
    const row = await verified(phone, 'access');
    const summary: DataSummary = (await request(t.http).get(`/api/data-requests/${row.id}/summary`).set(manager.auth).expect(200)).body;
    expect(summary.person).toMatchObject({ Name: 'Sneha Pillai', Email: 'sneha@example.in', City: 'Kochi' });
    expect(summary.person['Mobile numbers']).toContain(phone.slice(5));
    expect(summary.consents).toMatchObject({ whatsapp: true, marketing: true });
    const inquiries = summary.sections.find((s) => s.title === 'Inquiries you sent');
    expect(inquiries?.count).toBe(1);
    expect(inquiries?.items[0]).toContain('Weekend batches?');
  });

  it('nomination: the nominee is required, and recorded on the timeline when the request is done', async () => {
    const phone = newPhone();
    const leadId = await insertLead(t, phone);
    const missing = await ask({ phone, kind: 'nomination' }).expect(400);
    expect(missing.body.fields.map((e: { field: string }) => e.field)).toContain('nominee');
    const nominee = newPhone();
    const row = await verified(phone, 'nomination', { nominee: { name: 'Lakshmi Iyer', phone: nominee } });
    expect(row.nominee).toEqual({ name: 'Lakshmi Iyer', phone: `+91${nominee}` });
    await request(t.http).post(`/api/data-requests/${row.id}/resolve`).set(manager.auth).send({ outcome: 'done', note: 'Recorded' }).expect(200);
    const timeline = (await request(t.http).get(`/api/leads/${leadId}/timeline`).set(manager.auth).expect(200)).body as {
      type: string;
      data: object;
    }[];
    expect(timeline).toContainEqual(
      expect.objectContaining({ type: 'privacy', data: expect.objectContaining({ action: 'nominee', nominee: `Lakshmi Iyer, +91${nominee}` }) }),
    );
  });

  it('the due date follows the days the admins set', async () => {
    const status = (await request(t.http).get('/api/settings/retention').set(admin.auth).expect(200)).body;
    await request(t.http)
      .put('/api/settings/retention')
      .set(admin.auth)
      .send({ inactiveMonths: status.inactiveMonths, enrolledMonths: status.enrolledMonths, enabled: false, requestDueDays: 10 })
      .expect(200);
    const row = await verified(newPhone(), 'correction');
    expect(Math.abs(new Date(row.dueAt as string).getTime() - (Date.now() + 10 * DAY))).toBeLessThan(60_000);
    await request(t.http)
      .put('/api/settings/retention')
      .set(admin.auth)
      .send({ ...status, requestDueDays: 30, warned: undefined })
      .expect(400);
  });

  it('the queue is for admins and managers; an unverified request cannot be resolved; the list filters by status', async () => {
    await request(t.http).get('/api/data-requests').set(advisor.auth).expect(403);
    const { reference } = (await ask({ phone: newPhone(), kind: 'access' }).expect(202)).body;
    const row = await queued(reference);
    expect(
      (await request(t.http).post(`/api/data-requests/${row.id}/resolve`).set(manager.auth).send({ outcome: 'done', note: 'x' }).expect(409)).body
        .code,
    ).toBe('privacy.notOpen');
    const unverified = await request(t.http).get('/api/data-requests?status=unverified').set(manager.auth).expect(200);
    expect(unverified.body.every((r: DataRequestView) => r.status === 'unverified')).toBe(true);
    expect(Number(unverified.headers['x-total-count'])).toBeGreaterThanOrEqual(1);
    await request(t.http).get('/api/data-requests?status=lost').set(manager.auth).expect(400);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const before = (await queryOne<{ n: number }>(t.dataSource, `SELECT count(*)::int AS n FROM data_requests`)).n;
    const phone = newPhone();
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: null, kind: 'access' }, 'phone'],
      [{ phone, kind: null }, 'kind'],
      [{ phone, kind: 'delete-everything' }, 'kind'],
      [{ phone: '12345', kind: 'access' }, 'phone'],
      [{ phone, kind: 'access', message: 'Hello \ud800 there' }, 'message'],
      [{ phone, kind: 'access', message: 'Hello\u0000' }, 'message'],
      [{ phone, kind: 'access', extra: 1 }, 'extra'],
      [{ phone, kind: 'access', constructor: 'x' }, 'constructor'],
      [{ phone, kind: 'nomination', nominee: { name: 'A Person', phone: 'abc' } }, 'nominee.phone'],
    ];
    for (const [body, field] of cases) {
      const answer = await ask(body).expect(400);
      expect({ body, fields: answer.body.fields.map((e: { field: string }) => e.field) }).toEqual({ body, fields: expect.arrayContaining([field]) });
    }
    const proto = await request(t.http)
      .post('/api/public/data-requests')
      .set('Content-Type', 'application/json')
      .send(`{"phone":"${phone}","kind":"access","__proto__":{"x":1}}`);
    expect(proto.status).toBe(400);
    const { reference } = (await ask({ phone, kind: 'access' }).expect(202)).body;
    for (const code of [null, '12', 'abcdef', '123456\u0000']) {
      const answer = await verify(reference, code).expect(400);
      expect(answer.body.fields[0].field).toBe('code');
    }
    expect((await request(t.http).post('/api/public/data-requests/DR-NOTAREAL/verify').send({ code: '123456' }).expect(404)).body.code).toBe(
      'privacy.requestNotFound',
    );
    expect((await queryOne<{ n: number }>(t.dataSource, `SELECT count(*)::int AS n FROM data_requests`)).n).toBe(before + 1);
  });
});

describe('rights requests verified by a code by email (a real SMTP server), or by a staff call', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let manager: SignedIn;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp([AuthModule, JobsModule.forRoot(), LeadsModule, PrivacyModule], {
      ...FAST,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'AdvisorDesk <desk@example.in>',
      PUBLIC_URL: 'https://desk.example.in',
    });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Nair');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('emails the code to the address the lead holds; the code opens the request', async () => {
    const phone = newPhone();
    await insertLead(t, phone, { email: 'kavya.iyer@example.in' });
    const answer = await request(t.http).post('/api/public/data-requests').send({ phone, kind: 'erasure' }).expect(202);
    expect(answer.body.verification).toBe('email');
    const mail = await until(() => smtp.mails.find((m) => recipient(m) === 'kavya.iyer@example.in'), 'the code by email');
    const code = /Your code is (\d{6})/.exec(mail.text ?? '')?.[1] as string;
    expect(mail.subject).toBe(`Your code: ${code}`);
    expect(mail.text).toContain('to erase your personal data');
    expect(mail.text).toContain('https://desk.example.in/privacy');
    const opened = await request(t.http).post(`/api/public/data-requests/${answer.body.reference}/verify`).send({ code }).expect(200);
    expect(opened.body.status).toBe('open');
  });

  it('answers "email" for a number with no email too (nothing is sent); staff confirm it on a call and it opens', async () => {
    const phone = newPhone();
    await insertLead(t, phone, { email: null });
    const sentBefore = smtp.mails.length;
    const answer = await request(t.http).post('/api/public/data-requests').send({ phone, kind: 'access' }).expect(202);
    expect(answer.body.verification).toBe('email');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.length).toBe(sentBefore);
    const [row] = (await request(t.http).get(`/api/data-requests?q=${answer.body.reference}`).set(manager.auth).expect(200)).body;
    await request(t.http).post(`/api/data-requests/${row.id}/verify`).set(manager.auth).send({ note: '' }).expect(400);
    const verified = await request(t.http)
      .post(`/api/data-requests/${row.id}/verify`)
      .set(manager.auth)
      .send({ note: 'Called back, she confirmed' })
      .expect(200);
    expect(verified.body).toMatchObject({ status: 'open', dueAt: expect.any(String), note: 'Verified by a call: Called back, she confirmed' });
    await request(t.http).post(`/api/data-requests/${row.id}/verify`).set(manager.auth).send({ note: 'Again' }).expect(409);
  });
});

describe('rights requests with nothing connected', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([AuthModule, JobsModule.forRoot(), LeadsModule, PrivacyModule], FAST);
  });
  afterAll(() => t?.close());

  it('waits for a staff call, and says so; a code is refused', async () => {
    const answer = await request(t.http).post('/api/public/data-requests').send({ phone: newPhone(), kind: 'withdrawal' }).expect(202);
    expect(answer.body.verification).toBe('staff');
    const code = await request(t.http).post(`/api/public/data-requests/${answer.body.reference}/verify`).send({ code: '123456' }).expect(400);
    expect(code.body.code).toBe('privacy.noCodeChannel');
  });
});
