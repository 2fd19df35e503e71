/**
 * The applications contract ("application assistance"): a lead's applications to programs, each
 * application's document checklist and files, the student's upload link, payments, and the
 * applications report. Written once, read by the API, the panel and the public upload page.
 */
import { checkStageMove, type LeadStatus, type StageMoveVerdict } from '../lead-status';
import type { Paise } from '../money';
import type { Role } from '../roles';

/** An application's pipeline in order; `enrolled` is final. */
export const APPLICATION_PIPELINE = ['planned', 'documents', 'submitted', 'offer', 'enrolled'] as const;
/** Statuses that close an application before `enrolled` (reopening one is for managers). */
export const APPLICATION_CLOSED_STATUSES = ['rejected', 'withdrawn'] as const;
export const APPLICATION_STATUSES = [...APPLICATION_PIPELINE, ...APPLICATION_CLOSED_STATUSES] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  planned: 'Planned',
  documents: 'Collecting documents',
  submitted: 'Submitted',
  offer: 'Offer received',
  enrolled: 'Enrolled',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const APPLICATION_STATUS_COLORS: Record<ApplicationStatus, string> = {
  planned: 'default',
  documents: 'blue',
  submitted: 'gold',
  offer: 'lime',
  enrolled: 'green',
  rejected: 'red',
  withdrawn: 'volcano',
};

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

/** The same rules as a lead's pipeline: forward may skip, closing from any stage before enrolled, back and reopen for managers. */
export function checkApplicationMove(from: ApplicationStatus, to: ApplicationStatus, role: Role): StageMoveVerdict {
  return checkStageMove<ApplicationStatus>(APPLICATION_PIPELINE, from, to, role);
}

/** The statuses a user of this role may move an application in `from` to (for menus). */
export function allowedApplicationTargets(from: ApplicationStatus, role: Role): ApplicationStatus[] {
  return APPLICATION_STATUSES.filter((to) => checkApplicationMove(from, to, role).allowed);
}

/**
 * The lead status an application's status brings its lead to (the lead follows its furthest
 * application and never moves back by it): the first `submitted` makes the lead `applied`, an
 * `offer` makes it `admitted`, `enrolled` makes it `enrolled`.
 */
export const LEAD_STATUS_FOR_APPLICATION: Partial<Record<ApplicationStatus, LeadStatus>> = {
  submitted: 'applied',
  offer: 'admitted',
  enrolled: 'enrolled',
};

/** Statuses that count as "submitted or later" and "offer or later" in the report. */
export const APPLICATION_SUBMITTED_OR_LATER: readonly ApplicationStatus[] = ['submitted', 'offer', 'enrolled'];
export const APPLICATION_OFFER_OR_LATER: readonly ApplicationStatus[] = ['offer', 'enrolled'];
/** Still being worked on: deadlines and missing documents matter only for these. */
export const APPLICATION_OPEN_STATUSES: readonly ApplicationStatus[] = ['planned', 'documents', 'submitted', 'offer'];

export const APPLICATION_LIMITS = { universityApplicationNo: 80, note: 2000, documentLabel: 120, paymentReference: 120, documentNote: 500 } as const;

/** An application on the wire (`GET /api/applications`, `GET /api/applications/:id`). */
export interface ApplicationView<Time = string> {
  id: string;
  leadId: string;
  leadName: string;
  advisorId: string | null;
  advisorName: string | null;
  programId: string;
  programName: string;
  universityId: string;
  universityName: string;
  /** The academic session, e.g. `2026-27`. */
  session: string;
  status: ApplicationStatus;
  universityApplicationNo: string | null;
  /** A calendar day (`YYYY-MM-DD`, Asia/Kolkata). */
  deadline: string | null;
  note: string | null;
  /** Required documents still missing or rejected. */
  documentsMissing: number;
  /** Uploaded documents waiting for review. */
  documentsToReview: number;
  /** Everything paid on this application, in paise. */
  paidPaise: Paise;
  /** The total of the program's fee structure for this session (null: none in the catalogue). */
  feeTotalPaise: Paise | null;
  createdAt: Time;
  updatedAt: Time;
  version: number;
}

