import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '../src';
import { newPhone } from './support';

/** Issue #20, "Daily use": who owns a lead (a duplicate phone, deactivating an advisor) and consent taken in person. */
describe('who owns a lead, and consent taken in person', () => {
  let t: TestApp;
  let admin: SignedIn;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;
  let vikram: SignedIn;

  async function walkIn(advisor: SignedIn, phone = newPhone()): Promise<{ id: string; version: number }> {
    return (await request(t.http).post('/api/leads').set(advisor.auth).send({ fullName: 'Rohan Das', phone, source: 'walk_in' }).expect(201)).body;
  }

  async function followUp(advisor: SignedIn, leadId: string) {
    await request(t.http)
      .post('/api/tasks')
      .set(advisor.auth)
      .send({ leadId, dueAt: new Date(Date.now() + 86_400_000).toISOString() })
      .expect(201);
  }

  async function ownerOf(leadId: string) {
    return (await queryOne<{ advisorId: string | null }>(t.dataSource, `SELECT advisor_id AS "advisorId" FROM leads WHERE id = $1`, [leadId]))
      .advisorId;
  }

  async function taskOwners(leadId: string) {
    return (
      await queryRows<{ ownerId: string }>(t.dataSource, `SELECT owner_id AS "ownerId" FROM tasks WHERE lead_id = $1 AND done_at IS NULL`, [leadId])
    ).map((r) => r.ownerId);
  }

  async function timelineOf(leadId: string) {
    return (await request(t.http).get(`/api/leads/${leadId}/timeline`).set(manager.auth).expect(200)).body as {
      type: string;
      authorId: string | null;
      data: Record<string, unknown>;
    }[];
  }

  beforeAll(async () => {
    t = await createTestApp([LeadsModule]);
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin', 'Asha Admin');
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    vikram = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Vikram Rao');
  });
  afterAll(() => t.close());

  describe('a duplicate phone and the transfer request', () => {
    it('a walk-in whose phone is a colleague’s lead names the owner; the lead’s id only for someone who may open it', async () => {
      const phone = newPhone();
      const lead = await walkIn(priya, phone);
      const asRahul = await request(t.http).post('/api/leads').set(rahul.auth).send({ fullName: 'Rohan', phone, source: 'walk_in' }).expect(409);
      expect(asRahul.body).toMatchObject({ code: 'leads.phoneTaken', owner: { id: priya.id, name: 'Priya Sharma' } });
      expect(asRahul.body).not.toHaveProperty('leadId');
      // The id to ask for it by, which opens nothing.
      expect(asRahul.body.transferLeadId).toBe(lead.id);
      await request(t.http).get(`/api/leads/${lead.id}`).set(rahul.auth).expect(404);
      const asManager = await request(t.http).post('/api/leads').set(manager.auth).send({ fullName: 'Rohan', phone, source: 'walk_in' }).expect(409);
      expect(asManager.body).toMatchObject({ code: 'leads.phoneTaken', owner: { id: priya.id, name: 'Priya Sharma' }, leadId: lead.id });
      expect(asManager.body).not.toHaveProperty('transferLeadId');
    });

    it('an advisor asks for a lead they cannot open; the owner and managers see the request, a third advisor does not', async () => {
      const lead = await walkIn(priya);
      await request(t.http).get(`/api/leads/${lead.id}`).set(rahul.auth).expect(404);
      const asked = await request(t.http)
        .post(`/api/leads/${lead.id}/transfer-requests`)
        .set(rahul.auth)
        .send({ note: 'He walked in asking for me' })
        .expect(201);
      expect(asked.body).toMatchObject({
        leadId: lead.id,
        leadName: null,
        ownerId: priya.id,
        ownerName: 'Priya Sharma',
        requestedById: rahul.id,
        requestedByName: 'Rahul Verma',
        note: 'He walked in asking for me',
        outcome: null,
      });
      const ids = async (who: SignedIn) =>
        ((await request(t.http).get(`/api/transfer-requests?leadId=${lead.id}`).set(who.auth).expect(200)).body as { id: string }[]).map((r) => r.id);
      expect(await ids(priya)).toEqual([asked.body.id]);
      expect(await ids(manager)).toEqual([asked.body.id]);
      expect(await ids(admin)).toEqual([asked.body.id]);
      expect(await ids(rahul)).toEqual([asked.body.id]);
      expect(await ids(vikram)).toEqual([]);
      // The owner sees whose lead it is by name; the requester still cannot open it.
      const forPriya = (await request(t.http).get(`/api/transfer-requests?leadId=${lead.id}`).set(priya.auth).expect(200)).body[0];
      expect(forPriya.leadName).toBe('Rohan Das');
      // On the lead's timeline.
      expect((await timelineOf(lead.id))[0]).toMatchObject({ type: 'transfer_request', authorId: rahul.id, data: { action: 'requested' } });
    });

    it('asking again returns the open request instead of a second one', async () => {
      const lead = await walkIn(priya);
      const first = await request(t.http).post(`/api/leads/${lead.id}/transfer-requests`).set(rahul.auth).send({}).expect(201);
      const again = await request(t.http).post(`/api/leads/${lead.id}/transfer-requests`).set(rahul.auth).send({ note: 'Still waiting' }).expect(200);
      expect(again.body.id).toBe(first.body.id);
      const { n } = await queryOne<{ n: number }>(t.dataSource, `SELECT count(*)::int AS n FROM lead_transfer_requests WHERE lead_id = $1`, [
        lead.id,
      ]);
      expect(n).toBe(1);
    });

    it('an unknown lead is a 404, your own lead is a 400, and managers assign rather than ask', async () => {
      await request(t.http).post('/api/leads/00000000-0000-4000-8000-000000000000/transfer-requests').set(rahul.auth).send({}).expect(404);
      const lead = await walkIn(priya);
      expect((await request(t.http).post(`/api/leads/${lead.id}/transfer-requests`).set(priya.auth).send({}).expect(400)).body.code).toBe(
        'leads.alreadyYours',
      );
      await request(t.http).post(`/api/leads/${lead.id}/transfer-requests`).set(manager.auth).send({}).expect(403);
      const bad = await request(t.http).post(`/api/leads/${lead.id}/transfer-requests`).set(rahul.auth).send({ note: 42 }).expect(400);
      expect(bad.body.fields[0].field).toBe('note');
    });

    it('the owner approves: the lead and its open follow-ups move to the advisor who asked, on the timeline', async () => {
      const lead = await walkIn(priya);
      await followUp(priya, lead.id);
      const asked = await request(t.http).post(`/api/leads/${lead.id}/transfer-requests`).set(rahul.auth).send({}).expect(201);
      // Only the owner or a manager may answer: to anyone else the request does not exist.
      await request(t.http).post(`/api/transfer-requests/${asked.body.id}/approve`).set(vikram.auth).expect(404);
      await request(t.http).post(`/api/transfer-requests/${asked.body.id}/approve`).set(rahul.auth).expect(404);
      const approved = await request(t.http).post(`/api/transfer-requests/${asked.body.id}/approve`).set(priya.auth).expect(200);
      expect(approved.body).toMatchObject({ outcome: 'approved', resolvedById: priya.id, ownerId: rahul.id });
      expect(await ownerOf(lead.id)).toBe(rahul.id);
      expect(await taskOwners(lead.id)).toEqual([rahul.id]);
      await request(t.http).get(`/api/leads/${lead.id}`).set(rahul.auth).expect(200);
      await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth).expect(404);
      const [latest, assignment] = await timelineOf(lead.id);
      expect(latest).toMatchObject({ type: 'transfer_request', authorId: priya.id, data: { action: 'approved', requestedBy: rahul.id } });
      expect(assignment).toMatchObject({ type: 'assignment', data: { from: priya.id, to: rahul.id } });
      // Answered once; no longer listed as open.
      await request(t.http).post(`/api/transfer-requests/${asked.body.id}/decline`).set(manager.auth).send({}).expect(409);
      expect((await request(t.http).get(`/api/transfer-requests?leadId=${lead.id}`).set(manager.auth).expect(200)).body).toEqual([]);
    });

    it('a manager declines with a note: the lead stays where it was', async () => {
      const lead = await walkIn(priya);
      const asked = await request(t.http).post(`/api/leads/${lead.id}/transfer-requests`).set(vikram.auth).send({}).expect(201);
      const declined = await request(t.http)
        .post(`/api/transfer-requests/${asked.body.id}/decline`)
        .set(manager.auth)
        .send({ note: 'Priya has met them twice' })
        .expect(200);
      expect(declined.body).toMatchObject({ outcome: 'declined', resolutionNote: 'Priya has met them twice' });
      expect(await ownerOf(lead.id)).toBe(priya.id);
      // Declined, the advisor may ask again: a new request.
      const again = await request(t.http).post(`/api/leads/${lead.id}/transfer-requests`).set(vikram.auth).send({}).expect(201);
      expect(again.body.id).not.toBe(asked.body.id);
    });
  });

  describe('deactivating a user hands over their open work', () => {
    async function advisorWithWork(name: string, leads: number, tasks: number) {
      const advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor', name);
      const ids: string[] = [];
      for (let i = 0; i < leads; i++) ids.push((await walkIn(advisor)).id);
      for (let i = 0; i < tasks; i++) await followUp(advisor, ids[i % ids.length]);
      return { advisor, ids };
    }

    it('the admin sees the counts first; without reassignTo a user with open leads is a 409 saying how many, and stays active', async () => {
      const { advisor, ids } = await advisorWithWork('Sneha Iyer', 3, 2);
      // An enrolled lead is not open work.
      await t.dataSource.query(`UPDATE leads SET status = 'enrolled' WHERE id = $1`, [ids[2]]);
      expect((await request(t.http).get(`/api/users/${advisor.id}/workload`).set(admin.auth).expect(200)).body).toEqual({
        openLeads: 2,
        openTasks: 2,
      });
      await request(t.http).get(`/api/users/${advisor.id}/workload`).set(manager.auth).expect(403);
      const refused = await request(t.http).delete(`/api/users/${advisor.id}`).set(admin.auth).expect(409);
      expect(refused.body).toMatchObject({ code: 'leads.openWork', openLeads: 2, openTasks: 2 });
      expect(refused.body.message).toContain('Sneha Iyer still has 2 open leads and 2 open follow-ups');
      await request(t.http).get('/api/auth/me').set(advisor.auth).expect(200);
    });

    it('PATCH {active: false} is refused the same way, so nothing orphans their leads', async () => {
      const { advisor } = await advisorWithWork('Arjun Nair', 1, 0);
      const refused = await request(t.http).patch(`/api/users/${advisor.id}`).set(admin.auth).send({ active: false }).expect(409);
      expect(refused.body).toMatchObject({ code: 'leads.openWork', openLeads: 1, openTasks: 0 });
      await request(t.http).get('/api/auth/me').set(advisor.auth).expect(200);
      // A user with nothing open is deactivated as before.
      const idle = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
      await request(t.http).patch(`/api/users/${idle.id}`).set(admin.auth).send({ active: false }).expect(200);
    });

    it('reassignTo an advisor moves every open lead and follow-up to them, each lead with an assignment on its timeline, and ends the sessions', async () => {
      const { advisor, ids } = await advisorWithWork('Kiran Das', 3, 4);
      await t.dataSource.query(`UPDATE leads SET status = 'lost', lost_reason = 'budget' WHERE id = $1`, [ids[2]]);
      const deactivated = await request(t.http).delete(`/api/users/${advisor.id}?reassignTo=${rahul.id}`).set(admin.auth).expect(200);
      expect(deactivated.body).toMatchObject({ user: { id: advisor.id, active: false }, reassignedLeads: 2, reassignedTasks: 4 });
      expect([await ownerOf(ids[0]), await ownerOf(ids[1])]).toEqual([rahul.id, rahul.id]);
      // The lost lead stays with the advisor who lost it (their figures); its open follow-up still goes to someone active.
      expect(await ownerOf(ids[2])).toBe(advisor.id);
      expect(await taskOwners(ids[2])).toEqual([rahul.id]);
      expect((await timelineOf(ids[0]))[0]).toMatchObject({
        type: 'assignment',
        authorId: admin.id,
        data: { from: advisor.id, to: rahul.id, via: 'handover' },
      });
      expect((await request(t.http).get(`/api/users/${advisor.id}/workload`).set(admin.auth).expect(200)).body).toEqual({
        openLeads: 0,
        openTasks: 0,
      });
      const refused = await request(t.http).get('/api/auth/me').set(advisor.auth).expect(401);
      expect(refused.body.code).toBe('auth.inactive');
      await request(t.http).post('/api/auth/refresh').send({ refreshToken: advisor.refreshToken }).expect(401);
    });

    it('reassignTo=auto spreads the leads by the assignment rule, least loaded first', async () => {
      const { advisor, ids } = await advisorWithWork('Neha Joshi', 4, 0);
      const loads = await queryRows<{ id: string; load: number }>(
        t.dataSource,
        `SELECT u.id, al.open_leads AS load FROM advisor_load al JOIN users u ON u.id = al.advisor_id WHERE u.role = 'advisor' AND u.active AND u.id <> $1`,
        [advisor.id],
      );
      const deactivated = await request(t.http).delete(`/api/users/${advisor.id}?reassignTo=auto`).set(admin.auth).expect(200);
      expect(deactivated.body).toMatchObject({ reassignedLeads: 4, reassignedTasks: 0 });
      const owners = await Promise.all(ids.map(ownerOf));
      expect(owners).not.toContain(advisor.id);
      expect(new Set(owners).size).toBeGreaterThan(1);
      // The least loaded advisor got one of them.
      const least = loads.sort((a, b) => a.load - b.load)[0];
      expect(owners).toContain(least.id);
    });

    it('reassignTo must be an active advisor other than the user: a 400 naming reassignTo, nothing changed', async () => {
      const { advisor, ids } = await advisorWithWork('Dev Malhotra', 1, 0);
      const inactive = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
      await request(t.http).patch(`/api/users/${inactive.id}`).set(admin.auth).send({ active: false }).expect(200);
      for (const reassignTo of [advisor.id, manager.id, inactive.id, '00000000-0000-4000-8000-000000000000', 'someone']) {
        const response = await request(t.http).delete(`/api/users/${advisor.id}?reassignTo=${reassignTo}`).set(admin.auth);
        expect({ reassignTo, status: response.status }).toEqual({ reassignTo, status: 400 });
        expect(response.body.fields[0].field).toBe('reassignTo');
      }
      expect(await ownerOf(ids[0])).toBe(advisor.id);
      await request(t.http).get('/api/auth/me').set(advisor.auth).expect(200);
    });

    it('nobody deactivates themselves; an unknown user is a 404; only admins deactivate', async () => {
      await request(t.http).delete(`/api/users/${admin.id}?reassignTo=auto`).set(admin.auth).expect(403);
      await request(t.http).delete('/api/users/00000000-0000-4000-8000-000000000000').set(admin.auth).expect(404);
      await request(t.http).delete(`/api/users/${vikram.id}`).set(manager.auth).expect(403);
    });
  });

  describe('consent taken in person or by phone', () => {
    it('staff record a walk-in’s WhatsApp consent: the lead agrees, and the timeline says who, how and when', async () => {
      const lead = await walkIn(priya);
      const recorded = await request(t.http)
        .post(`/api/leads/${lead.id}/consent`)
        .set(priya.auth)
        .send({ whatsapp: true, channel: 'in_person', note: 'Agreed at the front desk', version: lead.version })
        .expect(200);
      expect(recorded.body).toMatchObject({
        consentWhatsapp: true,
        consentMarketing: false,
        consentSource: 'in_person',
        version: lead.version + 1,
        consentRecord: {
          via: 'staff',
          channel: 'in_person',
          recordedById: priya.id,
          recordedByName: 'Priya Sharma',
          note: 'Agreed at the front desk',
        },
      });
      expect(recorded.body.consentAt).not.toBeNull();
      const [event] = await timelineOf(lead.id);
      expect(event).toMatchObject({
        type: 'consent',
        authorId: priya.id,
        data: { recorded: { whatsapp: true }, via: 'staff', channel: 'in_person' },
      });
      // The lead's page shows the same.
      const page = await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth).expect(200);
      expect(page.body.consentRecord).toMatchObject({ recordedByName: 'Priya Sharma', channel: 'in_person' });
    });

    it('a walk-in who agrees to WhatsApp while being entered is agreed from the start, with the channel; a consent without a channel is a 400', async () => {
      const phone = newPhone();
      const created = await request(t.http)
        .post('/api/leads')
        .set(priya.auth)
        .send({ fullName: 'Meher Ali', phone, source: 'walk_in', consentWhatsapp: true, consentChannel: 'in_person' })
        .expect(201);
      expect(created.body).toMatchObject({ consentWhatsapp: true, consentMarketing: false, consentSource: 'in_person' });
      expect(created.body.consentAt).not.toBeNull();
      const [event] = await timelineOf(created.body.id);
      expect(event).toMatchObject({
        type: 'consent',
        authorId: priya.id,
        data: { recorded: { whatsapp: true }, channel: 'in_person' },
      });
      // An unticked box withdraws nothing on a new lead.
      expect(event.data.recorded).not.toHaveProperty('marketing');
      const noChannel = await request(t.http)
        .post('/api/leads')
        .set(priya.auth)
        .send({ fullName: 'Meher Ali', phone: newPhone(), source: 'walk_in', consentMarketing: true })
        .expect(400);
      expect(noChannel.body.fields[0].field).toBe('consentChannel');
      // Nothing ticked: not agreed, and no consent event.
      const none = await request(t.http)
        .post('/api/leads')
        .set(priya.auth)
        .send({ fullName: 'Tara', phone: newPhone(), source: 'walk_in' })
        .expect(201);
      expect(none.body).toMatchObject({ consentWhatsapp: false, consentMarketing: false, consentAt: null });
      expect((await timelineOf(none.body.id)).map((a) => a.type)).not.toContain('consent');
    });

    it('false withdraws; a stale version is a 409 with nothing changed', async () => {
      const lead = await walkIn(priya);
      const given = await request(t.http)
        .post(`/api/leads/${lead.id}/consent`)
        .set(priya.auth)
        .send({ whatsapp: true, marketing: true, channel: 'phone', version: lead.version })
        .expect(200);
      const stale = await request(t.http)
        .post(`/api/leads/${lead.id}/consent`)
        .set(priya.auth)
        .send({ marketing: false, channel: 'phone', version: lead.version })
        .expect(409);
      expect(stale.body.code).toBe('leads.staleVersion');
      expect((await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth).expect(200)).body.consentMarketing).toBe(true);
      const withdrawn = await request(t.http)
        .post(`/api/leads/${lead.id}/consent`)
        .set(priya.auth)
        .send({ marketing: false, channel: 'email', version: given.body.version })
        .expect(200);
      expect(withdrawn.body).toMatchObject({ consentWhatsapp: true, consentMarketing: false });
    });

    it('bad input is a 400 naming the field; another advisor’s lead is a 404', async () => {
      const lead = await walkIn(priya);
      const cases: [Record<string, unknown>, string][] = [
        [{ channel: 'in_person', version: lead.version }, 'whatsapp'],
        [{ whatsapp: true, version: lead.version }, 'channel'],
        [{ whatsapp: true, channel: 'carrier_pigeon', version: lead.version }, 'channel'],
        [{ whatsapp: 'yes', channel: 'phone', version: lead.version }, 'whatsapp'],
        [{ whatsapp: true, channel: 'phone' }, 'version'],
        [{ whatsapp: true, channel: 'phone', version: lead.version, recordedBy: rahul.id }, 'recordedBy'],
      ];
      for (const [body, field] of cases) {
        const response = await request(t.http).post(`/api/leads/${lead.id}/consent`).set(priya.auth).send(body);
        expect({ body, status: response.status, field: response.body.fields?.[0]?.field }).toEqual({ body, status: 400, field });
      }
      await request(t.http)
        .post(`/api/leads/${lead.id}/consent`)
        .set(rahul.auth)
        .send({ whatsapp: true, channel: 'phone', version: lead.version })
        .expect(404);
    });
  });
});
