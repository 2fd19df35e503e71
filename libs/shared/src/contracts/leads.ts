/**
 * The leads contract: the vocabulary of leads, what the API answers for a lead, a follow-up and a
 * timeline entry, what it takes, and the one table of the lead's fields that the list's filters and
 * sorts, the view's columns, the profile edit and the CSV export are all derived from.
 */
import { LEAD_STATUSES, LOST_REASONS, type LeadStatus, type LostReason } from '../lead-status';

/** A program's level, and the level a lead asks for. */
export const PROGRAM_LEVELS = ['UG', 'PG', 'diploma', 'certificate', 'micro-credential', 'nano-degree'] as const;
export type ProgramLevel = (typeof PROGRAM_LEVELS)[number];

export const PROGRAM_LEVEL_LABELS: Record<ProgramLevel, string> = {
  UG: 'UG degree',
  PG: 'PG degree',
  diploma: 'Diploma',
  certificate: 'Certificate',
  'micro-credential': 'Micro-credential',
  'nano-degree': 'Nano-degree',
};

export const LEAD_MODES = ['online', 'distance', 'regular', 'hybrid'] as const;
export type LeadMode = (typeof LEAD_MODES)[number];

/** How a study mode reads, for leads and programs alike. */
export const LEAD_MODE_LABELS: Record<LeadMode, string> = {
  online: 'Online',
  distance: 'Distance',
  regular: 'Regular (on campus)',
  hybrid: 'Hybrid',
};

export const LEAD_SOURCES = ['website', 'walk_in', 'referral', 'phone', 'import', 'social', 'event', 'whatsapp', 'other'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
  website: 'Website form',
  walk_in: 'Walk-in',
  referral: 'Referral',
  phone: 'Phone',
  import: 'Import',
  social: 'Social media',
  event: 'Event / webinar',
  whatsapp: 'WhatsApp',
  other: 'Other',
};

export const CALL_OUTCOMES = ['connected', 'no_answer', 'busy', 'switched_off', 'wrong_number', 'call_back_later'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  connected: 'Connected',
  no_answer: 'No answer',
  busy: 'Busy',
  switched_off: 'Switched off',
  wrong_number: 'Wrong number',
  call_back_later: 'Asked to call back later',
};

/**
 * How a follow-up ended: a call's outcome, or "not interested", or done some other way (a message
 * sent, a meeting held). What each proposes next is `nextStepFor` in `libs/shared/src/follow-up-outcome.ts`.
 */
