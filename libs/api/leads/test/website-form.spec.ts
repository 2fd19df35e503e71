import request from 'supertest';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { noticeParts } from '@advisordesk/shared';
import { LeadsModule } from '../src';
import { inquiry, leadByPhone, OPERATOR_CONTACT, submitInquiry } from './support';

describe('the website form settings', () => {
  let t: TestApp;
  let admin: SignedIn;
  let manager: SignedIn;

  beforeAll(async () => {
    t = await createTestApp([LeadsModule], {
      INQUIRY_RATE_LIMIT: '10000',
      CORS_ORIGINS: 'https://guides.example.in',
      PUBLIC_URL: 'https://desk.example.in',
    });
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
  });
  afterAll(() => t.close());

  it('the public form reads its courses, levels, modes, limits and the current consent notice', async () => {
    const { body } = await request(t.http).get('/api/public/form-config').expect(200);
    expect(body.courses).toContain('Online MBA');
    expect(body.levels).toContain('PG');
    expect(body.modes).toEqual(['online', 'distance', 'regular', 'hybrid']);
    expect(body.limits.fullName).toBe(120);
    expect(body.notice).toMatchObject({ version: 2, language: 'en', languages: ['en', 'hi'], withdrawal: expect.stringContaining('withdraw') });
  });

  it('admins manage courses, origins and the notice; a changed notice is a new version', async () => {
    await request(t.http).get('/api/settings/website-form').set(manager.auth).expect(403);
    const before = (await request(t.http).get('/api/settings/website-form').set(admin.auth).expect(200)).body;
    expect(before.embedSnippet).toBe('<script src="https://desk.example.in/embed.js" data-advisordesk-form async></script>');
    const notice = { ...noticeParts(before.notice), contact: OPERATOR_CONTACT };
    const saved = (
      await request(t.http)
        .put('/api/settings/website-form')
        .set(admin.auth)
        .send({
          courses: [
            { name: 'Online MBA', level: 'PG', mode: 'online' },
            { name: ' Online MCA ', level: 'PG', mode: null },
            { name: 'online mba', level: 'UG', mode: null },
          ],
          allowedOrigins: ['https://blog.example.in/'],
          notice: { ...notice, text: 'New notice text: we collect your name and number to advise you.', url: 'https://www.example.in/privacy' },
        })
        .expect(200)
    ).body;
    expect(saved).toMatchObject({
      courses: [
        { name: 'Online MBA', level: 'PG', mode: 'online' },
        { name: 'Online MCA', level: 'PG', mode: null },
      ],
      allowedOrigins: ['https://blog.example.in'],
      notice: { version: 3, url: 'https://www.example.in/privacy', contact: OPERATOR_CONTACT },
    });
    const same = (
      await request(t.http)
        .put('/api/settings/website-form')
        .set(admin.auth)
        .send({
          courses: [{ name: 'Online MBA', level: 'PG', mode: 'online' }],
          allowedOrigins: ['https://blog.example.in'],
          notice: noticeParts(saved.notice),
        })
        .expect(200)
    ).body;
    expect(same.notice.version).toBe(3);
    const bad = await request(t.http)
      .put('/api/settings/website-form')
      .set(admin.auth)
      .send({
        courses: [{ name: 'Online MBA', level: 'masters', mode: null }],
        allowedOrigins: ['not an origin'],
        notice: { ...notice, text: 'x'.repeat(5000) },
      })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['allowedOrigins', 'courses.0.level', 'notice.text']);
  });

  it('origins added by admins may post inquiries from a browser at once; others may not', async () => {
    const allowed = await request(t.http)
      .options('/api/public/inquiries')
      .set('Origin', 'https://blog.example.in')
      .set('Access-Control-Request-Method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://blog.example.in');
    const fromEnv = await request(t.http)
      .options('/api/public/inquiries')
      .set('Origin', 'https://guides.example.in')
      .set('Access-Control-Request-Method', 'POST');
    expect(fromEnv.headers['access-control-allow-origin']).toBe('https://guides.example.in');
    const other = await request(t.http)
      .options('/api/public/inquiries')
      .set('Origin', 'https://unlisted.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a lead keeps the notice version it was shown, its referrer and landing page', async () => {
    const body = inquiry({ consentNoticeVersion: 3, referrer: 'https://www.google.com/' });
    await submitInquiry(t, body).then((r) => expect(r.status).toBe(201));
    expect(await leadByPhone(t, `+91${body.phone}`)).toMatchObject({
      consent_notice_version: 3,
      referrer: 'https://www.google.com/',
      landing_url: body.sourceUrl,
    });
    const unknown = await submitInquiry(t, inquiry({ consentNoticeVersion: 99 }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields[0].field).toBe('consentNoticeVersion');
  });

  it('a person under 18 needs a parent or guardian who agrees', async () => {
    const missing = await submitInquiry(t, inquiry({ minor: true }));
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((f: { field: string }) => f.field)).toContain('guardian');
    const refused = await submitInquiry(t, inquiry({ minor: true, guardian: { fullName: 'Sunita Gupta', phone: '98111 22334', consent: false } }));
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toContain('guardian.consent');
    const body = inquiry({ minor: true, guardian: { fullName: 'Sunita Gupta', phone: '98111 22334', consent: true } });
    await submitInquiry(t, body).then((r) => expect(r.status).toBe(201));
    expect(await leadByPhone(t, `+91${body.phone}`)).toMatchObject({
      is_minor: true,
      guardian_name: 'Sunita Gupta',
      guardian_phone: '+919811122334',
    });
  });
});
