/**
 * The exports contract: the CSV export of leads (its columns, from the lead's field table, and its
 * file name), the CSV export of applications, and the export log. The lead export takes the lead
 * list's filters; marketing only `MARKETING_EXPORT_FILTERS` (see the permission table).
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

/**
 * `GET /api/exports/applications.csv?<the applications list's filters>` (managers and admins): its
 * columns in order, read like the lead export's. Documents count the required items of the checklist: `documentsReceived` are
 * uploaded or verified (a rejected upload is still needed), `documentsVerified` verified. An erased
 * lead's applications stay, as `Erased lead` with neither reference nor application number.
 */
export const APPLICATION_EXPORT_COLUMNS = [
  { header: 'applicationId', as: 'plain' },
  { header: 'leadReference', as: 'plain' },
  { header: 'leadName', as: 'text' },
  { header: 'advisor', as: 'text' },
  { header: 'university', as: 'text' },
  { header: 'program', as: 'text' },
  { header: 'session', as: 'plain' },
  { header: 'status', as: 'plain' },
  { header: 'deadline', as: 'plain' },
  { header: 'universityApplicationNo', as: 'text' },
  { header: 'documentsRequired', as: 'plain' },
  { header: 'documentsReceived', as: 'plain' },
  { header: 'documentsVerified', as: 'plain' },
  { header: 'paidInr', as: 'rupees' },
  { header: 'feeTotalInr', as: 'rupees' },
  { header: 'createdAt', as: 'time' },
] as const satisfies readonly { header: string; as: LeadExportFormat }[];
export type ApplicationExportColumn = (typeof APPLICATION_EXPORT_COLUMNS)[number]['header'];

export function applicationExportFileName(istDay: string): string {
  return `advisordesk-applications-${istDay}.csv`;
}

/** What an export log entry exported. */
export const EXPORT_KINDS = ['leads', 'applications'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** An entry of the export log (`GET /api/exports`): who exported which filters, when, and how it ended. */
export interface ExportRecordView<Time = string> {
  id: string;
  kind: ExportKind;
  filters: Record<string, unknown> | null;
  rowCount: number | null;
  status: 'running' | 'done' | 'failed';
  startedAt: Time;
  finishedAt: Time | null;
  userName: string;
  userRole: Role;
}

/** `GET /api/exports/leads/count?<the export's filters>`: how many people the CSV would hold (never who). */
export interface LeadExportCount {
  count: number;
}

/** `GET /api/exports/mine?_end=5`: the signed-in user's latest exports, as the export log shows them. */
export const MY_EXPORTS_MAX = 50;
