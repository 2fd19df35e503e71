import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { PHONE_METADATA } from './phone-metadata';

export { PHONE_EXAMPLES, type PhoneExample } from './phone-examples';

/**
 * The countries whose mobile numbers AdvisorDesk accepts, India first (the default), with the
 * calling code the website form shows in its country select. The phone rules (libphonenumber-js's
 * mobile-only metadata) cover exactly these: after changing the list, run
 * `node libs/shared/scripts/phone-metadata.mjs`.
 */
export const PHONE_COUNTRIES = [
  { code: 'IN', dial: '91', name: 'India' },
  { code: 'AE', dial: '971', name: 'UAE' },
  { code: 'SA', dial: '966', name: 'Saudi Arabia' },
  { code: 'QA', dial: '974', name: 'Qatar' },
  { code: 'OM', dial: '968', name: 'Oman' },
  { code: 'KW', dial: '965', name: 'Kuwait' },
  { code: 'BH', dial: '973', name: 'Bahrain' },
  { code: 'SG', dial: '65', name: 'Singapore' },
  { code: 'GB', dial: '44', name: 'UK' },
  { code: 'US', dial: '1', name: 'USA' },
  { code: 'CA', dial: '1', name: 'Canada' },
  { code: 'AU', dial: '61', name: 'Australia' },
] as const;

export type PhoneCountry = (typeof PHONE_COUNTRIES)[number]['code'];

/**
 * Places numbered within a listed country's plan, accepted with it: Guernsey, the Isle of Man and
 * Jersey (+44), Christmas Island and the Cocos Islands (+61).
 */
export const PHONE_TERRITORIES = ['GG', 'IM', 'JE', 'CX', 'CC'] as const;

export type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: 'empty' | 'invalid' };

/**
 * Normalises a phone number to E.164, India by default: `98765 43210`, `+91-98765-43210` and
 * `098765 43210` all become `+919876543210`. Only mobile numbers of `PHONE_COUNTRIES` are
 * accepted, since advisors call and WhatsApp them. The same function runs in the browser form and
 * on the server.
 */
export function normalisePhone(input: string | null | undefined, defaultCountry: PhoneCountry = 'IN'): PhoneCheck {
  const text = (input ?? '').trim();
  if (!text) return { ok: false, reason: 'empty' };
  if (!/^[+(\d][\d\s()+.-]{5,24}$/.test(text)) return { ok: false, reason: 'invalid' };
  const parsed = parsePhoneNumberFromString(text, defaultCountry, PHONE_METADATA);
  // the metadata is libphonenumber's `mobile` set: isValid() is true only for mobile numbers
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'invalid' };
  return { ok: true, e164: parsed.number };
}

/**
 * A number typed next to a country select, as a form sends it: international input (`+…`, `00…`)
 * and Indian numbers as typed, others after their country's calling code (`50 123 4567` with UAE
 * → `+971 50 123 4567`). `check` is what the server's `normalisePhone` will make of `sent`.
 */
export function phoneFromForm(country: PhoneCountry, typed: string): { sent: string; check: PhoneCheck } {
  const text = typed.trim();
  const dial = PHONE_COUNTRIES.find((c) => c.code === country)?.dial ?? '91';
  const sent = !text || country === 'IN' || /^(\+|00)/.test(text) ? text : `+${dial} ${text}`;
  return { sent, check: normalisePhone(sent) };
}

export const PHONE_MESSAGES: Record<'empty' | 'invalid', string> = {
  empty: 'phone is required',
  invalid: 'phone must be a valid mobile number, e.g. 98765 43210 or +91 98765 43210',
};

/** Digits of an E.164 number as wa.me wants them: `+919876543210` → `919876543210`. */
export function waDigits(e164: string): string {
  return e164.replace(/\D/g, '');
}

/** `+919876543210` → `+91 98765 43210` for display (other numbers are shown as stored). */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const parsed = parsePhoneNumberFromString(e164, PHONE_METADATA);
  return parsed ? parsed.formatInternational() : e164;
}
