import { PHONE_EXAMPLES, phoneFromForm } from '@advisordesk/shared';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { LeadsModule } from '../src';
import { inquiry, leadByPhone, submitInquiry } from './support';

/**
 * The API gives the website form's verdict on every example number: posting what the form sends
 * answers 201 (and stores the form's E.164 number) exactly when the form accepted it, else a 400
 * that names the phone field. The same table runs through the form's function in libs/shared.
 */
describe('the API agrees with the website form on phone numbers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000' });
  });
  afterAll(() => t.close());

  it.each(PHONE_EXAMPLES)('$country "$typed" ($why)', async ({ country, typed, e164 }) => {
    const { sent, check } = phoneFromForm(country, typed);
    expect(check.ok).toBe(e164 !== null);
    const response = await submitInquiry(t, inquiry({ phone: sent, guardian: undefined }));
    if (check.ok) {
      expect(response.status).toBe(201);
      expect(await leadByPhone(t, check.e164)).toMatchObject({ phone: e164, reference: response.body.reference });
    } else {
      expect(response.status).toBe(400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['phone']);
    }
  });

  it('and on the parent or guardian number of a person under 18', async () => {
    for (const { country, typed, e164 } of PHONE_EXAMPLES.filter((_, i) => i % 4 === 0)) {
      const { sent, check } = phoneFromForm(country, typed);
      const response = await submitInquiry(t, inquiry({ minor: true, guardian: { fullName: 'Sunita Gupta', phone: sent, consent: true } }));
      expect({ typed, status: response.status }).toEqual({ typed, status: check.ok ? 201 : 400 });
      if (!check.ok) expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['guardian.phone']);
      else expect(check.e164).toBe(e164);
    }
  });
});
