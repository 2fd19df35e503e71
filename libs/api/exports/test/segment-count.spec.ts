import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '@advisordesk/api-leads';
import type { ExportRecordView } from '@advisordesk/shared';
import { ExportsModule } from '../src';

describe("marketing's segment count", () => {
  let t: TestApp;
  let admin: SignedIn;
  let marketing: SignedIn;
  let n = 0;

  async function lead(fields: {
    consent?: boolean;
    minor?: boolean;
    erased?: boolean;
    level?: string;
    state?: string;
    city?: string;
    createdAt?: string;
  }) {
    n++;
    await t.dataSource.query(
      `INSERT INTO leads (reference, full_name, phone, city, state, level, mode, course_interest, consent_marketing, consent_at, utm_campaign, is_minor, erased_at, created_at,
                          guardian_verified_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'online', 'Online MBA', $7, now(), 'spring-mba', $8, $9, $10, CASE WHEN $8 THEN now() END)`,
      [
        `AD-SEG${String(n).padStart(5, '0')}`,
        `Segment Person ${n}`,
        fields.erased ? null : `+9196000${String(n).padStart(5, '0')}`,
        fields.city ?? 'Pune',
        fields.state ?? 'Maharashtra',
        fields.level ?? 'PG',
        fields.consent ?? true,
        fields.minor ?? false,
        fields.erased ? new Date() : null,
        new Date(fields.createdAt ?? '2026-10-10T06:00:00Z'),
      ],
    );
  }

  /** The rows of the CSV marketing would download for the same filters. */
  async function csvRows(user: SignedIn, query: string): Promise<Record<string, string>[]> {
    const response = await request(t.http).get(`/api/exports/leads.csv?${query}`).set(user.auth).expect(200);
    return parse(response.text, { bom: true, columns: true }) as Record<string, string>[];
  }
  const count = async (user: SignedIn, query: string) =>
    ((await request(t.http).get(`/api/exports/leads/count?${query}`).set(user.auth).expect(200)).body as { count: number }).count;

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, ExportsModule]);
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing', 'Maya Marketing');
    for (let i = 0; i < 4; i++) await lead({});
    await lead({ consent: false });
    await lead({ consent: false });
    await lead({ minor: true });
    await lead({ erased: true, consent: true });
    await lead({ level: 'UG' });
    await lead({ state: 'Karnataka', city: 'Bengaluru' });
    await lead({ createdAt: '2026-08-01T06:00:00Z' });
    // 23:30 on 31 Oct in India is still October: the period is read in India time.
    await lead({ createdAt: '2026-10-31T18:00:00Z' });
  });
  afterAll(() => t.close());

  it('counts exactly the rows the CSV gives for the same filters', async () => {
    for (const query of [
      'level=PG&state=Maharashtra&createdAt_gte=2026-10-01&createdAt_lte=2026-10-31',
      'level=PG&level=UG',
      'city_like=bengal',
      'state_ne=Maharashtra',
      'createdAt_gte=2026-11-01',
      'utmCampaign=spring-mba&mode=online&courseInterest=Online%20MBA&status=new&source=website',
    ]) {
      expect([query, await count(marketing, query)]).toEqual([query, (await csvRows(marketing, query)).length]);
    }
    expect(await count(marketing, 'level=PG&state=Maharashtra&createdAt_gte=2026-10-01&createdAt_lte=2026-10-31')).toBe(5);
  });

  it('never counts minors, people without marketing consent or erased people for marketing', async () => {
    expect(await count(marketing, '')).toBe(8);
    // The same filters for an admin count everyone but the erased.
    expect(await count(admin, '')).toBe(11);
    expect(await count(admin, '')).toBe((await csvRows(admin, '')).length);
  });

  it('refuses a person filter for marketing, naming it: 400, and no number that could tell whether someone is a lead', async () => {
    for (const filter of ['phone', 'fullName', 'email', 'q', 'id', 'phone_like', 'fullName_ne', 'email_like', 'advisorId']) {
      const response = await request(t.http).get(`/api/exports/leads/count?${filter}=96000`).set(marketing.auth).expect(400);
      expect(response.body).toMatchObject({ fields: [{ field: filter, message: expect.stringContaining(filter) }] });
      expect(response.body).not.toHaveProperty('count');
    }
    await request(t.http).get('/api/exports/leads/count?level=PhD').set(marketing.auth).expect(400);
  });

  it("lists a person's own recent exports, newest first, with their filters", async () => {
    await csvRows(marketing, 'level=UG');
    await csvRows(admin, 'level=PG');
    const mine = (await request(t.http).get('/api/exports/mine?_end=1').set(marketing.auth).expect(200)).body as ExportRecordView[];
    expect(mine).toEqual([expect.objectContaining({ kind: 'leads', filters: { level: 'UG' }, rowCount: 1, userName: 'Maya Marketing' })]);
    const all = (await request(t.http).get('/api/exports/mine').set(marketing.auth).expect(200)).body as ExportRecordView[];
    expect(all.every((record) => record.userName === 'Maya Marketing')).toBe(true);
    await request(t.http).get('/api/exports/mine?_end=500').set(marketing.auth).expect(400);
    await request(t.http).get('/api/exports').set(marketing.auth).expect(403);
  });
});
