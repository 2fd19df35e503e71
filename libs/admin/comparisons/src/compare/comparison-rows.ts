import { CREDENTIAL_TYPE_LABELS, formatInr, LEAD_MODE_LABELS, PROGRAM_LEVEL_LABELS, type ProgramView } from '@advisordesk/shared';
import { formatDuration, formatNirf, labelOf } from '@advisordesk/admin-data';

export type RowKey =
  | 'university'
  | 'level'
  | 'credential'
  | 'mode'
  | 'duration'
  | 'credits'
  | 'fee'
  | 'components'
  | 'emi'
  | 'approvals'
  | 'naac'
  | 'nirf'
  | 'eligibility'
  | 'specialisations';

/**
 * The facts compared side by side, in the order a student reads them. `text` is what is shown
 * when there is nothing richer, and what decides whether the programs differ on that row;
 * rows with `compare: false` (long text, fee breakdowns) are never marked as differing.
 */
export interface ComparisonRow {
  key: RowKey;
  label: string;
  text: (p: ProgramView) => string;
  compare: boolean;
}

export const COMPARISON_ROWS: ComparisonRow[] = [
  { key: 'university', label: 'University', text: (p) => [p.universityName, p.universityCity].filter(Boolean).join(', '), compare: false },
  { key: 'fee', label: 'Total fee', text: (p) => (p.currentFee ? formatInr(p.currentFee.totalPaise) : 'Fee on request'), compare: true },
  {
    key: 'components',
    label: 'Fee components',
    text: (p) => (p.currentFee ? p.currentFee.components.map((c) => `${c.label} ${formatInr(c.amountPaise)}`).join('; ') : '—'),
    compare: false,
  },
  { key: 'emi', label: 'EMI', text: (p) => (p.currentFee ? (p.currentFee.emiAvailable ? 'Available' : 'Not available') : '—'), compare: true },
  { key: 'duration', label: 'Duration', text: (p) => formatDuration(p.durationMonths), compare: true },
  { key: 'mode', label: 'Mode', text: (p) => labelOf(LEAD_MODE_LABELS, p.mode), compare: true },
  { key: 'level', label: 'Level', text: (p) => labelOf(PROGRAM_LEVEL_LABELS, p.level), compare: true },
  { key: 'credential', label: 'Credential', text: (p) => labelOf(CREDENTIAL_TYPE_LABELS, p.credentialType), compare: true },
  { key: 'approvals', label: 'Approvals', text: (p) => (p.approvals?.length ? [...p.approvals].sort().join(', ') : '—'), compare: true },
  { key: 'naac', label: 'NAAC', text: (p) => p.naacGrade ?? '—', compare: true },
  { key: 'nirf', label: 'NIRF', text: (p) => formatNirf(p), compare: true },
  { key: 'credits', label: 'Credits', text: (p) => `${p.credits ?? '—'}${p.stackable ? ' (stack into a degree)' : ''}`, compare: true },
  { key: 'specialisations', label: 'Specialisations', text: (p) => (p.specialisations?.length ? p.specialisations.join(', ') : '—'), compare: false },
  { key: 'eligibility', label: 'Eligibility', text: (p) => p.eligibility ?? '—', compare: false },
];

/** True when the programs do not all say the same on this row (and the row is one that is compared). */
export function rowDiffers(row: ComparisonRow, programs: ProgramView[]): boolean {
  if (!row.compare || programs.length < 2) return false;
  return new Set(programs.map(row.text)).size > 1;
}

/** The ids of the programs with the lowest current fee, when the fees differ. */
export function lowestFeeIds(programs: ProgramView[]): Set<string> {
  const priced = programs.filter((p) => p.currentFee);
  if (priced.length < 2) return new Set();
  const lowest = Math.min(...priced.map((p) => p.currentFee?.totalPaise ?? Infinity));
  const winners = priced.filter((p) => p.currentFee?.totalPaise === lowest);
  return winners.length === priced.length ? new Set() : new Set(winners.map((p) => p.id));
}

/** `?ids=a,b,c` → the ids, unique, at most five. */
export function idsFromQuery(value: string | null): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
    ),
  ].slice(0, 5);
}