/**
 * The applications list's filters (`GET /api/applications`, simple-rest style): `status` repeatable,
 * `deadline_gte`/`deadline_lte` calendar days, `documentsMissing=true` (a required document still
 * missing or rejected), `documentsToReview=true`, `q` over the lead's name and the application number.
 */
export const APPLICATION_FILTERS = [
  'leadId',
  'programId',
  'universityId',
  'status',
  'advisorId',
  'deadline',
  'documentsMissing',
  'documentsToReview',
  'q',
] as const;
export const APPLICATION_SORTS = ['createdAt', 'updatedAt', 'deadline', 'status', 'leadName', 'universityName'] as const;

/** `POST /api/leads/:id/applications`. */
export interface CreateApplicationBody {
  programId: string;
  /** Default: the session of the program's current fee structure. */
  session?: string;
  deadline?: string | null;
  universityApplicationNo?: string | null;
  note?: string | null;
}

/** `PATCH /api/applications/:id`. */
export interface UpdateApplicationBody {
  session?: string;
  deadline?: string | null;
  universityApplicationNo?: string | null;
  note?: string | null;
  version: number;
}

/** `POST /api/applications/:id/status`. */
export interface ApplicationStatusBody {
  status: ApplicationStatus;
  note?: string;
  version: number;
}

// ---------------------------------------------------------------------------------------------
// Documents

/** What a document is; a checklist item's `kind`. */
export const DOCUMENT_KINDS = [
  'photo',
  'id_proof',
  'marksheet_10',
  'marksheet_12',
  'graduation_marksheet',
  'postgraduation_marksheet',
  'work_experience',
  'category_certificate',
  'migration_certificate',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  photo: 'Passport-size photo',
  id_proof: 'ID proof (Aadhaar, passport or PAN)',
  marksheet_10: '10th mark sheet',
  marksheet_12: '12th mark sheet',
  graduation_marksheet: 'Graduation mark sheet',
  postgraduation_marksheet: 'Post-graduation mark sheet',
  work_experience: 'Work-experience letter',
  category_certificate: 'Category certificate',
  migration_certificate: 'Migration certificate',
  other: 'Other document',
};

export interface ChecklistItem {
  kind: DocumentKind;
  label: string;
  required: boolean;
}

/** The checklist an application gets when its program has none of its own (managers may change it). */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  { kind: 'photo', label: DOCUMENT_KIND_LABELS.photo, required: true },
  { kind: 'id_proof', label: DOCUMENT_KIND_LABELS.id_proof, required: true },
  { kind: 'marksheet_10', label: DOCUMENT_KIND_LABELS.marksheet_10, required: true },
  { kind: 'marksheet_12', label: DOCUMENT_KIND_LABELS.marksheet_12, required: true },
  { kind: 'graduation_marksheet', label: 'Graduation mark sheet (PG programs)', required: false },
  { kind: 'work_experience', label: 'Work-experience letter (if any)', required: false },
];
export const CHECKLIST_MAX_ITEMS = 30;

/**
 * `GET|PUT /api/checklists/default` and `GET|PUT /api/programs/:id/checklist`: the items, and for a
 * program whether it has its own (`custom`; false: it uses the default). `PUT {items: null}` on a
 * program goes back to the default.
 */
export interface ChecklistView {
  programId: string | null;
  custom: boolean;
  items: ChecklistItem[];
}

export const DOCUMENT_STATUSES = ['missing', 'uploaded', 'verified', 'rejected'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  missing: 'Missing',
  uploaded: 'To review',
  verified: 'Verified',
  rejected: 'Rejected',
};

export const DOCUMENT_STATUS_COLORS: Record<DocumentStatus, string> = {
  missing: 'default',
  uploaded: 'blue',
  verified: 'green',
  rejected: 'red',
};

/** A document still needed from the student: nothing uploaded yet, or the upload was rejected. */
export function documentStillNeeded(status: DocumentStatus): boolean {
  return status === 'missing' || status === 'rejected';
}