export const FOLLOW_UP_OUTCOMES = [...CALL_OUTCOMES, 'not_interested', 'done'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export const FOLLOW_UP_OUTCOME_LABELS: Record<FollowUpOutcome, string> = {
  ...CALL_OUTCOME_LABELS,
  not_interested: 'Not interested',
  done: 'Done (other)',
};

/** Field limits of the Quick Inquiry form, the same in the browser and on the server. */
export const INQUIRY_LIMITS = {
  fullName: 120,
  email: 254,
  city: 80,
  state: 80,
  courseInterest: 200,
  message: 2000,
  url: 2000,
  utm: 200,
  idempotencyKey: 100,
} as const;

export const NOTE_MAX_LENGTH = 5000;
export const MAX_BUDGET_PAISE = 10_00_00_000_00; // ₹10 crore

export type ActivityType =
  | 'inquiry'
  | 'note'
  | 'call'
  | 'whatsapp'
  | 'status_change'
  | 'assignment'
  | 'task'
  | 'shortlist'
  | 'comparison'
  | 'consent'
  | 'profile'
  | 'erasure'
  | 'transfer_request'
  /** An application's life: created, status, a document uploaded or reviewed, a payment (`data.action`). */
  | 'application'
  /** Another lead of the same person merged into this one (`MergeActivityData` of the lead-merge contract). */
  | 'merge'
  /** Data protection (`data.action`): `request` received for this person, `resolved`, `nominee` recorded, `guardian` verified. */
  | 'privacy';

/** How staff took a person's consent themselves (the website form records its own). */
export const CONSENT_CHANNELS = ['in_person', 'phone', 'email'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const CONSENT_CHANNEL_LABELS: Record<ConsentChannel, string> = {
  in_person: 'In person',
  phone: 'By phone',
  email: 'By email',
};

/**
 * Times are ISO 8601 strings on the wire (`Time = string`, the default); the API builds its answers
 * from the database's `Date`s (`LeadView<Date>`), which JSON turns into those strings.
 */

/** A lead on the wire: the names fixed by the spec, plus its reference and advisor's name. */
export interface LeadView<Time = string> {
  id: string;
  reference: string;
  fullName: string;
  phone: string | null;
  /** The phones of leads merged into this one (E.164): an inquiry or WhatsApp message from one lands here. */
  alternatePhones: string[];
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
  consentWhatsapp: boolean;
  consentMarketing: boolean;
  consentAt: Time | null;
  consentSource: string | null;
  consentNoticeVersion: number | null;
  /** The language the website form's consent was given in (`en`, `hi`, …). */
  consentLanguage: string | null;
  isMinor: boolean;
  guardianName: string | null;
  guardianPhone: string | null;
  /** A minor's guardian gave verifiable consent (a code to their phone, or a call staff recorded): when, and who verified it. Until then the lead is contact-only. */
  guardianVerifiedAt: Time | null;
  guardianVerifiedById: string | null;
  referrer: string | null;
  nextFollowUpAt: Time | null;
  /** The student's last WhatsApp message + 24 h: free text may be sent until then, templates after (null: never wrote). */
  whatsappWindowEndsAt: Time | null;
  /** The WhatsApp conversation's last message is from the student ("replied, unanswered"). */
  whatsappUnanswered: boolean;
  /** Speed to lead: when a new lead should be first contacted (arrival + FIRST_CONTACT_SLA_MINUTES in working hours; set within a minute of arrival). */
  firstContactDueAt: Time | null;
  erasedAt: Time | null;
  createdAt: Time;
  updatedAt: Time;
  version: number;
}

/** `GET /api/leads/:id`: also the link that stops our messages to them (never in lists or exports; null once erased). */
export interface LeadDetailView<Time = string> extends LeadView<Time> {
  unsubscribeUrl: string | null;
  /** The latest consent event (null before any): who recorded it, when and how. */
  consentRecord: ConsentRecordView<Time> | null;
}

/** How a lead field's cell reads in the CSV export (see `LEAD_EXPORT_COLUMNS`). */
export type LeadExportFormat =
  /** Typed by a person: a cell a spreadsheet would run as a formula is made inert. */
  | 'text'
  /** As stored (generated values, enums, numbers). */
  | 'plain'
  /** E.164 digits without the '+', so no sheet reads it as a formula (for tools that match on the whole number). */
  | 'phone'
  /** The same digits with spaces, `91 90021 51709`: a spreadsheet keeps it as text, WhatsApp and campaign tools read the digits. */
  | 'phoneSpaced'
  /** The first word of a person-typed name (see `firstNameOf`), made inert like text. */
  | 'firstName'
  /** Integer paise as whole rupees. */
  | 'rupees'
  | 'yesNo'
  /** ISO 8601 in Asia/Kolkata: 2026-04-01T09:30:00+05:30. */
  | 'time';

export interface LeadExportSpec {
  header?: string;
  as: LeadExportFormat;
}

/**
 * The first name a campaign greets someone by: the first word of the full name, without a
 * trailing comma (`Sharma, Rohit` → `Sharma`). The export writes it in SQL with this same pattern.
 */
export const FIRST_NAME_PATTERN = '^[^\\s,]+';

export function firstNameOf(fullName: string | null | undefined): string {
  return (fullName ?? '').trim().match(new RegExp(FIRST_NAME_PATTERN))?.[0] ?? '';
}

/** What the API and the admin need to know about one field of a lead. */
export interface LeadFieldSpec {
  /** `textArray`: a `text[]` column (a filter on it means "contains"). */
  type: 'text' | 'uuid' | 'enum' | 'int' | 'bool' | 'timestamp' | 'textArray';
  values?: readonly string[];
  /** Never null (sorted without a NULLS clause, so an index on it gives the order). */
  required?: true;
  /** A lead list filter (`field=`, `_ne`, `_gte`, `_lte`, `_like`); reports and the export take the same. */
  filter?: true;
  /** The lead list sorts by it (`_sort=`): the leads migration has the index that gives the order. */
  sort?: true;
  /** Staff edit it with `PATCH /api/leads/:id` (status, advisor and consent change through their own actions). */
  profile?: true;
  /** Columns of the CSV export, in this table's order: each one's header (the field's name unless given) and how it reads. */
  export?: LeadExportSpec | readonly LeadExportSpec[];
}

const text = { type: 'text' } as const;
/**
 * Export formats: a cell can start a formula only if a person typed it, so `inert` (the apostrophe
 * check, a cost on every row) is for free text only: names, e-mails (a valid address may start with
 * = + -), city, state, course, qualification, the advisor's name and the UTM tags. `plain` is safe
 * where every write constrains the value: enums (checked by the database), generated references
 * (`AD-…`), numbers, and the landing page, which only intake writes, as an http(s) address.
 */
const inert = { as: 'text' } as const;
const plain = { as: 'plain' } as const;
const time = { as: 'time' } as const;

/**
 * Every field of a lead, once, in the order the API answers them. The lead list's filters and
 * sorts, the columns the API selects (`l.<field in snake_case>`), the profile edit and the CSV
 * export's columns are derived from this table: a new lead field is a migration, a line here (and
 * in `LeadView`) and the screens that show it.
 */
export const LEAD_FIELDS = {
  id: { type: 'uuid', required: true, filter: true },
  reference: { ...text, required: true, filter: true, sort: true, export: plain },
  fullName: { ...text, required: true, filter: true, sort: true, profile: true, export: [inert, { header: 'firstName', as: 'firstName' }] },
  phone: { ...text, filter: true, profile: true, export: [{ as: 'phone' }, { header: 'phoneText', as: 'phoneSpaced' }] },
  alternatePhones: { type: 'textArray', required: true },
  email: { ...text, filter: true, profile: true, export: inert },
  city: { ...text, filter: true, sort: true, profile: true, export: inert },
  state: { ...text, filter: true, sort: true, profile: true, export: inert },
  courseInterest: { ...text, filter: true, profile: true, export: inert },
  level: { type: 'enum', values: PROGRAM_LEVELS, filter: true, sort: true, profile: true, export: plain },
  mode: { type: 'enum', values: LEAD_MODES, filter: true, sort: true, profile: true, export: plain },
  budgetPaise: { type: 'int', filter: true, sort: true, profile: true, export: { header: 'budgetInr', as: 'rupees' } },
  qualification: { ...text, filter: true, profile: true, export: inert },
  experienceYears: { type: 'int', filter: true, sort: true, profile: true, export: plain },
  status: { type: 'enum', values: LEAD_STATUSES, required: true, filter: true, sort: true, export: plain },
  lostReason: { type: 'enum', values: LOST_REASONS, filter: true, export: plain },
  advisorId: { type: 'uuid', filter: true },
  advisorName: { ...text, export: { header: 'advisor', as: 'text' } },
  source: { type: 'enum', values: LEAD_SOURCES, required: true, filter: true, sort: true, export: plain },
  utmSource: { ...text, filter: true, sort: true, export: inert },
  utmMedium: { ...text, filter: true, export: inert },
  utmCampaign: { ...text, filter: true, sort: true, export: inert },
  utmTerm: { ...text, filter: true, export: inert },
  utmContent: { ...text, filter: true, export: inert },
  landingUrl: { ...text, filter: true, export: plain },
  consentWhatsapp: { type: 'bool', required: true, filter: true, export: { as: 'yesNo' } },
  consentMarketing: { type: 'bool', required: true, filter: true, export: { as: 'yesNo' } },
  consentAt: { type: 'timestamp', filter: true, export: time },
  consentSource: text,
  consentNoticeVersion: { type: 'int' },
  consentLanguage: text,
  isMinor: { type: 'bool', required: true },
  guardianName: text,
  guardianPhone: text,
  guardianVerifiedAt: { type: 'timestamp' },
  guardianVerifiedById: { type: 'uuid' },
  referrer: text,
  nextFollowUpAt: { type: 'timestamp', filter: true, sort: true, export: time },
  whatsappWindowEndsAt: { type: 'timestamp', filter: true, sort: true },
  whatsappUnanswered: { type: 'bool', required: true, filter: true },
  firstContactDueAt: { type: 'timestamp', filter: true, sort: true },
  erasedAt: { type: 'timestamp' },
  createdAt: { type: 'timestamp', required: true, filter: true, sort: true, export: time },
  updatedAt: { type: 'timestamp', required: true, filter: true, sort: true, export: time },
  version: { type: 'int', required: true },
} as const satisfies { [K in keyof LeadView]: LeadFieldSpec };

export type LeadField = keyof typeof LEAD_FIELDS;

type LeadFieldsWith<Flag extends 'filter' | 'sort' | 'profile'> = {
  [K in LeadField]: (typeof LEAD_FIELDS)[K] extends Record<Flag, true> ? K : never;
}[LeadField];

function leadFieldsWith<Flag extends 'filter' | 'sort' | 'profile'>(flag: Flag): LeadFieldsWith<Flag>[] {
  return (Object.keys(LEAD_FIELDS) as LeadField[]).filter((name) => (LEAD_FIELDS[name] as LeadFieldSpec)[flag]) as LeadFieldsWith<Flag>[];
}

/** The lead list's filter names (also the report and export filters); besides them `q` searches and `erased=true` shows erased people. */
export const LEAD_FILTER_FIELDS = leadFieldsWith('filter');
export const LEAD_SORT_FIELDS = leadFieldsWith('sort');

/** What staff may edit on a lead (`PATCH /api/leads/:id`). */
export type LeadProfileField = LeadFieldsWith<'profile'>;
export const LEAD_PROFILE_FIELDS = leadFieldsWith('profile');
export type LeadProfile = Pick<LeadView, LeadProfileField>;

/** `POST /api/leads`: a lead entered by hand (walk-in, phone call, referral). */
export type CreateLeadBody = Partial<Omit<LeadProfile, 'fullName' | 'phone'>> & {
  fullName: string;
  phone: string;
  source: LeadSource;
  utmCampaign?: string | null;
  /** Consent the person gave staff while the lead was entered (a walk-in agreeing to WhatsApp); `consentChannel` says how. */
  consentWhatsapp?: boolean;
  consentMarketing?: boolean;
  consentChannel?: ConsentChannel;
};

/** `PATCH /api/leads/:id`: the fields to change (`null` clears one) and the version last read (stale: 409). */
export type UpdateLeadBody = Partial<Omit<LeadProfile, 'phone'>> & { phone?: string; version: number };

/** `POST /api/leads/:id/status`. */
export interface StatusChangeBody {
  status: LeadStatus;
  lostReason?: LostReason;
  note?: string;
  version: number;
}

/** `POST /api/leads/:id/assign` (managers and admins). */
export interface AssignBody {
  advisorId: string;
}

/** `POST /api/leads/:id/notes` and `/whatsapp` (a message sent, for the timeline). */
export interface NoteBody {
  text: string;
}

/** The follow-up to schedule next, in the same request that closes one (`PATCH /api/tasks/:id`, `POST /api/leads/:id/calls`). */
export interface NextFollowUpBody {
  /** ISO 8601, e.g. `2026-12-01T10:30:00+05:30`. */
  dueAt: string;
  title?: string;
}

/**
 * `POST /api/leads/:id/calls`. The lead's open follow-ups due by now are closed with the call's
 * outcome, and `next` (if given) is scheduled, in one transaction.
 */
export interface CallBody {
  outcome: CallOutcome;
  note?: string;
  next?: NextFollowUpBody;
}

/** What `POST /api/leads/:id/calls` answers: the timeline entry, the follow-ups it closed and the one it scheduled. */
export interface CallLoggedView<Time = string> extends ActivityView<Time> {
  closedFollowUps: TaskView<Time>[];
  nextFollowUp: TaskView<Time> | null;
}

/** `GET|PATCH /api/settings/assignment`. */
export interface AssignmentSettings {
  autoAssign: boolean;
}

/** A follow-up, as `GET /api/tasks` answers it. */
export interface TaskView<Time = string> {
  id: string;
  leadId: string;
  leadName: string;
  leadPhone: string | null;
  leadStatus: LeadStatus;
  ownerId: string;
  ownerName: string;
  title: string;
  dueAt: Time;
  doneAt: Time | null;
  done: boolean;
  /** How it ended (null while open). */
  outcome: FollowUpOutcome | null;
  /** The follow-up whose completion scheduled this one, if any (undoing that completion cancels this one). */
  followsTaskId: string | null;
  createdAt: Time;
}

/** `POST /api/tasks`. */
export interface CreateTaskBody {
  leadId: string;
  /** ISO 8601, e.g. `2026-12-01T10:30:00+05:30`. */
  dueAt: string;
  title?: string;
}

/**
 * `PATCH /api/tasks/:id`: `done: true` marks it done with its `outcome` (default `done`), an optional
 * `note` (on the timeline) and `next`, the follow-up to schedule, all in one transaction.
 * `done: false` reopens it (undo) and cancels the follow-up its completion scheduled, if still open.
 */
export interface UpdateTaskBody {
  dueAt?: string;
  title?: string;
  done?: boolean;
  outcome?: FollowUpOutcome;
  note?: string;
  next?: NextFollowUpBody;
}

/**
 * `GET /api/team/summary` (managers and admins): per active advisor, as of now, their open leads
 * by status, the open ones with no next step, and their overdue follow-ups.
 */
export interface TeamMemberSummary {
  advisorId: string;
  advisorName: string;
  /** Open leads (not enrolled, not lost) assigned to them, by status; a status with none is 0. */
  openByStatus: Record<LeadStatus, number>;
  openLeads: number;
  /** Open leads with no open follow-up. */
  noNextStep: number;
  /** Their follow-ups past due and not done. */
  overdueFollowUps: number;
}

/** One entry of a lead's timeline (`GET /api/leads/:id/timeline`, newest first). */
export interface ActivityView<Time = string> {
  id: number;
  leadId: string;
  type: ActivityType;
  authorId: string | null;
  authorName: string | null;
  data: Record<string, unknown>;
  createdAt: Time;
}

/** A form submission, kept as it was received (`GET /api/leads/:id/inquiries`). */
export interface InquiryView<Time = string> {
  id: string;
  leadId: string;
  receivedAt: Time;
  payload: Record<string, unknown>;
  sourceUrl: string | null;
}

/**
 * `POST /api/leads/:id/consent`: consent given to staff in person, by phone or by email. At least
 * one of `whatsapp` / `marketing`; `false` withdraws it. `version` is the lead's, as last read.
 */
export interface RecordConsentBody {
  whatsapp?: boolean;
  marketing?: boolean;
  channel: ConsentChannel;
  note?: string;
  version: number;
}

/** The lead's latest consent event, for its consent card: who recorded it, when and how. */
export interface ConsentRecordView<Time = string> {
  /** `form` (the website's Quick Inquiry), `link` (the unsubscribe link), `staff` (recorded by a colleague). */
  via: 'form' | 'link' | 'staff' | 'whatsapp';
  channel: ConsentChannel | null;
  recordedById: string | null;
  recordedByName: string | null;
  note: string | null;
  at: Time;
}

export const TRANSFER_OUTCOMES = ['approved', 'declined'] as const;
export type TransferOutcome = (typeof TRANSFER_OUTCOMES)[number];

/** `POST /api/leads/:id/transfer-requests`: ask the lead's owner and the managers to hand it over. */
export interface TransferRequestBody {
  note?: string;
}

/** `POST /api/transfer-requests/:id/decline` (and `/approve`, which takes no note). */
export interface TransferDecisionBody {
  note?: string;
}

/** A request to take over someone's lead (`GET /api/transfer-requests`: the open ones the user may act on or made). */
export interface TransferRequestView<Time = string> {
  id: string;
  leadId: string;
  leadReference: string;
  /** Only for someone who may open the lead (its owner, managers); the requester may not yet. */
  leadName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  requestedById: string;
  requestedByName: string;
  note: string | null;
  createdAt: Time;
  resolvedAt: Time | null;
  resolvedById: string | null;
  outcome: TransferOutcome | null;
  resolutionNote: string | null;
}
