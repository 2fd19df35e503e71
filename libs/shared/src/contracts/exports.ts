/**
 * The exports contract: the CSV export of leads (its columns, from the lead's field table, and its
 * file name) and the export log. The export takes the lead list's filters; marketing only
 * `MARKETING_EXPORT_FILTERS` (see the permission table).
 */
import type { Role } from '../roles';
import { LEAD_FIELDS, type LeadExportFormat, type LeadExportSpec, type LeadField, type LeadFieldSpec } from './leads';

/** `GET /api/exports/leads.csv`: its columns in order, with their headers and how each cell reads. */
export const LEAD_EXPORT_COLUMNS: readonly { field: LeadField; header: string; as: LeadExportFormat }[] = (
  Object.keys(LEAD_FIELDS) as LeadField[]
).flatMap((field) => {
  const spec: LeadFieldSpec = LEAD_FIELDS[field];
  const columns: readonly LeadExportSpec[] = !spec.export ? [] : 'as' in spec.export ? [spec.export] : spec.export;
  return columns.map((column) => ({ field, header: column.header ?? field, as: column.as }));
});

/** The download's name, for the day (in India) it was made: `advisordesk-leads-2026-04-01.csv`. */
export function leadExportFileName(istDay: string): string {
  return `advisordesk-leads-${istDay}.csv`;
}

/** An entry of the export log (`GET /api/exports`): who exported which filters, when, and how it ended. */
export interface ExportRecordView<Time = string> {
  id: string;
  kind: string;
  filters: Record<string, unknown> | null;
  rowCount: number | null;
  status: 'running' | 'done' | 'failed';
  startedAt: Time;
  finishedAt: Time | null;
  userName: string;
  userRole: Role;
}
