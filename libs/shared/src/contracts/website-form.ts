/**
 * The website form contract: the public Quick Inquiry (what the website posts and what it gets
 * back), the form's public configuration, and the settings admins keep for it.
 */
import type { LeadMode, ProgramLevel } from './leads';

/** The consent booleans are required and never pre-ticked by the server. */
export interface InquiryConsent {
  whatsapp: boolean;
  marketing: boolean;
}

export interface InquiryUtm {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
}

/** `POST /api/public/inquiries` (no login; an `Idempotency-Key` header makes a retry safe). */
export interface PublicInquiryBody {
  fullName: string;
  phone: string;
  email?: string;
  city?: string;
  state?: string;
  courseInterest?: string;
  level?: ProgramLevel;
  mode?: LeadMode;
  message?: string;
  consent: InquiryConsent;
  /** The consent notice the person was shown. */
  consentNoticeVersion?: number;
  /** Under 18: a parent or guardian consents (DPDP Act). */
  minor?: boolean;
  /** `consent` must be true: a parent or guardian has to agree. */
  guardian?: { fullName: string; phone: string; consent: boolean };
  sourceUrl?: string;
  referrer?: string;
  utm?: InquiryUtm;
  /** The honeypot: people leave it empty. */
  website?: string;
}

/** What `POST /api/public/inquiries` answers (201): the same reference for a repeat submission of the same phone. */
export interface InquiryReceipt {
  reference: string;
}

/** The consent notice shown next to the consent boxes; a changed text or link is a new version. */
export interface ConsentNotice<Time = string> {
  version: number;
  text: string;
  url: string | null;
  createdAt: Time;
}

/** `GET /api/public/form-config`: what the public form needs to render itself. */
export interface PublicFormConfig {
  courses: string[];
  levels: readonly ProgramLevel[];
  modes: readonly LeadMode[];
  limits: Record<string, number>;
  notice: Omit<ConsentNotice, 'createdAt'>;
}

/** Limits of the settings admins keep for the form. */
export const WEBSITE_FORM_LIMITS = {
  courses: 50,
  course: 120,
  origins: 50,
  noticeText: 4000,
} as const;

/** `GET /api/settings/website-form` (admins). */
export interface WebsiteFormSettings<Time = string> {
  courses: string[];
  allowedOrigins: string[];
  notice: ConsentNotice<Time>;
  embedSnippet: string;
  iframeSnippet: string;
  hostedUrl: string;
}

/** `PUT /api/settings/website-form`. */
export interface WebsiteFormSettingsBody {
  courses: string[];
  allowedOrigins: string[];
  noticeText: string;
  noticeUrl?: string | null;
}
