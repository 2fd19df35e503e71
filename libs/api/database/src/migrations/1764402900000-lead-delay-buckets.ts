import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report dimensions the delays are kept by (those of `lead_day_counts` but "all leads", which
 * the conversion report never groups by); a lead's delays count once under each.
 */
const DIMENSIONS = `(VALUES ('advisor', COALESCE(c.advisor_id::text, '')), ('source', c.source), ('utmCampaign', COALESCE(c.utm_campaign, '')), ('level', COALESCE(c.level, ''))) AS d(dim, key)`;

/** The two delays of a lead: to first contact (`c`) and to enrolment (`e`), each as its bucket (null when it has none). */
const DELAYS = `(VALUES ('c'::"char", lead_delay_bucket(c.first_contacted_at - c.created_at)), ('e'::"char", lead_delay_bucket(c.enrolled_at - c.created_at))) AS k(kind, bucket)`;

/**
 * The change to the buckets from a statement's rows (`changes`: the lead columns plus `sign`), in
 * key order so two writers never wait on each other in a cycle. A statement that leaves the delays
 * as they were (most updates) cancels out and writes nothing.
 */
const APPLY = (changes: string) => `
  INSERT INTO lead_delay_buckets AS t (dim, month, key, kind, bucket, n)
  SELECT d.dim, date_trunc('month', c.created_at AT TIME ZONE 'Asia/Kolkata')::date, d.key, k.kind, k.bucket, sum(c.sign)
    FROM (${changes}) c CROSS JOIN LATERAL ${DELAYS} CROSS JOIN LATERAL ${DIMENSIONS}
   WHERE k.bucket IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(c.sign) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (dim, month, key, kind, bucket) DO UPDATE SET n = t.n + EXCLUDED.n`;

const COLUMNS = 'created_at, advisor_id, source, utm_campaign, level, first_contacted_at, enrolled_at';

/**
 * The conversion report's medians (days to first contact, to enrolment) read every lead of the
 * period and sort each group's delays: 1 s and more at a million leads. `lead_delay_buckets`
 * keeps, per month in Asia/Kolkata and per dimension (advisor, source, campaign, level), how many
 * leads' delays fall in each logarithmic bucket: bucket i holds delays in (1.02^(i-1), 1.02^i]
 * seconds (bucket 0: a second or less), and `lead_delay_bucket_value` answers 2·1.02^i / 2.02, which
 * is within 1 % of every delay in the bucket. A median read from the buckets is therefore within
 * 1 % of the exact one (DDSketch's bound). Statement-level triggers keep it in the same
 * transaction as the change, like `lead_day_counts`.
 */
export class LeadDelayBuckets1764402900000 implements MigrationInterface {
  name = 'LeadDelayBuckets1764402900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION lead_delay_bucket(delay interval) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN CASE WHEN extract(epoch FROM delay) <= 1 THEN 0 ELSE ceil(ln(extract(epoch FROM delay)::float8) / ln(1.02))::smallint END`);
    await q.query(`
      CREATE FUNCTION lead_delay_bucket_value(bucket smallint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN CASE WHEN bucket = 0 THEN 0 ELSE 2 * power(1.02::float8, bucket) / 2.02 END`);
    await q.query(`
      CREATE TABLE lead_delay_buckets (
        dim text NOT NULL,
        month date NOT NULL,
        key text COLLATE "C" NOT NULL,
        kind "char" NOT NULL CHECK (kind IN ('c', 'e')),
        bucket smallint NOT NULL,
        n int NOT NULL,
        PRIMARY KEY (dim, month, key, kind, bucket)
      )`);
    await q.query(
      `CREATE FUNCTION lead_delay_buckets_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${APPLY(`SELECT ${COLUMNS}, 1 AS sign FROM new_rows`)}; RETURN NULL; END $$`,
    );
    await q.query(
      `CREATE FUNCTION lead_delay_buckets_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${APPLY(`SELECT ${COLUMNS}, -1 AS sign FROM old_rows`)}; RETURN NULL; END $$`,
    );
    await q.query(
      `CREATE FUNCTION lead_delay_buckets_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${APPLY(`SELECT ${COLUMNS}, 1 AS sign FROM new_rows UNION ALL SELECT ${COLUMNS}, -1 FROM old_rows`)}; RETURN NULL; END $$`,
    );
    await q.query(
      `CREATE TRIGGER leads_delay_buckets_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_delay_buckets_insert()`,
    );
    await q.query(
      `CREATE TRIGGER leads_delay_buckets_update AFTER UPDATE ON leads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_delay_buckets_update()`,
    );
    await q.query(
      `CREATE TRIGGER leads_delay_buckets_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_delay_buckets_delete()`,
    );
    // The leads already there.
    await q.query(APPLY(`SELECT ${COLUMNS}, 1 AS sign FROM leads`));
    // Statistics now, so the first reports are planned for the rows there are (a million leads: 320,000 rows).
    await q.query(`ANALYZE lead_delay_buckets`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER leads_delay_buckets_delete ON leads`);
    await q.query(`DROP TRIGGER leads_delay_buckets_update ON leads`);
    await q.query(`DROP TRIGGER leads_delay_buckets_insert ON leads`);
    await q.query(`DROP FUNCTION lead_delay_buckets_update()`);
    await q.query(`DROP FUNCTION lead_delay_buckets_delete()`);
    await q.query(`DROP FUNCTION lead_delay_buckets_insert()`);
    await q.query(`DROP TABLE lead_delay_buckets`);
    await q.query(`DROP FUNCTION lead_delay_bucket_value(smallint)`);
    await q.query(`DROP FUNCTION lead_delay_bucket(interval)`);
  }
}
