/** A value's label (`LEAD_MODE_LABELS`, `OWNERSHIP_LABELS`…), the value itself when it has none, `—` for nothing. */
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
