import type { Role } from './roles';

/** The pipeline in order; `enrolled` is the conversion. */
export const PIPELINE = ['new', 'contacted', 'counselled', 'shortlisted', 'applied', 'admitted', 'enrolled'] as const;
export const LEAD_STATUSES = [...PIPELINE, 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export type PipelineStage = (typeof PIPELINE)[number];

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  counselled: 'Counselled',
  shortlisted: 'Shortlisted',
  applied: 'Applied',
  admitted: 'Admitted',
  enrolled: 'Enrolled',
  lost: 'Lost',
};

export const LEAD_STATUS_COLORS: Record<LeadStatus, string> = {
  new: 'blue',
  contacted: 'cyan',
  counselled: 'geekblue',
  shortlisted: 'purple',
  applied: 'gold',
  admitted: 'lime',
  enrolled: 'green',
  lost: 'red',
};

export const LOST_REASONS = ['not_reachable', 'not_interested', 'budget', 'not_eligible', 'chose_another_provider', 'duplicate', 'other'] as const;
export type LostReason = (typeof LOST_REASONS)[number];

export const LOST_REASON_LABELS: Record<LostReason, string> = {
  not_reachable: 'Not reachable',
  not_interested: 'Not interested',
  budget: 'Budget',
  not_eligible: 'Not eligible',
  chose_another_provider: 'Chose another provider',
  duplicate: 'Duplicate',
  other: 'Other',
};

export const OPEN_STATUSES: LeadStatus[] = PIPELINE.filter((s) => s !== 'enrolled');

export function isLeadStatus(value: unknown): value is LeadStatus {
  return typeof value === 'string' && (LEAD_STATUSES as readonly string[]).includes(value);
}

export function stageIndex(status: PipelineStage): number {
  return PIPELINE.indexOf(status);
}

/** Why a move between stages is refused (`lost_needs_reason` is the lead pipeline's own). */
export type StageMoveRefusal = 'same_status' | 'enrolled_is_final' | 'backward_needs_manager' | 'reopen_needs_manager' | 'lost_needs_reason';
export type StageMoveVerdict = { allowed: true } | { allowed: false; reason: StageMoveRefusal };

/**
 * The rule every pipeline of AdvisorDesk follows (a lead's, an application's): forward moves may
 * skip stages; a closing status (`lost`, `rejected`, `withdrawn`) is reachable from any stage
 * before the final one; moving backward and reopening a closed record are for managers and admins.
 */
export function checkStageMove<S extends string>(pipeline: readonly S[], from: S, to: S, role: Role): StageMoveVerdict {
  if (from === to) return { allowed: false, reason: 'same_status' };
  const final = pipeline[pipeline.length - 1];
  const isManager = role === 'manager' || role === 'admin';
  if (from === final) return { allowed: false, reason: 'enrolled_is_final' };
  if (!pipeline.includes(to)) return { allowed: true };
  if (!pipeline.includes(from)) return isManager ? { allowed: true } : { allowed: false, reason: 'reopen_needs_manager' };
  if (pipeline.indexOf(to) < pipeline.indexOf(from)) {
    return isManager ? { allowed: true } : { allowed: false, reason: 'backward_needs_manager' };
  }
  return { allowed: true };
}

export type TransitionVerdict = StageMoveVerdict;

/** The lead pipeline's rules: `checkStageMove`, and `lost` needs a reason. */
export function checkTransition(from: LeadStatus, to: LeadStatus, role: Role, lostReason?: string | null): TransitionVerdict {
  const verdict = checkStageMove<LeadStatus>(PIPELINE, from, to, role);
  if (verdict.allowed && to === 'lost' && !lostReason) return { allowed: false, reason: 'lost_needs_reason' };
  return verdict;
}

/** The statuses a user of this role may move a lead in `from` to (for menus and the board). */
export function allowedTargets(from: LeadStatus, role: Role): LeadStatus[] {
  return LEAD_STATUSES.filter((to) => checkTransition(from, to, role, 'other').allowed);
}
