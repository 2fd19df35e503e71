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

export type TransitionVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'same_status' | 'enrolled_is_final' | 'backward_needs_manager' | 'reopen_needs_manager' | 'lost_needs_reason' };

/**
 * The pipeline rules: forward moves may skip stages, `lost` is reachable from any stage before
 * `enrolled` (with a reason), moving backward and reopening a lost lead are for managers and admins.
 */
export function checkTransition(from: LeadStatus, to: LeadStatus, role: Role, lostReason?: string | null): TransitionVerdict {
  if (from === to) return { allowed: false, reason: 'same_status' };
  const isManager = role === 'manager' || role === 'admin';
  if (to === 'lost') {
    if (from === 'enrolled') return { allowed: false, reason: 'enrolled_is_final' };
    if (!lostReason) return { allowed: false, reason: 'lost_needs_reason' };
    return { allowed: true };
  }
  if (from === 'lost') return isManager ? { allowed: true } : { allowed: false, reason: 'reopen_needs_manager' };
  if (stageIndex(to) < stageIndex(from)) {
    return isManager ? { allowed: true } : { allowed: false, reason: 'backward_needs_manager' };
  }
  return { allowed: true };
}

/** The statuses a user of this role may move a lead in `from` to (for menus and the board). */
export function allowedTargets(from: LeadStatus, role: Role): LeadStatus[] {
  return LEAD_STATUSES.filter((to) => checkTransition(from, to, role, 'other').allowed);
}
