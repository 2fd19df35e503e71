import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lead CSV imports: `lead_imports` records who imported which file and what came of it (an import
 * refused for a wrong row is recorded too, with nothing created); `inquiries.import_id` ties each
 * inquiry an import added to it, so the timeline says "Imported from <file> by <user>".
 *
 * New leads are counted into their advisors' loads and announced to them once per statement
 * (transition tables), not once per row: an import writes a thousand leads per statement, and a
 * row trigger updating the same few `advisor_load` rows a hundred thousand times in one
 * transaction cost more than the leads themselves. Deletes and updates keep the row trigger.
 */
export class LeadImports1764402300000 implements MigrationInterface {
  name = 'LeadImports1764402300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lead_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        file_name text NOT NULL,
        rows int NOT NULL DEFAULT 0,
        created int NOT NULL DEFAULT 0,
        existing int NOT NULL DEFAULT 0,
        failed int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    // The history, newest first, and marketing's own.
    await q.query(`CREATE INDEX lead_imports_created_idx ON lead_imports (created_at DESC)`);
    await q.query(`CREATE INDEX lead_imports_user_idx ON lead_imports (user_id, created_at DESC)`);
    await q.query(`ALTER TABLE inquiries ADD COLUMN import_id uuid REFERENCES lead_imports (id)`);
    await q.query(`CREATE INDEX inquiries_import_idx ON inquiries (import_id) WHERE import_id IS NOT NULL`);

    await q.query(`
      CREATE FUNCTION advisor_load_track_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE advisor_load al SET open_leads = al.open_leads + n.added
          FROM (SELECT advisor_id, count(*)::int AS added FROM new_rows
                 WHERE advisor_id IS NOT NULL AND status NOT IN ('enrolled', 'lost') AND erased_at IS NULL GROUP BY advisor_id) n
         WHERE al.advisor_id = n.advisor_id;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER leads_advisor_load ON leads`);
    await q.query(
      `CREATE TRIGGER leads_advisor_load AFTER DELETE OR UPDATE OF advisor_id, status, erased_at ON leads FOR EACH ROW EXECUTE FUNCTION advisor_load_track()`,
    );
    await q.query(
      `CREATE TRIGGER leads_advisor_load_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION advisor_load_track_insert()`,
    );

    // The same notification as notify_lead_assigned() raises for an inserted row, for all of a statement's rows at once.
    await q.query(`
      CREATE FUNCTION notify_leads_assigned_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO notifications (user_id, kind, title, body, lead_id, link, dedupe_key)
        SELECT advisor_id, 'lead.assigned', 'New lead: ' || full_name, concat_ws(' · ', course_interest, city, 'new inquiry'),
               id, '/leads/' || id, 'lead.assigned:' || id || ':' || txid_current()
          FROM new_rows
         WHERE advisor_id IS NOT NULL AND erased_at IS NULL AND advisor_id IS DISTINCT FROM updated_by
           AND NOT created_at < now() - interval '2 days'
        ON CONFLICT (user_id, dedupe_key) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER leads_notify_assigned_insert ON leads`);
    await q.query(
      `CREATE TRIGGER leads_notify_assigned_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_leads_assigned_insert()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER leads_notify_assigned_insert ON leads`);
    await q.query(
      `CREATE TRIGGER leads_notify_assigned_insert AFTER INSERT ON leads FOR EACH ROW WHEN (NEW.advisor_id IS NOT NULL) EXECUTE FUNCTION notify_lead_assigned()`,
    );
    await q.query(`DROP FUNCTION notify_leads_assigned_insert()`);
    await q.query(`DROP TRIGGER leads_advisor_load_insert ON leads`);
    await q.query(`DROP TRIGGER leads_advisor_load ON leads`);
    await q.query(
      `CREATE TRIGGER leads_advisor_load AFTER INSERT OR DELETE OR UPDATE OF advisor_id, status, erased_at ON leads FOR EACH ROW EXECUTE FUNCTION advisor_load_track()`,
    );
    await q.query(`DROP FUNCTION advisor_load_track_insert()`);
    await q.query(`ALTER TABLE inquiries DROP COLUMN import_id`);
    await q.query(`DROP TABLE lead_imports`);
  }
}
