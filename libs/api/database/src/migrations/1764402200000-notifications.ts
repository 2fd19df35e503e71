import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The working hours a new installation starts with (DEFAULT_WORKING_HOURS of the notifications contract, as of this migration). */
const DEFAULT_HOURS = '{"days": [1, 2, 3, 4, 5, 6], "start": "09:00", "end": "20:00"}';

const KINDS = `'lead.assigned', 'followup.due', 'followup.overdue', 'whatsapp.reply', 'application.deadline', 'document.uploaded', 'lead.uncontacted'`;

/**
 * Notifications and speed to lead.
 *
 * - `notifications`: one row per thing told to one user. `id` increases, so it is the live stream's
 *   event id (`Last-Event-ID`); `(user_id, dedupe_key)` is unique, so a kind raised twice for the same
 *   event (two instances, a retried job) is one notification.
 * - `notification_settings`: a user's kinds in the bell and by email, the digest switch and the token
 *   of its unsubscribe link; no row means the defaults.
 * - `notification_stream_tickets`: single-use, 60-second tickets for the event stream, shared by every
 *   instance (a ticket taken on one may be used on another); stored as a hash.
 * - `digests_sent`: one morning digest per user and day, whichever instance sends it.
 * - Working hours (`app_settings.working_hours`, Asia/Kolkata) and two SQL functions on them:
 *   `working_add(t, minutes, hours)` (when a lead that arrived at t is due) and
 *   `working_minutes(a, b, hours)` (the working minutes between two times).
 * - `leads.first_contact_due_at` (arrival + FIRST_CONTACT_SLA_MINUTES in working hours, set by the
 *   speed-to-lead job) and `leads.first_contact_working_minutes` (kept by a trigger when the first
 *   contact is recorded, so the report's median needs no per-lead computation).
 */
