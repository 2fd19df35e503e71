import type { LeadStatus, LostReason } from '../lead-status';
import { canWrite } from '../permissions';
import type { Role } from '../roles';

/** What a bulk action from the leads table does to each selected lead. */
export const BULK_ACTIONS = ['assign', 'status', 'followUp', 'note'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const BULK_ACTION_LABELS: Record<BulkAction, string> = {
  assign: 'Assign',
  status: 'Change status',
  followUp: 'Schedule follow-up',
  note: 'Add note',
};

/**
 * Why a selected lead was left as it was: `notFound` (not visible to the user, erased, or no such
 * lead), `stale` (changed since the user saw it, or by someone else meanwhile: never overwritten),
 * `notAllowed` (the pipeline rule refuses this move for this user), `unchanged` (already so).
 */
export const BULK_SKIP_REASONS = ['notFound', 'stale', 'notAllowed', 'unchanged'] as const;
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number];

export const BULK_SKIP_REASON_LABELS: Record<BulkSkipReason, string> = {
  notFound: 'Not found (not yours, erased or deleted)',
  stale: 'Changed meanwhile: not overwritten',
  notAllowed: 'Not allowed by the pipeline rules',
  unchanged: 'Already so',
};

/** At most this many leads in one bulk action (ids, or what a filter matches). */
export const BULK_MAX_LEADS = 10_000;
/**
 * Up to this many ids the action runs in the request, in one transaction; past it (and for any
 * `filter`) it runs as a background operation in chunks of this size, one transaction each.
 */
export const BULK_CHUNK_SIZE = 500;

/** `POST /api/leads/bulk`: exactly one of `ids` (with `versions` aligned, optional) or `filter` (the lead list's query string). */
export interface BulkActionBody {
  ids?: string[];
  filter?: string;
  versions?: number[];
  action: BulkAction;
  /** assign */
  advisorId?: string;
  /** status: the status, `lostReason` when lost, an optional `note` for the timeline */
  status?: LeadStatus;
  lostReason?: LostReason;
  note?: string;
  /** followUp: when (ISO 8601); `text` is its title (default "Follow up") */
  dueAt?: string;
  /** note: the note; followUp: the title */
  text?: string;
}

/** The fields each action takes besides the selection (the rest are refused, naming them). */
export const BULK_ACTION_FIELDS: Record<BulkAction, readonly (keyof BulkActionBody)[]> = {
  assign: ['advisorId'],
  status: ['status', 'lostReason', 'note'],
  followUp: ['dueAt', 'text'],
  note: ['text'],
};

export interface BulkSkip {
  id: string;
  reason: BulkSkipReason;
}

/** The answer of a bulk action that ran in the request. */
export interface BulkResult {
  updated: number;
  skipped: BulkSkip[];
}

/** `202`: a background operation was queued; follow it at `GET /api/leads/bulk/:operationId`. */
export interface BulkOperationQueued {
  operationId: string;
  total: number;
}

export const BULK_OPERATION_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type BulkOperationStatus = (typeof BULK_OPERATION_STATUSES)[number];

export interface BulkOperationView extends BulkResult {
  id: string;
  action: BulkAction;
  status: BulkOperationStatus;
  total: number;
  processed: number;
  error: string | null;
}

/** Whether a role may run `action` in bulk: assigning needs `leadAssignment`, the rest `bulkActions` (advisors: on their own leads). */
export function canRunBulkAction(action: BulkAction, role: Role): boolean {
  return canWrite('bulkActions', role) && (action !== 'assign' || canWrite('leadAssignment', role));
}

/** The answer to `POST /api/leads/bulk` is either the result or a queued operation. */
export function isBulkOperationQueued(answer: BulkResult | BulkOperationQueued): answer is BulkOperationQueued {
  return 'operationId' in answer;
}
