import {
  INQUIRY_LIMITS,
  PHONE_COUNTRIES,
  phoneFromForm,
  type LeadMode,
  type PhoneCountry,
  type ProgramLevel,
  type PublicInquiryBody,
} from '@advisordesk/shared';
import type { PageContext } from './capture';
import { stringsFor, type WidgetStrings } from './strings';

/** What the person entered, as the form holds it. */
export interface FormValues {
  fullName: string;
  country: PhoneCountry;
  phone: string;
  email: string;
  city: string;
  courseInterest: string;
  /** Nothing chosen, or one of the levels and modes the form offers. */
  level: ProgramLevel | '';
  mode: LeadMode | '';
  consentWhatsapp: boolean;
  consentMarketing: boolean;
  /** The answer to "Are you under 18?": nothing chosen yet, or yes / no. */
  minor: '' | 'yes' | 'no';
  guardianName: string;
  guardianCountry: PhoneCountry;
  guardianPhone: string;
  guardianConsent: boolean;
  /** The honeypot: people never see it, so it stays empty. */
  website: string;
}

/** The API's field names (`guardian.phone`, `consent.whatsapp`, …), which the form's fields use too. */
export type FieldName =
  | 'fullName'
  | 'phone'
  | 'email'
  | 'city'
  | 'courseInterest'
  | 'level'
  | 'mode'
  | 'consent.whatsapp'
  | 'consent.marketing'
  | 'minor'
  | 'guardian.fullName'
  | 'guardian.phone'
  | 'guardian.consent';

export type FieldErrors = Partial<Record<FieldName, string>>;

/** In the order the form shows them, so the first error is the first field to fix. */
export const FIELD_ORDER: FieldName[] = [
  'fullName',
  'phone',
  'email',
  'city',
  'courseInterest',
  'level',
  'mode',
  'consent.whatsapp',
  'consent.marketing',
  'minor',
  'guardian.fullName',
  'guardian.phone',
  'guardian.consent',
];

// The address part is what browsers accept in <input type=email>, the domain needs a dot and a
// letters-only top level, as the API's check does.
const EMAIL = /^[\w.!#$%&'*+/=?^`{|}~-]+@[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)*\.[a-z]{2,63}$/i;

function countryName(code: PhoneCountry): string {
  return PHONE_COUNTRIES.find((c) => c.code === code)?.name ?? code;
}

function phoneError(country: PhoneCountry, typed: string, empty: string, t: WidgetStrings['errors']): { sent: string; error?: string } {
  const { sent, check } = phoneFromForm(country, typed);
  if (check.ok) return { sent };
  if (check.reason === 'empty') return { sent, error: empty };
  const international = /^\s*(\+|00)/.test(typed);
  if (international) return { sent, error: t.phoneInternational };
  return { sent, error: country === 'IN' ? t.phoneIndia : t.phoneCountry(countryName(country)) };
}

function text(value: string, max: number): string | undefined {
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

/**
 * Checks the form with the API's rules (the phone with the very function the API uses) and builds
 * the request body, or answers a message for each field to fix, in the form's language (which the
 * consent is recorded in).
 */
export function buildInquiry(
  values: FormValues,
  noticeVersion: number | undefined,
  page: PageContext,
  language = 'en',
): { ok: true; body: PublicInquiryBody } | { ok: false; errors: FieldErrors } {
  const t = stringsFor(language).errors;
  const errors: FieldErrors = {};
  const fullName = values.fullName.trim();
  if (!fullName) errors.fullName = t.fullName;
  else if (fullName.length < 2) errors.fullName = t.tooShort;
  else if (fullName.length > INQUIRY_LIMITS.fullName) errors.fullName = t.tooLong(INQUIRY_LIMITS.fullName);

  const phone = phoneError(values.country, values.phone, t.phone, t);
  if (phone.error) errors.phone = phone.error;

  const email = values.email.trim();
  if (email && (!EMAIL.test(email) || email.length > INQUIRY_LIMITS.email)) errors.email = t.email;

  if (!values.city.trim()) errors.city = t.city;

  let guardian: PublicInquiryBody['guardian'];
  if (!values.minor) errors.minor = t.minor;
  else if (values.minor === 'yes') {
    const name = values.guardianName.trim();
    if (!name) errors['guardian.fullName'] = t.guardianName;
    else if (name.length < 2) errors['guardian.fullName'] = t.tooShort;
    const guardianPhone = phoneError(values.guardianCountry, values.guardianPhone, t.guardianPhone, t);
    if (guardianPhone.error) errors['guardian.phone'] = guardianPhone.error;
    if (!values.guardianConsent) errors['guardian.consent'] = t.guardianConsent;
    guardian = { fullName: name.slice(0, INQUIRY_LIMITS.fullName), phone: guardianPhone.sent, consent: true };
  }

  if (Object.keys(errors).length) return { ok: false, errors };

  const body: PublicInquiryBody = {
    fullName,
    phone: phone.sent,
    email: text(email, INQUIRY_LIMITS.email),
    city: text(values.city, INQUIRY_LIMITS.city),
    courseInterest: text(values.courseInterest, INQUIRY_LIMITS.courseInterest),
    level: values.level || undefined,
    mode: values.mode || undefined,
    consent: { whatsapp: values.consentWhatsapp, marketing: values.consentMarketing, language },
    consentNoticeVersion: noticeVersion,
    minor: values.minor === 'yes',
    guardian,
    ...page,
    website: values.website,
  };
  // JSON drops the `undefined`s; leaving them out here keeps the body comparable between attempts.
  for (const key of Object.keys(body) as (keyof PublicInquiryBody)[]) if (body[key] === undefined) delete body[key];
  return { ok: true, body };
}
