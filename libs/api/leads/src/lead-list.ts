import { LEAD_FIELDS, normalisePhone, type LeadField, type LeadFieldSpec } from '@advisordesk/shared';
import type { ListField, ListSpec } from '@advisordesk/api-core';
import { leadColumn } from './lead.view';

/** The lead list's fields, from the contract's table: each one it filters or sorts by, on its column. */
function listFields(): Record<string, ListField> {
  const fields: Record<string, ListField> = {};
  for (const name of Object.keys(LEAD_FIELDS) as LeadField[]) {
    const spec: LeadFieldSpec = LEAD_FIELDS[name];
    if (!spec.filter && !spec.sort) continue;
    fields[name] = {
      column: leadColumn(name),
      type: spec.type,
      values: spec.values,
      sortable: spec.sort,
      required: spec.required,
      filterable: spec.filter ?? false,
    };
  }
  return fields;
}

/**
 * The lead list's filters and sorts (also used by reports and the CSV export). Each filter
 * column is covered by an index of the leads migration; `q` uses the pg_trgm indexes.
 */
export const LEAD_LIST: ListSpec = {
  fields: {
    ...listFields(),
    // People whose data was erased leave the working list unless asked for (`erased=true`).
    erased: { column: '(l.erased_at IS NOT NULL)', type: 'bool' },
  },
  defaultSort: { field: 'createdAt', order: 'desc' },
  tieBreaker: 'l.id',
  maxPageSize: 200,
  // Digits search the phone (E.164 keeps only digits after '+'); anything else, name and email.
  search: (p, q) => {
    const digits = q.replace(/[\s()+-]/g, '');
    if (/^\d{3,}$/.test(digits)) {
      const value = `%${digits.replace(/^0+/, '')}%`;
      // A whole number also finds the lead it was merged into (leads_alternate_phones_idx; a BitmapOr with leads_phone_trgm_idx).
      const whole = normalisePhone(q);
      if (whole.ok && /^\+\d+$/.test(whole.e164)) return { sql: `(l.phone LIKE ${p} OR l.alternate_phones @> '{${whole.e164}}'::text[])`, value };
      return { sql: `l.phone LIKE ${p}`, value };
    }
    const like = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    // The expression of leads_search_trgm_idx: one trigram index for both.
    return { sql: `(l.full_name || ' ' || COALESCE(l.email, '')) ILIKE ${p}`, value: like };
  },
};
