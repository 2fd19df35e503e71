import { COMPARED_PROGRAM_FIELDS, type ComparedProgram, type ProgramView } from '@advisordesk/shared';

/** What a comparison freezes is the comparisons contract's. */
export type { ComparedProgram, ComparisonSnapshot, PublicComparison } from '@advisordesk/shared';

/** A program as the catalogue answers it (PROGRAM_COLUMNS), frozen for a comparison. */
export function toComparedProgram(p: ProgramView<Date>): ComparedProgram {
  const fee = p.currentFee;
  return {
    ...(Object.fromEntries(COMPARED_PROGRAM_FIELDS.map((field) => [field, p[field]])) as Omit<ComparedProgram, 'fee'>),
    fee: fee
      ? {
          session: fee.session,
          components: fee.components,
          totalPaise: fee.totalPaise,
          emiAvailable: fee.emiAvailable,
          scholarshipNotes: fee.scholarshipNotes,
        }
      : null,
  };
}
