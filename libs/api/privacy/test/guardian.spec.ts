import request from 'supertest';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { AuthModule } from '@advisordesk/api-auth';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { CatalogueModule } from '@advisordesk/api-catalogue';
import { ComparisonsModule } from '@advisordesk/api-comparisons';
import { ExportsModule } from '@advisordesk/api-exports';
import { JobsModule } from '@advisordesk/api-jobs';
import { LeadsModule } from '@advisordesk/api-leads';
import { CloudApiStandIn } from '@advisordesk/api-whatsapp/testing';
import { PrivacyModule } from '../src';
import { codeSentOnWhatsapp, FAST, insertLead, newPhone, until } from './support';

describe("a minor's lead is contact-only until the guardian's consent is verified", () => {
  let standIn: CloudApiStandIn;
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;
  let marketing: SignedIn;
  let programs: string[];

  /** A minor's lead of Priya's, who agreed to WhatsApp and marketing, with a guardian's number. */
  async function minor(): Promise<{ id: string; phone: string; guardianPhone: string }> {
    const phone = newPhone();
    const guardianPhone = newPhone();
    const id = await insertLead(t, phone, {
      full_name: 'Aarav Menon',
      is_minor: true,
      guardian_name: 'Suresh Menon',
      guardian_phone: `+91${guardianPhone}`,
      consent_marketing: true,
      advisor_id: priya.id,
    });
    return { id, phone, guardianPhone };
  }
  const exported = async (who: SignedIn, phone: string) =>
    (
      await request(t.http)
        .get(`/api/exports/leads.csv`)
        .query({ phone: `+91${phone}` })
        .set(who.auth)
        .expect(200)
    ).text.includes(phone.slice(5));
  const exportedForMarketing = async (phone: string) =>
    (await request(t.http).get(`/api/exports/leads.csv`).set(marketing.auth).expect(200)).text.includes(phone.slice(5));

  beforeAll(async () => {
    standIn = await CloudApiStandIn.start();
    t = await createTestApp([AuthModule, JobsModule.forRoot(), LeadsModule, CatalogueModule, ComparisonsModule, ExportsModule, PrivacyModule], {
      ...FAST,
      ...standIn.env(),
    });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Nair');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing');
    const [university] = await t.dataSource.query(`INSERT INTO universities (name) VALUES ('Amity University Online') RETURNING id`);
    programs = (
      await t.dataSource.query(
        `INSERT INTO programs (university_id, name, level) VALUES ($1, 'Online BBA', 'UG'), ($1, 'Online BCA', 'UG') RETURNING id`,
        [university.id],
      )
    ).map((p: { id: string }) => p.id);
  });
  afterAll(async () => {
    await t?.close();
    await standIn?.close();
  });

  it('refuses WhatsApp, the export and a comparison until a code sent to the guardian is read back; then allows them', async () => {
    const lead = await minor();
    const whatsapp = await request(t.http)
      .post(`/api/leads/${lead.id}/messages`)
      .set(priya.auth)
      .send({ template: { name: 'hello', language: 'en', variables: [] } });
    expect(whatsapp.status).toBe(409);
    expect(whatsapp.body.code).toBe('whatsapp.minorWithoutGuardian');
    expect(await exported(manager, lead.phone)).toBe(false);
    const comparison = await request(t.http).post(`/api/leads/${lead.id}/comparisons`).set(priya.auth).send({ programIds: programs });
    expect(comparison.status).toBe(409);
    expect(comparison.body.code).toBe('comparisons.minorWithoutGuardian');

    standIn.reset();
    const sent = await request(t.http).post(`/api/leads/${lead.id}/guardian/code`).set(priya.auth).expect(202);
    expect(sent.body).toEqual({ sentVia: 'whatsapp', expiresAt: expect.any(String) });
    // The guardian's number gets the code; the student's gets nothing.
    const code = await until(() => codeSentOnWhatsapp(standIn, `91${lead.guardianPhone}`), 'the code on the guardian’s WhatsApp');
    expect(standIn.sent.filter((c) => (c.body as { to: string }).to === `91${lead.phone}`)).toEqual([]);
    const wrong = await request(t.http)
      .post(`/api/leads/${lead.id}/guardian/verify`)
      .set(priya.auth)
      .send({ code: code === '999999' ? '888888' : '999999' })
      .expect(400);
    expect(wrong.body.fields).toEqual([{ field: 'code', message: 'This code is not the one we sent: 4 tries left' }]);
    const verified = await request(t.http).post(`/api/leads/${lead.id}/guardian/verify`).set(priya.auth).send({ code }).expect(200);
    expect(verified.body).toMatchObject({ guardianVerifiedAt: expect.any(String), guardianVerifiedById: priya.id });

    await request(t.http)
      .post(`/api/leads/${lead.id}/messages`)
      .set(priya.auth)
      .send({ template: { name: 'hello', language: 'en', variables: [] } })
      .expect(202);
    expect(await exported(manager, lead.phone)).toBe(true);
    await request(t.http).post(`/api/leads/${lead.id}/comparisons`).set(priya.auth).send({ programIds: programs }).expect(201);
    // Marketing never targets children, verified guardian or not.
    expect(await exportedForMarketing(lead.phone)).toBe(false);
    await request(t.http).post(`/api/leads/${lead.id}/guardian/code`).set(priya.auth).expect(400);
  });

  it('a call staff record verifies too, with the note on the timeline', async () => {
    const lead = await minor();
    await request(t.http).post(`/api/leads/${lead.id}/guardian/verify`).set(priya.auth).send({ call: true }).expect(400);
    await request(t.http).post(`/api/leads/${lead.id}/guardian/verify`).set(priya.auth).send({ call: true, note: 'x', code: '123456' }).expect(400);
    await request(t.http)
      .post(`/api/leads/${lead.id}/guardian/verify`)
      .set(manager.auth)
      .send({ call: true, note: 'Spoke to Suresh Menon, her father; he agreed to WhatsApp updates' })
      .expect(200);
    const timeline = (await request(t.http).get(`/api/leads/${lead.id}/timeline`).set(manager.auth).expect(200)).body as {
      type: string;
      data: object;
    }[];
    expect(timeline).toContainEqual(expect.objectContaining({ type: 'privacy', data: expect.objectContaining({ action: 'guardian', via: 'call' }) }));
  });

  it("only whoever works the lead verifies; a lead that is not a minor's is refused", async () => {
    const lead = await minor();
    await request(t.http).post(`/api/leads/${lead.id}/guardian/code`).set(rahul.auth).expect(404);
    await request(t.http).post(`/api/leads/${lead.id}/guardian/verify`).set(marketing.auth).send({ call: true, note: 'x' }).expect(403);
    const adult = await insertLead(t, newPhone(), { advisor_id: priya.id });
    expect((await request(t.http).post(`/api/leads/${adult}/guardian/code`).set(priya.auth).expect(400)).body.code).toBe('privacy.notAMinor');
  });
});
