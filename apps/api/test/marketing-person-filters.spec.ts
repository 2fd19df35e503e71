import request from 'supertest';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '@advisordesk/api-leads';
import { ReportsModule } from '@advisordesk/api-reports';
import { ExportsModule } from '@advisordesk/api-exports';
import { SavedViewsModule } from '@advisordesk/api-saved-views';

/**
 * Marketing works with segments, never with one person: no endpoint it may call answers a question
 * about someone (is this phone, name or email a lead?). Every person-level filter, in every form, is
 * a 400 that names it, wherever marketing sends it.
 */
const PERSON_FILTERS = ['phone', 'fullName', 'email', 'q', 'id'];
const FORMS = (filter: string) => (filter === 'q' ? ['q'] : [filter, `${filter}_like`, `${filter}_ne`]);

describe('person-level filters are refused for marketing everywhere', () => {
  let t: TestApp;
  let marketing: SignedIn;

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, ReportsModule, ExportsModule, SavedViewsModule]);
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing');
    await t.dataSource.query(
      `INSERT INTO leads (reference, full_name, phone, email, consent_marketing, consent_at) VALUES ('AD-MKT00001', 'Rohit Sharma', '+919876543210', 'rohit@example.in', true, now())`,
    );
  });
  afterAll(() => t.close());

  const endpoints: [string, (key: string, value: string) => request.Test][] = [
    [
      'the CSV export',
      (key, value) =>
        request(t.http)
          .get('/api/exports/leads.csv')
          .query({ [key]: value })
          .set(marketing.auth),
    ],
    [
      'the segment count',
      (key, value) =>
        request(t.http)
          .get('/api/exports/leads/count')
          .query({ [key]: value })
          .set(marketing.auth),
    ],
    [
      'the funnel report',
      (key, value) =>
        request(t.http)
          .get('/api/reports/funnel')
          .query({ [key]: value })
          .set(marketing.auth),
    ],
    [
      'the conversion report',
      (key, value) =>
        request(t.http)
          .get('/api/reports/conversion')
          .query({ groupBy: 'source', [key]: value })
          .set(marketing.auth),
    ],
    [
      'a saved segment',
      (key, value) =>
        request(t.http)
          .post('/api/saved-views')
          .set(marketing.auth)
          .send({ name: `by ${key}`, resource: 'segments', query: new URLSearchParams({ [key]: value }).toString() }),
    ],
  ];

  it.each(endpoints)('%s answers 400 naming phone, fullName, email, q or id in any form', async (_, call) => {
    for (const filter of PERSON_FILTERS) {
      for (const key of FORMS(filter)) {
        const value = filter === 'id' ? '00000000-0000-4000-8000-000000000000' : filter === 'email' ? 'rohit@example.in' : '98765';
        const response = await call(key, value);
        expect([key, response.status]).toEqual([key, 400]);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        const named = (response.body.fields as { field: string; message: string }[]).some((f) => f.field.endsWith(key) && f.message.includes(key));
        expect([key, named]).toEqual([key, true]);
      }
    }
  });

  it('the same endpoints answer marketing by segment', async () => {
    await request(t.http).get('/api/exports/leads/count?level=PG&state=Maharashtra').set(marketing.auth).expect(200);
    await request(t.http).get('/api/reports/conversion?groupBy=utmCampaign&from=2026-01-01&to=2026-12-31').set(marketing.auth).expect(200);
    await request(t.http).post('/api/saved-views').set(marketing.auth).send({ name: 'PG', resource: 'segments', query: 'level=PG' }).expect(201);
  });
});
