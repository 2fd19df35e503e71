/**
 * Data protection (India's DPDP Act 2023 and Rules 2025): the rights requests a person makes on
 * `/privacy`, the retention of inactive leads, a minor's guardian, and the breach register.
 */

/** What a person may ask for (DPDP Act ss. 11–14). */
export const DATA_REQUEST_KINDS = ['access', 'correction', 'erasure', 'withdrawal', 'nomination'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];
export const DATA_REQUEST_KIND_LABELS: Record<DataRequestKind, string> = {
  access: 'A summary of my data',
  correction: 'Correct my data',
  erasure: 'Erase my data',
  withdrawal: 'Withdraw my consent',
  nomination: 'Name a nominee',
};

/** `unverified` until the code is given (or staff called); `open` in the queue; then `done` or `refused`. */
export const DATA_REQUEST_STATUSES = ['unverified', 'open', 'done', 'refused'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];
export const DATA_REQUEST_STATUS_LABELS: Record<DataRequestStatus, string> = {
  unverified: 'Not verified',
  open: 'Open',
  done: 'Done',
  refused: 'Refused',
};

/** How the person is asked to prove the number is theirs: a code on WhatsApp, a code by email, or a call from staff. */
export const DATA_REQUEST_VERIFICATIONS = ['whatsapp', 'email', 'staff'] as const;
export type DataRequestVerification = (typeof DATA_REQUEST_VERIFICATIONS)[number];

/** Five wrong codes end the request; a code lasts this long. */
export const VERIFICATION_CODE_ATTEMPTS = 5;
export const VERIFICATION_CODE_MINUTES = 15;
export const VERIFICATION_CODE_LENGTH = 6;
export const DATA_REQUEST_MESSAGE_MAX_LENGTH = 2000;
/** Days to answer a request (the Rules leave the period to the fiduciary's published terms; 30 by default). */
export const DEFAULT_DATA_REQUEST_DUE_DAYS = 30;

/** `POST /api/public/data-requests`. A nomination names the nominee. */
export interface DataRequestBody {
  phone: string;
  kind: DataRequestKind;
  message?: string;
  nominee?: { name: string; phone: string };
}

/** `202`: the same whether or not the phone is a lead's. */
export interface DataRequestAccepted {
  reference: string;
  verification: DataRequestVerification;
}

/** `POST /api/public/data-requests/:reference/verify {code}` → 200. */
export interface DataRequestVerified {
  reference: string;
  status: 'open';
  dueAt: string;
}

/** What staff resolve a request with: it was done (for an erasure or a withdrawal, resolving does it) or refused, with a note. */
export const DATA_REQUEST_OUTCOMES = ['done', 'refused'] as const;
export type DataRequestOutcome = (typeof DATA_REQUEST_OUTCOMES)[number];
export const DATA_REQUEST_NOTE_MAX_LENGTH = 2000;

/** `GET /api/data-requests` (admins and managers; simple-rest list: `status`, `kind`, `_sort=dueAt|createdAt`). */
export interface DataRequestView<Time = string> {
  id: string;
  reference: string;
  kind: DataRequestKind;
  status: DataRequestStatus;
  verification: DataRequestVerification;
  /** The lead the phone belongs to; null when it is nobody's (the answer is then "we hold nothing"). */
  leadId: string | null;
  leadName: string | null;
  /** The phone as given, shown to staff so they can call; null once the person's data is erased. */
  phone: string | null;
  message: string | null;
  nominee: { name: string; phone: string } | null;
  dueAt: Time | null;
  createdAt: Time;
  verifiedAt: Time | null;
  resolvedAt: Time | null;
  resolvedById: string | null;
  resolvedByName: string | null;
  outcome: DataRequestOutcome | null;
  note: string | null;
}

/** `POST /api/data-requests/:id/resolve`. */
export interface ResolveDataRequestBody {
  outcome: DataRequestOutcome;
  note: string;
}

/** `POST /api/data-requests/:id/verify {note}`: staff called the person and confirmed it is them (verification `staff`). */
export interface StaffVerifyDataRequestBody {
  note: string;
}

/**
 * `GET /api/data-requests/:id/summary` (HTML, printable; also `?format=json`): what is held about
 * the person, in words: the profile, consents and their notice, inquiries, activities by kind,
 * messages, applications, documents and payments, and with whom it was shared.
 */
