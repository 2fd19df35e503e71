import { APPROVALS, CREDENTIAL_TYPES, LEAD_MODES, NAAC_GRADES, OWNERSHIPS, PROGRAM_LEVELS } from '@advisordesk/shared';
import type { ListSpec } from '@advisordesk/api-core';

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/** The words of a search, each as an ILIKE pattern (at most 8; "online mba nmims" is three). */
export const searchWords = (q: string): string[] => [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8).map(like);

export const UNIVERSITY_LIST: ListSpec = {
  fields: {
    id: { column: 'u.id', type: 'uuid' },
    name: { column: 'u.name', type: 'text', sortable: true },
    city: { column: 'u.city', type: 'text', sortable: true },
    state: { column: 'u.state', type: 'text', sortable: true },
    ownership: { column: 'u.ownership', type: 'enum', values: OWNERSHIPS, sortable: true },
    approvals: { column: 'u.approvals', type: 'textArray', values: APPROVALS },
    naacGrade: { column: 'u.naac_grade', type: 'enum', values: NAAC_GRADES, sortable: true },
    nirfRank: { column: 'u.nirf_rank', type: 'int', sortable: true },
    active: { column: 'u.active', type: 'bool', sortable: true },
    createdAt: { column: 'u.created_at', type: 'timestamp', sortable: true },
  },
  defaultSort: { field: 'name', order: 'asc' },
  tieBreaker: 'u.id',
  search: (p, q) => ({ sql: `(u.name ILIKE ${p} OR u.city ILIKE ${p})`, value: like(q) }),
};

/** Programs filter on their university's approvals and NAAC grade, and on their current fee. */
export const PROGRAM_LIST: ListSpec = {
  fields: {
    id: { column: 'p.id', type: 'uuid' },
    universityId: { column: 'p.university_id', type: 'uuid' },
    name: { column: 'p.name', type: 'text', sortable: true },
    level: { column: 'p.level', type: 'enum', values: PROGRAM_LEVELS, sortable: true },
    credentialType: { column: 'p.credential_type', type: 'enum', values: CREDENTIAL_TYPES, sortable: true },
    mode: { column: 'p.mode', type: 'enum', values: LEAD_MODES, sortable: true },
    durationMonths: { column: 'p.duration_months', type: 'int', sortable: true },
    credits: { column: 'p.credits', type: 'int', sortable: true },
    stackable: { column: 'p.stackable', type: 'bool' },
    active: { column: 'p.active', type: 'bool' },
    universityName: { column: 'u.name', type: 'text', sortable: true },
    ownership: { column: 'u.ownership', type: 'enum', values: OWNERSHIPS },
    approvals: { column: 'u.approvals', type: 'textArray', values: APPROVALS },
    naacGrade: { column: 'u.naac_grade', type: 'enum', values: NAAC_GRADES, sortable: true },
    nirfRank: { column: 'u.nirf_rank', type: 'int', sortable: true },
    totalPaise: { column: 'cf.total_paise', type: 'int', sortable: true },
    createdAt: { column: 'p.created_at', type: 'timestamp', sortable: true },
  },
  defaultSort: { field: 'universityName', order: 'asc' },
  tieBreaker: 'p.id',
  // Every word must be in the program's name, its university's name or a specialisation, in any order
  // ("NMIMS MBA", "online mba nmims"); the names' trigram indexes serve each word.
  search: (p, q) => {
    const words = searchWords(q);
    return {
      sql: `(${words
        .map(
          (_, i) =>
            `(p.name ILIKE (${p}::text[])[${i + 1}] OR u.name ILIKE (${p}::text[])[${i + 1}] OR array_to_string(p.specialisations, ' ') ILIKE (${p}::text[])[${i + 1}])`,
        )
        .join(' AND ')})`,
      value: words,
    };
  },
};

export const FEE_LIST: ListSpec = {
  fields: {
    id: { column: 'f.id', type: 'uuid' },
    programId: { column: 'f.program_id', type: 'uuid' },
    session: { column: 'f.session', type: 'text', sortable: true },
    totalPaise: { column: 'f.total_paise', type: 'int', sortable: true },
    emiAvailable: { column: 'f.emi_available', type: 'bool' },
    isCurrent: { column: 'f.is_current', type: 'bool' },
    programName: { column: 'p.name', type: 'text', sortable: true },
    universityName: { column: 'u.name', type: 'text', sortable: true },
    createdAt: { column: 'f.created_at', type: 'timestamp', sortable: true },
  },
  defaultSort: { field: 'universityName', order: 'asc' },
  tieBreaker: 'f.id',
  search: (p, q) => {
    const words = searchWords(q);
    return {
      sql: `(${words.map((_, i) => `(p.name ILIKE (${p}::text[])[${i + 1}] OR u.name ILIKE (${p}::text[])[${i + 1}])`).join(' AND ')})`,
      value: words,
    };
  },
};
