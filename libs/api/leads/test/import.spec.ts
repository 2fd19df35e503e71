import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import type { LeadImportResult, LeadImportView } from '@advisordesk/shared';
import { LeadsModule } from '../src';
import { inquiry, leadByPhone, newPhone, submitInquiry } from './support';

type Answer = LeadImportResult & { code?: string; fields?: { field: string; message: string }[] };

describe('lead CSV import', () => {
  let t: TestApp;
  let manager: SignedIn;
  let admin: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;
  let marketing: SignedIn;
  let otherMarketing: SignedIn;

  beforeAll(async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000' });
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin', 'Asha Admin');
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Iyer');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing', 'Kabir Khan');
    otherMarketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing', 'Zoya Ali');
  });
  afterAll(() => t.close());

  function upload(who: SignedIn, csv: string | Buffer, options: { dryRun?: boolean; mapping?: unknown; fileName?: string } = {}) {
    const call = request(t.http)
      .post(`/api/leads/import?dryRun=${options.dryRun ?? false}`)
      .set(who.auth);
    if (options.mapping !== undefined) call.field('mapping', typeof options.mapping === 'string' ? options.mapping : JSON.stringify(options.mapping));
    return call.attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), options.fileName ?? 'leads.csv');
  }

  async function counts() {
    return queryOne<Record<string, number>>(
      t.dataSource,
      `SELECT (SELECT count(*) FROM leads)::int AS leads, (SELECT count(*) FROM inquiries)::int AS inquiries,
              (SELECT count(*) FROM activities)::int AS activities, (SELECT count(*) FROM lead_imports)::int AS imports`,
    );
  }

  const csvOf = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n');

  it('a dry run proposes the mapping from common headers, says what each row would do and writes nothing', async () => {
    const known = newPhone();
    await submitInquiry(t, inquiry({ phone: known, fullName: 'Already Here' })).expect(201);
    const fresh = newPhone();
    const csv = csvOf([
      ['Name', 'Mobile', 'E-mail', 'Course', 'Phone No.'],
      ['Kavya Nair', `+91-${fresh.slice(0, 5)}-${fresh.slice(5)}`, 'kavya@example.in', 'Online MBA', ''],
      ['Old Friend', `0${known}`, '', '', ''],
      ['Bad Phone', '12345', 'not-an-email', '', ''],
      ['Again Kavya', fresh, '', '', ''],
    ]);
    const before = await counts();
    const { body } = (await upload(manager, csv, { dryRun: true }).expect(200)) as { body: Answer };
    expect(await counts()).toEqual(before);
    expect(body.mapping).toEqual({ Name: 'fullName', Mobile: 'phone', 'E-mail': 'email', Course: 'courseInterest', 'Phone No.': null });
    expect(body).toMatchObject({ dryRun: true, rows: 4, created: 1, existing: 2, errorsTotal: 2 });
    expect(body.importId).toBeUndefined();
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { row: 4, field: 'phone', message: expect.stringMatching(/phone/) },
        { row: 4, field: 'email', message: 'email must be an email address' },
      ]),
    );
    expect(body.preview.map((p) => [p.row, p.outcome, p.fullName])).toEqual([
      [2, 'new', 'Kavya Nair'],
      [3, 'existing', 'Old Friend'],
      [4, 'error', 'Bad Phone'],
      [5, 'existing', 'Again Kavya'],
    ]);
  });

  it('an import creates leads from the source `import`, assigned as usual, and adds an inquiry for a phone that is already a lead', async () => {
    const known = newPhone();
    await submitInquiry(t, inquiry({ phone: known, fullName: 'Original Name', city: 'Pune' })).expect(201);
    const [a, b] = [newPhone(), newPhone()];
    const csv = csvOf([
      ['fullName', 'phone', 'city', 'state', 'level', 'mode', 'source', 'utmCampaign'],
      ['Ishaan Rao', a, 'Nagpur', 'maharashtra', 'PG', 'online', '', 'fair-2026'],
      ['Neha Das', b, 'Kolkata', 'WB', 'UG', '', 'Referral', ''],
      ['Renamed Person', known, 'Delhi', '', '', '', '', ''],
      ['Ishaan Again', a, '', '', '', '', '', ''],
    ]);
    const before = await counts();
    const { body } = (await upload(manager, csv, { fileName: 'pune-fair.csv' }).expect(200)) as { body: Answer };
    expect(body).toMatchObject({ dryRun: false, rows: 4, created: 2, existing: 2, errorsTotal: 0, fileName: 'pune-fair.csv' });
    expect(body.importId).toEqual(expect.any(String));
    const after = await counts();
    expect(after.leads - before.leads).toBe(2);
    expect(after.inquiries - before.inquiries).toBe(4);
    expect(after.imports - before.imports).toBe(1);

    const ishaan = await leadByPhone(t, `+91${a}`);
    expect(ishaan).toMatchObject({
      full_name: 'Ishaan Rao',
      source: 'import',
      state: 'Maharashtra',
      utm_campaign: 'fair-2026',
      consent_marketing: false,
    });
    expect([priya.id, rahul.id]).toContain(ishaan.advisor_id);
    expect(await leadByPhone(t, `+91${b}`)).toMatchObject({ source: 'referral', state: 'West Bengal', level: 'UG' });
    // What the lead holds is never overwritten by an imported row.
    expect(await leadByPhone(t, `+91${known}`)).toMatchObject({ full_name: 'Original Name', city: 'Pune', source: 'website' });

    const inquiries = await queryRows<{ payload: Record<string, string> }>(
      t.dataSource,
      `SELECT payload FROM inquiries WHERE import_id = $1 ORDER BY payload->>'fullName'`,
      [body.importId],
    );
    expect(inquiries.map((i) => i.payload.fullName)).toEqual(['Ishaan Again', 'Ishaan Rao', 'Neha Das', 'Renamed Person']);
    expect(inquiries[0].payload).toEqual({
      fullName: 'Ishaan Again',
      phone: a,
      city: '',
      state: '',
      level: '',
      mode: '',
      source: '',
      utmCampaign: '',
    });

    const timeline = (await request(t.http).get(`/api/leads/${ishaan.id}/timeline`).set(manager.auth).expect(200)).body as {
      type: string;
      data: Record<string, unknown>;
    }[];
    const entries = timeline.filter((e) => e.type === 'inquiry').map((e) => e.data);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ import: { id: body.importId, fileName: 'pune-fair.csv', by: 'Meera Iyer' }, repeat: false }),
        expect.objectContaining({ import: { id: body.importId, fileName: 'pune-fair.csv', by: 'Meera Iyer' }, repeat: true }),
      ]),
    );
    expect(timeline.some((e) => e.type === 'assignment')).toBe(true);

    // Each advisor's open-lead count follows the leads written a chunk at a time, and the advisor hears of each new lead.
    const loads = await queryRows<{ open_leads: number; actual: number }>(
      t.dataSource,
      `SELECT al.open_leads, (SELECT count(*)::int FROM leads l WHERE l.advisor_id = al.advisor_id AND l.status NOT IN ('enrolled', 'lost') AND l.erased_at IS NULL) AS actual
         FROM advisor_load al`,
    );
    for (const load of loads) expect(load.open_leads).toBe(load.actual);
    const told = await queryRows<{ user_id: string; title: string }>(
      t.dataSource,
      `SELECT user_id, title FROM notifications WHERE kind = 'lead.assigned' AND lead_id = $1`,
      [ishaan.id],
    );
    expect(told).toEqual([{ user_id: ishaan.advisor_id, title: 'New lead: Ishaan Rao' }]);
  });

  it('a phone merged into another lead (an alternate phone) adds an inquiry to that lead, in the check and in the import', async () => {
    const [kept, merged] = [newPhone(), newPhone()];
    await submitInquiry(t, inquiry({ phone: kept, fullName: 'Kept Lead' })).expect(201);
    await submitInquiry(t, inquiry({ phone: merged, fullName: 'Merged Lead' })).expect(201);
    const [survivor, other] = [await leadByPhone(t, `+91${kept}`), await leadByPhone(t, `+91${merged}`)];
    await request(t.http)
      .post(`/api/leads/${survivor.id}/merge`)
      .set(manager.auth)
      .send({ otherId: other.id, version: survivor.version, otherVersion: other.version })
      .expect(200);
    const csv = csvOf([
      ['Name', 'Mobile'],
      ['Via Alternate', merged],
    ]);
    expect((await upload(manager, csv, { dryRun: true }).expect(200)).body).toMatchObject({ created: 0, existing: 1 });
    const before = await counts();
    expect((await upload(manager, csv).expect(200)).body).toMatchObject({ created: 0, existing: 1 });
    expect((await counts()).leads).toBe(before.leads);
    const [{ n }] = await queryRows<{ n: number }>(
      t.dataSource,
      `SELECT count(*)::int AS n FROM inquiries WHERE lead_id = $1 AND payload->>'Name' = 'Via Alternate'`,
      [survivor.id],
    );
    expect(n).toBe(1);

    // The lead's own phone and its alternate phone in one file (one chunk): two inquiries on one lead.
    const both = csvOf([
      ['Name', 'Mobile'],
      ['Both Kept', kept],
      ['Both Alternate', merged],
    ]);
    expect((await upload(manager, both).expect(200)).body).toMatchObject({ created: 0, existing: 2 });
    expect((await counts()).leads).toBe(before.leads);
    const names = await queryRows<{ name: string }>(
      t.dataSource,
      `SELECT payload->>'Name' AS name FROM inquiries WHERE lead_id = $1 AND payload->>'Name' LIKE 'Both %' ORDER BY 1`,
      [survivor.id],
    );
    expect(names.map((row) => row.name)).toEqual(['Both Alternate', 'Both Kept']);
  });

  it('an error on row 9,999 of 10,000 leaves nothing behind, and the history says the import was refused', async () => {
    const rows = [['Name', 'Mobile']];
    // 70xxxxxxxx: every number of the range is a valid mobile (the metadata refuses parts of 71–79).
    const base = 7_000_000_000 + (Date.now() % 90_000) * 1_000;
    for (let i = 0; i < 10_000; i++) rows.push([`Person ${i}`, i === 9_997 ? 'not a phone' : String(base + i)]);
    const before = await counts();
    const { body } = (await upload(manager, csvOf(rows), { fileName: 'big.csv' }).expect(400)) as { body: Answer };
    expect(body.code).toBe('leads.importInvalid');
    expect(body).toMatchObject({ rows: 10_000, errorsTotal: 1, errors: [{ row: 9_999, field: 'phone', message: expect.any(String) }] });
    const after = await counts();
    expect({ ...after, imports: before.imports }).toEqual(before);
    expect(after.imports - before.imports).toBe(1);
    const [refused] = await queryRows<{ file_name: string; rows: number; created: number; failed: number }>(
      t.dataSource,
      `SELECT file_name, rows, created, failed FROM lead_imports ORDER BY created_at DESC LIMIT 1`,
    );
    expect(refused).toEqual({ file_name: 'big.csv', rows: 10_000, created: 0, failed: 1 });
  });

  it('reads a UTF-8 BOM, semicolons, tabs and quoted cells over several lines, keeping the spreadsheet’s row numbers', async () => {
    const [a, b, c] = [newPhone(), newPhone(), newPhone()];
    const semicolons = `\uFEFFName;Mobile;City\nAsha Rao;${a};"Pune;\nKothrud"\nBad;123;x\n`;
    const { body: semi } = (await upload(manager, semicolons, { dryRun: true }).expect(200)) as { body: Answer };
    expect(semi.mapping).toEqual({ Name: 'fullName', Mobile: 'phone', City: 'city' });
    expect(semi.errors).toEqual([{ row: 3, field: 'phone', message: expect.any(String) }]);

    const tabs = `Name\tPhone\tCourse\n"Multi\nLine Name"\t${b}\tMBA\n\n"Third\n\nperson"\tnope\t\n${'Fine Person'}\t${c}\t\n`;
    const { body: tab } = (await upload(manager, tabs, { dryRun: true }).expect(200)) as { body: Answer };
    expect(tab.preview.map((p) => [p.row, p.outcome])).toEqual([
      [2, 'new'],
      [4, 'error'],
      [5, 'new'],
    ]);
    expect(tab.errors).toEqual([{ row: 4, field: 'phone', message: expect.any(String) }]);
  });

  it('an edited mapping wins over the proposal, and a hostile or wrong mapping is a 400 naming mapping', async () => {
    const phone = newPhone();
    const csv = csvOf([
      ['Student', 'Contact', 'Notes'],
      ['Dev Patel', phone, 'online'],
    ]);
    const { body } = (await upload(manager, csv, { dryRun: true, mapping: { Student: 'fullName', Notes: 'mode' } }).expect(200)) as { body: Answer };
    expect(body.mapping).toEqual({ Student: 'fullName', Contact: 'phone', Notes: 'mode' });
    expect(body.errorsTotal).toBe(0);

    for (const mapping of [
      '{"__proto__": "phone"}',
      '{"constructor": "fullName"}',
      { Student: 'password' },
      { Student: 'advisorId' },
      { Missing: 'fullName' },
      { Student: 'phone', Contact: 'phone' },
      { Student: null },
      '[1,2]',
      'not json',
      'null',
    ]) {
      const answer = await upload(manager, csv, { dryRun: true, mapping });
      expect({ mapping, status: answer.status }).toEqual({ mapping, status: 400 });
      expect(answer.body.fields).toEqual([{ field: 'mapping', message: expect.any(String) }]);
    }
    const unknownField = await request(t.http)
      .post('/api/leads/import?dryRun=true')
      .set(manager.auth)
      .field('owner', 'me')
      .attach('file', Buffer.from(csv), 'a.csv')
      .expect(400);
    expect(unknownField.body.fields).toEqual([{ field: 'owner', message: expect.any(String) }]);
    const badQuery = await upload(manager, csv, { dryRun: 'maybe' as unknown as boolean }).expect(400);
    expect(badQuery.body.fields[0].field).toBe('dryRun');
  });

  it('cells with NUL characters or past the form’s limits are errors on their field', async () => {
    const csv = csvOf([
      ['Name', 'Mobile', 'City', 'Level'],
      ['Nul\u0000Name', newPhone(), 'Pune', ''],
      ['Long City', newPhone(), 'x'.repeat(81), 'PhD'],
    ]);
    const { body } = (await upload(manager, csv, { dryRun: true }).expect(200)) as { body: Answer };
    expect(body.errors).toEqual([
      { row: 2, field: 'fullName', message: 'fullName contains a NUL character' },
      { row: 3, field: 'city', message: expect.stringMatching(/^city/) },
      { row: 3, field: 'level', message: expect.stringMatching(/^level must be one of/) },
    ]);
  });

  it('consent is taken only with a consent source, marketing consent is never assumed, and on an existing lead it is a consent event', async () => {
    const [yes, maybe, missing, blank] = [newPhone(), newPhone(), newPhone(), newPhone()];
    const header = ['Name', 'Mobile', 'WhatsApp consent', 'Marketing consent', 'Consent source'];
    const wrong = csvOf([header, ['Asha', maybe, 'maybe', '', ''], ['Bela', missing, 'yes', 'no', '']]);
    const { body: refused } = (await upload(manager, wrong).expect(400)) as { body: Answer };
    expect(refused.errors).toEqual([
      { row: 2, field: 'consentWhatsapp', message: expect.stringMatching(/yes or no/) },
      { row: 3, field: 'consentSource', message: expect.stringMatching(/consentSource is required/) },
    ]);
    expect(await leadByPhone(t, `+91${missing}`)).toBeUndefined();

    const known = newPhone();
    await submitInquiry(t, inquiry({ phone: known, consent: { whatsapp: false, marketing: false } })).expect(201);
    const good = csvOf([
      header,
      ['Chitra', yes, 'Yes', '1', 'Pune fair sign-up sheet'],
      ['Divya', blank, '', '', ''],
      ['Esha', known, 'true', 'true', 'Stall form'],
    ]);
    await upload(manager, good).expect(200);
    expect(await leadByPhone(t, `+91${yes}`)).toMatchObject({
      consent_whatsapp: true,
      consent_marketing: true,
      consent_source: 'Pune fair sign-up sheet',
      consent_at: expect.any(Date),
    });
    expect(await leadByPhone(t, `+91${blank}`)).toMatchObject({ consent_whatsapp: false, consent_marketing: false, consent_at: null });
    const existing = await leadByPhone(t, `+91${known}`);
    expect(existing).toMatchObject({ consent_whatsapp: false, consent_marketing: false });
    const [event] = await queryRows<{ data: Record<string, unknown> }>(
      t.dataSource,
      `SELECT data FROM activities WHERE lead_id = $1 AND type = 'consent'`,
      [existing.id],
    );
    expect(event.data).toMatchObject({ via: 'import', form: 'Stall form', given: { whatsapp: true, marketing: true }, applied: false });
  });

  it('marketing imports but reads nothing back: no lead ids or names from the database, no new/existing per row, and no lead list', async () => {
    const known = newPhone();
    await submitInquiry(t, inquiry({ phone: known, fullName: 'Secret Person' })).expect(201);
    const fresh = newPhone();
    const csv = csvOf([
      ['Name', 'Mobile'],
      ['Campaign Lead', fresh],
      ['Guess Who', known],
      ['Broken', '1'],
    ]);
    const { body: check } = (await upload(marketing, csv, { dryRun: true }).expect(200)) as { body: Answer };
    expect(check.preview.map((p) => p.outcome)).toEqual(['accepted', 'accepted', 'error']);
    const fixed = csvOf([
      ['Name', 'Mobile'],
      ['Campaign Lead', fresh],
      ['Guess Who', known],
    ]);
    const { body } = (await upload(marketing, fixed, { fileName: 'campaign.csv' }).expect(200)) as { body: Answer };
    expect(body).toMatchObject({ created: 1, existing: 1, rows: 2 });
    expect(body.preview).toEqual([
      { row: 2, outcome: 'accepted', fullName: 'Campaign Lead', phone: fresh },
      { row: 3, outcome: 'accepted', fullName: 'Guess Who', phone: known },
    ]);
    const text = JSON.stringify(body);
    const lead = await leadByPhone(t, `+91${known}`);
    expect(text).not.toContain('Secret Person');
    expect(text).not.toContain(lead.id);
    expect(text).not.toContain(String(lead.advisor_id));
    await request(t.http).get('/api/leads').set(marketing.auth).expect(403);
    await upload(priya, fixed, { dryRun: true }).expect(403);
  });

  it('the history lists every import for admins and managers, marketing its own, and none for advisors', async () => {
    await upload(
      otherMarketing,
      csvOf([
        ['Name', 'Mobile'],
        ['Zoya Lead', newPhone()],
      ]),
      { fileName: 'zoya.csv' },
    ).expect(200);
    const all = await request(t.http).get('/api/lead-imports?_start=0&_end=100&_sort=createdAt&_order=desc').set(admin.auth).expect(200);
    const rows = all.body as LeadImportView[];
    expect(Number(all.headers['x-total-count'])).toBe(rows.length);
    expect(rows.map((r) => r.fileName)).toEqual(expect.arrayContaining(['pune-fair.csv', 'campaign.csv', 'zoya.csv', 'big.csv']));
    expect(rows.find((r) => r.fileName === 'zoya.csv')).toMatchObject({ userName: 'Zoya Ali', rows: 1, created: 1, existing: 0, failed: 0 });
    expect((await request(t.http).get('/api/lead-imports').set(manager.auth).expect(200)).body).toHaveLength(rows.length);

    const own = (await request(t.http).get('/api/lead-imports').set(otherMarketing.auth).expect(200)).body as LeadImportView[];
    expect(own.map((r) => r.fileName)).toEqual(['zoya.csv']);
    await request(t.http).get('/api/lead-imports').set(priya.auth).expect(403);
    await request(t.http).get('/api/lead-imports?owner=me').set(manager.auth).expect(400);
  });

  it('a file over 100,000 rows is refused, saying so', async () => {
    const lines = ['Name,Mobile'];
    for (let i = 0; i < 100_001; i++) lines.push('x,1');
    const answer = await upload(manager, lines.join('\n'), { dryRun: true }).expect(400);
    expect(answer.body.code).toBe('leads.importTooManyRows');
    expect(answer.body.message).toMatch(/100,000/);
  });

  it('a file without a name or phone column, or with no rows, is a 400 that says what is missing', async () => {
    expect((await upload(manager, 'City,State\nPune,MH\n', { dryRun: true }).expect(400)).body.fields).toEqual([
      { field: 'mapping', message: expect.stringMatching(/fullName or phone/) },
    ]);
    expect((await upload(manager, 'Name,Mobile\n', { dryRun: true }).expect(400)).body.fields[0].field).toBe('file');
    expect((await upload(manager, '', { dryRun: true }).expect(400)).body.fields[0].field).toBe('file');
    await request(t.http).post('/api/leads/import?dryRun=true').set(manager.auth).send({ file: 'x' }).expect(415);
  });
});
