import request from 'supertest';
import { ConfigError, queryOne } from '@advisordesk/api-core';
import { Test } from '@nestjs/testing';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { JobsModule } from '@advisordesk/api-jobs';
import { DEFAULT_WHATSAPP_SETTINGS } from '@advisordesk/shared';
import { CloudApiStandIn, webhookPayloads } from '../src/testing';
import { loadWhatsappConfig, whatsappConfigProvider, WhatsappModule } from '../src';
import { listen } from './support';

describe('WhatsApp configuration', () => {
  it('runs unconfigured with no WHATSAPP_* set, and refuses to start with some but not all, naming what is missing and never the secrets', async () => {
    expect(loadWhatsappConfig({})).toBeNull();
    const token = 'EAAG-a-real-looking-token-1234567890';
    const half = { WHATSAPP_PHONE_NUMBER_ID: '109876543210123', WHATSAPP_ACCESS_TOKEN: token };
    expect(() => loadWhatsappConfig(half)).toThrow(ConfigError);
    expect(() => loadWhatsappConfig(half)).toThrow(/WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN are missing/);
    let message = '';
    try {
      loadWhatsappConfig({ ...half, WHATSAPP_APP_SECRET: 'short', WHATSAPP_VERIFY_TOKEN: 'verify-me-please' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/WHATSAPP_APP_SECRET is not valid/);
    expect(message).not.toContain('short');
    expect(message).not.toContain(token);
    // The app itself does not start half configured.
    // The app itself does not start half configured (WhatsappModule reads its configuration with this provider).
    Object.assign(process.env, half);
    try {
      await expect(Test.createTestingModule({ providers: [whatsappConfigProvider] }).compile()).rejects.toThrow(
        /WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN are missing/,
      );
    } finally {
      for (const key of Object.keys(half)) delete process.env[key];
    }
  });

  describe('not configured', () => {
    let t: TestApp;
    let advisor: SignedIn;
    let admin: SignedIn;
    beforeAll(async () => {
      t = await createTestApp([JobsModule.forRoot(), WhatsappModule]);
      advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
      admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    });
    afterAll(() => t.close());

    it('says so to the panel, refuses the check, and the webhook answers 404', async () => {
      expect((await request(t.http).get('/api/whatsapp/connection').set(advisor.auth).expect(200)).body).toEqual({ configured: false, check: null });
      const refused = await request(t.http).post('/api/whatsapp/connection/check').set(admin.auth).expect(409);
      expect(refused.body.code).toBe('whatsapp.notConfigured');
      await request(t.http)
        .get('/api/webhooks/whatsapp')
        .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'x', 'hub.challenge': '1' })
        .expect(404);
      const standIn = await CloudApiStandIn.start();
      try {
        const answer = await standIn.sendWebhook(await listen(t), webhookPayloads.text(standIn.phoneNumberId, { from: '919876543210', text: 'Hi' }));
        expect(answer.status).toBe(404);
      } finally {
        await standIn.close();
      }
      expect(Number((await queryOne<{ n: string }>(t.dataSource, `SELECT count(*) AS n FROM whatsapp_webhook_events`)).n)).toBe(0);
    });
  });

  describe('configured', () => {
    let standIn: CloudApiStandIn;
    let t: TestApp;
    let admin: SignedIn;
    let manager: SignedIn;
    let advisor: SignedIn;
    beforeAll(async () => {
      standIn = await CloudApiStandIn.start({ displayPhoneNumber: '+91 80 4567 8900', verifiedName: 'AdvisorDesk Admissions' });
      t = await createTestApp([JobsModule.forRoot(), WhatsappModule], standIn.env());
      admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
      manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
      advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
    });
    afterAll(async () => {
      await t.close();
      await standIn.close();
    });

    it('checks the token and phone number id with Meta and shows the number', async () => {
      expect((await request(t.http).get('/api/whatsapp/connection').set(advisor.auth).expect(200)).body).toEqual({ configured: true, check: null });
      const good = await request(t.http).post('/api/whatsapp/connection/check').set(admin.auth).expect(200);
      expect(good.body).toMatchObject({
        configured: true,
        check: { ok: true, displayPhoneNumber: '+91 80 4567 8900', verifiedName: 'AdvisorDesk Admissions', error: null },
      });
      const call = standIn.calls.at(-1)!;
      expect(call).toMatchObject({
        method: 'GET',
        path: `/${standIn.phoneNumberId}?fields=display_phone_number,verified_name`,
        authorization: `Bearer ${standIn.accessToken}`,
      });
      // Everyone who reads leads sees the last check.
      expect((await request(t.http).get('/api/whatsapp/connection').set(advisor.auth).expect(200)).body.check).toMatchObject({
        ok: true,
        displayPhoneNumber: '+91 80 4567 8900',
      });
      await request(t.http).post('/api/whatsapp/connection/check').set(manager.auth).expect(403);
      await request(t.http).post('/api/whatsapp/connection/check').set(advisor.auth).expect(403);
    });

    it('keeps the templates in settings: admins edit, managers read, bad names and languages are a 400 naming the field', async () => {
      expect((await request(t.http).get('/api/settings/whatsapp').set(manager.auth).expect(200)).body).toEqual(DEFAULT_WHATSAPP_SETTINGS);
      await request(t.http).get('/api/settings/whatsapp').set(advisor.auth).expect(403);
      const settings = {
        comparisonTemplate: { name: 'comparison_ready_v2', language: 'en_US' },
        welcomeTemplate: { name: 'welcome', language: 'hi' },
        welcomeEnabled: true,
        codeTemplate: { name: 'otp_copy_code', language: 'en_US' },
      };
      expect((await request(t.http).put('/api/settings/whatsapp').set(admin.auth).send(settings).expect(200)).body).toEqual(settings);
      expect((await request(t.http).get('/api/settings/whatsapp').set(manager.auth).expect(200)).body).toEqual(settings);
      await request(t.http).put('/api/settings/whatsapp').set(manager.auth).send(settings).expect(403);
      const badName = await request(t.http)
        .put('/api/settings/whatsapp')
        .set(admin.auth)
        .send({ ...settings, comparisonTemplate: { name: 'Comparison Ready', language: 'en' } })
        .expect(400);
      expect(JSON.stringify(badName.body)).toContain('comparisonTemplate.name');
      const badLanguage = await request(t.http)
        .put('/api/settings/whatsapp')
        .set(admin.auth)
        .send({ ...settings, welcomeTemplate: { name: 'welcome', language: 'english' } })
        .expect(400);
      expect(JSON.stringify(badLanguage.body)).toContain('welcomeTemplate.language');
      const noTemplate = await request(t.http)
        .put('/api/settings/whatsapp')
        .set(admin.auth)
        .send({ ...settings, welcomeTemplate: null })
        .expect(400);
      expect(JSON.stringify(noTemplate.body)).toContain('welcomeTemplate');
      const badCode = await request(t.http)
        .put('/api/settings/whatsapp')
        .set(admin.auth)
        .send({ ...settings, codeTemplate: { name: 'OTP code', language: 'en' } })
        .expect(400);
      expect(JSON.stringify(badCode.body)).toContain('codeTemplate.name');
      const { codeTemplate: _left, ...noCode } = settings;
      expect(JSON.stringify((await request(t.http).put('/api/settings/whatsapp').set(admin.auth).send(noCode).expect(400)).body)).toContain(
        'codeTemplate',
      );
      await request(t.http)
        .put('/api/settings/whatsapp')
        .set(admin.auth)
        .send({ ...settings, sendAsAdmin: true })
        .expect(400);
      // The last check survives a settings change, and the settings survive a check.
      await request(t.http).post('/api/whatsapp/connection/check').set(admin.auth).expect(200);
      expect((await request(t.http).get('/api/settings/whatsapp').set(admin.auth).expect(200)).body).toEqual(settings);
    });
  });

  describe('configured with a token Meta refuses', () => {
    let standIn: CloudApiStandIn;
    let t: TestApp;
    beforeAll(async () => {
      standIn = await CloudApiStandIn.start();
      t = await createTestApp([JobsModule.forRoot(), WhatsappModule], { ...standIn.env(), WHATSAPP_ACCESS_TOKEN: 'EAAG-expired-token-0000000000' });
    });
    afterAll(async () => {
      await t.close();
      await standIn.close();
    });

    it('reads as what to do, and the panel shows it', async () => {
      const admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
      const bad = await request(t.http).post('/api/whatsapp/connection/check').set(admin.auth).expect(200);
      expect(bad.body.check).toMatchObject({
        ok: false,
        displayPhoneNumber: null,
        error: 'The access token has expired or is not valid: an admin must renew it',
      });
      expect(standIn.calls.at(-1)?.authorization).toBe('Bearer EAAG-expired-token-0000000000');
      expect((await request(t.http).get('/api/whatsapp/connection').set(admin.auth).expect(200)).body.check).toMatchObject({ ok: false });
    });
  });
});
