import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * WhatsApp (Meta's Cloud API): each lead's conversation, the webhook's events as received, and the
 * two lead columns the list filters on.
 *
 * - `whatsapp_messages`: inbound and outbound, one row each. `wa_message_id` (Meta's `wamid`) is
 *   unique: an inbound message delivered twice by Meta is stored once, and a status finds its
 *   outbound message. `attempts`, `next_attempt_at`, `claimed_at`, `sent_at` belong to the outbox.
 *   `profile_name` is the sender's WhatsApp profile name as Meta reported it with the message.
 * - `whatsapp_webhook_events`: the webhook's bodies, stored before answering Meta and then handled by
 *   a job. `body_sha256` is unique, so an event Meta sends again with the same bytes adds nothing.
 *   `lead_ids` are the leads the event touched (filled by the handling), so erasure finds their bodies.
 * - `leads.whatsapp_window_ends_at` (the student's last message + 24 h: free text allowed until
 *   then) and `leads.whatsapp_unanswered` (the conversation's last message is from the student) are
 *   kept by a trigger on `whatsapp_messages`, whoever inserts the message (webhook, outbox, seed).
 */
export class Whatsapp1764401900000 implements MigrationInterface {
  name = 'Whatsapp1764401900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE whatsapp_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        direction text NOT NULL CHECK (direction IN ('in', 'out')),
        kind text NOT NULL CHECK (kind IN ('text', 'template', 'image', 'document', 'audio', 'video', 'sticker', 'location', 'contacts', 'interactive', 'button', 'reaction', 'unsupported')),
        text text,
        template jsonb,
        profile_name text,
        status text NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'read', 'failed')),
        error_code integer,
        error_title text,
        wa_message_id text UNIQUE,
        sent_by uuid REFERENCES users (id),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        claimed_at timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        status_at timestamptz
      )`);
    // A lead's conversation, oldest first.
    await q.query(`CREATE INDEX whatsapp_messages_lead_idx ON whatsapp_messages (lead_id, created_at, id)`);
    // The outbox: messages waiting to be sent.
    await q.query(`CREATE INDEX whatsapp_messages_queued_idx ON whatsapp_messages (next_attempt_at) WHERE status = 'queued'`);

    await q.query(`
      CREATE TABLE whatsapp_webhook_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        received_at timestamptz NOT NULL DEFAULT now(),
        body jsonb NOT NULL,
        body_sha256 bytea NOT NULL UNIQUE,
        lead_ids uuid[] NOT NULL DEFAULT '{}',
        processed_at timestamptz,
        error text
      )`);
    await q.query(`CREATE INDEX whatsapp_webhook_events_pending_idx ON whatsapp_webhook_events (received_at) WHERE processed_at IS NULL`);
    await q.query(`CREATE INDEX whatsapp_webhook_events_leads_idx ON whatsapp_webhook_events USING gin (lead_ids)`);

    await q.query(`ALTER TABLE leads ADD COLUMN whatsapp_window_ends_at timestamptz`);
    await q.query(`ALTER TABLE leads ADD COLUMN whatsapp_unanswered boolean NOT NULL DEFAULT false`);
    // "Replied, unanswered": few leads at a time, per advisor.
    await q.query(`CREATE INDEX leads_whatsapp_unanswered_idx ON leads (advisor_id, whatsapp_window_ends_at) WHERE whatsapp_unanswered`);
    // The lead list sorted by the window's end (whose window closes first).
    await q.query(`CREATE INDEX leads_whatsapp_window_idx ON leads (whatsapp_window_ends_at, id) WHERE whatsapp_window_ends_at IS NOT NULL`);
    // The window is Meta's 24 hours (WHATSAPP_WINDOW_HOURS in the WhatsApp contract) from the student's latest message.
    // Meta's timestamps are whole seconds: a reply stamped t came at some moment of [t, t + 1 s), so only
    // a message of ours from t + 1 s on is certainly after it and answers it.
    await q.query(`
      CREATE FUNCTION whatsapp_message_lead_state() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.direction = 'in' THEN
          UPDATE leads SET whatsapp_window_ends_at = GREATEST(COALESCE(whatsapp_window_ends_at, '-infinity'), NEW.created_at + interval '24 hours'),
                           whatsapp_unanswered = NOT EXISTS (SELECT 1 FROM whatsapp_messages m WHERE m.lead_id = NEW.lead_id AND m.direction = 'out' AND m.created_at >= NEW.created_at + interval '1 second')
           WHERE id = NEW.lead_id;
        ELSE
          UPDATE leads SET whatsapp_unanswered = false WHERE id = NEW.lead_id AND whatsapp_unanswered;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER whatsapp_messages_lead_state AFTER INSERT ON whatsapp_messages FOR EACH ROW EXECUTE FUNCTION whatsapp_message_lead_state()`,
    );

    await q.query(
      `INSERT INTO app_settings (key, value) VALUES ('whatsapp', '{"comparisonTemplate": {"name": "comparison_ready", "language": "en"}, "welcomeTemplate": null, "welcomeEnabled": false, "lastCheck": null}') ON CONFLICT (key) DO NOTHING`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM app_settings WHERE key = 'whatsapp'`);
    await q.query(`DROP TRIGGER whatsapp_messages_lead_state ON whatsapp_messages`);
    await q.query(`DROP FUNCTION whatsapp_message_lead_state()`);
    await q.query(`DROP INDEX leads_whatsapp_window_idx`);
    await q.query(`DROP INDEX leads_whatsapp_unanswered_idx`);
    await q.query(`ALTER TABLE leads DROP COLUMN whatsapp_unanswered`);
    await q.query(`ALTER TABLE leads DROP COLUMN whatsapp_window_ends_at`);
    await q.query(`DROP TABLE whatsapp_webhook_events`);
    await q.query(`DROP TABLE whatsapp_messages`);
  }
}
