import request from 'supertest';
import { queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { noticeParts, type NoticeParts, type NoticeTexts, type WebsiteFormSettings } from '@advisordesk/shared';
import { LeadsModule } from '../src';
import { inquiry, leadByPhone, OPERATOR_CONTACT, submitInquiry } from './support';

const fields = (res: request.Response) => [...new Set((res.body.fields ?? []).map((f: { field: string }) => f.field))].sort();

describe('the consent notice: complete, versioned, in English and Hindi', () => {
  let t: TestApp;
  let admin: SignedIn;
  let settings: WebsiteFormSettings;
  /** The Hindi notice shipped with the product. */
  let hindi: NoticeTexts;

  const save = (notice: unknown) =>
    request(t.http).put('/api/settings/website-form').set(admin.auth).send({ courses: settings.courses, allowedOrigins: [], notice });
  const complete = (): Required<NoticeParts> => ({ ...noticeParts(settings.notice), contact: OPERATOR_CONTACT });

  beforeAll(async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000' });
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    settings = (await request(t.http).get('/api/settings/website-form').set(admin.auth).expect(200)).body;
    hindi = settings.notice.translations.hi;
  });
  afterAll(() => t.close());

  it('a fresh installation has every part in English and Hindi but no contact, which only the operator can name; the form still works', async () => {
    expect(settings.notice).toMatchObject({ version: 2, contact: null });
    expect(Object.keys(settings.notice.translations)).toEqual(['hi']);
    expect(hindi.board).toContain('भारतीय डेटा संरक्षण बोर्ड');
    expect(hindi.data).toContain('आपका शहर');
    expect(settings.notice.data).toContain('Your city');
    expect(settings.notice.board).toContain('Data Protection Board of India');
    const { body } = await request(t.http).get('/api/public/form-config').expect(200);
    await submitInquiry(t, inquiry({ consentNoticeVersion: 2 })).then((r) => expect(r.status).toBe(201));
    expect(body.notice).toMatchObject({ version: 2, language: 'en', contact: null, purposes: settings.notice.purposes });
  });

  it('a notice without a contact, purposes or the data it covers is refused, naming each missing part; nothing is saved', async () => {
    const { contact: _, ...withoutContact } = complete();
    const noContact = await save(withoutContact).expect(400);
    expect(fields(noContact)).toEqual(['notice.contact.email', 'notice.contact.name', 'notice.contact.phone']);

    const noEmail = await save({ ...complete(), contact: { ...OPERATOR_CONTACT, email: ' ' } }).expect(400);
    expect(fields(noEmail)).toEqual(['notice.contact.email']);
    expect(noEmail.body.message).toContain("contact person's email");

    const empty = await save({ ...complete(), purposes: [], data: ['  '], rights: '', board: '', withdrawal: ' ' }).expect(400);
    expect(fields(empty)).toEqual(['notice.board', 'notice.data', 'notice.purposes', 'notice.rights', 'notice.withdrawal']);

    const noPurposes = await save({ ...complete(), purposes: undefined }).expect(400);
    expect(fields(noPurposes)).toEqual(['notice.purposes']);

    const hindiIncomplete = await save({ ...complete(), translations: { hi: { ...hindi, board: '' } } }).expect(400);
    expect(fields(hindiIncomplete)).toEqual(['notice.translations.hi.board']);

    const badContact = await save({ ...complete(), contact: { name: 'Meera', email: 'not an email', phone: 'call me' } }).expect(400);
    expect(fields(badContact)).toEqual(['notice.contact.email', 'notice.contact.phone']);

    const current = (await request(t.http).get('/api/settings/website-form').set(admin.auth).expect(200)).body;
    expect(current.notice.version).toBe(2);
  });

  it('any change of the notice, a translation included, is a new version; saving the same notice is not', async () => {
    const first = (await save(complete()).expect(200)).body as WebsiteFormSettings;
    expect(first.notice).toMatchObject({ version: 3, contact: OPERATOR_CONTACT });
    const again = (await save(noticeParts(first.notice)).expect(200)).body as WebsiteFormSettings;
    expect(again.notice.version).toBe(3);
    const hindiChanged = (await save({ ...noticeParts(first.notice), translations: { hi: { ...hindi, text: `${hindi.text} धन्यवाद।` } } }).expect(200))
      .body as WebsiteFormSettings;
    expect(hindiChanged.notice.version).toBe(4);
    const tamil = {
      text: 'இந்தப் படிவத்தில் நீங்கள் தரும் தனிப்பட்ட தரவை உங்கள் ஒப்புதலுடன் மட்டுமே பயன்படுத்துகிறோம்.',
      data: ['உங்கள் பெயர்'],
      purposes: ['பல்கலைக்கழக ஒப்பீட்டை அனுப்ப'],
      withdrawal: 'எப்போது வேண்டுமானாலும் ஒப்புதலைத் திரும்பப் பெறலாம்.',
      rights: 'உங்கள் உரிமைகளுக்கு எங்களுக்கு எழுதுங்கள்.',
      board: 'இந்திய தரவுப் பாதுகாப்பு வாரியத்திடம் புகார் செய்யலாம்.',
    };
    const withTamil = (
      await save({ ...noticeParts(hindiChanged.notice), translations: { ...hindiChanged.notice.translations, ta: tamil } }).expect(200)
    ).body as WebsiteFormSettings;
    expect(withTamil.notice.version).toBe(5);
    settings = withTamil;
    const versions = await queryRows<{ version: number }>(t.dataSource, `SELECT version FROM consent_notices ORDER BY version`);
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('the public form reads the notice in the language asked for, or in English when the notice has none', async () => {
    const inHindi = (await request(t.http).get('/api/public/form-config?lang=hi').expect(200)).body.notice;
    expect(inHindi).toMatchObject({
      version: 5,
      language: 'hi',
      languages: ['en', 'hi', 'ta'],
      data: hindi.data,
      rights: hindi.rights,
      board: hindi.board,
      contact: OPERATOR_CONTACT,
    });
    expect(inHindi.text).toContain('धन्यवाद');
    const tamil = (await request(t.http).get('/api/public/form-config?lang=ta').expect(200)).body.notice;
    expect(tamil).toMatchObject({ language: 'ta', data: ['உங்கள் பெயர்'] });
    for (const query of ['?lang=bn', '?lang=xx', '', '?lang=__proto__']) {
      const fallback = (await request(t.http).get(`/api/public/form-config${query}`).expect(200)).body.notice;
      expect(fallback).toMatchObject({ language: 'en', text: settings.notice.text, languages: ['en', 'hi', 'ta'] });
    }
  });

  it('hostile translations are refused, naming the field', async () => {
    const base = complete();
    const proto = await request(t.http)
      .put('/api/settings/website-form')
      .set(admin.auth)
      .set('Content-Type', 'application/json')
      .send(
        `{"courses": [], "allowedOrigins": [], "notice": ${JSON.stringify(base).replace('"translations":{', '"translations":{"__proto__":{"text":"x"},')}}`,
      )
      .expect(400);
    expect(fields(proto)).toEqual(['notice.translations.__proto__']);
    const unknownLanguage = await save({ ...base, translations: { xx: hindi } }).expect(400);
    expect(fields(unknownLanguage)).toEqual(['notice.translations.xx']);
    const english = await save({ ...base, translations: { en: hindi } }).expect(400);
    expect(fields(english)).toEqual(['notice.translations.en']);
    const extra = await save({ ...base, translations: { hi: { ...hindi, contact: 'x' } } }).expect(400);
    expect(fields(extra)).toEqual(['notice.translations.hi.contact']);
    const wrongTypes = await save({ ...base, translations: { hi: { ...hindi, data: [1], rights: null } } }).expect(400);
    expect(fields(wrongTypes)).toEqual(['notice.translations.hi.data', 'notice.translations.hi.rights']);
    const notAMap = await save({ ...base, translations: ['hi'] }).expect(400);
    expect(fields(notAMap)).toEqual(['notice.translations']);
    const nul = await save({ ...base, rights: 'write to us\u0000' }).expect(400);
    expect(fields(nul)).toEqual(['notice.rights']);
    const unknownField = await save({ ...base, owner: 'me' }).expect(400);
    expect(fields(unknownField)).toEqual(['notice.owner']);
    const noNotice = await request(t.http)
      .put('/api/settings/website-form')
      .set(admin.auth)
      .send({ courses: [], allowedOrigins: [], notice: null })
      .expect(400);
    expect(fields(noNotice)).toEqual(['notice']);
  });

  it('a consent given in Hindi records its language on the new lead and on a repeat inquiry’s consent event', async () => {
    const body = inquiry({ consentNoticeVersion: 5, consent: { whatsapp: true, marketing: false, language: 'hi' } });
    await submitInquiry(t, body).then((r) => expect(r.status).toBe(201));
    const lead = await leadByPhone(t, `+91${body.phone}`);
    expect(lead).toMatchObject({ consent_language: 'hi', consent_notice_version: 5 });
    const view = (await request(t.http).get(`/api/leads/${lead.id}`).set(admin.auth).expect(200)).body;
    expect(view.consentLanguage).toBe('hi');

    await submitInquiry(t, { ...body, consent: { whatsapp: true, marketing: true, language: 'ta' } }).then((r) => expect(r.status).toBe(201));
    const [event] = await queryRows<{ data: { language: string; noticeVersion: number } }>(
      t.dataSource,
      `SELECT data FROM activities WHERE lead_id = $1 AND type = 'consent'`,
      [lead.id],
    );
    expect(event.data).toMatchObject({ language: 'ta', noticeVersion: 5 });
    expect((await leadByPhone(t, `+91${body.phone}`)).consent_language).toBe('hi');

    const english = inquiry();
    await submitInquiry(t, english).then((r) => expect(r.status).toBe(201));
    expect((await leadByPhone(t, `+91${english.phone}`)).consent_language).toBeNull();
  });

  it('a language the notice does not have is refused, naming consent.language', async () => {
    const bengali = await submitInquiry(t, inquiry({ consent: { whatsapp: true, marketing: false, language: 'bn' } }));
    expect(bengali.status).toBe(400);
    expect(fields(bengali)).toEqual(['consent.language']);
    expect(bengali.body.fields[0].message).toContain('en, hi, ta');
    // Version 2 had no Tamil.
    const older = await submitInquiry(t, inquiry({ consentNoticeVersion: 2, consent: { whatsapp: true, marketing: false, language: 'ta' } }));
    expect(fields(older)).toEqual(['consent.language']);
    const notText = await submitInquiry(t, inquiry({ consent: { whatsapp: true, marketing: false, language: { hi: true } } }));
    expect(fields(notText)).toEqual(['consent.language']);
    expect(notText.body.fields[0].message).toBe('consent.language must be a language code such as en or hi');
  });
});
