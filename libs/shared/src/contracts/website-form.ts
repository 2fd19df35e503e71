/**
 * The website form contract: the public Quick Inquiry (what the website posts and what it gets
 * back), the form's public configuration, and the settings admins keep for it.
 */
import type { LeadMode, ProgramLevel } from './leads';
import type { ConsentNoticeVersion, NoticeParts, PublicConsentNotice } from './consent-notice';

/** The consent booleans are required and never pre-ticked by the server. */
export interface InquiryConsent {
  whatsapp: boolean;
  marketing: boolean;
  /** The language the notice and the form were shown in (one of the notice's languages; English when left out). */
  language?: string;
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

/**
 * A course the website form offers: the vocabulary of a lead's course interest, with the program
 * level it is (and, if it is offered in one, its mode) so leads can be segmented and suggested.
 */
export interface WebsiteCourse {
  name: string;
  level: ProgramLevel | null;
  mode: LeadMode | null;
}

/** How course names are compared: case, spaces and dots never matter (`online  mba` is `Online MBA`, `M.Com` is `MCom`). */
export function courseKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9+#&]/g, '');
}

/** The offered course a typed course interest stands for, or null when it is none of them. */
export function canonicalCourse(text: string | null | undefined, courses: readonly WebsiteCourse[]): WebsiteCourse | null {
  if (!text?.trim()) return null;
  const key = courseKey(text);
  return courses.find((course) => courseKey(course.name) === key) ?? null;
}

/** `GET /api/public/form-config`: what the public form needs to render itself. */
export interface PublicFormConfig {
  /** The offered courses' names (what forms already embedded read). */
  courses: string[];
  /** The same courses with their level and mode. */
  courseDetails: WebsiteCourse[];
  levels: readonly ProgramLevel[];
  modes: readonly LeadMode[];
  limits: Record<string, number>;
  /** In the language asked for (`?lang=hi`), else English. */
  notice: PublicConsentNotice;
}

/** Limits of the settings admins keep for the form. */
export const WEBSITE_FORM_LIMITS = {
  courses: 50,
  course: 120,
  origins: 50,
} as const;

/** `GET /api/settings/website-form` (admins). */
export interface WebsiteFormSettings<Time = string> {
  courses: WebsiteCourse[];
  allowedOrigins: string[];
  /** The current version (a changed part or translation is a new version). */
  notice: ConsentNoticeVersion<Time>;
  embedSnippet: string;
  iframeSnippet: string;
  hostedUrl: string;
}

/** `PUT /api/settings/website-form`. */
export interface WebsiteFormSettingsBody {
  courses: WebsiteCourse[];
  allowedOrigins: string[];
  notice: NoticeParts;
}
