import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  accessOf,
  CONVERSION_GROUP_BY,
  formatCalendarDay,
  istDayBounds,
  IST_TIME_ZONE,
  LEAD_SOURCE_LABELS,
  MARKETING_CONVERSION_GROUPS,
  PIPELINE,
  PROGRAM_LEVEL_LABELS,
  type AdvisorProductivity,
  type ConversionGroupBy,
  type ConversionReport,
  type ConversionRow,
  type FunnelReport,
  type LeadSource,
  type ProgramLevel,
} from '@advisordesk/shared';
import { APP_CONFIG, fieldError, queryRows, whereClause, type AppConfig, type ParsedList } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { leadColumn, onlyLeadsOf } from '@advisordesk/api-leads';
import { BUCKETED_GROUPS, bucketedMedians, monthsAndEdges } from './delay-buckets';
import { dayCountScope, reportFilters } from './report-filters';

/** What each grouping groups on. Weeks start on Monday in Asia/Kolkata. */
const GROUP_KEYS: Record<ConversionGroupBy, string> = {
  advisor: leadColumn('advisorId'),
  source: leadColumn('source'),
  utmSource: leadColumn('utmSource'),
  utmCampaign: leadColumn('utmCampaign'),
  level: leadColumn('level'),
  week: `to_char(date_trunc('week', l.created_at AT TIME ZONE '${IST_TIME_ZONE}'), 'YYYY-MM-DD')`,
};

