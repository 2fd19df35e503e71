import { LEAD_FIELDS, type LeadDetailView as LeadDetailWire, type LeadField, type LeadView as LeadWire } from '@advisordesk/shared';
import { columnName } from '@advisordesk/api-core';

/** A lead as the API answers it: the leads contract's `LeadView`, with the database's `Date`s. */
export type LeadView = LeadWire<Date>;
export type LeadDetailView = LeadDetailWire<Date>;

/** The link, for staff and for every message we send: GET shows a page with one button, POST withdraws. */
export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/api/public/unsubscribe/${token}`;
}

/** Lead fields that are not a column of the lead itself. */
const JOINED: Partial<Record<LeadField, string>> = { advisorName: 'a.name' };

/** The SQL of a lead field on LEAD_FROM: `l.<field in snake_case>`, or the advisor's name from `a`. */
export function leadColumn(field: LeadField): string {
  return JOINED[field] ?? `l.${columnName(field)}`;
}

/** The columns of a LeadView, from the contract's table of lead fields: `SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM}`. */
export const LEAD_COLUMNS = (Object.keys(LEAD_FIELDS) as LeadField[])
  .map((field) => (leadColumn(field) === `l.${field}` ? `l.${field}` : `${leadColumn(field)} AS "${field}"`))
  .join(', ');

export const LEAD_FROM = `leads l LEFT JOIN users a ON a.id = l.advisor_id`;