export interface DataSummary<Time = string> {
  generatedAt: Time;
  person: Record<string, string | null>;
  consents: { whatsapp: boolean; marketing: boolean; noticeVersion: number | null; language: string | null; source: string | null };
  sections: { title: string; count: number; items: string[] }[];
}

/** `GET|PUT /api/settings/retention` (admins). */
export interface RetentionSettings {
  /** Months with no inquiry, message or activity after which a lead that did not enrol is erased. */
  inactiveMonths: number;
  /** Months after enrolment (their last activity) after which an enrolled student's record is erased. */
  enrolledMonths: number;
  enabled: boolean;
  /** Days to answer a rights request. */
  requestDueDays: number;
}
export const DEFAULT_RETENTION: RetentionSettings = {
  inactiveMonths: 36,
  enrolledMonths: 84,
  enabled: false,
  requestDueDays: DEFAULT_DATA_REQUEST_DUE_DAYS,
};
export const RETENTION_MONTHS_MIN = 1;
export const RETENTION_MONTHS_MAX = 240;
/** The person is warned this long before the erasure, where a channel exists. */
export const RETENTION_WARNING_HOURS = 48;

/** `GET /api/settings/retention` also answers what the job did and will do. */
export interface RetentionStatus<Time = string> extends RetentionSettings {
  /** Leads warned and due for erasure once their 48 hours pass. */
  warned: number;
  /** Leads that would be warned at the next run. */
  dueSoon: number;
  /** Erasures by retention, by month (IST), for reports: the last 12 months. */
  erasedByMonth: { month: string; count: number }[];
  lastRunAt: Time | null;
}

/** `POST /api/leads/:id/guardian/code` → 202: where the code went and until when it works. */
export interface GuardianCodeSent<Time = string> {
  sentVia: 'whatsapp';
  expiresAt: Time;
}

/** `POST /api/leads/:id/guardian/verify`: the code the guardian read back, or a call staff made. */
export type GuardianVerifyBody = { code: string } | { call: true; note: string };

/** Breach register: `GET|POST /api/breaches`, `GET|PATCH /api/breaches/:id` (admins). */
export const BREACH_STATUSES = ['open', 'reported', 'closed'] as const;
export type BreachStatus = (typeof BREACH_STATUSES)[number];
/** The Board's detailed report is due 72 hours after the breach became known (DPDP Rules 2025, rule 7). */
export const BREACH_REPORT_HOURS = 72;
/** The lengths the register keeps (the table's checks), and how many leads a breach may name one by one. */
export const BREACH_LIMITS = { description: 5000, dataConcerned: 2000, measures: 5000 } as const;
export const BREACH_MAX_LEAD_IDS = 10_000;

export interface BreachBody {
  /** When the breach became known (ISO time). */
  discoveredAt: string;
  /** What happened, its nature and extent. */
  description: string;
  /** The personal data concerned. */
  dataConcerned: string;
  /** Whose data: these leads, or every lead whose record was created in a period. */
  leadIds?: string[];
  createdFrom?: string;
  createdTo?: string;
  /** What was done to contain it, and what people can do to protect themselves. */
  measures: string;
}

export interface BreachView<Time = string> extends Required<Pick<BreachBody, 'description' | 'dataConcerned' | 'measures'>> {
  id: string;
  discoveredAt: Time;
  /** discoveredAt + 72 h. */
  reportDueAt: Time;
  status: BreachStatus;
  affectedCount: number;
  reportedAt: Time | null;
  createdAt: Time;
  createdByName: string | null;
  version: number;
}

/** `GET /api/breaches/:id`: the affected people, and the drafts. */
export interface BreachDetail<Time = string> extends BreachView<Time> {
  affected: { leadId: string; fullName: string; phone: string | null; email: string | null }[];
  /** The notice to each affected person (rule 7(1)), with `{name}` for their name. */
  personNotice: string;
  /** The outline of the report to the Board (rule 7(2)). */
  boardReport: string;
}

/** The public page where a person makes a rights request, linked from every page and form sent to students. */
export const PRIVACY_PAGE_PATH = '/privacy';
