import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { AuthModule } from '@advisordesk/api-auth';
import { createUserAndSignIn } from '@advisordesk/api-auth/testing';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { JobsModule } from '@advisordesk/api-jobs';
import { LeadsModule } from '@advisordesk/api-leads';
import { WhatsappModule } from '../src/whatsapp.module';

describe('sending on WhatsApp with no WHATSAPP_* configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    for (const key of Object.keys(process.env)) if (key.startsWith('WHATSAPP_')) delete process.env[key];
    t = await createTestApp([AuthModule, LeadsModule, JobsModule.forRoot(), WhatsappModule], { JOBS_POLLING_SECONDS: '0.5' });
  });
  afterAll(() => t?.close());

  it('answers 409 whatsapp.notConfigured before any other check, and queues nothing', async () => {
    const advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
    // No consent and no window either: "not connected" is what the advisor needs to hear first.
    const { id } = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO leads (reference, full_name, phone, advisor_id, consent_whatsapp) VALUES ('AD-NOTCONF1', 'Isha Rao', '+919812300001', $1, false) RETURNING id`,
      [advisor.id],
    );
    for (const body of [{ text: 'Hi' }, { template: { name: 'welcome', language: 'en', variables: [] } }]) {
      const answer = await request(t.http).post(`/api/leads/${id}/messages`).set(advisor.auth).send(body).expect(409);
      expect(answer.body.code).toBe('whatsapp.notConfigured');
    }
    expect(await queryRows(t.dataSource, `SELECT 1 FROM whatsapp_messages WHERE lead_id = $1`, [id])).toHaveLength(0);
  });
});
