import type { FeeComponent, Paise } from '@advisordesk/shared';

/** A fee structure of a program for one session, as `GET /api/fee-structures` answers it. */
export interface FeeStructure {
  id: string;
  programId: string;
  programName: string;
  universityName: string;
  session: string;
  components: FeeComponent[];
  totalPaise: Paise;
  emiAvailable: boolean;
  scholarshipNotes: string | null;
  validFrom: string | null;
  validTo: string | null;
  isCurrent: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The current fee embedded in a program. */
export interface CurrentFee {
  id: string;
  session: string;
  components: FeeComponent[];
  totalPaise: Paise;
  emiAvailable: boolean;
  scholarshipNotes: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** The figures a fee structure had before an edit (`GET /api/fee-structures/:id/revisions`). */
export interface FeeRevision {
  id: string;
  components: FeeComponent[];
  totalPaise: Paise;
  emiAvailable: boolean;
  scholarshipNotes: string | null;
  validFrom: string | null;
  validTo: string | null;
  changedAt: string;
  changedBy: string | null;
}
