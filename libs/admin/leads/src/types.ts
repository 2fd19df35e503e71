import type { ActivityType, CallOutcome, LeadMode, LeadSource, LeadStatus, LostReason, ProgramLevel } from '@advisordesk/shared';

/** A lead as `GET /api/leads[/:id]` answers it (times are ISO strings on the wire). */
export interface Lead {
  id: string;
  reference: string;
  fullName: string;
  phone: string | null;
  email: string | null;
  city: string | null;
  state: string | null;
  courseInterest: string | null;
  level: ProgramLevel | null;
  mode: LeadMode | null;
  budgetPaise: number | null;
  qualification: string | null;
  experienceYears: number | null;
  status: LeadStatus;
  lostReason: LostReason | null;
  advisorId: string | null;
  advisorName: string | null;
  source: LeadSource;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  landingUrl: string | null;
  referrer: string | null;
  consentWhatsapp: boolean;
  consentMarketing: boolean;
  consentAt: string | null;
  consentSource: string | null;
  consentNoticeVersion: number | null;
  isMinor: boolean;
  guardianName: string | null;
  guardianPhone: string | null;
  nextFollowUpAt: string | null;
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Only on the lead's own page (`GET /api/leads/:id`); null once erased. */
  unsubscribeUrl?: string | null;
}

/** A follow-up, as `GET /api/tasks` answers it. */
export interface LeadTask {
  id: string;
  leadId: string;
  leadName: string;
  leadPhone: string | null;
  leadStatus: LeadStatus;
  ownerId: string;
  ownerName: string;
  title: string;
  dueAt: string;
  doneAt: string | null;
  done: boolean;
  createdAt: string;
}

/** One entry of a lead's timeline (`GET /api/leads/:id/timeline`, newest first). */
export interface Activity {
  id: number | string;
  type: ActivityType;
  authorId?: string | null;
  authorName: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

/** A form submission, kept as it was received (`GET /api/leads/:id/inquiries`). */
export interface Inquiry {
  id: string;
  receivedAt: string;
  payload: Record<string, unknown>;
  sourceUrl: string | null;
}

export interface StatusChange {
  status: LeadStatus;
  lostReason?: LostReason;
  note?: string;
  version: number;
}

export interface CallLog {
  outcome: CallOutcome;
  note?: string;
}
