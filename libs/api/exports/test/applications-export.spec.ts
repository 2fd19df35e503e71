import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '@advisordesk/api-leads';
import { ExportsModule } from '../src';

/** supertest: keep the raw bytes of a CSV download. */
function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('CSV export of applications', () => {
  let t: TestApp;
  let admin: SignedIn;
  let manager: SignedIn;
  let advisor: SignedIn;
  let marketing: SignedIn;
  let amity: string;
  let manipal: string;
  let mba: string;
  let mca: string;
  const leads: Record<string, string> = {};
  const applications: Record<string, string> = {};

  const insert = async (sql: string, params: unknown[]) => (await queryOne<{ id: string }>(t.dataSource, `${sql} RETURNING id`, params)).id;

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, ExportsModule]);
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing');
    amity = await insert(`INSERT INTO universities (name) VALUES ('Amity University Online')`, []);
    manipal = await insert(`INSERT INTO universities (name) VALUES ('Manipal University Jaipur')`, []);
    mba = await insert(`INSERT INTO programs (university_id, name, level) VALUES ($1, 'Online MBA', 'PG')`, [amity]);
    mca = await insert(`INSERT INTO programs (university_id, name, level) VALUES ($1, 'Online MCA', 'PG')`, [manipal]);
    await t.dataSource.query(
      `INSERT INTO fee_structures (program_id, session, components, total_paise) VALUES ($1, '2026-27', '[]', 18000000), ($1, '2025-26', '[]', 17000000)`,
      [mba],
    );
    for (const [key, name, advisorId] of [
      ['rohit', 'Sharma, Rohit', advisor.id],
      ['kavya', 'Kavya Nair', advisor.id],
      ['arjun', 'Arjun Mehta', null],
    ] as const)
      leads[key] = await insert(`INSERT INTO leads (reference, full_name, phone, advisor_id) VALUES ($1, $2, $3, $4)`, [
        `AD-APX${key.toUpperCase()}`,
        name,
        `+91970000${String(Object.keys(leads).length).padStart(4, '0')}`,
        advisorId,
      ]);
    const application = (
      lead: string,
      program: string,
      session: string,
      status: string,
      deadline: string | null,
      number: string | null,
      created: string,
    ) =>
      insert(
        `INSERT INTO applications (lead_id, program_id, session, status, deadline, university_application_no, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [leads[lead], program, session, status, deadline, number, new Date(created)],
      );
    // Times are UTC; the comments give Asia/Kolkata (UTC+05:30).
    applications.rohit = await application(
      'rohit',
      mba,
      '2026-27',
      'documents',
      '2026-12-10',
      '=HYPERLINK("http://evil.example")',
      '2026-04-01T04:00:00Z',
    ); // 09:30
    applications.kavya = await application('kavya', mca, '2026-27', 'enrolled', null, 'MUJ-2026-7781', '2026-04-02T18:29:59Z'); // 2 Apr 23:59:59
    applications.arjun = await application('arjun', mba, '2025-26', 'submitted', '2026-11-20', null, '2026-04-02T18:30:00Z'); // 3 Apr 00:00
    // Rohit's checklist: four required items (one verified, one to review, one rejected, one missing), and an optional one uploaded.
    for (const [position, kind, required, status] of [
      [0, 'photo', true, 'verified'],
      [1, 'id_proof', true, 'uploaded'],
      [2, 'marksheet_10', true, 'rejected'],
      [3, 'marksheet_12', true, 'missing'],
      [4, 'graduation_marksheet', false, 'uploaded'],
    ] as const)
      await t.dataSource.query(
        `INSERT INTO application_documents (application_id, position, kind, label, required, status) VALUES ($1, $2, $3, $3, $4, $5)`,
        [applications.rohit, position, kind, required, status],
      );
    await t.dataSource.query(
      `INSERT INTO payments (application_id, kind, amount_paise, paid_at, reference) VALUES ($1, 'application_fee', 150000, '2026-04-02', 'UPI 4183'), ($1, 'tuition', 4500000, '2026-04-20', 'NEFT N2341')`,
      [applications.rohit],
    );
    // Kavya asked for her data to be erased.
    await request(t.http).post(`/api/leads/${leads.kavya}/erase`).set(manager.auth).expect(200);
  });
  afterAll(() => t.close());

  async function download(user: SignedIn, query = '') {
    const response = await request(t.http).get(`/api/exports/applications.csv${query}`).set(user.auth).buffer(true).parse(binary).expect(200);
    const body = response.body as Buffer;
    return { response, body, rows: parse(body.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[] };
  }

  it('is UTF-8 CSV with a byte-order mark, one header row and RFC 4180 quoting, newest first', async () => {
    const { response, body, rows } = await download(manager);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="advisordesk-applications-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.headers['x-total-count']).toBe('3');
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8').slice(1);
    expect(text.split('\n')[0]).toBe(
      'applicationId,leadReference,leadName,advisor,university,program,session,status,deadline,universityApplicationNo,documentsRequired,documentsReceived,documentsVerified,paidInr,feeTotalInr,createdAt',
    );
    expect(text).toContain('"Sharma, Rohit"');
    expect(rows.map((r) => r.applicationId)).toEqual([applications.arjun, applications.kavya, applications.rohit]);
  });

  it("each application's documents, payments against its session's fee, deadline and creation time in India", async () => {
    const { rows } = await download(admin);
    expect(rows.find((r) => r.applicationId === applications.rohit)).toEqual({
      applicationId: applications.rohit,
      leadReference: 'AD-APXROHIT',
      leadName: 'Sharma, Rohit',
      advisor: 'Priya Sharma',
      university: 'Amity University Online',
      program: 'Online MBA',
      session: '2026-27',
      status: 'documents',
      deadline: '2026-12-10',
      // A spreadsheet would run it as a formula: made inert.
      universityApplicationNo: `'=HYPERLINK("http://evil.example")`,
      documentsRequired: '4',
      documentsReceived: '2',
      documentsVerified: '1',
      paidInr: '46500',
      feeTotalInr: '180000',
      createdAt: '2026-04-01T09:30:00+05:30',
    });
    expect(rows.find((r) => r.applicationId === applications.arjun)).toMatchObject({
      advisor: '',
      session: '2025-26',
      deadline: '2026-11-20',
      documentsRequired: '0',
      paidInr: '0',
      feeTotalInr: '170000',
      createdAt: '2026-04-03T00:00:00+05:30',
    });
  });

  it('an erased lead\'s application stays (erased through the API), as "Erased lead" with neither reference nor application number', async () => {
    const { body, rows } = await download(manager);
    expect(rows.find((r) => r.applicationId === applications.kavya)).toMatchObject({
      leadReference: '',
      leadName: 'Erased lead',
      universityApplicationNo: '',
      status: 'enrolled',
      feeTotalInr: '',
      createdAt: '2026-04-02T23:59:59+05:30',
    });
    expect(body.toString('utf8')).not.toMatch(/Kavya|MUJ-2026-7781|AD-APXKAVYA/);
  });

  it("takes the applications list's filters: status, university, program, advisor, deadline, creation days in India, missing documents, search", async () => {
    const ids = async (query: string) => (await download(manager, `?${query}`)).rows.map((r) => r.applicationId).sort();
    expect(await ids('status=documents&status=submitted')).toEqual([applications.rohit, applications.arjun].sort());
    expect(await ids(`universityId=${manipal}`)).toEqual([applications.kavya]);
    expect(await ids(`programId=${mba}&status=submitted`)).toEqual([applications.arjun]);
    expect(await ids(`advisorId=${advisor.id}`)).toEqual([applications.rohit, applications.kavya].sort());
    expect(await ids('deadline_gte=2026-12-01&deadline_lte=2026-12-31')).toEqual([applications.rohit]);
    expect(await ids('createdAt_gte=2026-04-02&createdAt_lte=2026-04-02')).toEqual([applications.kavya]);
    expect(await ids(`programId=${mca}&createdAt_gte=2026-04-03`)).toEqual([]);
    expect(await ids('documentsMissing=true')).toEqual([applications.rohit]);
    expect(await ids('q=rohit')).toEqual([applications.rohit]);
  });

  it('answers 400 naming a filter it does not take or a value it cannot read', async () => {
    for (const [query, field] of [
      ['status=won', 'status'],
      ['phone=%2B919700000000', 'phone'],
      ['deadline_gte=soon', 'deadline_gte'],
      ['universityId=amity', 'universityId'],
      ['_sort=paidInr', '_sort'],
    ]) {
      const response = await request(t.http).get(`/api/exports/applications.csv?${query}`).set(manager.auth);
      expect({ query, status: response.status, field: response.body.fields?.[0]?.field }).toEqual({ query, status: 400, field });
    }
  });

  it('is for managers and admins only: advisors and marketing are refused and nothing is logged for them', async () => {
    const before = (await queryRows(t.dataSource, `SELECT id FROM exports`)).length;
    for (const user of [advisor, marketing]) {
      const response = await request(t.http).get('/api/exports/applications.csv').set(user.auth).expect(403);
      expect(response.text).not.toMatch(/Rohit|Amity/);
    }
    expect(await queryRows(t.dataSource, `SELECT id FROM exports`)).toHaveLength(before);
  });

  it('is in the export log as an applications export, with who, which filters and how many rows', async () => {
    const { response } = await download(manager, '?status=documents&status=submitted');
    const log = (await request(t.http).get('/api/exports').set(admin.auth).expect(200)).body;
    expect(log.find((entry: { id: string }) => entry.id === response.headers['x-export-id'])).toMatchObject({
      kind: 'applications',
      filters: { status: ['documents', 'submitted'] },
      rowCount: 2,
      status: 'done',
      userRole: 'manager',
    });
  });
});
