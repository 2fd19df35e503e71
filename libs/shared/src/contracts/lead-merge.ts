/**
 * The lead-merge contract: likely duplicates of a lead (`GET /api/leads/:id/duplicates`) and the
 * merge of another lead into it (`POST /api/leads/:id/merge`), for managers and admins.
 *
 * What a merge does, in one transaction:
 * - Fields: for each field of MERGE_FIELDS, the survivor (`:id`) keeps its value unless `keep`
 *   says `other`; an empty survivor field takes the other's.
 * - Status (with its lost reason): chosen like a field; by default the one further along the
 *   pipeline, an open lead winning over a lost one (see `mergedStatus`).
 * - Consent is never chosen by hand: the survivor keeps its record unless the other's is more
 *   recent (`consentAt`), then the other's flags, time, source and notice version are taken
 *   together. A minor on either side makes the survivor a minor.
 * - The other lead's phone and alternate phones join the survivor's `alternatePhones`; an inquiry,
 *   a WhatsApp message or a lead entered with one of them lands on the survivor. Its unsubscribe
 *   link keeps working, on the survivor.
 * - Everything of the other lead moves to the survivor (counted in `MergeMoves`; open follow-ups go
 *   to the survivor's advisor); the other lead is deleted and answers 404. A `merge` entry on the
 *   survivor's timeline says who merged what.
 * - Refused: a lead merged with itself or an erased lead (400), two applications to the same
 *   program and session (409 `leads.mergeApplicationClash`), a stale version (409).
 */
import type { LeadStatus } from '../lead-status';
import { PIPELINE } from '../lead-status';
import { LEAD_PROFILE_FIELDS, type LeadProfileField, type LeadView } from './leads';

/** Besides the profile, what a merge chooses between: where the lead stands and where it came from. */
const MERGE_EXTRA_FIELDS = ['status', 'advisorId', 'source', 'utmSource', 'utmMedium', 'utmCampaign', 'utmTerm', 'utmContent', 'landingUrl'] as const;

/**
 * What a user may choose field by field (`keep`): every profile field (a new one is merged too, and
 * needs its label below) but the phone, whose other value goes to `alternatePhones`; and the extras.
 */
export type MergeField = Exclude<LeadProfileField, 'phone'> | (typeof MERGE_EXTRA_FIELDS)[number];
export const MERGE_FIELDS: readonly MergeField[] = [
  ...LEAD_PROFILE_FIELDS.filter((field): field is Exclude<LeadProfileField, 'phone'> => field !== 'phone'),
  ...MERGE_EXTRA_FIELDS,
];

export const MERGE_FIELD_LABELS: Record<MergeField, string> = {
  fullName: 'Name',
  email: 'Email',
  city: 'City',
  state: 'State',
  courseInterest: 'Course interest',
  level: 'Level',
  mode: 'Mode',
  budgetPaise: 'Budget',
  qualification: 'Qualification',
  experienceYears: 'Experience',
  status: 'Status',
  advisorId: 'Advisor',
  source: 'Source',
  utmSource: 'UTM source',
  utmMedium: 'UTM medium',
  utmCampaign: 'UTM campaign',
  utmTerm: 'UTM term',
  utmContent: 'UTM content',
  landingUrl: 'Landing page',
};

export type MergeSide = 'this' | 'other';

/** `POST /api/leads/:id/merge`: `:id` survives, `otherId` is merged into it; both versions as last read (stale: 409). */
export interface MergeLeadsBody {
  otherId: string;
  version: number;
  otherVersion: number;
  keep?: Partial<Record<MergeField, MergeSide>>;
}

/** Why a lead is suggested as a duplicate of another. */
export const DUPLICATE_REASONS = ['email', 'nameCity', 'phone'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  email: 'Same email',
  nameCity: 'Similar name, same city',
  phone: 'Phone matches an alternate phone',
};

/** What a merge moves from the other lead, counted (the dialog shows it before confirming). */
export interface MergeMoves {
  inquiries: number;
  activities: number;
  tasks: number;
  shortlist: number;
  comparisons: number;
  applications: number;
  whatsappMessages: number;
}

export const MERGE_MOVE_LABELS: Record<keyof MergeMoves, string> = {
  inquiries: 'inquiries',
  activities: 'timeline entries',
  tasks: 'follow-ups',
  shortlist: 'shortlisted programs',
  comparisons: 'comparisons',
  applications: 'applications',
  whatsappMessages: 'WhatsApp messages',
};

/** `GET /api/leads/:id/duplicates`: up to DUPLICATES_LIMIT suggestions, the strongest first. */
export interface DuplicateView<Time = string> {
  lead: Pick<LeadView<Time>, 'id' | 'reference' | 'fullName' | 'phone' | 'email' | 'city' | 'status' | 'advisorName' | 'createdAt' | 'version'>;
  reasons: DuplicateReason[];
  moves: MergeMoves;
}

export const DUPLICATES_LIMIT = 10;

/** Two names this similar (pg_trgm `similarity`, 0–1) in the same city suggest one person. */
export const SIMILAR_NAME_THRESHOLD = 0.5;

/** The timeline entry of a merge, on the survivor. */
export interface MergeActivityData {
  otherId: string;
  otherReference: string;
  otherName: string;
  otherPhone: string | null;
  /** The fields whose value came from the other lead. */
  taken: MergeField[];
  /** The other lead's consent record was more recent and was taken. */
  consentTaken: boolean;
  moved: MergeMoves;
}

/**
 * The status a merge gives by default: an open lead wins over a lost one; of two open (or two
 * enrolled) leads the one further along the pipeline; two lost leads stay lost (the survivor's).
 */
export function mergedStatus(survivor: LeadStatus, other: LeadStatus): MergeSide {
  if (survivor === 'lost') return other === 'lost' ? 'this' : 'other';
  if (other === 'lost') return 'this';
  return PIPELINE.indexOf(other) > PIPELINE.indexOf(survivor) ? 'other' : 'this';
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/**
 * Whose value a field keeps when `keep` does not say: the survivor's, or the other's where the
 * survivor's is empty; the status by `mergedStatus`. The API merges by it, the dialog preselects it.
 */
export function defaultMergeSide(survivor: Pick<LeadView, MergeField>, other: Pick<LeadView, MergeField>, field: MergeField): MergeSide {
  if (field === 'status') return mergedStatus(survivor.status, other.status);
  return isEmpty(survivor[field]) && !isEmpty(other[field]) ? 'other' : 'this';
}
