import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '@advisordesk/api-leads';
import { DEFAULT_CHECKLIST } from '@advisordesk/shared';
import { ApplicationsModule } from '../src';
import { leadOf, program } from './support';

describe('applications: the pipeline, the lead following it, checklists, payments, access', () => {
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;
  let marketing: SignedIn;

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, ApplicationsModule]);
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Nair');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing');
  });
  afterAll(() => t.close());

  const leadStatus = async (leadId: string) =>
    (await queryOne<{ status: string }>(t.dataSource, `SELECT status FROM leads WHERE id = $1`, [leadId])).status;
  const move = (who: SignedIn, id: string, status: string, version: number) =>
    request(t.http).post(`/api/applications/${id}/status`).set(who.auth).send({ status, version });

  it('starts from a program with the session of its current fee, the default checklist, and "₹0 of ₹1,80,000" figures', async () => {
    const mba = await program(t);
    const leadId = await leadOf(t, manager, priya);
    const created = await request(t.http)
      .post(`/api/leads/${leadId}/applications`)
      .set(priya.auth)
      .send({ programId: mba.id, deadline: '2027-01-15' })
      .expect(201);
    expect(created.body).toMatchObject({
      leadId,
      leadName: 'Ananya Gupta',
      advisorName: 'Priya Sharma',
      programId: mba.id,
      programName: 'Online MBA',
      session: '2026-27',
      status: 'planned',
      deadline: '2027-01-15',
      paidPaise: 0,
      feeTotalPaise: 1_80_000_00,
      documentsMissing: DEFAULT_CHECKLIST.filter((d) => d.required).length,
      documentsToReview: 0,
      version: 1,
    });
    const documents = await request(t.http).get(`/api/applications/${created.body.id}/documents`).set(priya.auth).expect(200);
    expect(documents.body.map((d: { label: string; required: boolean; status: string }) => [d.label, d.required, d.status])).toEqual(
      DEFAULT_CHECKLIST.map((d) => [d.label, d.required, 'missing']),
    );
    // The same program and session twice is one application.
    const again = await request(t.http).post(`/api/leads/${leadId}/applications`).set(priya.auth).send({ programId: mba.id }).expect(409);
    expect(again.body.code).toBe('applications.alreadyApplied');
    const timeline = await request(t.http).get(`/api/leads/${leadId}/timeline`).set(priya.auth).expect(200);
    expect(JSON.stringify(timeline.body)).toContain('"action":"created"');
  });

  it('the lead follows its furthest application forward (submitted → applied, offer → admitted, enrolled → enrolled), never back', async () => {
    const [a, b] = [await program(t, 'Online MBA'), await program(t, 'Online MCA')];
    const leadId = await leadOf(t, manager, priya);
    const first = (await request(t.http).post(`/api/leads/${leadId}/applications`).set(priya.auth).send({ programId: a.id }).expect(201)).body;
    const second = (await request(t.http).post(`/api/leads/${leadId}/applications`).set(priya.auth).send({ programId: b.id }).expect(201)).body;

    await move(priya, first.id, 'documents', 1).expect(200);
    expect(await leadStatus(leadId)).toBe('new');
    await move(priya, first.id, 'submitted', 2).expect(200);
    expect(await leadStatus(leadId)).toBe('applied');
    // Straight to an offer on the second (forward moves may skip): the lead is admitted.
    await move(priya, second.id, 'offer', 1).expect(200);
    expect(await leadStatus(leadId)).toBe('admitted');
    // The first one's later submission or rejection does not move the lead back.
    await move(priya, first.id, 'rejected', 3).expect(200);
    expect(await leadStatus(leadId)).toBe('admitted');
    await move(priya, second.id, 'enrolled', 2).expect(200);
    expect(await leadStatus(leadId)).toBe('enrolled');

    const changes = await queryRows<{ data: { from: string; to: string; automatic?: boolean; via?: string } }>(
      t.dataSource,
      `SELECT data FROM activities WHERE lead_id = $1 AND type = 'status_change' ORDER BY id`,
      [leadId],
    );
    expect(changes.map((c) => [c.data.from, c.data.to, c.data.automatic, c.data.via])).toEqual([
      ['new', 'applied', true, 'application'],
      ['applied', 'admitted', true, 'application'],
      ['admitted', 'enrolled', true, 'application'],
    ]);
    const lead = await queryOne<{ enrolledAt: Date | null; firstContactedAt: Date | null }>(
      t.dataSource,
      `SELECT enrolled_at AS "enrolledAt", first_contacted_at AS "firstContactedAt" FROM leads WHERE id = $1`,
      [leadId],
    );
    expect(lead.enrolledAt).not.toBeNull();
    expect(lead.firstContactedAt).not.toBeNull();
  });

  it('a lost lead is not reopened by an application; a lead ahead of it is not moved back', async () => {
    const mba = await program(t);
    const lost = await leadOf(t, manager, priya);
    const lostLead = (await request(t.http).get(`/api/leads/${lost}`).set(priya.auth).expect(200)).body;
    await request(t.http)
      .post(`/api/leads/${lost}/status`)
      .set(priya.auth)
      .send({ status: 'lost', lostReason: 'budget', version: lostLead.version })
      .expect(200);
    const app = (await request(t.http).post(`/api/leads/${lost}/applications`).set(priya.auth).send({ programId: mba.id }).expect(201)).body;
    await move(priya, app.id, 'submitted', 1).expect(200);
    expect(await leadStatus(lost)).toBe('lost');

    const ahead = await leadOf(t, manager, priya);
    const aheadLead = (await request(t.http).get(`/api/leads/${ahead}`).set(manager.auth).expect(200)).body;
    await request(t.http).post(`/api/leads/${ahead}/status`).set(manager.auth).send({ status: 'admitted', version: aheadLead.version }).expect(200);
    const app2 = (await request(t.http).post(`/api/leads/${ahead}/applications`).set(priya.auth).send({ programId: mba.id }).expect(201)).body;
    await move(priya, app2.id, 'submitted', 1).expect(200);
    expect(await leadStatus(ahead)).toBe('admitted');
  });

  it('status rules: backward and reopening are for managers, enrolled is final, a stale version is a 409 naming who changed it', async () => {
    const mba = await program(t);
    const leadId = await leadOf(t, manager, priya);
    const app = (await request(t.http).post(`/api/leads/${leadId}/applications`).set(priya.auth).send({ programId: mba.id }).expect(201)).body;
    await move(priya, app.id, 'submitted', 1).expect(200);
    expect((await move(priya, app.id, 'documents', 2).expect(403)).body.code).toBe('applications.backwardNeedsManager');
    expect((await move(priya, app.id, 'submitted', 2).expect(409)).body.code).toBe('applications.sameStatus');
    await move(priya, app.id, 'withdrawn', 2).expect(200);
    expect((await move(priya, app.id, 'submitted', 3).expect(403)).body.code).toBe('applications.reopenNeedsManager');
    await move(manager, app.id, 'submitted', 3).expect(200);

    // Two people on version 4: the second is refused and told who changed it.
    await request(t.http)
      .patch(`/api/applications/${app.id}`)
      .set(manager.auth)
      .send({ universityApplicationNo: 'MUJ/2026/0042', version: 4 })
      .expect(200);
    const stale = await request(t.http)
      .patch(`/api/applications/${app.id}`)
      .set(priya.auth)
      .send({ note: 'Called the university', version: 4 })
      .expect(409);
    expect(stale.body.code).toBe('applications.staleVersion');
    expect(stale.body.message).toContain('Meera Nair');
    expect(stale.body.updatedBy).toMatchObject({ id: manager.id, name: 'Meera Nair' });
    const staleMove = await move(priya, app.id, 'offer', 4).expect(409);
    expect(staleMove.body.code).toBe('applications.staleVersion');
    const now = (await request(t.http).get(`/api/applications/${app.id}`).set(priya.auth).expect(200)).body;
    expect(now).toMatchObject({ status: 'submitted', universityApplicationNo: 'MUJ/2026/0042', note: null, version: 5 });

    await move(priya, app.id, 'enrolled', 5).expect(200);
    expect((await move(manager, app.id, 'offer', 6).expect(409)).body.code).toBe('applications.enrolledIsFinal');
    expect((await move(manager, app.id, 'withdrawn', 6).expect(409)).body.code).toBe('applications.enrolledIsFinal');
  });

  it("checklists: managers change the default and a program's own; a new application copies the one in force", async () => {
    const mba = await program(t);
    const items = [
      { kind: 'photo', label: 'Photo', required: true },
      { kind: 'graduation_marksheet', label: 'Graduation mark sheet', required: true },
    ];
    await request(t.http).put(`/api/programs/${mba.id}/checklist`).set(priya.auth).send({ items }).expect(403);
    const put = await request(t.http).put(`/api/programs/${mba.id}/checklist`).set(manager.auth).send({ items }).expect(200);
    expect(put.body).toEqual({ programId: mba.id, custom: true, items });
    expect((await request(t.http).get(`/api/programs/${mba.id}/checklist`).set(priya.auth).expect(200)).body.items).toEqual(items);

    const twice = await request(t.http)
      .put(`/api/programs/${mba.id}/checklist`)
      .set(manager.auth)
      .send({ items: [...items, { kind: 'other', label: ' photo ', required: false }] })
      .expect(400);
    expect(twice.body.fields[0].field).toBe('items[2].label');
    const badKind = await request(t.http)
      .put(`/api/checklists/default`)
      .set(manager.auth)
      .send({ items: [{ kind: 'selfie', label: 'x', required: true }] })
      .expect(400);
    expect(JSON.stringify(badKind.body)).toContain('kind');

    const leadId = await leadOf(t, manager, priya);
    const app = (await request(t.http).post(`/api/leads/${leadId}/applications`).set(priya.auth).send({ programId: mba.id }).expect(201)).body;
    expect(app.documentsMissing).toBe(2);
    // Back to the default: the application keeps the copy it was made with.
    const reset = await request(t.http).put(`/api/programs/${mba.id}/checklist`).set(manager.auth).send({ items: null }).expect(200);
    expect(reset.body).toMatchObject({ custom: false, items: DEFAULT_CHECKLIST });
    const docs = await request(t.http).get(`/api/applications/${app.id}/documents`).set(priya.auth).expect(200);
    expect(docs.body.map((d: { label: string }) => d.label)).toEqual(['Photo', 'Graduation mark sheet']);

    const custom = [{ kind: 'id_proof', label: 'Aadhaar card', required: true }];
    await request(t.http).put('/api/checklists/default').set(manager.auth).send({ items: custom }).expect(200);
    const other = await program(t, 'Online BBA');
    expect((await request(t.http).get(`/api/programs/${other.id}/checklist`).set(priya.auth).expect(200)).body).toEqual({
      programId: other.id,
      custom: false,
      items: custom,
    });
    await request(t.http).put('/api/checklists/default').set(manager.auth).send({ items: DEFAULT_CHECKLIST }).expect(200);
  });

  it('payments in paise add up on the application beside its fee; a future date and a missing reference are 400s', async () => {
    const mba = await program(t);
    const leadId = await leadOf(t, manager, priya);
    const app = (await request(t.http).post(`/api/leads/${leadId}/applications`).set(priya.auth).send({ programId: mba.id }).expect(201)).body;
    await request(t.http)
      .post(`/api/applications/${app.id}/payments`)
      .set(priya.auth)
      .send({ kind: 'application_fee', amountPaise: 1_500_00, paidAt: '2026-11-02', reference: 'UTR 1122 3344 5566' })
      .expect(201);
    const tuition = await request(t.http)
      .post(`/api/applications/${app.id}/payments`)
      .set(priya.auth)
      .send({ kind: 'tuition', amountPaise: 43_500_00, paidAt: '2026-11-20', reference: 'Receipt 889' })
      .expect(201);
    expect(tuition.body).toMatchObject({
      kind: 'tuition',
      amountPaise: 43_500_00,
      paidAt: '2026-11-20',
      reference: 'Receipt 889',
      recordedByName: 'Priya Sharma',
    });
    const view = (await request(t.http).get(`/api/applications/${app.id}`).set(priya.auth).expect(200)).body;
    expect([view.paidPaise, view.feeTotalPaise]).toEqual([45_000_00, 1_80_000_00]);

    const future = await request(t.http)
      .post(`/api/applications/${app.id}/payments`)
      .set(priya.auth)
      .send({ kind: 'tuition', amountPaise: 100, paidAt: '2099-01-01', reference: 'x' })
      .expect(400);
    expect(future.body.fields[0].field).toBe('paidAt');
    for (const [body, field] of [
      [{ kind: 'tuition', amountPaise: 10.5, paidAt: '2026-11-20', reference: 'x' }, 'amountPaise'],
      [{ kind: 'tuition', amountPaise: 0, paidAt: '2026-11-20', reference: 'x' }, 'amountPaise'],
      [{ kind: 'tuition', amountPaise: 100, paidAt: '2026-11-20', reference: null }, 'reference'],
      [{ kind: 'fees', amountPaise: 100, paidAt: '2026-11-20', reference: 'x' }, 'kind'],
      [{ kind: 'tuition', amountPaise: 100, paidAt: '20/11/2026', reference: 'x' }, 'paidAt'],
      [{ kind: 'tuition', amountPaise: 100, paidAt: '2026-11-20', reference: 'x', recordedBy: manager.id }, 'recordedBy'],
    ] as const) {
      const refused = await request(t.http).post(`/api/applications/${app.id}/payments`).set(priya.auth).send(body).expect(400);
      expect(refused.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    // Only managers delete a payment entered by mistake.
    await request(t.http).delete(`/api/applications/${app.id}/payments/${tuition.body.id}`).set(priya.auth).expect(403);
    await request(t.http).delete(`/api/applications/${app.id}/payments/${tuition.body.id}`).set(manager.auth).expect(204);
    const list = await request(t.http).get(`/api/applications/${app.id}/payments`).set(priya.auth).expect(200);
    expect(list.body.map((p: { amountPaise: number }) => p.amountPaise)).toEqual([1_500_00]);
  });

  it("an advisor sees only their leads' applications (another's is a 404 everywhere); marketing is refused", async () => {
    const mba = await program(t);
    const leadId = await leadOf(t, manager, priya, 'Kavya Iyer');
    const app = (await request(t.http).post(`/api/leads/${leadId}/applications`).set(priya.auth).send({ programId: mba.id }).expect(201)).body;
    const [doc] = (await request(t.http).get(`/api/applications/${app.id}/documents`).set(priya.auth).expect(200)).body;
    for (const [method, path, body] of [
      ['get', `/api/applications/${app.id}`, undefined],
      ['patch', `/api/applications/${app.id}`, { note: 'x', version: 1 }],
      ['post', `/api/applications/${app.id}/status`, { status: 'documents', version: 1 }],
      ['get', `/api/applications/${app.id}/documents`, undefined],
      ['get', `/api/applications/${app.id}/documents/${doc.id}/file`, undefined],
      ['post', `/api/applications/${app.id}/documents/${doc.id}/review`, { status: 'verified' }],
      ['get', `/api/applications/${app.id}/payments`, undefined],
      ['post', `/api/applications/${app.id}/upload-link`, undefined],
      ['post', `/api/leads/${leadId}/applications`, { programId: mba.id, session: '2027-28' }],
    ] as const) {
      const response = await request(t.http)[method](path).set(rahul.auth).send(body);
      expect([path, response.status]).toEqual([path, 404]);
    }
    const rahulsList = await request(t.http).get('/api/applications').set(rahul.auth).expect(200);
    expect(rahulsList.body.map((a: { id: string }) => a.id)).not.toContain(app.id);
    const priyasList = await request(t.http).get(`/api/applications?leadId=${leadId}`).set(priya.auth).expect(200);
    expect(priyasList.body.map((a: { id: string }) => a.id)).toEqual([app.id]);
    await request(t.http).get('/api/applications').set(marketing.auth).expect(403);
    await request(t.http).get(`/api/applications/${app.id}`).set(marketing.auth).expect(403);
  });

  it('the list filters by status, university, deadline, missing documents and a search, in the simple-rest way', async () => {
    const mba = await program(t);
    const leadId = await leadOf(t, manager, rahul, 'Zoya Khan');
    const soon = (
      await request(t.http).post(`/api/leads/${leadId}/applications`).set(rahul.auth).send({ programId: mba.id, deadline: '2030-01-03' }).expect(201)
    ).body;
    const later = (
      await request(t.http)
        .post(`/api/leads/${leadId}/applications`)
        .set(rahul.auth)
        .send({ programId: mba.id, session: '2027-28', deadline: '2030-03-01', universityApplicationNo: 'ZK-778' })
        .expect(201)
    ).body;
    await move(rahul, later.id, 'submitted', 1).expect(200);
    const ids = async (query: string) => {
      const response = await request(t.http).get(`/api/applications?${query}`).set(rahul.auth).expect(200);
      return { ids: response.body.map((a: { id: string }) => a.id), total: Number(response.headers['x-total-count']) };
    };
    expect((await ids(`universityId=${mba.universityId}&_sort=deadline&_order=asc`)).ids).toEqual([soon.id, later.id]);
    expect((await ids(`universityId=${mba.universityId}&status=submitted`)).ids).toEqual([later.id]);
    expect((await ids(`universityId=${mba.universityId}&deadline_gte=2030-01-01&deadline_lte=2030-01-07`)).ids).toEqual([soon.id]);
    expect((await ids(`universityId=${mba.universityId}&documentsMissing=true`)).total).toBe(2);
    expect((await ids(`q=ZK-778`)).ids).toEqual([later.id]);
    expect((await ids(`q=zoya`)).total).toBe(2);
    for (const query of ['status=accepted', 'deadline_gte=tomorrow', 'leadId=constructor', 'phone=98765', '_sort=note', 'constructor=1']) {
      const refused = await request(t.http).get(`/api/applications?${query}`).set(rahul.auth);
      expect([query, refused.status]).toEqual([query, 400]);
      expect(refused.body.fields?.[0]?.field ?? refused.body.message).toBeTruthy();
    }
  });

  it('bad bodies are 400s naming the field, never 500s, and write nothing', async () => {
    const mba = await program(t);
    const leadId = await leadOf(t, manager, priya);
    const before = await queryOne<{ n: number }>(t.dataSource, `SELECT count(*)::int AS n FROM applications WHERE lead_id = $1`, [leadId]);
    for (const [body, field] of [
      [{ programId: null }, 'programId'],
      [{ programId: 'constructor' }, 'programId'],
      [{ programId: mba.id, session: '2026' }, 'session'],
      [{ programId: mba.id, deadline: '2026-02-30x' }, 'deadline'],
      [{ programId: mba.id, note: 'a\u0000b' }, 'note'],
      [{ programId: mba.id, note: 'bad \uD800 text' }, 'note'],
      [{ programId: mba.id, status: 'enrolled' }, 'status'],
      [{ programId: '00000000-0000-4000-8000-000000000000' }, 'programId'],
    ] as const) {
      const refused = await request(t.http).post(`/api/leads/${leadId}/applications`).set(priya.auth).send(body).expect(400);
      expect([JSON.stringify(body), refused.body.fields.map((f: { field: string }) => f.field)]).toEqual([
        JSON.stringify(body),
        expect.arrayContaining([field]),
      ]);
    }
    const proto = await request(t.http)
      .post(`/api/leads/${leadId}/applications`)
      .set(priya.auth)
      .set('Content-Type', 'application/json')
      .send(`{"programId": "${mba.id}", "__proto__": {"status": "enrolled"}}`);
    expect(proto.status).toBe(400);
    const after = await queryOne<{ n: number }>(t.dataSource, `SELECT count(*)::int AS n FROM applications WHERE lead_id = $1`, [leadId]);
    expect(after.n).toBe(before.n);
  });
});
