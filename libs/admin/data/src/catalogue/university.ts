import type { Ownership } from '@advisordesk/shared';

/** A university or provider, as `GET /api/universities` answers it. */
export interface University {
  id: string;
  name: string;
  city: string | null;
  state: string | null;
  ownership: Ownership | null;
  approvals: string[];
  naacGrade: string | null;
  nirfRank: number | null;
  nirfCategory: string | null;
  nirfYear: number | null;
  website: string | null;
  sourceUrl: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const OWNERSHIP_LABELS: Record<Ownership, string> = {
  central: 'Central',
  state: 'State',
  private: 'Private',
  deemed: 'Deemed',
  platform: 'Platform',
};
