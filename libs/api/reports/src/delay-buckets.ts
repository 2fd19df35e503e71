import { istDayBounds, type ConversionGroupBy } from '@advisordesk/shared';
import { queryRows, type Queryable } from '@advisordesk/api-core';
import { leadColumn } from '@advisordesk/api-leads';

/**
 * The conversion groupings that `lead_day_counts` and `lead_delay_buckets` keep (migrations
 * 1764400800000 and 1764402900000): their dimension, and a lead's key under it as the triggers write it.
 */
export const BUCKETED_GROUPS: Partial<Record<ConversionGroupBy, { dim: string; key: string }>> = {
  advisor: { dim: 'advisor', key: `COALESCE(${leadColumn('advisorId')}::text, '')` },
  source: { dim: 'source', key: `${leadColumn('source')}::text` },
  utmCampaign: { dim: 'utmCampaign', key: `COALESCE(${leadColumn('utmCampaign')}, '')` },
  level: { dim: 'level', key: `COALESCE(${leadColumn('level')}::text, '')` },
};

/** The two delays the buckets keep: to first contact (`c`) and to enrolment (`e`), from the lead's creation. */
const DELAYS = [
  { kind: 'c', column: 'l.first_contacted_at' },
  { kind: 'e', column: 'l.enrolled_at' },
] as const;

/** The first day of the month `months` after the one `day` is in (calendar days, `YYYY-MM-DD`). */
function monthStart(day: string, months: number): string {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * How a period of whole days (either end may be open) splits: the whole months inside it, read
 * from the kept buckets (`months`: the first month and the first month after, null for an open
 * end), and the days at either edge, read from the leads (`edges`: first and last day, inclusive).
 * `months` is null when the period holds no whole month.
 */
export function monthsAndEdges(
  from: string | null,
  to: string | null,
): { months: [string | null, string | null] | null; edges: [string | null, string | null][] } {
  const first = from === null ? null : from.endsWith('-01') ? from : monthStart(from, 1);
  const after = to === null ? null : dayBefore(monthStart(to, 1)) === to ? monthStart(to, 1) : monthStart(to, 0);
  if (first !== null && after !== null && first >= after) return { months: null, edges: [[from, to]] };
  const edges: [string | null, string | null][] = [];
  if (from !== null && first !== null && from < first) edges.push([from, dayBefore(first)]);
  if (to !== null && after !== null && after <= to) edges.push([after, to]);
  return { months: [first, after], edges };
}

/**
 * Medians of the days to first contact and to enrolment per group, from the kept buckets of the
 * whole months and the edge days' leads bucketed the same way. Each is within 1 % of the exact
 * median (see the migration); keys as the triggers write them ('' for none).
 */
export async function bucketedMedians(
  db: Queryable,
  groupBy: ConversionGroupBy,
  only: string | null,
  months: [string | null, string | null],
  edges: [string | null, string | null][],
): Promise<Map<string, { contact: number | null; enrolment: number | null }>> {
  const group = BUCKETED_GROUPS[groupBy];
  if (!group) throw new Error(`${groupBy} has no kept buckets`);
  const params: unknown[] = [group.dim, only, months[0], months[1]];
  const bound = (day: string | null, end: boolean) => {
    params.push(day === null ? null : istDayBounds(day)[end ? 'end' : 'start']);
    return `$${params.length}::timestamptz`;
  };
  // One aggregate per edge and delay, each a range of the creation index (an OR of ranges, or one
  // pass yielding both delays, cost several times more).
  const live = edges.flatMap(([from, to]) => {
    const range = `l.created_at BETWEEN COALESCE(${bound(from, false)}, '-infinity') AND COALESCE(${bound(to, true)}, 'infinity')`;
    return DELAYS.map(
      ({ kind, column }) => `UNION ALL
       SELECT ${group.key} COLLATE "C", '${kind}'::"char", lead_delay_bucket(${column} - l.created_at), count(*)
         FROM leads l WHERE ${column} IS NOT NULL AND ${range} AND ($2::text IS NULL OR ${group.key} = $2) GROUP BY 1, 2, 3`,
    );
  });
  const rows = await queryRows<{ key: string; kind: 'c' | 'e'; days: number }>(
    db,
    `WITH counted AS (
       SELECT key, kind, bucket, sum(n)::bigint AS n FROM lead_delay_buckets
        WHERE dim = $1 AND ($2::text IS NULL OR key = $2) AND month >= COALESCE($3::date, '-infinity') AND month < COALESCE($4::date, 'infinity')
        GROUP BY 1, 2, 3
       ${live.join('\n')}
     ), merged AS (
       SELECT key, kind, bucket, sum(n) AS n FROM counted GROUP BY 1, 2, 3 HAVING sum(n) > 0
     ), running AS (
       SELECT key, kind, bucket, sum(n) OVER (PARTITION BY key, kind ORDER BY bucket) AS upto, sum(n) OVER (PARTITION BY key, kind) AS total FROM merged
     )
     -- The middle value (odd counts) or the mean of the two middle values, as percentile_cont gives.
     SELECT key, kind,
            (lead_delay_bucket_value(min(bucket) FILTER (WHERE upto >= floor((total + 1) / 2.0)))
             + lead_delay_bucket_value(min(bucket) FILTER (WHERE upto >= ceil((total + 1) / 2.0)))) / 2 / 86400 AS days
       FROM running GROUP BY key, kind`,
    params,
  );
  const medians = new Map<string, { contact: number | null; enrolment: number | null }>();
  for (const row of rows) {
    const entry = medians.get(row.key) ?? { contact: null, enrolment: null };
    entry[row.kind === 'c' ? 'contact' : 'enrolment'] = row.days;
    medians.set(row.key, entry);
  }
  return medians;
}
