import request from 'supertest';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { JobsModule } from '@advisordesk/api-jobs';
import { CloudApiStandIn, newWamid, webhookPayloads } from '../src/testing';
import { WhatsappModule } from '../src';
import { count, leadFor, listen, until } from './support';

describe('WhatsApp from the phone of a merged lead', () => {
  let standIn: CloudApiStandIn;
  let t: TestApp;
  let url: string;
  let manager: SignedIn;
  let priya: SignedIn;
  const VERIFY = 'verify-me-please';

  beforeAll(async () => {
    standIn = await CloudApiStandIn.start();
    t = await createTestApp([JobsModule.forRoot(), WhatsappModule], { ...standIn.env(VERIFY), JOBS_POLLING_SECONDS: '0.5' });
    url = await listen(t);
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
  });
  afterAll(async () => {
    await t.close();
    await standIn.close();
  });

  it('a message from the merged-away phone lands on the lead it was merged into, and no lead is created', async () => {
    const survivor = await leadFor(t, manager, priya);
    const other = await leadFor(t, manager, priya, { fullName: 'Kavya I.' });
    const read = async (id: string) => (await request(t.http).get(`/api/leads/${id}`).set(manager.auth).expect(200)).body;
    const [s, o] = [await read(survivor.id), await read(other.id)];
    await request(t.http)
      .post(`/api/leads/${s.id}/merge`)
      .set(manager.auth)
      .send({ otherId: o.id, version: s.version, otherVersion: o.version })
      .expect(200);
    const leads = await count(t, `SELECT 1 FROM leads`);

    const wamid = newWamid();
    const answer = await standIn.sendWebhook(
      url,
      webhookPayloads.text(standIn.phoneNumberId, { from: other.phone.wa, text: 'This is my other number', id: wamid, profileName: 'Kavya' }),
    );
    expect(answer.status).toBe(200);
    await until(async () => (await count(t, `SELECT 1 FROM whatsapp_webhook_events WHERE processed_at IS NULL`)) === 0, 'the webhook job');

    const messages = (await request(t.http).get(`/api/leads/${survivor.id}/messages`).set(priya.auth).expect(200)).body as { waMessageId: string }[];
    expect(messages.map((m) => m.waMessageId)).toEqual([wamid]);
    expect(await count(t, `SELECT 1 FROM leads`)).toBe(leads);
    expect((await read(survivor.id)).whatsappUnanswered).toBe(true);
  });
});
