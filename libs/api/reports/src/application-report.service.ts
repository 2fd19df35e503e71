import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  APPLICATION_PIPELINE,
  APPLICATION_REPORT_GROUP_BY,
  type ApplicationReport,
  type ApplicationReportGroupBy,
  type ApplicationStatus,
} from '@advisordesk/shared';
import { fieldError, parseListQuery, queryRows, whereClause, type ListSpec } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { limitToVisibleLeads } from '@advisordesk/api-leads';
import { APPLICATION_FROM } from '@advisordesk/api-applications';
import { listParameters } from './report-filters';

/** The period's filter: applications made between `from` and `to` (applications_created_idx). */
const APPLICATION_COHORT: ListSpec = {
  fields: { createdAt: { column: 'a.created_at', type: 'timestamp', required: true, sortable: true } },
  defaultSort: { field: 'createdAt', order: 'asc' },
  tieBreaker: 'a.id',
};

/** What each grouping groups on, and how a group reads (a program's name alone repeats across universities). */
const GROUPS: Record<ApplicationReportGroupBy, { key: string; label: string }> = {
  university: { key: 'u.id::text', label: 'u.name' },
  program: { key: 'p.id::text', label: `p.name || ', ' || u.name` },
  advisor: { key: `COALESCE(l.advisor_id::text, 'none')`, label: `COALESCE(adv.name, 'Unassigned')` },
};

/** `max_stage` of the pipeline's stages: what "reached submitted" means even after a rejection. */
const stage = (status: ApplicationStatus) => APPLICATION_PIPELINE.indexOf(status as (typeof APPLICATION_PIPELINE)[number]);

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/**
 * Applications made in a period by university, program or advisor: how many reached submitted
 * (or later), an offer (or enrolled) and enrolled, by `applications.max_stage`, so an application
 * rejected after it was submitted still counts as submitted. Advisors count their own leads'
 * applications; erased leads' applications still count (nothing personal is read).
 */
@Injectable()
export class ApplicationReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(user: AuthUser, query: Record<string, unknown>): Promise<ApplicationReport> {
    const groupBy = (query.groupBy ?? 'university') as ApplicationReportGroupBy;
    if (typeof groupBy !== 'string' || !APPLICATION_REPORT_GROUP_BY.includes(groupBy))
      throw fieldError('groupBy', `groupBy must be one of: ${APPLICATION_REPORT_GROUP_BY.join(', ')}`);
    const keys = Object.keys(query).filter((key) => key !== 'groupBy');
    const list = limitToVisibleLeads(parseListQuery(listParameters(query, keys), APPLICATION_COHORT), user, 'reports');
    const group = GROUPS[groupBy];
    const rows = await queryRows<{ key: string; label: string; applications: number; submitted: number; offers: number; enrolled: number }>(
      this.dataSource,
      `SELECT ${group.key} AS key, ${group.label} AS label,
              count(*)::int AS applications,
              count(*) FILTER (WHERE a.max_stage >= ${stage('submitted')})::int AS submitted,
              count(*) FILTER (WHERE a.max_stage >= ${stage('offer')})::int AS offers,
              count(*) FILTER (WHERE a.max_stage >= ${stage('enrolled')})::int AS enrolled
         FROM ${APPLICATION_FROM} ${whereClause(list.where)}
        GROUP BY 1, 2 ORDER BY applications DESC, label, key`,
      list.params,
    );
    return { groupBy, rows: rows.map((row) => ({ ...row, offerRate: ratio(row.offers, row.submitted) })) };
  }
}
