/** The catalogue's columns on the wire (camelCase), in one place. */
export const UNIVERSITY_COLUMNS = `u.id, u.name, u.city, u.state, u.ownership, u.approvals, u.naac_grade AS "naacGrade",
  u.nirf_rank AS "nirfRank", u.nirf_category AS "nirfCategory", u.nirf_year AS "nirfYear", u.website, u.source_url AS "sourceUrl",
  u.active, u.created_at AS "createdAt", u.updated_at AS "updatedAt", u.version`;

/** The current fee of a program: the current structure of its latest session. */
export const CURRENT_FEE_JOIN = `LEFT JOIN LATERAL (
    SELECT f.id, f.session, f.components, f.total_paise, f.emi_available, f.scholarship_notes, f.valid_from, f.valid_to
      FROM fee_structures f WHERE f.program_id = p.id AND f.is_current ORDER BY f.session DESC LIMIT 1) cf ON true`;

export const PROGRAM_COLUMNS = `p.id, p.university_id AS "universityId", p.name, p.level, p.credential_type AS "credentialType", p.mode,
  p.duration_months AS "durationMonths", p.credits, p.stackable, p.eligibility, p.specialisations, p.source_url AS "sourceUrl", p.active,
  p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.version,
  u.name AS "universityName", u.city AS "universityCity", u.state AS "universityState", u.ownership, u.approvals,
  u.naac_grade AS "naacGrade", u.nirf_rank AS "nirfRank", u.nirf_category AS "nirfCategory", u.nirf_year AS "nirfYear",
  CASE WHEN cf.id IS NULL THEN NULL ELSE jsonb_build_object(
    'id', cf.id, 'session', cf.session, 'components', cf.components, 'totalPaise', cf.total_paise,
    'emiAvailable', cf.emi_available, 'scholarshipNotes', cf.scholarship_notes, 'validFrom', cf.valid_from, 'validTo', cf.valid_to) END AS "currentFee"`;

export const PROGRAM_FROM = `programs p JOIN universities u ON u.id = p.university_id ${CURRENT_FEE_JOIN}`;

export const FEE_COLUMNS = `f.id, f.program_id AS "programId", p.name AS "programName", u.name AS "universityName", f.session, f.components,
  f.total_paise AS "totalPaise", f.emi_available AS "emiAvailable", f.scholarship_notes AS "scholarshipNotes",
  to_char(f.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(f.valid_to, 'YYYY-MM-DD') AS "validTo", f.is_current AS "isCurrent",
  f.created_at AS "createdAt", f.updated_at AS "updatedAt", f.version`;

export const FEE_FROM = `fee_structures f JOIN programs p ON p.id = f.program_id JOIN universities u ON u.id = p.university_id`;
