import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { queryOne } from '@advisordesk/api-core';
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

describe('CSV export of leads', () => {
  let t: TestApp;
  let admin: SignedIn;
  let advisor: SignedIn;
  let marketing: SignedIn;
  let n = 0;

  async function lead(fields: {
    name: string;
    consentMarketing: boolean;
    campaign?: string;
    city?: string;
    erased?: boolean;
    createdAt?: string;
    minor?: boolean;
    /** A minor whose guardian's consent was verified (minors default to verified here; `false` leaves it unverified). */
    guardianVerified?: boolean;
  }) {
    n++;
    await t.dataSource.query(
      `INSERT INTO leads (reference, full_name, phone, email, city, consent_marketing, consent_whatsapp, consent_at, utm_campaign, advisor_id, erased_at, created_at, budget_paise, is_minor,
                          guardian_verified_at)
       VALUES ($1, $2, $3, $4, $5, $6, true, now(), $7, $8, $9, $10, $11, $12, CASE WHEN $12 AND $13 THEN now() END)`,
      [
        `AD-EXP${String(n).padStart(5, '0')}`,
        fields.name,
        fields.erased ? null : `+9197000${String(n).padStart(5, '0')}`,
        fields.erased ? null : `lead${n}@example.in`,
        fields.city ?? 'Pune',
        fields.consentMarketing,
        fields.campaign ?? null,
        advisor.id,
        fields.erased ? new Date() : null,
        fields.createdAt ? new Date(fields.createdAt) : new Date(Date.now() - n * 60_000),
        15_000_000,
        fields.minor ?? false,
        fields.guardianVerified ?? true,
      ],
    );
  }

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, ExportsModule]);
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing');
    await lead({ name: 'Sharma, Rohit', consentMarketing: true, campaign: 'spring-mba' });
    await lead({ name: 'Kavya "KV" Nair', consentMarketing: true, campaign: 'spring-mba', city: 'Kochi\nKerala' });
    await lead({ name: '=HYPERLINK("http://evil.example","click")', consentMarketing: true, campaign: 'spring-mba' });
    await lead({ name: '+91 hack', consentMarketing: false, campaign: 'spring-mba' });
    await lead({ name: '@SUM(A1:A9)', consentMarketing: true, campaign: 'diwali-pg', city: '-2+3' });
    await lead({ name: '\tTabbed', consentMarketing: false, campaign: 'diwali-pg' });
    await lead({ name: 'Erased lead', consentMarketing: false, erased: true, campaign: 'spring-mba' });
    await lead({ name: 'Ananya Gupta', consentMarketing: true, campaign: 'spring-mba', createdAt: '2026-04-01T04:00:00.900Z' });
    await lead({ name: 'Aditi Rao (16)', consentMarketing: true, campaign: 'school-connect', minor: true });
  });
  afterAll(() => t.close());

  async function download(user: SignedIn, query = '') {
    const response = await request(t.http).get(`/api/exports/leads.csv${query}`).set(user.auth).buffer(true).parse(binary).expect(200);
    const body = response.body as Buffer;
    return { response, body, rows: parse(body.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[] };
  }

  it('is UTF-8 CSV with a byte-order mark, one header row and RFC 4180 quoting', async () => {
    const { response, body, rows } = await download(admin, '?_sort=createdAt&_order=asc');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="advisordesk-leads-\d{4}-\d{2}-\d{2}\.csv"/);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8').slice(1);
    expect(text.split('\n')[0]).toBe(
      'reference,fullName,firstName,phone,phoneText,email,city,state,courseInterest,level,mode,budgetInr,qualification,experienceYears,status,lostReason,advisor,source,utmSource,utmMedium,utmCampaign,utmTerm,utmContent,landingUrl,consentWhatsapp,consentMarketing,consentAt,nextFollowUpAt,createdAt,updatedAt',
    );
    expect(text).toContain('"Sharma, Rohit"');
    expect(text).toContain('"Kavya ""KV"" Nair"');
    expect(text.split('\n').filter(Boolean)).toHaveLength(rows.length + 2);
    const kavya = rows.find((r) => r.fullName === 'Kavya "KV" Nair');
    expect(kavya).toMatchObject({ city: 'Kochi\nKerala', advisor: 'Priya Sharma', consentMarketing: 'yes', budgetInr: '150000' });
    expect(kavya?.phone).toMatch(/^91970\d{7}$/);
  });

  it("gives marketing a first name and a phone a spreadsheet keeps as text: neither a formula nor a number in the CSV's text", async () => {
    const { body, rows } = await download(marketing, '?utmCampaign=spring-mba');
    const ananya = rows.find((r) => r.fullName === 'Ananya Gupta');
    expect(ananya?.firstName).toBe('Ananya');
    expect(ananya?.phone).toMatch(/^91970\d{7}$/);
    const digits = ananya?.phone ?? '';
    expect(ananya?.phoneText).toBe(`91 ${digits.slice(2, 7)} ${digits.slice(7)}`);
    expect(rows.find((r) => r.fullName === 'Sharma, Rohit')?.firstName).toBe('Sharma');
    expect(rows.find((r) => r.fullName.startsWith(`'=HYPERLINK`))?.firstName).toBe(`'=HYPERLINK("http://evil.example"`);
    // As the spreadsheet sees the raw line: the cell is unquoted, starts with a digit and holds spaces, so it is neither a formula nor a number.
    const line =
      body
        .toString('utf8')
        .split('\n')
        .find((l) => l.includes('Ananya Gupta')) ?? '';
    const cell = `91 ${digits.slice(2, 7)} ${digits.slice(7)}`;
    expect(line).toContain(`,${cell},`);
    expect(cell).not.toMatch(/^[=+\-@\t\r']/);
    expect(cell).not.toMatch(/^[+-]?\d+([.,]\d+)?(E[+-]?\d+)?$/i);
    expect(cell.replace(/\D/g, '')).toBe(digits);
  });

  it('writes other countries as their calling code and the national number', async () => {
    await t.dataSource.query(`UPDATE leads SET phone = '+971501234567' WHERE full_name = 'Kavya "KV" Nair'`);
    const { rows } = await download(admin, '?utmCampaign=spring-mba');
    expect(rows.find((r) => r.fullName === 'Kavya "KV" Nair')).toMatchObject({
      phone: '971501234567',
      phoneText: '971 501234567',
      firstName: 'Kavya',
    });
  });

  it('makes formula cells inert', async () => {
    const { rows } = await download(admin);
    const names = rows.map((r) => r.fullName);
    expect(names).toEqual(expect.arrayContaining([`'=HYPERLINK("http://evil.example","click")`, "'+91 hack", "'@SUM(A1:A9)", "'\tTabbed"]));
    expect(rows.find((r) => r.fullName === "'@SUM(A1:A9)")?.city).toBe("'-2+3");
    // The first name is checked on its own: a name that starts with spaces can still start a formula.
    await lead({ name: '  =SUM(A1) Verma', consentMarketing: false, campaign: 'first-name-formula' });
    const [spaced] = (await download(admin, '?utmCampaign=first-name-formula')).rows;
    expect(spaced).toMatchObject({ fullName: '  =SUM(A1) Verma', firstName: "'=SUM(A1)" });
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes times in Asia/Kolkata, cut to the second', async () => {
    const { rows } = await download(admin, '?q=Ananya');
    expect(rows).toHaveLength(1);
    expect(rows[0].createdAt).toBe('2026-04-01T09:30:00+05:30');
  });

  it("has as many rows as the lead list's x-total-count for the same filters (never erased people)", async () => {
    for (const query of ['', '?utmCampaign=spring-mba', '?consentMarketing=true&_sort=fullName&_order=asc', '?city_like=pune&_start=0&_end=2']) {
      const { response, rows } = await download(admin, query);
      const listQuery = query.replace(/_start=0&_end=2/, '');
      const list = await request(t.http).get(`/api/leads${listQuery}`).set(admin.auth).expect(200);
      expect({ query, rows: rows.length }).toEqual({ query, rows: Number(list.headers['x-total-count']) });
      expect(response.headers['x-total-count']).toBe(String(rows.length));
    }
  });

  it('marketing gets only leads with marketing consent; advisors cannot export', async () => {
    const { rows } = await download(marketing, '?utmCampaign=spring-mba');
    expect(rows.map((r) => r.fullName).sort()).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      'Ananya Gupta',
      'Kavya "KV" Nair',
      'Sharma, Rohit',
    ]);
    expect(rows.every((r) => r.consentMarketing === 'yes')).toBe(true);
    await request(t.http).get('/api/exports/leads.csv').set(advisor.auth).expect(403);
  });

  it("marketing's export leaves out people under 18, even with their consent; managers and admins get them once the guardian is verified", async () => {
    const forMarketing = await download(marketing, '?utmCampaign=school-connect');
    expect(forMarketing.rows).toEqual([]);
    expect(forMarketing.response.headers['x-total-count']).toBe('0');
    expect((await download(marketing)).rows.map((r) => r.fullName)).not.toContain('Aditi Rao (16)');
    expect((await download(admin, '?utmCampaign=school-connect')).rows.map((r) => r.fullName)).toEqual(['Aditi Rao (16)']);
    // A minor whose guardian is not verified yet is contact-only: in nobody's export.
    await lead({ name: 'Ishaan Kulkarni (15)', consentMarketing: true, campaign: 'school-connect-2', minor: true, guardianVerified: false });
    expect((await download(admin, '?utmCampaign=school-connect-2')).rows).toEqual([]);
    await t.dataSource.query(`UPDATE leads SET guardian_verified_at = now() WHERE utm_campaign = 'school-connect-2'`);
    expect((await download(admin, '?utmCampaign=school-connect-2')).rows.map((r) => r.fullName)).toEqual(['Ishaan Kulkarni (15)']);
  });

  it('marketing exports segments, never a person: a phone, name, email, q or id filter is a 400 naming it', async () => {
    const { phone, id } = await queryOne<{ phone: string; id: string }>(
      t.dataSource,
      `SELECT phone, id FROM leads WHERE consent_marketing AND NOT is_minor AND erased_at IS NULL LIMIT 1`,
    );
    for (const [key, value] of [
      ['phone', phone],
      ['q', phone.slice(-6)],
      ['fullName_like', 'Nair'],
      ['email', 'kavya@example.in'],
      ['id', id],
      ['consentMarketing', 'false'],
    ]) {
      const response = await request(t.http)
        .get(`/api/exports/leads.csv?${key}=${encodeURIComponent(value)}`)
        .set(marketing.auth);
      expect({ key, status: response.status }).toEqual({ key, status: 400 });
      expect(response.body.fields[0].field).toBe(key);
    }
    await download(marketing, '?createdAt_gte=2026-01-01&status=new&city=Pune&courseInterest_like=MBA&_sort=createdAt&_order=desc');
    expect((await download(admin, `?phone=${encodeURIComponent(phone)}`)).rows).toHaveLength(1);
  });

  it('bad filters are a 400 before any download starts', async () => {
    const response = await request(t.http).get('/api/exports/leads.csv?status=won').set(admin.auth).expect(400);
    expect(response.body.fields[0].field).toBe('status');
  });

  it('records every export: who, when, which filters and how many rows', async () => {
    await download(marketing, '?utmCampaign=diwali-pg');
    const recent = await request(t.http).get('/api/exports').set(admin.auth).expect(200);
    expect(recent.body[0]).toMatchObject({ userRole: 'marketing', filters: { utmCampaign: 'diwali-pg' }, rowCount: 1, status: 'done' });
    await request(t.http).get('/api/exports').set(marketing.auth).expect(403);
  });
});
