import type { LeadImportView } from '@advisordesk/shared';

/** What came of an import, in words: "12 new · 3 existing", or "refused: 2 rows wrong". */
export function importOutcome(record: LeadImportView): { text: string; refused: boolean } {
  if (record.failed > 0)
    return { text: `Refused: ${record.failed.toLocaleString('en-IN')} row error${record.failed === 1 ? '' : 's'}`, refused: true };
  return { text: `${record.created.toLocaleString('en-IN')} new · ${record.existing.toLocaleString('en-IN')} existing`, refused: false };
}

/** "1 row", "1,20,000 rows" (Indian digit grouping). */
export const rowsText = (n: number) => `${n.toLocaleString('en-IN')} row${n === 1 ? '' : 's'}`;
