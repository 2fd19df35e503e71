import type { AddressInfo } from 'node:net';
import axios from 'axios';
import dataProvider from '@refinedev/simple-rest';
import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '../src';
import { leadFor as leadThroughForm, newPhone } from './support';

interface Lead {
  id: string;
  fullName: string;
  phone: string;
  city: string | null;
  status: string;
  advisorId: string;
  version: number;
  nextFollowUpAt: string | null;
  createdAt: string;
}

describe('working leads', () => {
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;
  let marketing: SignedIn;

  /** Makes a lead through the public form and hands it to `advisor`. */
  function leadFor(advisor: SignedIn, overrides: Record<string, unknown> = {}): Promise<Lead> {
    return leadThroughForm<Lead>(t, manager, advisor, overrides);
  }

  beforeAll(async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000' });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing', 'Kabir Khan');
  });
  afterAll(() => t.close());

  it('a lead reads back with the names fixed by the spec', async () => {
    const lead = await leadFor(priya, { fullName: 'Kavya Nair', consent: { whatsapp: true, marketing: true } });
    for (const key of [
      'id',
      'fullName',
      'phone',
      'email',
      'city',
      'state',
      'courseInterest',
      'level',
      'mode',
      'budgetPaise',
      'qualification',
      'experienceYears',
      'status',
      'lostReason',
      'advisorId',
      'source',
      'utmSource',
      'utmMedium',
      'utmCampaign',
      'utmTerm',
      'utmContent',
      'landingUrl',
      'consentWhatsapp',
      'consentMarketing',
      'consentAt',
      'nextFollowUpAt',
      'createdAt',
      'updatedAt',
      'version',
    ]) {
      expect(lead).toHaveProperty(key);
    }
    expect(lead).toMatchObject({
      fullName: 'Kavya Nair',
      phone: expect.stringMatching(/^\+91\d{10}$/),
      status: 'new',
      advisorId: priya.id,
      version: expect.any(Number),
    });
  });

  it("an advisor sees only their own leads: others' are a 404 everywhere", async () => {
    const mine = await leadFor(priya);
    const theirs = await leadFor(rahul);
    const list = await request(t.http).get('/api/leads?_start=0&_end=200').set(priya.auth).expect(200);
    expect(list.body.every((l: Lead) => l.advisorId === priya.id)).toBe(true);
    expect(list.body.map((l: Lead) => l.id)).toContain(mine.id);
    const probes = [
      request(t.http).get(`/api/leads/${theirs.id}`).set(priya.auth),
      request(t.http).patch(`/api/leads/${theirs.id}`).set(priya.auth).send({ city: 'Goa', version: theirs.version }),
      request(t.http).get(`/api/leads/${theirs.id}/timeline`).set(priya.auth),
      request(t.http).get(`/api/leads/${theirs.id}/inquiries`).set(priya.auth),
      request(t.http).post(`/api/leads/${theirs.id}/notes`).set(priya.auth).send({ text: 'peek' }),
      request(t.http).post(`/api/leads/${theirs.id}/calls`).set(priya.auth).send({ outcome: 'connected' }),
      request(t.http).post(`/api/leads/${theirs.id}/status`).set(priya.auth).send({ status: 'contacted', version: theirs.version }),
      request(t.http)
        .post('/api/tasks')
        .set(priya.auth)
        .send({ leadId: theirs.id, dueAt: new Date(Date.now() + 3600_000).toISOString() }),
      request(t.http).get(`/api/tasks?leadId=${theirs.id}`).set(priya.auth),
    ];
    const responses = await Promise.all(probes);
    expect(responses.slice(0, 8).map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    expect(responses[8].body).toEqual([]);
    const after = (await request(t.http).get(`/api/leads/${theirs.id}`).set(manager.auth)).body;
    expect(after).toMatchObject({ status: 'new', version: theirs.version, city: theirs.city ?? 'Pune' });
  });

  it('marketing may not read or edit leads (403); without a token it is 401', async () => {
    const lead = await leadFor(priya);
    await request(t.http).get('/api/leads').set(marketing.auth).expect(403);
    await request(t.http).get(`/api/leads/${lead.id}`).set(marketing.auth).expect(403);
    await request(t.http).get('/api/tasks').set(marketing.auth).expect(403);
    await request(t.http).get('/api/leads').expect(401);
  });

  it('moving forward may skip stages; every change lands on the timeline with from and to', async () => {
    const lead = await leadFor(priya);
    const moved = await request(t.http)
      .post(`/api/leads/${lead.id}/status`)
      .set(priya.auth)
      .send({ status: 'shortlisted', version: lead.version, note: 'Keen on NMIMS' })
      .expect(200);
    expect(moved.body).toMatchObject({ status: 'shortlisted', version: lead.version + 1 });
    const timeline = await request(t.http).get(`/api/leads/${lead.id}/timeline`).set(priya.auth).expect(200);
    expect(timeline.body[0]).toMatchObject({
      type: 'status_change',
      authorName: 'Priya Sharma',
      data: { from: 'new', to: 'shortlisted', note: 'Keen on NMIMS' },
    });
  });

  it('a stale version is a 409 and changes nothing', async () => {
    const lead = await leadFor(priya);
    await request(t.http).post(`/api/leads/${lead.id}/status`).set(priya.auth).send({ status: 'contacted', version: lead.version }).expect(200);
    const stale = await request(t.http)
      .post(`/api/leads/${lead.id}/status`)
      .set(priya.auth)
      .send({ status: 'lost', lostReason: 'budget', version: lead.version })
      .expect(409);
    expect(stale.body.message).toMatch(/^You changed this lead in another window at .+: reload it$/);
    const staleEdit = await request(t.http)
      .patch(`/api/leads/${lead.id}`)
      .set(priya.auth)
      .send({ city: 'Nagpur', version: lead.version })
      .expect(409);
    expect(staleEdit.body.code).toBe('leads.staleVersion');
    const now = (await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth)).body;
    expect(now).toMatchObject({ status: 'contacted', lostReason: null, city: 'Pune', version: lead.version + 1 });
  });

  it('two people moving the same lead at the same moment: one wins, the other gets 409', async () => {
    const lead = await leadFor(priya);
    const [a, b] = await Promise.all([
      request(t.http).post(`/api/leads/${lead.id}/status`).set(priya.auth).send({ status: 'contacted', version: lead.version }),
      request(t.http).post(`/api/leads/${lead.id}/status`).set(manager.auth).send({ status: 'counselled', version: lead.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const { n } = await queryOne<{ n: number }>(
      t.dataSource,
      `SELECT count(*)::int AS n FROM activities WHERE lead_id = $1 AND type = 'status_change'`,
      [lead.id],
    );
    expect(n).toBe(1);
  });

  it('lost needs a reason from the fixed list; going back and reopening are for managers', async () => {
    const lead = await leadFor(priya);
    const noReason = await request(t.http)
      .post(`/api/leads/${lead.id}/status`)
      .set(priya.auth)
      .send({ status: 'lost', version: lead.version })
      .expect(400);
    expect(noReason.body.fields).toEqual([{ field: 'lostReason', message: 'lostReason is required when a lead is lost' }]);
    await request(t.http)
      .post(`/api/leads/${lead.id}/status`)
      .set(priya.auth)
      .send({ status: 'lost', lostReason: 'too-expensive', version: lead.version })
      .expect(400);
    const applied = await request(t.http)
      .post(`/api/leads/${lead.id}/status`)
      .set(priya.auth)
      .send({ status: 'applied', version: lead.version })
      .expect(200);
    const back = await request(t.http)
      .post(`/api/leads/${lead.id}/status`)
      .set(priya.auth)
      .send({ status: 'counselled', version: applied.body.version })
      .expect(403);
    expect(back.body.message).toBe('Only a manager can move a lead back in the pipeline');
    const lost = await request(t.http)
      .post(`/api/leads/${lead.id}/status`)
      .set(priya.auth)
      .send({ status: 'lost', lostReason: 'budget', version: applied.body.version })
      .expect(200);
    expect(lost.body).toMatchObject({ status: 'lost', lostReason: 'budget' });
    await request(t.http).post(`/api/leads/${lead.id}/status`).set(priya.auth).send({ status: 'contacted', version: lost.body.version }).expect(403);
    const reopened = await request(t.http)
      .post(`/api/leads/${lead.id}/status`)
      .set(manager.auth)
      .send({ status: 'counselled', version: lost.body.version })
      .expect(200);
    expect(reopened.body).toMatchObject({ status: 'counselled', lostReason: null });
  });

  it('PATCH edits the profile only: status, advisor and consent have their own actions', async () => {
    const lead = await leadFor(priya);
    const refused = await request(t.http)
      .patch(`/api/leads/${lead.id}`)
      .set(priya.auth)
      .send({ status: 'enrolled', advisorId: priya.id, consentMarketing: true, version: lead.version })
      .expect(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['advisorId', 'consentMarketing', 'status']);
    const edited = await request(t.http)
      .patch(`/api/leads/${lead.id}`)
      .set(priya.auth)
      .send({ city: 'Nagpur', budgetPaise: 15_000_000, experienceYears: 3, phone: '+91 99887 76655', version: lead.version })
      .expect(200);
    expect(edited.body).toMatchObject({
      city: 'Nagpur',
      budgetPaise: 15_000_000,
      experienceYears: 3,
      phone: '+919988776655',
      version: lead.version + 1,
    });
    const bad = await request(t.http)
      .patch(`/api/leads/${lead.id}`)
      .set(priya.auth)
      .send({ budgetPaise: 1.5, experienceYears: -1, version: edited.body.version })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['budgetPaise', 'experienceYears']);
  });

  it('notes, calls and WhatsApp messages go on the timeline, newest first, with their author', async () => {
    const lead = await leadFor(priya);
    await request(t.http).post(`/api/leads/${lead.id}/calls`).set(priya.auth).send({ outcome: 'no_answer' }).expect(201);
    await request(t.http).post(`/api/leads/${lead.id}/notes`).set(priya.auth).send({ text: 'Prefers evening calls' }).expect(201);
    await request(t.http).post(`/api/leads/${lead.id}/whatsapp`).set(priya.auth).send({ text: 'Sent the brochure' }).expect(201);
    await request(t.http).post(`/api/leads/${lead.id}/notes`).set(priya.auth).send({ text: '' }).expect(400);
    await request(t.http).post(`/api/leads/${lead.id}/calls`).set(priya.auth).send({ outcome: 'maybe' }).expect(400);
    const timeline = (await request(t.http).get(`/api/leads/${lead.id}/timeline`).set(priya.auth).expect(200)).body;
    expect(timeline.slice(0, 3).map((a: { type: string }) => a.type)).toEqual(['whatsapp', 'note', 'call']);
    expect(timeline[1]).toMatchObject({ authorName: 'Priya Sharma', data: { text: 'Prefers evening calls' } });
    expect(timeline.map((a: { type: string }) => a.type)).toEqual(expect.arrayContaining(['inquiry', 'assignment']));
  });

  it("follow-ups: scheduling one sets the lead's next follow-up; doing it clears it; lists show mine, due and overdue", async () => {
    const lead = await leadFor(priya);
    const overdueAt = new Date(Date.now() - 2 * 3600_000).toISOString();
    const laterAt = new Date(Date.now() + 26 * 3600_000).toISOString();
    const overdue = await request(t.http)
      .post('/api/tasks')
      .set(priya.auth)
      .send({ leadId: lead.id, dueAt: overdueAt, title: 'Call back about fees' })
      .expect(201);
    await request(t.http).post('/api/tasks').set(priya.auth).send({ leadId: lead.id, dueAt: laterAt }).expect(201);
    expect((await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth)).body.nextFollowUpAt).toBe(overdueAt);
    const overdueList = await request(t.http)
      .get(`/api/tasks?done=false&dueAt_lte=${encodeURIComponent(new Date().toISOString())}`)
      .set(priya.auth)
      .expect(200);
    expect(overdueList.body.map((task: { id: string }) => task.id)).toContain(overdue.body.id);
    expect(overdueList.body[0]).toMatchObject({ leadName: 'Ananya Gupta', ownerId: priya.id });
    await request(t.http).patch(`/api/tasks/${overdue.body.id}`).set(priya.auth).send({ done: true }).expect(200);
    expect((await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth)).body.nextFollowUpAt).toBe(laterAt);
    const rahulTasks = await request(t.http).get('/api/tasks').set(rahul.auth).expect(200);
    expect(rahulTasks.body.every((task: { ownerId: string }) => task.ownerId === rahul.id)).toBe(true);
    await request(t.http).get(`/api/tasks/${overdue.body.id}`).set(rahul.auth).expect(404);
    await request(t.http).post('/api/tasks').set(priya.auth).send({ leadId: lead.id, dueAt: 'tomorrow' }).expect(400);
  });

  it('managers reassign leads (and their open follow-ups); advisors cannot; the advisor must be an active advisor', async () => {
    const lead = await leadFor(priya);
    await request(t.http)
      .post('/api/tasks')
      .set(priya.auth)
      .send({ leadId: lead.id, dueAt: new Date(Date.now() + 3600_000).toISOString() })
      .expect(201);
    await request(t.http).post(`/api/leads/${lead.id}/assign`).set(priya.auth).send({ advisorId: rahul.id }).expect(403);
    const bad = await request(t.http).post(`/api/leads/${lead.id}/assign`).set(manager.auth).send({ advisorId: marketing.id }).expect(400);
    expect(bad.body.fields[0].field).toBe('advisorId');
    const moved = await request(t.http).post(`/api/leads/${lead.id}/assign`).set(manager.auth).send({ advisorId: rahul.id }).expect(200);
    expect(moved.body.advisorId).toBe(rahul.id);
    await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth).expect(404);
    const tasks = await request(t.http).get(`/api/tasks?leadId=${lead.id}`).set(rahul.auth).expect(200);
    expect(tasks.body).toHaveLength(1);
  });

  it('an advisor enters a walk-in lead by hand; a phone already known is a 409', async () => {
    const phone = newPhone();
    const created = await request(t.http)
      .post('/api/leads')
      .set(priya.auth)
      .send({ fullName: 'Rohan Das', phone, source: 'walk_in', level: 'UG' })
      .expect(201);
    expect(created.body).toMatchObject({ fullName: 'Rohan Das', phone: `+91${phone}`, source: 'walk_in', advisorId: priya.id, status: 'new' });
    const duplicate = await request(t.http)
      .post('/api/leads')
      .set(manager.auth)
      .send({ fullName: 'Rohan D', phone: `0${phone}`, source: 'phone' })
      .expect(409);
    expect(duplicate.body.fields[0].field).toBe('phone');
  });

  it("a taken phone says whose lead it is: the id to open when you may, otherwise whom to ask, and never PostgreSQL's detail", async () => {
    const phone = newPhone();
    const created = (
      await request(t.http).post('/api/leads').set(priya.auth).send({ fullName: 'Ishaan Kapoor', phone, source: 'walk_in' }).expect(201)
    ).body;
    const asManager = await request(t.http).post('/api/leads').set(manager.auth).send({ fullName: 'Ishaan K', phone, source: 'phone' }).expect(409);
    expect(asManager.body).toMatchObject({ code: 'leads.phoneTaken', owner: { id: priya.id, name: 'Priya Sharma' }, leadId: created.id });
    const asOtherAdvisor = await request(t.http)
      .post('/api/leads')
      .set(rahul.auth)
      .send({ fullName: 'Ishaan K', phone: `+91 ${phone}`, source: 'walk_in' })
      .expect(409);
    expect(asOtherAdvisor.body).toMatchObject({ code: 'leads.phoneTaken', owner: { id: priya.id, name: 'Priya Sharma' } });
    expect(asOtherAdvisor.body.leadId).toBeUndefined();
    expect(asOtherAdvisor.body.message).toBe('This phone is already a lead of Priya Sharma: ask Priya or your manager to transfer it to you');
    expect(JSON.stringify(asOtherAdvisor.body)).not.toMatch(/Ishaan|Key \(|already exists\./);
    // Changing another lead's phone to a taken one answers the same way.
    const other = (
      await request(t.http).post('/api/leads').set(rahul.auth).send({ fullName: 'Tara Menon', phone: newPhone(), source: 'walk_in' }).expect(201)
    ).body;
    const edit = await request(t.http).patch(`/api/leads/${other.id}`).set(rahul.auth).send({ phone, version: other.version }).expect(409);
    expect(edit.body).toMatchObject({ code: 'leads.phoneTaken', owner: { id: priya.id } });
    expect(edit.body.message).not.toMatch(/Key \(|detail/i);
  });

  it("a PATCH cannot take a lead's name or phone away: null is a 400 naming the field and nothing changes", async () => {
    const lead = await leadFor(priya);
    for (const field of ['fullName', 'phone']) {
      const response = await request(t.http)
        .patch(`/api/leads/${lead.id}`)
        .set(priya.auth)
        .send({ [field]: null, version: lead.version })
        .expect(400);
      // One message a person can act on, not one per rule the null also breaks.
      expect(response.body.fields).toEqual([{ field, message: `${field} must not be null` }]);
    }
    const cleared = await request(t.http).patch(`/api/leads/${lead.id}`).set(priya.auth).send({ city: null, version: lead.version }).expect(200);
    expect(cleared.body).toMatchObject({ fullName: lead.fullName, phone: lead.phone, city: null, version: lead.version + 1 });
  });

  it('erasing a lead removes personal data but keeps it countable', async () => {
    const lead = await leadFor(priya, { fullName: 'Sanjana Rao', email: 'sanjana@example.in' });
    await request(t.http).post(`/api/leads/${lead.id}/notes`).set(priya.auth).send({ text: 'Her father is a doctor in Mysuru' }).expect(201);
    await request(t.http).post(`/api/leads/${lead.id}/erase`).set(priya.auth).expect(403);
    const erased = await request(t.http).post(`/api/leads/${lead.id}/erase`).set(manager.auth).expect(200);
    expect(erased.body).toMatchObject({
      fullName: 'Erased lead',
      phone: null,
      email: null,
      consentMarketing: false,
      status: 'new',
      source: 'website',
      utmCampaign: 'spring-mba',
    });
    expect(erased.body.erasedAt).toEqual(expect.any(String));
    const text = JSON.stringify(
      await queryRows<Record<string, unknown>>(
        t.dataSource,
        `SELECT * FROM activities a JOIN inquiries i ON i.lead_id = a.lead_id WHERE a.lead_id = $1`,
        [lead.id],
      ),
    );
    expect(text).not.toMatch(/Sanjana|sanjana@|Mysuru/);
    await request(t.http).post(`/api/leads/${lead.id}/notes`).set(manager.auth).send({ text: 'x' }).expect(410);
    const working = await request(t.http).get(`/api/leads?advisorId=${priya.id}&_end=200`).set(manager.auth).expect(200);
    expect(working.body.map((l: Lead) => l.id)).not.toContain(lead.id);
    const erasedList = await request(t.http).get(`/api/leads?erased=true`).set(manager.auth).expect(200);
    expect(erasedList.body.map((l: Lead) => l.id)).toContain(lead.id);
  });

  describe('the lead list', () => {
    let seeded: Lead[];
    let neha: SignedIn;

    beforeAll(async () => {
      neha = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Neha Joshi');
      seeded = [];
      seeded.push(await leadFor(neha, { fullName: 'Zoya Khan', phone: '9812312345', utm: { campaign: 'diwali-pg' }, level: 'PG' }));
      seeded.push(
        await leadFor(neha, {
          fullName: 'Aarav Mehta',
          phone: '9812398765',
          utm: { campaign: 'diwali-pg' },
          level: 'UG',
          email: 'aarav.m@example.in',
        }),
      );
      seeded.push(await leadFor(neha, { fullName: 'Ishaan Kapoor', phone: '9700011122', utm: { campaign: 'spring-mba' }, level: 'PG' }));
      await request(t.http)
        .post(`/api/leads/${seeded[2].id}/status`)
        .set(neha.auth)
        .send({ status: 'contacted', version: seeded[2].version })
        .expect(200);
    });

    it('filters (any of, not equal, ranges), searches phone digits and names, sorts and pages, with x-total-count', async () => {
      const byCampaign = await request(t.http).get('/api/leads?utmCampaign=diwali-pg&_sort=fullName&_order=asc').set(neha.auth).expect(200);
      expect(byCampaign.body.map((l: Lead) => l.fullName)).toEqual(['Aarav Mehta', 'Zoya Khan']);
      expect(byCampaign.headers['x-total-count']).toBe('2');
      const anyOf = await request(t.http).get(`/api/leads?status=new&status=contacted&advisorId=${neha.id}&level=PG`).set(manager.auth).expect(200);
      expect(anyOf.body.map((l: Lead) => l.fullName).sort()).toEqual(['Ishaan Kapoor', 'Zoya Khan']);
      const notNew = await request(t.http).get(`/api/leads?status_ne=new&advisorId=${neha.id}`).set(manager.auth).expect(200);
      expect(notNew.body.map((l: Lead) => l.fullName)).toEqual(['Ishaan Kapoor']);
      const digits = await request(t.http).get('/api/leads?q=98123').set(neha.auth).expect(200);
      expect(digits.body.map((l: Lead) => l.fullName).sort()).toEqual(['Aarav Mehta', 'Zoya Khan']);
      const spaced = await request(t.http)
        .get(`/api/leads?q=${encodeURIComponent('98123 98765')}`)
        .set(neha.auth)
        .expect(200);
      expect(spaced.body.map((l: Lead) => l.fullName)).toEqual(['Aarav Mehta']);
      const name = await request(t.http).get('/api/leads?q=kapoor').set(neha.auth).expect(200);
      expect(name.body.map((l: Lead) => l.fullName)).toEqual(['Ishaan Kapoor']);
      const email = await request(t.http).get('/api/leads?q=aarav.m@').set(neha.auth).expect(200);
      expect(email.body.map((l: Lead) => l.fullName)).toEqual(['Aarav Mehta']);
      const today = new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);
      const created = await request(t.http)
        .get(`/api/leads?createdAt_gte=${today}&createdAt_lte=${today}&advisorId=${neha.id}&_start=0&_end=2&_sort=fullName&_order=desc`)
        .set(manager.auth)
        .expect(200);
      expect(created.body.map((l: Lead) => l.fullName)).toEqual(['Zoya Khan', 'Ishaan Kapoor']);
      expect(Number(created.headers['x-total-count'])).toBeGreaterThanOrEqual(3);
    });

    it('bad paging or sorting is a 400 naming the parameter', async () => {
      for (const [query, field] of [
        ['_sort=phone', '_sort'],
        ['_sort=createdAt&_order=up', '_order'],
        ['_start=abc', '_start'],
        ['_start=0&_end=5000', '_end'],
        ['status=won', 'status'],
        ['createdAt_gte=last-week', 'createdAt_gte'],
        ['consentMarketing=yes', 'consentMarketing'],
        ['advisorId=me', 'advisorId'],
        ['secret=1', 'secret'],
      ]) {
        const response = await request(t.http).get(`/api/leads?${query}`).set(manager.auth);
        expect({ query, status: response.status, field: response.body.fields?.[0]?.field }).toEqual({ query, status: 400, field });
      }
    });

    it("Refine's stock simple-rest data provider lists, filters, sorts and pages leads correctly", async () => {
      const server = t.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      const { port } = server.address() as AddressInfo;
      const http = axios.create({ headers: { Authorization: `Bearer ${neha.accessToken}` } });
      const provider = dataProvider(`http://127.0.0.1:${port}/api`, http);
      const page1 = await provider.getList({
        resource: 'leads',
        pagination: { currentPage: 1, pageSize: 2 },
        sorters: [{ field: 'fullName', order: 'asc' }],
        filters: [
          { field: 'status', operator: 'in', value: ['new', 'contacted'] },
          { field: 'utmCampaign', operator: 'ne', value: 'nothing' },
          { field: 'fullName', operator: 'contains', value: 'a' },
        ],
      });
      const all = (
        await request(t.http).get('/api/leads?status=new&status=contacted&fullName_like=a&_sort=fullName&_order=asc&_start=0&_end=200').set(neha.auth)
      ).body as Lead[];
      expect(page1.total).toBe(all.length);
      expect(page1.data.map((l) => l.fullName)).toEqual(all.slice(0, 2).map((l) => l.fullName));
      const page2 = await provider.getList({
        resource: 'leads',
        pagination: { currentPage: 2, pageSize: 2 },
        sorters: [{ field: 'fullName', order: 'asc' }],
        filters: [
          { field: 'status', operator: 'in', value: ['new', 'contacted'] },
          { field: 'fullName', operator: 'contains', value: 'a' },
        ],
      });
      expect(page2.data.map((l) => l.fullName)).toEqual(all.slice(2, 4).map((l) => l.fullName));
      const searched = await provider.getList({ resource: 'leads', filters: [{ field: 'q', operator: 'eq', value: '97000' }] });
      expect(searched.data.map((l) => l.fullName)).toEqual(['Ishaan Kapoor']);
      const one = await provider.getOne({ resource: 'leads', id: seeded[0].id });
      expect(one.data.fullName).toBe('Zoya Khan');
      const many = await provider.getMany!({ resource: 'leads', ids: [seeded[0].id, seeded[1].id] });
      expect(many.data.map((l) => l.fullName).sort()).toEqual(['Aarav Mehta', 'Zoya Khan']);
      const updated = await provider.update({ resource: 'leads', id: seeded[0].id, variables: { city: 'Lucknow', version: seeded[0].version } });
      expect(updated.data).toMatchObject({ city: 'Lucknow' });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
  });
});
