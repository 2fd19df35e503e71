import { PROGRAM_LEVEL_LABELS, type CredentialType, type LeadMode, type Ownership, type ProgramLevel } from '@advisordesk/shared';
import type { CurrentFee } from './fee-structure';

/** A program with its university's facts and current fee, as `GET /api/programs` answers it. */
export interface Program {
  id: string;
  universityId: string;
  name: string;
  level: ProgramLevel;
  credentialType: CredentialType | null;
  mode: LeadMode | null;
  durationMonths: number | null;
  credits: number | null;
  stackable: boolean;
  eligibility: string | null;
  specialisations: string[];
  sourceUrl: string | null;
  active: boolean;
  version: number;
  universityName: string;
  universityCity: string | null;
  universityState: string | null;
  ownership: Ownership | null;
  approvals: string[];
  naacGrade: string | null;
  nirfRank: number | null;
  nirfCategory: string | null;
  nirfYear: number | null;
  currentFee: CurrentFee | null;
  createdAt: string;
  updatedAt: string;
}

export const LEVEL_LABELS = PROGRAM_LEVEL_LABELS;

export const MODE_LABELS: Record<LeadMode, string> = {
  online: 'Online',
  distance: 'Distance',
  regular: 'Regular',
  hybrid: 'Hybrid',
};

export const CREDENTIAL_LABELS: Record<CredentialType, string> = {
  degree: 'Degree',
  certification: 'Certification',
  'micro-credential': 'Micro-credential',
};

export const labelOf = <K extends string>(labels: Record<K, string>, value: K | string | null | undefined): string =>
  value ? ((labels as Record<string, string>)[value] ?? value) : '—';

/** `24 months` → `24 months (2 years)`; `6` → `6 months`. */
export function formatDuration(months: number | null | undefined): string {
  if (!months) return '—';
  if (months % 12 === 0) return `${months} months (${months / 12} year${months === 12 ? '' : 's'})`;
  return `${months} month${months === 1 ? '' : 's'}`;
}

/** `NIRF #12 (2024)`; the category is added when it is not the university ranking. */
export function formatNirf(p: { nirfRank: number | null; nirfCategory?: string | null; nirfYear?: number | null }): string {
  if (!p.nirfRank) return '—';
  const extra = [p.nirfCategory, p.nirfYear].filter(Boolean).join(', ');
  return `#${p.nirfRank}${extra ? ` (${extra})` : ''}`;
}
