import type { LeadStatus, LostReason } from '@advisordesk/shared';

/** A lead on the wire: the names fixed by the spec, plus its reference and advisor's name. */
export interface LeadView {
  id: string;
  reference: string;
  fullName: string;
  phone: string | null;
  email: string | null;
  city: string | null;
  state: string | null;
  courseInterest: string | null;
  level: string | null;
  mode: string | null;
  budgetPaise: number | null;
  qualification: string | null;
  experienceYears: number | null;
  status: LeadStatus;
  lostReason: LostReason | null;
  advisorId: string | null;
  advisorName: string | null;
  source: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  landingUrl: string | null;
  consentWhatsapp: boolean;
  consentMarketing: boolean;
  consentAt: Date | null;
  consentSource: string | null;
  consentNoticeVersion: number | null;
  isMinor: boolean;
  guardianName: string | null;
  guardianPhone: string | null;
  referrer: string | null;
  nextFollowUpAt: Date | null;
  erasedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** A lead on its own page: also the link that stops our messages to them (never in lists or exports). */
export interface LeadDetailView extends LeadView {
  unsubscribeUrl: string | null;
}

/** The link, for staff and for every message we send: GET shows a page with one button, POST withdraws. */
export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/api/public/unsubscribe/${token}`;
}

/** The columns of a LeadView, for `SELECT ${LEAD_COLUMNS} FROM leads l LEFT JOIN users a ON a.id = l.advisor_id`. */
export const LEAD_COLUMNS = `
  l.id, l.reference, l.full_name AS "fullName", l.phone, l.email, l.city, l.state,
  l.course_interest AS "courseInterest", l.level, l.mode, l.budget_paise AS "budgetPaise",
  l.qualification, l.experience_years AS "experienceYears", l.status, l.lost_reason AS "lostReason",
  l.advisor_id AS "advisorId", a.name AS "advisorName", l.source,
  l.utm_source AS "utmSource", l.utm_medium AS "utmMedium", l.utm_campaign AS "utmCampaign",
  l.utm_term AS "utmTerm", l.utm_content AS "utmContent", l.landing_url AS "landingUrl",
  l.consent_whatsapp AS "consentWhatsapp", l.consent_marketing AS "consentMarketing",
  l.consent_at AS "consentAt", l.consent_source AS "consentSource", l.consent_notice_version AS "consentNoticeVersion",
  l.is_minor AS "isMinor", l.guardian_name AS "guardianName", l.guardian_phone AS "guardianPhone", l.referrer,
  l.next_follow_up_at AS "nextFollowUpAt", l.erased_at AS "erasedAt",
  l.created_at AS "createdAt", l.updated_at AS "updatedAt", l.version`;

export const LEAD_FROM = `leads l LEFT JOIN users a ON a.id = l.advisor_id`;
