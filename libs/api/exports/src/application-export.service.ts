import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  accessOf,
  APPLICATION_EXPORT_COLUMNS,
  APPLICATION_EXPORT_FILTERS,
  APPLICATION_STATUSES,
  type ApplicationExportColumn,
} from '@advisordesk/shared';
import { AppError, CommonErrors, parseListQuery, whereClause, type ListField, type ListSpec } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { startCsvExport, type CsvExport } from './csv-export';
import { csvCell } from './csv-sql';

/** The applications list's filters the export takes, on the export's FROM below. */
const APPLICATION_EXPORT_FIELDS: Record<(typeof APPLICATION_EXPORT_FILTERS)[number], ListField> = {
  status: { column: 'a.status', type: 'enum', values: APPLICATION_STATUSES, required: true, sortable: true },
  universityId: { column: 'p.university_id', type: 'uuid', required: true },
  programId: { column: 'a.program_id', type: 'uuid', required: true },
  advisorId: { column: 'l.advisor_id', type: 'uuid' },
  deadline: { column: 'a.deadline', type: 'date', sortable: true },
  createdAt: { column: 'a.created_at', type: 'timestamp', required: true, sortable: true },
};
const APPLICATION_EXPORT_LIST: ListSpec = {
  fields: APPLICATION_EXPORT_FIELDS,
  defaultSort: { field: 'createdAt', order: 'desc' },
  tieBreaker: 'a.id',
};

/** An erased person's application keeps its figures, never who they are. */
const ERASED = 'l.erased_at IS NOT NULL';

/** Each column's value, written as the contract says (`csvCell`: inert text, rupees, India time). */
const VALUES: Record<ApplicationExportColumn, string> = {
  applicationId: 'a.id',
  leadReference: `CASE WHEN ${ERASED} THEN NULL ELSE l.reference END`,
  leadName: `CASE WHEN ${ERASED} THEN 'Erased lead' ELSE l.full_name END`,
  advisor: 'adv.name',
  university: 'u.name',
  program: 'p.name',
  session: 'a.session',
  status: 'a.status',
  deadline: `to_char(a.deadline, 'YYYY-MM-DD')`,
  universityApplicationNo: `CASE WHEN ${ERASED} THEN NULL ELSE a.university_application_no END`,
  documentsRequired: 'd.required',
  documentsReceived: 'd.received',
  documentsVerified: 'd.verified',
  paidInr: 'COALESCE(pay.paid, 0)',
  feeTotalInr: 'fee.total_paise',
  createdAt: 'a.created_at',
};
const SELECT_COLUMNS = APPLICATION_EXPORT_COLUMNS.map(({ header, as }) => `${csvCell(as, VALUES[header])} AS "${header}"`).join(', ');

const FROM = `applications a
  JOIN leads l ON l.id = a.lead_id
  JOIN programs p ON p.id = a.program_id
  JOIN universities u ON u.id = p.university_id`;

/** Per application (application_documents_application_idx, payments_application_idx): its required documents, payments, and the fee of its session. */
const FROM_WITH_FIGURES = `${FROM}
  LEFT JOIN users adv ON adv.id = l.advisor_id
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE ad.required)::int AS required,
           count(*) FILTER (WHERE ad.required AND ad.status IN ('uploaded', 'verified'))::int AS received,
           count(*) FILTER (WHERE ad.required AND ad.status = 'verified')::int AS verified
      FROM application_documents ad WHERE ad.application_id = a.id) d
  LEFT JOIN LATERAL (SELECT sum(pm.amount_paise) AS paid FROM payments pm WHERE pm.application_id = a.id) pay ON true
  LEFT JOIN LATERAL (
    SELECT f.total_paise FROM fee_structures f WHERE f.program_id = a.program_id AND f.session = a.session
     ORDER BY f.is_current DESC, f.created_at DESC LIMIT 1) fee ON true`;

/**
 * The applications list as CSV for managers and admins (every lead's applications, erased people's
 * as "Erased lead"), streamed from PostgreSQL like the lead export and recorded in the export log.
 */
@Injectable()
export class ApplicationExportService {
  private readonly logger = new Logger('Exports');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async start(user: AuthUser, query: Record<string, unknown>): Promise<CsvExport> {
    if (accessOf('applicationExports', user.role) !== 'all') throw new AppError(CommonErrors.forbidden);
    const filters = Object.fromEntries(Object.entries(query).filter(([key]) => key !== '_start' && key !== '_end'));
    const list = parseListQuery(filters, APPLICATION_EXPORT_LIST);
    const where = whereClause(list.where);
    return startCsvExport(this.dataSource, this.logger, user, {
      kind: 'applications',
      filters,
      count: `SELECT count(*)::int AS total FROM ${FROM} ${where}`,
      select: `SELECT ${SELECT_COLUMNS} FROM ${FROM_WITH_FIGURES} ${where} ORDER BY ${list.orderBy}`,
      params: list.params,
    });
  }
}
