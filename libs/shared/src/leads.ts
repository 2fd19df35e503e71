/** Vocabulary of leads and the catalogue, shared by the API, the admin panel and the website form. */
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

export const LEAD_SOURCES = ['website', 'walk_in', 'referral', 'phone', 'import', 'social', 'event', 'other'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
  website: 'Website form',
  walk_in: 'Walk-in',
  referral: 'Referral',
  phone: 'Phone',
  import: 'Import',
  social: 'Social media',
  event: 'Event / webinar',
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

export type ActivityType = 'inquiry' | 'note' | 'call' | 'whatsapp' | 'status_change' | 'assignment' | 'task' | 'shortlist' | 'comparison' | 'consent' | 'profile' | 'erasure';
