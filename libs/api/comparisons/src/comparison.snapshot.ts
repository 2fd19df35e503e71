import type { FeeComponent } from '@advisordesk/shared';

/** What the student was shown, frozen: later catalogue or fee changes never rewrite it. */
export interface ComparedProgram {
  id: string;
  name: string;
  universityName: string;
  universityCity: string | null;
  universityState: string | null;
  ownership: string | null;
  approvals: string[];
  naacGrade: string | null;
  nirfRank: number | null;
  nirfCategory: string | null;
  nirfYear: number | null;
  level: string;
  credentialType: string | null;
  mode: string | null;
  durationMonths: number | null;
  credits: number | null;
  stackable: boolean;
  eligibility: string | null;
  specialisations: string[];
  fee: { session: string; components: FeeComponent[]; totalPaise: number; emiAvailable: boolean; scholarshipNotes: string | null } | null;
}

export interface ComparisonSnapshot {
  firstName: string;
  advisorName: string;
  createdAt: string;
  programs: ComparedProgram[];
}

export interface PublicComparison extends ComparisonSnapshot {
  expiresAt: string;
}

/** A program as the catalogue answers it (PROGRAM_COLUMNS), frozen for a comparison. */
export function toComparedProgram(p: Record<string, any>): ComparedProgram {
  return {
    id: p.id,
    name: p.name,
    universityName: p.universityName,
    universityCity: p.universityCity,
    universityState: p.universityState,
    ownership: p.ownership,
    approvals: p.approvals,
    naacGrade: p.naacGrade,
    nirfRank: p.nirfRank,
    nirfCategory: p.nirfCategory,
    nirfYear: p.nirfYear,
    level: p.level,
    credentialType: p.credentialType,
    mode: p.mode,
    durationMonths: p.durationMonths,
    credits: p.credits,
    stackable: p.stackable,
    eligibility: p.eligibility,
    specialisations: p.specialisations,
    fee: p.currentFee
      ? { session: p.currentFee.session, components: p.currentFee.components, totalPaise: p.currentFee.totalPaise, emiAvailable: p.currentFee.emiAvailable, scholarshipNotes: p.currentFee.scholarshipNotes }
      : null,
  };
}
