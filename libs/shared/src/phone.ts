import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/mobile';

export type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: 'empty' | 'invalid' };

/**
 * Normalises a phone number to E.164, India by default: `98765 43210`, `+91-98765-43210` and
 * `098765 43210` all become `+919876543210`. Only mobile numbers are accepted, since advisors call
 * and WhatsApp them. The same function runs in the browser form and on the server.
 */
export function normalisePhone(input: string | null | undefined, defaultCountry: CountryCode = 'IN'): PhoneCheck {
  const text = (input ?? '').trim();
  if (!text) return { ok: false, reason: 'empty' };
  if (!/^[+(\d][\d\s()+.-]{5,24}$/.test(text)) return { ok: false, reason: 'invalid' };
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  // the `mobile` metadata makes isValid() true only for mobile numbers
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'invalid' };
  return { ok: true, e164: parsed.number };
}

export const PHONE_MESSAGES: Record<'empty' | 'invalid', string> = {
  empty: 'phone is required',
  invalid: 'phone must be a valid mobile number, e.g. 98765 43210 or +91 98765 43210',
};

/** Digits of an E.164 number as wa.me wants them: `+919876543210` → `919876543210`. */
export function waDigits(e164: string): string {
  return e164.replace(/\D/g, '');
}

/** `+919876543210` → `+91 98765 43210` for display. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}