/** A group as the queries answer it: the row before its label and rate. */
type ConversionGroup = Omit<ConversionRow, 'key' | 'label' | 'conversionRate'> & { key: string | null };
type ConversionGroups = ConversionGroup[] & { approximate: boolean };

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
const days = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * Funnel and conversion figures. A funnel over whole days with at most one dimension (advisor,
 * source, campaign or level) adds up `lead_day_counts`; anything else is one pass over the
 * cohort's leads with FILTER aggregates, as is the conversion report (its medians need the leads).
 * "Reached a stage" means the status history ever got there or past it: `max_stage`, kept by
 * every status change, so skipped stages count as reached and lost leads keep what they reached.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async funnel(user: AuthUser, query: Record<string, unknown>): Promise<FunnelReport> {
    const list = reportFilters(user, query);
    const scope = dayCountScope(user, query);
    let row: Record<string, number>;
    if (scope) {
      // Whole days and at most one dimension: the day counts have it (kept exact by triggers).
      [row] = await queryRows<Record<string, number>>(
        this.dataSource,
        `SELECT COALESCE(sum(leads), 0)::int AS s0, ${[1, 2, 3, 4, 5, 6].map((i) => `COALESCE(sum(s${i}), 0)::int AS s${i}`).join(', ')}, COALESCE(sum(lost), 0)::int AS lost
           FROM lead_day_counts WHERE dim = $1 AND key = $2 AND day BETWEEN COALESCE($3::date, '-infinity') AND COALESCE($4::date, 'infinity')`,
        [scope.dim, scope.key, query.from ?? null, query.to ?? null],
      );
    } else {
      const columns = PIPELINE.map((_, i) => (i === 0 ? `count(*)::int AS s0` : `count(*) FILTER (WHERE l.max_stage >= ${i})::int AS s${i}`));
      [row] = await queryRows<Record<string, number>>(
        this.dataSource,
        `SELECT ${columns.join(', ')}, count(*) FILTER (WHERE l.status = 'lost')::int AS lost FROM leads l ${whereClause(list.where)}`,
        list.params,
      );
    }
    const reached = PIPELINE.map((_, i) => row[`s${i}`]);
    return {
      stages: PIPELINE.map((stage, i) => ({
        stage,
        reached: reached[i],
        fromPrevious: i === 0 ? ratio(reached[0], reached[0]) : ratio(reached[i], reached[i - 1]),
        fromStart: ratio(reached[i], reached[0]),
      })),
      lost: row.lost,
    };
  }

  async conversion(user: AuthUser, query: Record<string, unknown>): Promise<ConversionReport> {
    const groupBy = (query.groupBy ?? 'week') as ConversionGroupBy;
    if (!CONVERSION_GROUP_BY.includes(groupBy)) throw fieldError('groupBy', `groupBy must be one of: ${CONVERSION_GROUP_BY.join(', ')}`);
    if (accessOf('reports', user.role) === 'consented' && !MARKETING_CONVERSION_GROUPS.includes(groupBy))
      throw fieldError('groupBy', `groupBy: marketing sees ${MARKETING_CONVERSION_GROUPS.join(', ')} only`);
    const list = reportFilters(user, query, ['groupBy']);
    const rows = (await this.bucketed(user, query, groupBy)) ?? (await this.exact(groupBy, list));
    const labels = await this.labels(
      groupBy,
      rows.map((r) => r.key),
    );
    return {
      groupBy,
      mediansApproximate: rows.approximate,
      rows: rows.map((r) => ({
        key: r.key ?? 'none',
        label: labels.get(r.key) ?? r.key ?? '(none)',
        leads: r.leads,
        enrolled: r.enrolled,
        conversionRate: ratio(r.enrolled, r.leads) ?? 0,
        medianDaysToFirstContact: days(r.medianDaysToFirstContact),
        medianDaysToEnrolment: days(r.medianDaysToEnrolment),
      })),
    };
  }

  /** The conversion report's groups from the leads themselves: exact medians, one sort per group. */
  private async exact(groupBy: ConversionGroupBy, list: ParsedList): Promise<ConversionGroups> {
    const rows = await this.analytic<ConversionGroup>(
      `SELECT ${GROUP_KEYS[groupBy]} AS key,
              count(*)::int AS leads,
              count(*) FILTER (WHERE l.status = 'enrolled')::int AS enrolled,
              (extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY l.first_contacted_at - l.created_at)) / 86400)::float8 AS "medianDaysToFirstContact",
              (extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY l.enrolled_at - l.created_at)) / 86400)::float8 AS "medianDaysToEnrolment"
         FROM leads l ${whereClause(list.where)}
        GROUP BY 1 ORDER BY ${groupBy === 'week' ? '1' : '2 DESC, 1'}`,
      list.params,
    );
    return Object.assign(rows, { approximate: false });
  }

  /**
   * The conversion report from the kept counts and delay buckets, when they can answer it: a
   * grouping they keep, whole days holding at least one whole month, no filter but the grouping's
   * own dimension (an advisor's own scope included), and too many leads to sort cheaply. The counts
   * are exact; the medians within 1 % (`mediansApproximate`). Null when the leads are read instead.
   */
  private async bucketed(user: AuthUser, query: Record<string, unknown>, groupBy: ConversionGroupBy): Promise<ConversionGroups | null> {
    const group = BUCKETED_GROUPS[groupBy];
    const { groupBy: _groupBy, ...filters } = query;
    const scope = dayCountScope(user, filters);
    if (!group || !scope || (scope.dim !== 'all' && scope.dim !== group.dim)) return null;
    const from = typeof query.from === 'string' ? query.from : null;
    const to = typeof query.to === 'string' ? query.to : null;
    const { months, edges } = monthsAndEdges(from, to);
    if (!months) return null;
    const only = scope.dim === group.dim ? scope.key : null;
    // Both at once: the counts say whether the period is large enough to want the buckets.
    const [counts, medians] = await Promise.all([
      queryRows<{ key: string; leads: number; enrolled: number }>(
        this.dataSource,
        `SELECT key, sum(leads)::int AS leads, sum(enrolled)::int AS enrolled FROM lead_day_counts
          WHERE dim = $1 AND ($2::text IS NULL OR key = $2) AND day BETWEEN COALESCE($3::date, '-infinity') AND COALESCE($4::date, 'infinity')
          GROUP BY key HAVING sum(leads) > 0`,
        [group.dim, only, from, to],
      ),
      bucketedMedians(this.dataSource, groupBy, only, months, edges),
    ]);
    // Below the configured size the exact medians cost little (tens of milliseconds at 50,000 leads).
    if (counts.reduce((sum, c) => sum + c.leads, 0) < this.config.reportExactMediansBelow) return null;
    const rows = counts
      .map((c) => ({
        // The triggers write '' for a lead without a value (source always has one).
        key: c.key === '' ? null : c.key,
        leads: c.leads,
        enrolled: c.enrolled,
        medianDaysToFirstContact: medians.get(c.key)?.contact ?? null,
        medianDaysToEnrolment: medians.get(c.key)?.enrolment ?? null,
      }))
      .sort((a, b) => b.leads - a.leads || (a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return Object.assign(rows, { approximate: true });
  }

  /**
   * Per advisor: leads assigned in the period, contacted within 24 hours, the median working minutes
   * to first contact and the SLA breaches (speed to lead, from columns kept on the lead), follow-ups
   * done (in the period) and overdue (now), conversion.
   */
  async productivity(user: AuthUser, query: Record<string, unknown>): Promise<AdvisorProductivity[]> {
    const list = reportFilters(user, query);
    const own = onlyLeadsOf(user, 'reports');
    const p = list.params.length;
    // `from`/`to` are validated whole days (see reportFilters).
    const bound = (day: unknown, end: boolean) => (typeof day === 'string' ? istDayBounds(day)[end ? 'end' : 'start'] : null);
    // The cohort is counted per advisor in one pass, then joined to the advisors: joined first, the
    // planner read the leads once per advisor (20 s at a million leads, against about 1 s).
    const rows = await this.analytic<Omit<AdvisorProductivity, 'conversionRate' | 'contactedWithin24hRate'>>(
      `WITH cohort AS (
         SELECT l.advisor_id,
                count(*)::int AS assigned,
                count(*) FILTER (WHERE l.first_contacted_at <= l.created_at + interval '24 hours')::int AS "contactedWithin24h",
                count(*) FILTER (WHERE l.status = 'enrolled')::int AS enrolled,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY l.first_contact_working_minutes)::float8 AS "medianMinutesToFirstContact",
                count(*) FILTER (WHERE l.first_contact_due_at < COALESCE(l.first_contacted_at, now()))::int AS "firstContactBreaches"
           FROM leads l ${whereClause([...list.where, 'l.advisor_id IS NOT NULL'])} GROUP BY l.advisor_id)
       SELECT u.id AS "advisorId", u.name AS "advisorName", u.active,
              COALESCE(c.assigned, 0) AS assigned, COALESCE(c."contactedWithin24h", 0) AS "contactedWithin24h", COALESCE(c.enrolled, 0) AS enrolled,
              c."medianMinutesToFirstContact", COALESCE(c."firstContactBreaches", 0) AS "firstContactBreaches",
              (SELECT count(*)::int FROM tasks t WHERE t.owner_id = u.id AND t.done_at BETWEEN COALESCE($${p + 1}::timestamptz, '-infinity') AND COALESCE($${p + 2}::timestamptz, 'infinity')) AS "followUpsDone",
              (SELECT count(*)::int FROM tasks t WHERE t.owner_id = u.id AND t.done_at IS NULL AND t.due_at < now()) AS "followUpsOverdue"
         FROM users u LEFT JOIN cohort c ON c.advisor_id = u.id
        WHERE u.role = 'advisor' ${own ? `AND u.id = $${p + 3}` : ''}
        ORDER BY assigned DESC, u.name`,
      [...list.params, bound(query.from, false), bound(query.to, true), ...(own ? [own] : [])],
    );
    return rows.map((r) => ({
      ...r,
      medianMinutesToFirstContact: r.medianMinutesToFirstContact === null ? null : Math.round(r.medianMinutesToFirstContact),
      conversionRate: ratio(r.enrolled, r.assigned) ?? 0,
      contactedWithin24hRate: ratio(r.contactedWithin24h, r.assigned) ?? 0,
    }));
  }

  /**
   * A report query with room to sort in memory: the medians sort every group's values, which
   * spill to disk under the default 4 MB of work_mem (twice as slow at a million leads).
   */
  private analytic<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL work_mem = '64MB'`);
      return queryRows<T>(manager, sql, params);
    });
  }

  private async labels(groupBy: ConversionGroupBy, keys: (string | null)[]): Promise<Map<string | null, string>> {
    const labels = new Map<string | null, string>();
    if (groupBy === 'advisor') {
      const ids = keys.filter((k): k is string => !!k);
      for (const row of await queryRows<{ id: string; name: string }>(
        this.dataSource,
        `SELECT id::text, name FROM users WHERE id = ANY($1::uuid[])`,
        [ids],
      ))
        labels.set(row.id, row.name);
      labels.set(null, 'Unassigned');
    } else if (groupBy === 'source') {
      for (const key of keys) if (key) labels.set(key, LEAD_SOURCE_LABELS[key as LeadSource] ?? key);
    } else if (groupBy === 'level') {
      for (const key of keys) if (key) labels.set(key, PROGRAM_LEVEL_LABELS[key as ProgramLevel] ?? key);
    } else if (groupBy === 'week') {
      for (const key of keys) if (key) labels.set(key, `Week of ${formatCalendarDay(key)}`);
    }
    return labels;
  }
}
