import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '@advisordesk/api-leads';
import { CatalogueModule } from '@advisordesk/api-catalogue';
import { ComparisonsModule } from '../src';

const SAMPLE = join(__dirname, '../../seed/data');

describe('comparisons and the person they were made for', () => {
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;
  let programIds: string[];
  let phoneCounter = 0;

  async function newLead(fullName: string) {
    phoneCounter++;
    const phone = `97${String(Date.now()).slice(-6)}${String(phoneCounter).padStart(2, '0')}`;
    await request(t.http)
      .post('/api/public/inquiries')
      .send({ fullName, phone, level: 'PG', mode: 'online', consent: { whatsapp: true, marketing: true } })
      .expect(201);
    const lead = await queryOne<{ id: string; unsubscribeToken: string }>(
      t.dataSource,
      `SELECT id, unsubscribe_token AS "unsubscribeToken" FROM leads WHERE phone = $1`,
      [`+91${phone}`],
    );
    await request(t.http).post(`/api/leads/${lead.id}/assign`).set(manager.auth).send({ advisorId: priya.id }).expect(200);
    return lead;
  }

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, CatalogueModule, ComparisonsModule], {
      INQUIRY_RATE_LIMIT: '10000',
      PUBLIC_URL: 'https://desk.example.in',
    });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    await request(t.http)
      .post('/api/catalogue/import')
      .set(manager.auth)
      .send({ universities: readFileSync(join(SAMPLE, 'universities.csv'), 'utf8'), programs: readFileSync(join(SAMPLE, 'programs.csv'), 'utf8') })
      .expect(200);
    programIds = (await queryRows<{ id: string }>(t.dataSource, `SELECT id FROM programs ORDER BY name LIMIT 2`)).map((p) => p.id);
  });
  afterAll(() => t.close());

  it('the WhatsApp message of a comparison carries the link that stops our messages, and the link works', async () => {
    const lead = await newLead('Meghna Iyer');
    const share = (await request(t.http).post(`/api/leads/${lead.id}/comparisons`).set(priya.auth).send({ programIds }).expect(201)).body;
    const link = `https://desk.example.in/api/public/unsubscribe/${lead.unsubscribeToken}`;
    expect(share.message).toContain(`To stop messages from us: ${link}`);
    expect(decodeURIComponent(new URL(share.whatsappUrl).searchParams.get('text') ?? '')).toBe(share.message);
    await request(t.http).post(new URL(link).pathname).type('form').send({}).expect(200);
    const after = (await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth).expect(200)).body;
    expect(after).toMatchObject({ consentMarketing: false, unsubscribeUrl: link });
  });

  it("an erased person's comparison links answer 404, and nothing of the comparison is kept", async () => {
    const lead = await newLead('Devika Pillai');
    const share = (await request(t.http).post(`/api/leads/${lead.id}/comparisons`).set(priya.auth).send({ programIds }).expect(201)).body;
    expect((await request(t.http).get(`/api/public/comparisons/${share.token}`).expect(200)).body.firstName).toBe('Devika');
    await request(t.http).post(`/api/leads/${lead.id}/erase`).set(manager.auth).expect(200);
    const json = await request(t.http).get(`/api/public/comparisons/${share.token}`).expect(404);
    const page = await request(t.http).get(`/c/${share.token}`).expect(404);
    expect(json.text + page.text).not.toContain('Devika');
    expect(
      await queryRows<{ id: string }>(t.dataSource, `SELECT id FROM comparisons WHERE lead_id = $1 OR token = $2`, [lead.id, share.token]),
    ).toEqual([]);
  });
});