export class Notifications1764402200000 implements MigrationInterface {
  name = 'Notifications1764402200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        title text NOT NULL,
        body text,
        lead_id uuid REFERENCES leads (id) ON DELETE CASCADE,
        link text,
        dedupe_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz,
        UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id, id) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notifications_lead_idx ON notifications (lead_id) WHERE lead_id IS NOT NULL`);
    // The live streams' look at the last minute, per user.
    await q.query(`CREATE INDEX notifications_recent_idx ON notifications (created_at, user_id)`);

    await q.query(`
      CREATE TABLE notification_settings (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        bell text[] NOT NULL,
        email text[] NOT NULL,
        digest boolean NOT NULL DEFAULT true,
        digest_token text NOT NULL UNIQUE DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE notification_stream_tickets (
        ticket_sha256 bytea PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_stream_tickets_expiry_idx ON notification_stream_tickets (expires_at)`);
    await q.query(`
      CREATE TABLE digests_sent (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        day date NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, day)
      )`);

    await q.query(`INSERT INTO app_settings (key, value) VALUES ('working_hours', '${DEFAULT_HOURS}') ON CONFLICT (key) DO NOTHING`);

    // The working minutes between a and b: each day's window [start, end) in India, on working days only.
    await q.query(`
      CREATE FUNCTION working_minutes(a timestamptz, b timestamptz, hours jsonb) RETURNS numeric LANGUAGE plpgsql STABLE AS $$
      DECLARE
        la timestamp := a AT TIME ZONE 'Asia/Kolkata';
        lb timestamp := b AT TIME ZONE 'Asia/Kolkata';
        opens time := (hours->>'start')::time;
        closes time := (hours->>'end')::time;
        workdays int[] := ARRAY(SELECT jsonb_array_elements_text(hours->'days')::int);
        d date;
        total numeric := 0;
      BEGIN
        IF a IS NULL OR b IS NULL OR lb <= la THEN RETURN 0; END IF;
        d := la::date;
        WHILE d <= lb::date AND d <= la::date + 400 LOOP
          IF extract(isodow FROM d)::int = ANY (workdays) AND LEAST(d + closes, lb) > GREATEST(d + opens, la) THEN
            total := total + extract(epoch FROM LEAST(d + closes, lb) - GREATEST(d + opens, la)) / 60;
          END IF;
          d := d + 1;
        END LOOP;
        RETURN round(total, 2);
      END $$`);
    // When `minutes` of working time after t have passed: a 23:00 arrival with 60 minutes is due at 10:00 the next working day.
    await q.query(`
      CREATE FUNCTION working_add(t timestamptz, minutes numeric, hours jsonb) RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
      DECLARE
        cur timestamp := t AT TIME ZONE 'Asia/Kolkata';
        opens time := (hours->>'start')::time;
        closes time := (hours->>'end')::time;
        workdays int[] := ARRAY(SELECT jsonb_array_elements_text(hours->'days')::int);
        remaining numeric := minutes;
        d date := (t AT TIME ZONE 'Asia/Kolkata')::date;
        opening timestamp;
        available numeric;
      BEGIN
        IF cardinality(workdays) = 0 OR closes <= opens THEN RETURN t + make_interval(secs => minutes * 60); END IF;
        FOR i IN 0..400 LOOP
          IF extract(isodow FROM d)::int = ANY (workdays) THEN
            opening := GREATEST(d + opens, cur);
            IF d + closes > opening THEN
              available := extract(epoch FROM (d + closes) - opening) / 60;
              IF available >= remaining THEN
                RETURN (opening + make_interval(secs => remaining * 60)) AT TIME ZONE 'Asia/Kolkata';
              END IF;
              remaining := remaining - available;
            END IF;
          END IF;
          d := d + 1;
          cur := d::timestamp;
        END LOOP;
        RETURN NULL;
      END $$`);

    // Follow-ups coming due, for everyone: the reminders' minutely look.
    await q.query(`CREATE INDEX tasks_open_due_idx ON tasks (due_at) WHERE done_at IS NULL`);
    await q.query(`ALTER TABLE leads ADD COLUMN first_contact_due_at timestamptz`);
    await q.query(`ALTER TABLE leads ADD COLUMN first_contact_working_minutes numeric`);
    // New leads not contacted yet, by arrival: the speed-to-lead job's worklist.
    await q.query(`CREATE INDEX leads_uncontacted_idx ON leads (created_at) WHERE first_contacted_at IS NULL AND erased_at IS NULL`);
    await q.query(`
      CREATE FUNCTION lead_first_contact_minutes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.first_contact_working_minutes := working_minutes(NEW.created_at, NEW.first_contacted_at,
          COALESCE((SELECT value FROM app_settings WHERE key = 'working_hours'), '${DEFAULT_HOURS}'));
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER leads_first_contact_minutes_insert BEFORE INSERT ON leads FOR EACH ROW WHEN (NEW.first_contacted_at IS NOT NULL) EXECUTE FUNCTION lead_first_contact_minutes()`,
    );
    await q.query(
      `CREATE TRIGGER leads_first_contact_minutes_update BEFORE UPDATE OF first_contacted_at ON leads FOR EACH ROW
         WHEN (OLD.first_contacted_at IS DISTINCT FROM NEW.first_contacted_at AND NEW.first_contacted_at IS NOT NULL) EXECUTE FUNCTION lead_first_contact_minutes()`,
    );

    // Raised where the event is written, in its transaction, whichever code path writes it: a lead
    // assigned (by a manager, intake, a transfer, a handover), a student's WhatsApp message, a
    // student's upload. Old rows (a bulk load, the demo's history) raise nothing.
    await q.query(`
      CREATE FUNCTION notify_lead_assigned() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.advisor_id IS NULL OR NEW.erased_at IS NOT NULL OR NEW.advisor_id IS NOT DISTINCT FROM NEW.updated_by
           OR NEW.created_at < now() - interval '2 days' AND TG_OP = 'INSERT' THEN
          RETURN NULL;
        END IF;
        INSERT INTO notifications (user_id, kind, title, body, lead_id, link, dedupe_key)
        VALUES (NEW.advisor_id, 'lead.assigned', 'New lead: ' || NEW.full_name,
                concat_ws(' · ', NEW.course_interest, NEW.city, CASE WHEN TG_OP = 'INSERT' THEN 'new inquiry' ELSE 'assigned to you' END),
                NEW.id, '/leads/' || NEW.id, 'lead.assigned:' || NEW.id || ':' || txid_current())
        ON CONFLICT (user_id, dedupe_key) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER leads_notify_assigned_insert AFTER INSERT ON leads FOR EACH ROW WHEN (NEW.advisor_id IS NOT NULL) EXECUTE FUNCTION notify_lead_assigned()`,
    );
    await q.query(
      `CREATE TRIGGER leads_notify_assigned_update AFTER UPDATE OF advisor_id ON leads FOR EACH ROW WHEN (NEW.advisor_id IS DISTINCT FROM OLD.advisor_id) EXECUTE FUNCTION notify_lead_assigned()`,
    );
    await q.query(`
      CREATE FUNCTION notify_whatsapp_reply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO notifications (user_id, kind, title, body, lead_id, link, dedupe_key)
        SELECT l.advisor_id, 'whatsapp.reply', l.full_name || ' replied on WhatsApp',
               left(COALESCE(NEW.text, 'A ' || NEW.kind || ' message'), 140), l.id, '/leads/' || l.id, 'whatsapp.reply:' || NEW.id
          FROM leads l
         WHERE l.id = NEW.lead_id AND l.advisor_id IS NOT NULL AND l.erased_at IS NULL AND NEW.created_at > now() - interval '2 days'
        ON CONFLICT (user_id, dedupe_key) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER whatsapp_messages_notify_reply AFTER INSERT ON whatsapp_messages FOR EACH ROW WHEN (NEW.direction = 'in') EXECUTE FUNCTION notify_whatsapp_reply()`,
    );
    await q.query(`
      CREATE FUNCTION notify_document_uploaded() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO notifications (user_id, kind, title, body, lead_id, link, dedupe_key)
        SELECT l.advisor_id, 'document.uploaded', l.full_name || ' uploaded ' || NEW.label,
               p.name || ', ' || u.name, l.id, '/leads/' || l.id,
               'document.uploaded:' || NEW.id || ':' || extract(epoch FROM NEW.uploaded_at)
          FROM applications a JOIN leads l ON l.id = a.lead_id JOIN programs p ON p.id = a.program_id JOIN universities u ON u.id = p.university_id
         WHERE a.id = NEW.application_id AND l.advisor_id IS NOT NULL AND l.erased_at IS NULL AND NEW.uploaded_at > now() - interval '2 days'
        ON CONFLICT (user_id, dedupe_key) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER application_documents_notify_uploaded AFTER UPDATE OF uploaded_at ON application_documents FOR EACH ROW
         WHEN (NEW.uploaded_via = 'student' AND NEW.uploaded_at IS DISTINCT FROM OLD.uploaded_at) EXECUTE FUNCTION notify_document_uploaded()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER application_documents_notify_uploaded ON application_documents`);
    await q.query(`DROP FUNCTION notify_document_uploaded()`);
    await q.query(`DROP TRIGGER whatsapp_messages_notify_reply ON whatsapp_messages`);
    await q.query(`DROP FUNCTION notify_whatsapp_reply()`);
    await q.query(`DROP TRIGGER leads_notify_assigned_update ON leads`);
    await q.query(`DROP TRIGGER leads_notify_assigned_insert ON leads`);
    await q.query(`DROP FUNCTION notify_lead_assigned()`);
    await q.query(`DROP TRIGGER leads_first_contact_minutes_update ON leads`);
    await q.query(`DROP TRIGGER leads_first_contact_minutes_insert ON leads`);
    await q.query(`DROP FUNCTION lead_first_contact_minutes()`);
    await q.query(`DROP INDEX leads_uncontacted_idx`);
    await q.query(`ALTER TABLE leads DROP COLUMN first_contact_working_minutes`);
    await q.query(`ALTER TABLE leads DROP COLUMN first_contact_due_at`);
    await q.query(`DROP INDEX tasks_open_due_idx`);
    await q.query(`DROP FUNCTION working_add(timestamptz, numeric, jsonb)`);
    await q.query(`DROP FUNCTION working_minutes(timestamptz, timestamptz, jsonb)`);
    await q.query(`DELETE FROM app_settings WHERE key = 'working_hours'`);
    await q.query(`DROP TABLE digests_sent`);
    await q.query(`DROP TABLE notification_stream_tickets`);
    await q.query(`DROP TABLE notification_settings`);
    await q.query(`DROP TABLE notifications`);
  }
}
