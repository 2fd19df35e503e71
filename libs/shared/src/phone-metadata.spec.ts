import mobile from 'libphonenumber-js/metadata.mobile.json';
import { version } from 'libphonenumber-js/package.json';
import { PHONE_METADATA, PHONE_METADATA_SOURCE } from './phone-metadata';
import { PHONE_COUNTRIES, PHONE_TERRITORIES } from './phone';

/** The cut-down phone metadata must be libphonenumber's own, for exactly the countries offered. */
describe('phone metadata', () => {
  const codes: string[] = [...PHONE_COUNTRIES.map((c) => c.code), ...PHONE_TERRITORIES];
  const regenerate = 'run `node libs/shared/scripts/phone-metadata.mjs`';
  const sourceCallingCodes = mobile.country_calling_codes as Record<string, string[]>;

  it(`is generated from the installed libphonenumber-js, for the offered countries (else ${regenerate})`, () => {
    expect(PHONE_METADATA_SOURCE).toEqual({ library: version, countries: codes });
    const countries = PHONE_METADATA.countries as Record<string, unknown>;
    const source = mobile.countries as Record<string, unknown>;
    expect(Object.keys(countries).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(countries[code]).toEqual(source[code]);
  });

  it('maps each calling code to the offered countries that use it, in libphonenumber order', () => {
    for (const { code, dial } of PHONE_COUNTRIES) {
      expect(PHONE_METADATA.country_calling_codes[dial]).toContain(code);
      expect(PHONE_METADATA.country_calling_codes[dial]).toEqual(sourceCallingCodes[dial].filter((c) => codes.includes(c)));
    }
  });
});
