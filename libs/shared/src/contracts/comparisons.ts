/**
 * The comparisons contract: a lead's shortlist, the frozen comparison of 2 to 5 programs shared on
 * WhatsApp, and its public page's data.
 */
import type { CurrentFee, ProgramView } from './catalogue';

export const COMPARISON_MIN_PROGRAMS = 2;
export const COMPARISON_MAX_PROGRAMS = 5;
export const COMPARISON_VALID_DAYS = 30;
export const SHORTLIST_NOTE_MAX_LENGTH = 1000;

/** One program on a lead's shortlist, with the program and its current fee (`GET /api/leads/:id/shortlist`, in order). */
export interface ShortlistItemView<Time = string> {
  id: string;
  leadId: string;
  programId: string;
  /** 1 is the top. */
  rank: number;
  note: string | null;
  createdAt: Time;
  program: ProgramView<Time>;
}

/** `POST /api/leads/:id/shortlist`. */
export interface AddShortlistItemBody {
  programId: string;
  note?: string;
}

/** `PATCH /api/leads/:id/shortlist/:itemId`. */
export interface UpdateShortlistItemBody {
  note?: string | null;
  rank?: number;
}

/** `PUT /api/leads/:id/shortlist/order`: every item of the shortlist, once, top first. */
export interface ReorderShortlistBody {
  itemIds: string[];
}

/** `POST /api/leads/:id/comparisons`. */
export interface CreateComparisonBody {
  programIds: string[];
}

/** What `POST /api/leads/:id/comparisons` answers: the link to send and a ready WhatsApp message. */
export interface ComparisonShare<Time = string> {
  id: string;
  token: string;
  url: string;
  whatsappUrl: string;
  message: string;
  expiresAt: Time;
}

/** A comparison already shared with the lead (`GET /api/leads/:id/comparisons`, newest first). */
export interface SharedComparison<Time = string> {
  id: string;
  token: string;
  url: string;
  createdAt: Time;
  expiresAt: Time;
  viewCount: number;
  lastViewedAt: Time | null;
  createdBy: string | null;
  /** How many programs it compares. */
  programs: number;
}

/** The program facts a comparison freezes (with the fee of the day). */
export const COMPARED_PROGRAM_FIELDS = [
  'id',
  'name',
  'universityName',
  'universityCity',
  'universityState',
  'ownership',
  'approvals',
  'naacGrade',
  'nirfRank',
  'nirfCategory',
  'nirfYear',
  'level',
  'credentialType',
  'mode',
  'durationMonths',
  'credits',
  'stackable',
  'eligibility',
  'specialisations',
] as const satisfies readonly (keyof ProgramView)[];

export type ComparedFee = Pick<CurrentFee, 'session' | 'components' | 'totalPaise' | 'emiAvailable' | 'scholarshipNotes'>;

/** What the student was shown, frozen: later catalogue or fee changes never rewrite it. */
export interface ComparedProgram extends Pick<ProgramView, (typeof COMPARED_PROGRAM_FIELDS)[number]> {
  fee: ComparedFee | null;
}

export interface ComparisonSnapshot {
  firstName: string;
  advisorName: string;
  createdAt: string;
  programs: ComparedProgram[];
}

/** `GET /api/public/comparisons/:token` (no login; 404 unknown, 410 expired). */
export interface PublicComparison extends ComparisonSnapshot {
  expiresAt: string;
}
