import type { PhoneCountry } from './phone';

export interface PhoneExample {
  /** The country chosen next to the number. */
  country: PhoneCountry;
  typed: string;
  /** The E.164 number both the website form and the API make of it, or null when both refuse it. */
  e164: string | null;
  why: string;
}

/**
 * Phone numbers as people type them, with the verdict the website form and the API must both give:
 * the contract tested on each side (libs/shared phone-agreement.spec, libs/api/leads phone-agreement.spec).
 */
export const PHONE_EXAMPLES: PhoneExample[] = [
  { country: 'IN', typed: '98765 43210', e164: '+919876543210', why: 'Indian mobile with a space' },
  { country: 'IN', typed: '9876543210', e164: '+919876543210', why: 'Indian mobile, digits only' },
  { country: 'IN', typed: '98765-43210', e164: '+919876543210', why: 'Indian mobile with a dash' },
  { country: 'IN', typed: '098765 43210', e164: '+919876543210', why: 'Indian mobile with the trunk 0' },
  { country: 'IN', typed: '+91 98765 43210', e164: '+919876543210', why: 'Indian mobile with +91' },
  { country: 'IN', typed: '+91-98765-43210', e164: '+919876543210', why: 'Indian mobile with +91 and dashes' },
  { country: 'IN', typed: '91 98765 43210', e164: '+919876543210', why: 'Indian mobile with 91 and no plus' },
  { country: 'IN', typed: '0091 98765 43210', e164: '+919876543210', why: 'Indian mobile with the 00 international prefix' },
  { country: 'IN', typed: '(+91) 98765 43210', e164: '+919876543210', why: 'Indian mobile with (+91)' },
  { country: 'IN', typed: '  70123 45678  ', e164: '+917012345678', why: 'Indian mobile with spaces around it' },
  { country: 'IN', typed: '60012 34567', e164: '+916001234567', why: 'Indian mobile of the 6 series' },
  { country: 'IN', typed: '+91 22 2345 6789', e164: null, why: 'Mumbai landline' },
  { country: 'IN', typed: '011 2345 6789', e164: null, why: 'Delhi landline' },
  { country: 'IN', typed: '080 2345 6789', e164: null, why: 'Bengaluru landline' },
  { country: 'IN', typed: '1800 123 4567', e164: null, why: 'toll-free number' },
  { country: 'IN', typed: '58765 43210', e164: null, why: 'no Indian mobile starts with 5' },
  { country: 'IN', typed: '98765 4321', e164: null, why: 'one digit short' },
  { country: 'IN', typed: '98765', e164: null, why: 'far too short' },
  { country: 'IN', typed: '98765 43210 9', e164: null, why: 'one digit too many' },
  { country: 'IN', typed: '98765abcde', e164: null, why: 'letters' },
  { country: 'IN', typed: 'nine eight seven six', e164: null, why: 'words' },
  { country: 'IN', typed: '=cmd|calc', e164: null, why: 'a spreadsheet formula' },
  { country: 'IN', typed: '', e164: null, why: 'empty' },
  { country: 'IN', typed: '   ', e164: null, why: 'only spaces' },
  { country: 'IN', typed: '+44 7400 123456', e164: '+447400123456', why: 'UK mobile typed with its code, India selected' },
  { country: 'IN', typed: '+971 50 123 4567', e164: '+971501234567', why: 'UAE mobile typed with its code, India selected' },
  { country: 'IN', typed: '+49 1512 3456789', e164: null, why: 'Germany is not among the countries offered' },
  { country: 'IN', typed: '+977 984 1234567', e164: null, why: 'Nepal is not among the countries offered' },
  { country: 'AE', typed: '50 123 4567', e164: '+971501234567', why: 'UAE mobile' },
  { country: 'AE', typed: '050 123 4567', e164: '+971501234567', why: 'UAE mobile with the trunk 0' },
  { country: 'AE', typed: '04 123 4567', e164: null, why: 'Dubai landline' },
  { country: 'AE', typed: '98765 43210', e164: null, why: 'an Indian number with UAE selected' },
  { country: 'SA', typed: '051 234 5678', e164: '+966512345678', why: 'Saudi mobile' },
  { country: 'QA', typed: '3312 3456', e164: '+97433123456', why: 'Qatar mobile' },
  { country: 'OM', typed: '9212 3456', e164: '+96892123456', why: 'Oman mobile' },
  { country: 'KW', typed: '500 12345', e164: '+96550012345', why: 'Kuwait mobile' },
  { country: 'BH', typed: '3600 1234', e164: '+97336001234', why: 'Bahrain mobile' },
  { country: 'SG', typed: '8123 4567', e164: '+6581234567', why: 'Singapore mobile' },
  { country: 'SG', typed: '6123 4567', e164: null, why: 'Singapore landline' },
  { country: 'GB', typed: '07400 123456', e164: '+447400123456', why: 'UK mobile with the trunk 0' },
  { country: 'GB', typed: '7400 123456', e164: '+447400123456', why: 'UK mobile' },
  { country: 'GB', typed: '020 7946 0018', e164: null, why: 'London landline' },
  { country: 'US', typed: '(201) 555-0123', e164: '+12015550123', why: 'US number' },
  { country: 'CA', typed: '416-555-0123', e164: '+14165550123', why: 'Canadian number' },
  { country: 'AU', typed: '0412 345 678', e164: '+61412345678', why: 'Australian mobile' },
  { country: 'AU', typed: '02 9876 5432', e164: null, why: 'Sydney landline' },
  { country: 'AU', typed: '+61 412 345 678', e164: '+61412345678', why: 'Australian mobile with its code' },
];