/** What a file may be: decided by its first bytes, never by its name or the browser's word. */
export const UPLOAD_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];
/** 10 MB: a phone photo of a mark sheet is 2–5 MB. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** The multipart field that carries the file. */
export const UPLOAD_FIELD = 'file';

/** One checklist item of an application (`GET /api/applications/:id/documents`). */
export interface DocumentView<Time = string> {
  id: string;
  applicationId: string;
  kind: DocumentKind;
  label: string;
  required: boolean;
  status: DocumentStatus;
  fileName: string | null;
  contentType: UploadContentType | null;
  size: number | null;
  uploadedAt: Time | null;
  /** Who uploaded: staff in the panel, or the student through their link. */
  uploadedVia: 'staff' | 'student' | null;
  reviewedById: string | null;
  reviewedByName: string | null;
  reviewedAt: Time | null;
  /** The reviewer's note (why it was rejected). */
  note: string | null;
}

/** `POST /api/applications/:id/documents`: a document the checklist did not have (the university asked for it). */
export interface AddDocumentBody {
  kind: DocumentKind;
  label: string;
  required: boolean;
}

/** `POST /api/applications/:id/documents/:docId/review`. */
export interface ReviewDocumentBody {
  status: 'verified' | 'rejected';
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// The student's upload link

export const UPLOAD_LINK_VALID_DAYS = 7;

/** `POST /api/applications/:id/upload-link`. */
export interface UploadLinkView<Time = string> {
  token: string;
  /** The phone-sized page: `<PUBLIC_URL>/u/<token>`. */
  url: string;
  expiresAt: Time;
  /** A ready message for click-to-chat (`https://wa.me/…?text=`), as for comparisons. */
  whatsappUrl: string | null;
}

/** `GET /api/public/uploads/:token`: nothing about the lead but the first name. */
export interface PublicUploadView {
  firstName: string;
  program: string;
  university: string;
  documents: { id: string; label: string; required: boolean; status: DocumentStatus }[];
  expiresAt: string;
}

// ---------------------------------------------------------------------------------------------
// Payments

export const PAYMENT_KINDS = ['application_fee', 'tuition', 'other'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = {
  application_fee: 'Application fee',
  tuition: 'Tuition',
  other: 'Other',
};

/** `POST /api/applications/:id/payments`. */
export interface PaymentBody {
  kind: PaymentKind;
  amountPaise: Paise;
  /** A calendar day (`YYYY-MM-DD`, Asia/Kolkata), not in the future. */
  paidAt: string;
  reference: string;
}

export interface PaymentView<Time = string> {
  id: string;
  applicationId: string;
  kind: PaymentKind;
  amountPaise: Paise;
  paidAt: string;
  reference: string | null;
  recordedById: string | null;
  recordedByName: string | null;
  createdAt: Time;
}

// ---------------------------------------------------------------------------------------------
// The report

export const APPLICATION_REPORT_GROUP_BY = ['university', 'program', 'advisor'] as const;
export type ApplicationReportGroupBy = (typeof APPLICATION_REPORT_GROUP_BY)[number];

export const APPLICATION_REPORT_GROUP_LABELS: Record<ApplicationReportGroupBy, string> = {
  university: 'University',
  program: 'Program',
  advisor: 'Advisor',
};

/** One group: applications made in the period, how many reached submitted (or later), an offer (or enrolled), enrolled. */
export interface ApplicationReportRow {
  key: string;
  label: string;
  applications: number;
  submitted: number;
  offers: number;
  enrolled: number;
  /** offers / submitted; null when none was submitted. */
  offerRate: number | null;
}

/** `GET /api/reports/applications?from&to&groupBy=`. */
export interface ApplicationReport {
  groupBy: ApplicationReportGroupBy;
  rows: ApplicationReportRow[];
}

/** The filter of the applications list a report row drills into (`universityId=…`, `programId=…`, `advisorId=…`). */
export const APPLICATION_REPORT_DRILL_FILTER: Record<ApplicationReportGroupBy, 'universityId' | 'programId' | 'advisorId'> = {
  university: 'universityId',
  program: 'programId',
  advisor: 'advisorId',
};
