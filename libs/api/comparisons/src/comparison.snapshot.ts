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
