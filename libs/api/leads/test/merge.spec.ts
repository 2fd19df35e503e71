import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import type { DuplicateView, LeadView, MergeActivityData } from '@advisordesk/shared';
import { LeadsModule } from '../src';
import { inquiry, leadFor, newPhone, submitInquiry } from './support';

/** Every column that names a lead: foreign keys to `leads`, and any other `lead_id`/`lead_ids` column (found in the catalog, so a table added later is checked too). */
async function leadReferences(t: TestApp) {
  return queryRows<{ table: string; column: string; array: boolean }>(
    t.dataSource,
    `SELECT c.conrelid::regclass::text AS table, a.attname AS column, false AS array
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = 'leads'::regclass
     UNION
     SELECT table_name, column_name, data_type = 'ARRAY'
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'leads' AND column_name ~ '(^|_)lead_ids?$'
      ORDER BY 1, 2`,
  );
}

/** Rows both leads hold once between them: program A shortlisted on both, an open transfer request by the same advisor on both. */
const COLLAPSED: Record<string, number> = { shortlist_items: 1, lead_transfer_requests: 1, breach_leads: 1 };
/** Rows the merge adds: its own timeline entry. */
const ADDED: Record<string, number> = { activities: 1 };

describe('merging two leads', () => {
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;
  let marketing: SignedIn;
  let programA: string;
  let programB: string;
  let programC: string;
  let breachOfBoth: string;
  const newBreach = async (): Promise<string> =>
    (
      await t.dataSource.query(
        `INSERT INTO breaches (discovered_at, description, data_concerned, measures) VALUES (now(), 'A laptop was lost', 'Names and phones', '') RETURNING id`,
      )
    )[0].id;

  const lead = (advisor: SignedIn, overrides: Record<string, unknown> = {}) => leadFor<LeadView>(t, manager, advisor, overrides);
  const read = async (id: string): Promise<LeadView> => (await request(t.http).get(`/api/leads/${id}`).set(manager.auth).expect(200)).body;
  const merge = (who: SignedIn, survivor: LeadView, other: LeadView, extra: Record<string, unknown> = {}) =>
    request(t.http)
      .post(`/api/leads/${survivor.id}/merge`)
      .set(who.auth)
      .send({ otherId: other.id, version: survivor.version, otherVersion: other.version, ...extra });
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await queryOne<{ n: string }>(t.dataSource, `SELECT count(*) AS n FROM (${sql}) x`, params)).n);

  /** A row in every table that names a lead (the shortlist holds program A and `second`; the application is to B for `session`). */
  async function rowsEverywhere(leadId: string, advisorId: string, session: string, second: string) {
    const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
    await q(`INSERT INTO tasks (lead_id, owner_id, title, due_at) VALUES ($1, $2, 'Call back', now() + interval '1 day')`, [leadId, advisorId]);
    await q(`INSERT INTO shortlist_items (lead_id, program_id, rank, note) VALUES ($1, $2, 1, 'Their favourite'), ($1, $3, 2, NULL)`, [
      leadId,
      programA,
      second,
    ]);
    await q(`INSERT INTO comparisons (lead_id, token, snapshot, expires_at) VALUES ($1, $2, '{}', now() + interval '30 days')`, [
      leadId,
      randomBytes(16).toString('hex'),
    ]);
    await q(`INSERT INTO lead_transfer_requests (lead_id, requested_by) VALUES ($1, $2)`, [leadId, rahul.id]);
    await q(`INSERT INTO whatsapp_messages (lead_id, direction, kind, status, text) VALUES ($1, 'in', 'text', 'delivered', 'Is the MBA open?')`, [
      leadId,
    ]);
    const [application] = await q(`INSERT INTO applications (lead_id, program_id, session) VALUES ($1, $2, $3) RETURNING id`, [
      leadId,
      programB,
      session,
    ]);
    await q(`INSERT INTO application_documents (application_id, position, kind, label, required) VALUES ($1, 1, 'marksheet', 'Marksheet', true)`, [
      application.id,
    ]);
    await q(
      `INSERT INTO notifications (user_id, kind, title, lead_id, link, dedupe_key) VALUES ($1, 'lead.uncontacted', 'Call them', $2::uuid, '/leads/' || $2::text, 'lead.uncontacted:' || $2::text)`,
      [advisorId, leadId],
    );
    await q(`INSERT INTO bulk_operations (user_id, action, lead_ids, total, status) VALUES ($1, 'note', ARRAY[$2::uuid], 1, 'done')`, [
      manager.id,
      leadId,
    ]);
    await q(`INSERT INTO whatsapp_webhook_events (body, body_sha256, lead_ids) VALUES ('{}', $1, ARRAY[$2::uuid])`, [randomBytes(32), leadId]);
    const [dataRequest] = await q(
      `INSERT INTO data_requests (reference, kind, verification, phone, lead_id) VALUES ($1, 'access', 'staff', '+919000000000', $2) RETURNING id`,
      [`DR-${randomBytes(4).toString('hex').toUpperCase()}`, leadId],
    );
    await q(`INSERT INTO verification_codes (lead_id, code_hash, sent_via, expires_at) VALUES ($1, 'x', 'whatsapp', now())`, [leadId]);
    await q(`INSERT INTO verification_codes (data_request_id, code_hash, sent_via, expires_at) VALUES ($1, 'x', 'whatsapp', now())`, [
      dataRequest.id,
    ]);
    await q(`INSERT INTO breach_leads (breach_id, lead_id) VALUES ($1, $2), ($3, $2)`, [breachOfBoth, leadId, await newBreach()]);
    return application.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000' });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing', 'Kabir Khan');
    const [university] = await t.dataSource.query(`INSERT INTO universities (name) VALUES ('Amity University Online') RETURNING id`);
    [{ id: programA }, { id: programB }, { id: programC }] = await t.dataSource.query(
      `INSERT INTO programs (university_id, name, level) VALUES ($1, 'Online MBA', 'PG'), ($1, 'Online MCA', 'PG'), ($1, 'Online BBA', 'UG') RETURNING id`,
      [university.id],
    );
    breachOfBoth = await newBreach();
  });
  afterAll(() => t.close());

  it('moves every record that names the other lead to the survivor, and the other lead is gone', async () => {
    const survivor = await lead(priya, { fullName: 'Ananya Gupta', email: 'ananya.g@example.in' });
    const other = await lead(rahul, { fullName: 'Ananya Gupta', email: 'ananya.g@example.in', phone: newPhone() });
    await rowsEverywhere(survivor.id, priya.id, '2027-01', programB);
    const application = await rowsEverywhere(other.id, rahul.id, '2027-07', programC);
    const references = await leadReferences(t);
    expect(references.length).toBeGreaterThanOrEqual(10);
    const rowsOf = (ref: { table: string; column: string; array: boolean }, id: string) =>
      count(`SELECT 1 FROM ${ref.table} WHERE ${ref.array ? `$1 = ANY(${ref.column})` : `${ref.column} = $1`}`, [id]);
    const expected = new Map<string, number>();
    for (const ref of references) {
      const ofOther = await rowsOf(ref, other.id);
      expect({ [ref.table]: ofOther }).not.toEqual({ [ref.table]: 0 });
      expected.set(ref.table, (await rowsOf(ref, survivor.id)) + ofOther - (COLLAPSED[ref.table] ?? 0) + (ADDED[ref.table] ?? 0));
    }

    const merged = await merge(manager, survivor, await read(other.id)).expect(200);
    expect(merged.body.alternatePhones).toEqual([other.phone]);

    for (const ref of references) {
      expect({ [ref.table]: await rowsOf(ref, other.id) }).toEqual({ [ref.table]: 0 });
      expect({ [ref.table]: await rowsOf(ref, survivor.id) }).toEqual({ [ref.table]: expected.get(ref.table) });
    }
    // The shortlist holds each program once: the survivor's own items, then the other's program it lacked.
    const shortlist = await queryRows<{ program_id: string; rank: number }>(
      t.dataSource,
      `SELECT program_id, rank FROM shortlist_items WHERE lead_id = $1 ORDER BY rank`,
      [survivor.id],
    );
    expect(shortlist.map((s) => s.program_id)).toEqual([programA, programB, programC]);
    // Open follow-ups are the survivor's advisor's, the other's included.
    expect(await count(`SELECT 1 FROM tasks WHERE lead_id = $1 AND done_at IS NULL AND owner_id <> $2`, [survivor.id, priya.id])).toBe(0);
    // The other's application arrives whole, with its documents.
    expect(await count(`SELECT 1 FROM application_documents WHERE application_id = $1`, [application])).toBe(1);
    expect(await count(`SELECT 1 FROM leads WHERE id = $1`, [other.id])).toBe(0);
    expect(await count(`SELECT 1 FROM notifications WHERE lead_id = $1 AND link = '/leads/' || $1`, [survivor.id])).toBeGreaterThan(0);

    await request(t.http).get(`/api/leads/${other.id}`).set(manager.auth).expect(404);
    await request(t.http).patch(`/api/leads/${other.id}`).set(manager.auth).send({ city: 'Delhi', version: other.version }).expect(404);
    await request(t.http).get(`/api/leads/${other.id}/timeline`).set(manager.auth).expect(404);
    const listed = await request(t.http).get('/api/leads').query({ q: 'ananya.g@example.in' }).set(manager.auth).expect(200);
    expect(listed.body.map((l: LeadView) => l.id)).toEqual([survivor.id]);

    const timeline = (await request(t.http).get(`/api/leads/${survivor.id}/timeline`).set(manager.auth).expect(200)).body as {
      type: string;
      authorName?: string;
      data: MergeActivityData;
    }[];
    const entry = timeline.find((a) => a.type === 'merge');
    expect(entry?.data).toMatchObject({ otherReference: other.reference, otherName: 'Ananya Gupta', otherPhone: other.phone });
  });

  it('refuses to merge two leads that both applied to the same program for the same session', async () => {
    const survivor = await lead(priya, { fullName: 'Rohit Verma' });
    const other = await lead(priya, { fullName: 'Rohit Verma' });
    for (const id of [survivor.id, other.id]) {
      await t.dataSource.query(`INSERT INTO applications (lead_id, program_id, session) VALUES ($1, $2, '2027-07')`, [id, programA]);
    }
    const refused = await merge(manager, survivor, other).expect(409);
    expect(refused.body.code).toBe('leads.mergeApplicationClash');
    expect(await count(`SELECT 1 FROM leads WHERE id = ANY($1)`, [[survivor.id, other.id]])).toBe(2);
  });

  it('keeps the values chosen field by field, fills the survivor’s empty fields, and takes the more recent consent whole', async () => {
    const survivor = await lead(priya, { fullName: 'Kavya Nair', city: 'Pune', email: undefined, consent: { whatsapp: true, marketing: false } });
    const other = await lead(rahul, {
      fullName: 'Kavya N.',
      city: 'Mumbai',
      email: 'kavya@example.in',
      consent: { whatsapp: true, marketing: true },
    });
    const { token: otherToken } = await queryOne<{ token: string }>(t.dataSource, `SELECT unsubscribe_token AS token FROM leads WHERE id = $1`, [
      other.id,
    ]);
    // The other's consent is the more recent record.
    await t.dataSource.query(
      `UPDATE leads SET consent_at = now() + interval '1 minute', consent_source = 'https://guides.example.in/kavya' WHERE id = $1`,
      [other.id],
    );
    await request(t.http)
      .post(`/api/leads/${other.id}/status`)
      .set(manager.auth)
      .send({ status: 'counselled', version: (await read(other.id)).version })
      .expect(200);
    const merged = await merge(manager, survivor, await read(other.id), { keep: { city: 'other', fullName: 'this' } }).expect(200);
    expect(merged.body).toMatchObject({
      fullName: 'Kavya Nair',
      city: 'Mumbai',
      email: 'kavya@example.in',
      advisorId: priya.id,
      status: 'counselled',
      consentMarketing: true,
      consentSource: 'https://guides.example.in/kavya',
      version: survivor.version + 1,
    });
    const timeline = (await request(t.http).get(`/api/leads/${survivor.id}/timeline`).set(manager.auth).expect(200)).body as {
      type: string;
      data: MergeActivityData;
    }[];
    expect(timeline.find((a) => a.type === 'merge')?.data).toMatchObject({ taken: ['email', 'city', 'status'], consentTaken: true });

    // The unsubscribe link already sent to the other lead still works: it withdraws on the survivor.
    await request(t.http).post(`/api/public/unsubscribe/${otherToken}`).type('form').send({}).expect(200);
    expect((await read(survivor.id)).consentMarketing).toBe(false);
  });

  it('never assumes marketing consent: an older consent record on the other lead is not taken', async () => {
    const survivor = await lead(priya, { consent: { whatsapp: true, marketing: false } });
    const other = await lead(priya, { consent: { whatsapp: true, marketing: true } });
    await t.dataSource.query(`UPDATE leads SET consent_at = now() - interval '1 day' WHERE id = $1`, [other.id]);
    const merged = await merge(manager, survivor, await read(other.id)).expect(200);
    expect(merged.body.consentMarketing).toBe(false);
  });

  it('is for managers and admins, on leads that exist, at the versions last read', async () => {
    const survivor = await lead(priya);
    const other = await lead(priya);
    await merge(priya, survivor, other).expect(403);
    await merge(marketing, survivor, other).expect(403);
    await request(t.http)
      .post(`/api/leads/${survivor.id}/merge`)
      .set(manager.auth)
      .send({ otherId: '00000000-0000-4000-8000-000000000000', version: survivor.version, otherVersion: 1 })
      .expect(404);
    const itself = await merge(manager, survivor, survivor).expect(400);
    expect(itself.body.fields[0].field).toBe('otherId');
    const erased = (
      await request(t.http)
        .post(`/api/leads/${(await lead(priya)).id}/erase`)
        .set(manager.auth)
        .expect(200)
    ).body as LeadView;
    const refusedErased = await merge(manager, survivor, erased).expect(400);
    expect(refusedErased.body.code).toBe('leads.mergeErased');
    expect(await count(`SELECT 1 FROM leads WHERE id = $1`, [erased.id])).toBe(1);
    const stale = await merge(manager, survivor, { ...other, version: other.version + 5 } as LeadView).expect(409);
    expect(stale.body.code).toBe('leads.staleVersion');
    for (const keep of [{ phone: 'other' }, { constructor: 'other' }, JSON.parse('{"__proto__": {"x": 1}}'), { city: 'both' }, 'city']) {
      const refused = await request(t.http)
        .post(`/api/leads/${survivor.id}/merge`)
        .set(manager.auth)
        .set('content-type', 'application/json')
        .send(JSON.stringify({ otherId: other.id, version: survivor.version, otherVersion: other.version, keep }))
        .expect(400);
      expect(refused.body.fields.map((f: { field: string }) => f.field).join(' ')).toMatch(/^keep/);
    }
    await merge(manager, survivor, other).expect(200);
  });

  it('an inquiry, a lead entered by hand or an edit with the merged-away phone all find the survivor', async () => {
    const survivor = await lead(priya);
    const otherBody = inquiry({ fullName: 'Meher Kapoor' });
    await submitInquiry(t, otherBody).expect(201);
    const { id: otherId } = await queryOne<{ id: string }>(t.dataSource, `SELECT id FROM leads WHERE phone = $1`, [`+91${otherBody.phone}`]);
    await merge(manager, survivor, await read(otherId)).expect(200);
    const leads = await count(`SELECT 1 FROM leads`);
    const inquiries = await count(`SELECT 1 FROM inquiries WHERE lead_id = $1`, [survivor.id]);

    const again = await submitInquiry(t, { ...otherBody, message: 'Still interested' }).expect(201);
    expect(again.body.reference).toBe(survivor.reference);
    expect(await count(`SELECT 1 FROM leads`)).toBe(leads);
    expect(await count(`SELECT 1 FROM inquiries WHERE lead_id = $1`, [survivor.id])).toBe(inquiries + 1);

    const entered = await request(t.http)
      .post('/api/leads')
      .set(manager.auth)
      .send({ fullName: 'Meher K', phone: otherBody.phone, source: 'phone' })
      .expect(409);
    expect(entered.body.code).toBe('leads.phoneTaken');
    const third = await lead(rahul);
    const edited = await request(t.http)
      .patch(`/api/leads/${third.id}`)
      .set(manager.auth)
      .send({ phone: otherBody.phone, version: third.version })
      .expect(409);
    expect(edited.body.code).toBe('leads.phoneTaken');

    const found = await request(t.http).get('/api/leads').query({ q: otherBody.phone }).set(manager.auth).expect(200);
    expect(found.body.map((l: LeadView) => l.id)).toEqual([survivor.id]);
  });

  it('an inquiry from the other lead’s phone sent while the merge commits lands on the survivor, whichever goes first', async () => {
    for (let round = 0; round < 4; round++) {
      const survivor = await lead(priya);
      const otherBody = inquiry();
      await submitInquiry(t, otherBody).expect(201);
      const { id: otherId } = await queryOne<{ id: string }>(t.dataSource, `SELECT id FROM leads WHERE phone = $1`, [`+91${otherBody.phone}`]);
      const leads = await count(`SELECT 1 FROM leads`);
      const [merged, inquired] = await Promise.all([
        merge(manager, survivor, await read(otherId)),
        submitInquiry(t, { ...otherBody, message: `Round ${round}` }),
      ]);
      expect([merged.status, inquired.status]).toEqual([200, 201]);
      expect(await count(`SELECT 1 FROM leads`)).toBe(leads - 1);
      expect(await count(`SELECT 1 FROM inquiries WHERE lead_id = $1`, [survivor.id])).toBe(3);
    }
  });

  it('suggests likely duplicates by email, by a similar name in the same city and by an alternate phone, among the leads the user may see', async () => {
    const me = await lead(priya, { fullName: 'Siddharth Rao', city: 'Hyderabad', email: 'sid.rao@example.in' });
    const sameEmail = await lead(priya, { fullName: 'S. Rao', city: 'Chennai', email: 'SID.RAO@example.in' });
    const similarName = await lead(priya, { fullName: 'Siddharth Rao K', city: 'hyderabad', email: 'other.sid@example.in' });
    const elsewhere = await lead(priya, { fullName: 'Siddharth Rao', city: 'Kolkata', email: 'kolkata.sid@example.in' });
    const rahulsEmail = await lead(rahul, { fullName: 'Sid', city: 'Goa', email: 'sid.rao@example.in' });
    const byPhone = await lead(priya, { fullName: 'Completely Different', city: 'Delhi', email: 'cd@example.in' });
    const absorbed = await lead(priya, { fullName: 'Absorbed Lead', city: 'Delhi', email: 'absorbed@example.in' });
    await merge(manager, byPhone, absorbed).expect(200);
    await t.dataSource.query(`UPDATE leads SET phone = $2 WHERE id = $1`, [me.id, absorbed.phone]);

    const asManager = (await request(t.http).get(`/api/leads/${me.id}/duplicates`).set(manager.auth).expect(200)).body as DuplicateView[];
    const reasons = Object.fromEntries(asManager.map((d) => [d.lead.id, d.reasons]));
    expect(reasons[sameEmail.id]).toEqual(['email']);
    expect(reasons[similarName.id]).toEqual(['nameCity']);
    expect(reasons[byPhone.id]).toEqual(['phone']);
    expect(reasons[rahulsEmail.id]).toEqual(['email']);
    expect(reasons[elsewhere.id]).toBeUndefined();
    expect(asManager.find((d) => d.lead.id === sameEmail.id)?.moves.inquiries).toBe(1);

    const asPriya = (await request(t.http).get(`/api/leads/${me.id}/duplicates`).set(priya.auth).expect(200)).body as DuplicateView[];
    expect(asPriya.map((d) => d.lead.id)).not.toContain(rahulsEmail.id);
    await request(t.http).get(`/api/leads/${me.id}/duplicates`).set(rahul.auth).expect(404);

    await request(t.http).post(`/api/leads/${sameEmail.id}/erase`).set(manager.auth).expect(200);
    const afterErasure = (await request(t.http).get(`/api/leads/${me.id}/duplicates`).set(manager.auth).expect(200)).body as DuplicateView[];
    expect(afterErasure.map((d) => d.lead.id)).not.toContain(sameEmail.id);
  });
});
