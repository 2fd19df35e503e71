import { APPLICATION_STATUSES } from '@advisordesk/shared';
import type { ListSpec } from '@advisordesk/api-core';

/** Required documents still missing or rejected, of application `a`. */
const MISSING = `(SELECT count(*) FROM application_documents d WHERE d.application_id = a.id AND d.required AND d.status IN ('missing', 'rejected'))`;
/** Uploaded documents waiting for review, of application `a`. */
const TO_REVIEW = `(SELECT count(*) FROM application_documents d WHERE d.application_id = a.id AND d.status = 'uploaded')`;

/** An application on the wire (`ApplicationView`), with its lead, program and university. */
export const APPLICATION_COLUMNS = `a.id, a.lead_id AS "leadId", l.full_name AS "leadName", l.advisor_id AS "advisorId", adv.name AS "advisorName",
  a.program_id AS "programId", p.name AS "programName", p.university_id AS "universityId", u.name AS "universityName",
  a.session, a.status, a.university_application_no AS "universityApplicationNo", to_char(a.deadline, 'YYYY-MM-DD') AS deadline, a.note,
  ${MISSING}::int AS "documentsMissing", ${TO_REVIEW}::int AS "documentsToReview",
  COALESCE((SELECT sum(pm.amount_paise) FROM payments pm WHERE pm.application_id = a.id), 0)::bigint AS "paidPaise",
  (SELECT f.total_paise FROM fee_structures f WHERE f.program_id = a.program_id AND f.session = a.session ORDER BY f.is_current DESC, f.updated_at DESC LIMIT 1) AS "feeTotalPaise",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.version`;

/** What every action on an application reads first (`ApplicationAccess`): the application, its lead, and its program as the timeline names it. */
export const APPLICATION_ACCESS_COLUMNS = `a.id, a.lead_id AS "leadId", a.status, a.version, p.name AS "programName", u.name AS "universityName",
  p.name || ', ' || u.name AS program`;
export const APPLICATION_ACCESS_FROM = `applications a JOIN leads l ON l.id = a.lead_id JOIN programs p ON p.id = a.program_id JOIN universities u ON u.id = p.university_id`;

export const APPLICATION_FROM = `applications a JOIN leads l ON l.id = a.lead_id JOIN programs p ON p.id = a.program_id
  JOIN universities u ON u.id = p.university_id LEFT JOIN users adv ON adv.id = l.advisor_id`;

/** `GET /api/applications`: the contract's filters and sorts (`APPLICATION_FILTERS`, `APPLICATION_SORTS`). */
export const APPLICATION_LIST: ListSpec = {
  fields: {
    leadId: { column: 'a.lead_id', type: 'uuid' },
    programId: { column: 'a.program_id', type: 'uuid' },
    universityId: { column: 'p.university_id', type: 'uuid' },
    advisorId: { column: 'l.advisor_id', type: 'uuid' },
    status: { column: 'a.status', type: 'enum', values: APPLICATION_STATUSES, sortable: true, required: true },
    deadline: { column: 'a.deadline', type: 'date', sortable: true },
    documentsMissing: { column: `(${MISSING} > 0)`, type: 'bool' },
    documentsToReview: { column: `(${TO_REVIEW} > 0)`, type: 'bool' },
    createdAt: { column: 'a.created_at', type: 'timestamp', sortable: true, required: true },
    updatedAt: { column: 'a.updated_at', type: 'timestamp', sortable: true, required: true },
    leadName: { column: 'l.full_name', type: 'text', sortable: true, required: true, filterable: false },
    universityName: { column: 'u.name', type: 'text', sortable: true, required: true, filterable: false },
  },
  defaultSort: { field: 'createdAt', order: 'desc' },
  tieBreaker: 'a.id',
  maxPageSize: 200,
  search: (p, q) => ({
    sql: `(l.full_name ILIKE ${p} OR a.university_application_no ILIKE ${p})`,
    value: `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`,
  }),
};
