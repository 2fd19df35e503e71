import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accessOf, APPLICATION_EXPORT_COLUMNS, type ApplicationExportColumn } from '@advisordesk/shared';
import { AppError, CommonErrors, parseListQuery, whereClause } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { APPLICATION_FROM, APPLICATION_LIST } from '@advisordesk/api-applications';
import { startCsvExport, type CsvExport } from './csv-export';
import { csvCell } from './csv-sql';

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

/**
 * The list's FROM and, per application (application_documents_application_idx, payments_application_idx),
 * its required documents, what was paid, and the fee of its session (as `ApplicationView.feeTotalPaise`).
 */
const FROM_WITH_FIGURES = `${APPLICATION_FROM}
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE ad.required)::int AS required,
           count(*) FILTER (WHERE ad.required AND ad.status IN ('uploaded', 'verified'))::int AS received,
           count(*) FILTER (WHERE ad.required AND ad.status = 'verified')::int AS verified
      FROM application_documents ad WHERE ad.application_id = a.id) d
  LEFT JOIN LATERAL (SELECT sum(pm.amount_paise) AS paid FROM payments pm WHERE pm.application_id = a.id) pay ON true
  LEFT JOIN LATERAL (
    SELECT f.total_paise FROM fee_structures f WHERE f.program_id = a.program_id AND f.session = a.session
     ORDER BY f.is_current DESC, f.updated_at DESC LIMIT 1) fee ON true`;

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
    // The applications list's filters and sorts; unlike the list, erased people's applications stay (anonymous).
    const list = parseListQuery(filters, APPLICATION_LIST);
    const where = whereClause(list.where);
    return startCsvExport(this.dataSource, this.logger, user, {
      kind: 'applications',
      filters,
      count: `SELECT count(*)::int AS total FROM ${APPLICATION_FROM} ${where}`,
      select: `SELECT ${SELECT_COLUMNS} FROM ${FROM_WITH_FIGURES} ${where} ORDER BY ${list.orderBy}`,
      params: list.params,
    });
  }
}
