import { normalisePhone, PHONE_COUNTRIES, PHONE_EXAMPLES, phoneFromForm } from './phone';

/**
 * The website form checks a number with `phoneFromForm` (the country select plus what was typed)
 * and posts its `sent` text; the API reads that text with `normalisePhone`. Both verdicts must be
 * the expected one. (libs/api/leads/test/phone-agreement.spec.ts posts the same table to the API.)
 */
describe('the website form and the API agree on phone numbers', () => {
  it.each(PHONE_EXAMPLES)('$country "$typed" ($why) → $e164', ({ country, typed, e164 }) => {
    const { sent, check } = phoneFromForm(country, typed);
    expect(check.ok ? check.e164 : null).toBe(e164);
    expect(normalisePhone(sent)).toEqual(check);
  });

  it('covers every country the form offers, each with a good and a refused number where one exists', () => {
    for (const { code } of PHONE_COUNTRIES) expect(PHONE_EXAMPLES.some((e) => e.country === code && e.e164)).toBe(true);
    expect(PHONE_EXAMPLES.filter((e) => e.e164 === null).length).toBeGreaterThan(15);
  });

  it('sends Indian and international input as typed, and puts the calling code before other numbers', () => {
    expect(phoneFromForm('IN', ' 098765 43210 ').sent).toBe('098765 43210');
    expect(phoneFromForm('AE', '+91 98765 43210').sent).toBe('+91 98765 43210');
    expect(phoneFromForm('AE', '0091 98765 43210').sent).toBe('0091 98765 43210');
    expect(phoneFromForm('AE', '050 123 4567').sent).toBe('+971 050 123 4567');
    expect(phoneFromForm('GB', '').sent).toBe('');
    expect(phoneFromForm('GB', '').check).toEqual({ ok: false, reason: 'empty' });
  });
});
