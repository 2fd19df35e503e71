import { LEAD_MODES, LEAD_SOURCES, LEAD_STATUSES, LOST_REASONS, PROGRAM_LEVELS } from '@advisordesk/shared';
import type { ListSpec } from '@advisordesk/api-core';

/**
 * The lead list's filters and sorts (also used by reports and the CSV export). Each filter
 * column is covered by an index of the leads migration; `q` uses the pg_trgm indexes.
 */
export const LEAD_LIST: ListSpec = {
  fields: {
    id: { column: 'l.id', type: 'uuid' },
    reference: { column: 'l.reference', type: 'text', sortable: true, required: true },
    fullName: { column: 'l.full_name', type: 'text', sortable: true, required: true },
    phone: { column: 'l.phone', type: 'text' },
    email: { column: 'l.email', type: 'text' },
    city: { column: 'l.city', type: 'text', sortable: true },
    state: { column: 'l.state', type: 'text', sortable: true },
    courseInterest: { column: 'l.course_interest', type: 'text' },
    level: { column: 'l.level', type: 'enum', values: PROGRAM_LEVELS, sortable: true },
    mode: { column: 'l.mode', type: 'enum', values: LEAD_MODES, sortable: true },
    budgetPaise: { column: 'l.budget_paise', type: 'int', sortable: true },
    qualification: { column: 'l.qualification', type: 'text' },
    experienceYears: { column: 'l.experience_years', type: 'int', sortable: true },
    status: { column: 'l.status', type: 'enum', values: LEAD_STATUSES, sortable: true, required: true },
    lostReason: { column: 'l.lost_reason', type: 'enum', values: LOST_REASONS },
    advisorId: { column: 'l.advisor_id', type: 'uuid' },
    source: { column: 'l.source', type: 'enum', values: LEAD_SOURCES, sortable: true, required: true },
    utmSource: { column: 'l.utm_source', type: 'text', sortable: true },
    utmMedium: { column: 'l.utm_medium', type: 'text' },
    utmCampaign: { column: 'l.utm_campaign', type: 'text', sortable: true },
    utmTerm: { column: 'l.utm_term', type: 'text' },
    utmContent: { column: 'l.utm_content', type: 'text' },
    landingUrl: { column: 'l.landing_url', type: 'text' },
    consentWhatsapp: { column: 'l.consent_whatsapp', type: 'bool' },
    consentMarketing: { column: 'l.consent_marketing', type: 'bool' },
    consentAt: { column: 'l.consent_at', type: 'timestamp' },
    nextFollowUpAt: { column: 'l.next_follow_up_at', type: 'timestamp', sortable: true },
    createdAt: { column: 'l.created_at', type: 'timestamp', sortable: true, required: true },
    updatedAt: { column: 'l.updated_at', type: 'timestamp', sortable: true, required: true },
    erased: { column: '(l.erased_at IS NOT NULL)', type: 'bool' },
  },
  defaultSort: { field: 'createdAt', order: 'desc' },
  tieBreaker: 'l.id',
  maxPageSize: 200,
  // Digits search the phone (E.164 keeps only digits after '+'); anything else, name and email.
  search: (p, q) => {
    const digits = q.replace(/[\s()+-]/g, '');
    if (/^\d{3,}$/.test(digits)) return { sql: `l.phone LIKE ${p}`, value: `%${digits.replace(/^0+/, '')}%` };
    const like = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    // The expression of leads_search_trgm_idx: one trigram index for both.
    return { sql: `(l.full_name || ' ' || COALESCE(l.email, '')) ILIKE ${p}`, value: like };
  },
};
