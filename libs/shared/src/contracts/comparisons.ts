/**
 * The comparisons contract: a lead's shortlist, the frozen comparison of 2 to 5 programs shared on
 * WhatsApp, and its public page's data.
 */
import type { CurrentFee, ProgramView } from './catalogue';
import { LEAD_MODE_LABELS, PROGRAM_LEVEL_LABELS } from './leads';
import type { Paise } from '../money';

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

/** Why a program is suggested for a lead: what of the lead's interest, level, mode and budget it matches. */
export interface SuggestionFit {
  /** The words of the lead's course interest found in the program's name ("mba"). */
  interestWords: string[];
  level: boolean;
  mode: boolean;
  /** The current total is within the lead's budget; null when the lead has no budget or the program no fee. */
  withinBudget: boolean | null;
}

/** `GET /api/leads/:id/shortlist/suggestions`: programs not yet shortlisted, the best fits first (interest, level, mode, budget). */
export interface SuggestedProgram<Time = string> extends ProgramView<Time> {
  fit: SuggestionFit;
}

/** Why a program is suggested, in a few words: `MBA · PG · Online · within budget`. */
export function suggestionReason(p: Pick<SuggestedProgram, 'fit' | 'level' | 'mode'>): string {
  const parts: string[] = [];
  if (p.fit.interestWords.length) parts.push(`matches “${p.fit.interestWords.join(' ')}”`);
  if (p.fit.level) parts.push(PROGRAM_LEVEL_LABELS[p.level] ?? p.level);
  if (p.fit.mode && p.mode) parts.push(LEAD_MODE_LABELS[p.mode] ?? p.mode);
  if (p.fit.withinBudget === true) parts.push('within budget');
  if (p.fit.withinBudget === false) parts.push('over budget');
  return parts.join(' · ');
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
  /** The ids of the programs it compares, in its order (to send an updated comparison of the same programs). */
  programIds: string[];
  /** Programs whose current fee (total or session) is no longer what the comparison shows; empty when it is still true. */
  feesChanged: FeeChange[];
}

/** A program of a sent comparison whose fee changed since: what the lead was shown and what it is now (null: no current fee). */
export interface FeeChange {
  programId: string;
  programName: string;
  universityName: string;
  sentSession: string | null;
  currentSession: string | null;
  sentTotalPaise: Paise | null;
  currentTotalPaise: Paise | null;
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

/** Who answers the service number (`SUPPORT_PHONE`) on the public page. */
export const SUPPORT_CONTACT_NAME = 'our advisors';

/** Whom the student can reach about a comparison: the advisor's number, or the service's. */
export interface ComparisonContact {
  name: string;
  /** E.164. */
  phone: string;
}

/** `GET /api/public/comparisons/:token` (no login; 404 unknown, 410 expired). */
export interface PublicComparison extends ComparisonSnapshot {
  expiresAt: string;
  /** The advisor who sent it (or the service number); null when neither has a phone. */
  contact: ComparisonContact | null;
}
