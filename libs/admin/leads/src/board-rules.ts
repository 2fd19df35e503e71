import { checkTransition, LEAD_STATUS_LABELS, type LeadStatus, type Role } from '@advisordesk/shared';

export type DropVerdict = { kind: 'same' } | { kind: 'move' } | { kind: 'needs-reason' } | { kind: 'refused'; message: string };

const REFUSALS: Record<string, (from: LeadStatus, to: LeadStatus) => string> = {
  backward_needs_manager: (from, to) => `Only a manager can move a lead back from ${LEAD_STATUS_LABELS[from]} to ${LEAD_STATUS_LABELS[to]}`,
  reopen_needs_manager: () => 'Only a manager can reopen a lost lead',
  enrolled_is_final: () => 'An enrolled lead cannot be marked lost',
};

/**
 * What dropping a card from one status onto another means for this role, decided before any
 * request: nothing (same column), a move, a move that first needs a lost reason, or a refusal
 * that says why (the same rules the API applies).
 */
export function dropVerdict(from: LeadStatus, to: LeadStatus, role: Role): DropVerdict {
  if (from === to) return { kind: 'same' };
  const verdict = checkTransition(from, to, role, to === 'lost' ? 'other' : undefined);
  if (!verdict.allowed) return { kind: 'refused', message: (REFUSALS[verdict.reason] ?? (() => 'This move is not allowed'))(from, to) };
  return to === 'lost' ? { kind: 'needs-reason' } : { kind: 'move' };
}
