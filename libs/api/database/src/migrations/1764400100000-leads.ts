import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leads and everything an advisor does with them. Indexes are chosen for a million leads:
 * each names the list filter or report it serves.
 */
export class Leads1764400100000 implements MigrationInterface {
  name = 'Leads1764400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE leads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        full_name text NOT NULL,
        phone text,
        email text,
        city text,
        state text,
        course_interest text,
        level text,
        mode text CHECK (mode IN ('online', 'distance', 'regular', 'hybrid')),
        budget_paise bigint CHECK (budget_paise >= 0),
        qualification text,
        experience_years smallint CHECK (experience_years BETWEEN 0 AND 60),
        status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'counselled', 'shortlisted', 'applied', 'admitted', 'enrolled', 'lost')),
        lost_reason text CHECK (lost_reason IN ('not_reachable', 'not_interested', 'budget', 'not_eligible', 'chose_another_provider', 'duplicate', 'other')),
        max_stage smallint NOT NULL DEFAULT 0,
        advisor_id uuid REFERENCES users (id),
        source text NOT NULL DEFAULT 'website',
        utm_source text,
        utm_medium text,
        utm_campaign text,
        utm_term text,
        utm_content text,
        landing_url text,
        consent_whatsapp boolean NOT NULL DEFAULT false,
        consent_marketing boolean NOT NULL DEFAULT false,
        consent_at timestamptz,
        consent_source text,
        unsubscribe_token text NOT NULL UNIQUE DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
        next_follow_up_at timestamptz,
        first_contacted_at timestamptz,
        enrolled_at timestamptz,
        lost_at timestamptz,
        erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT lost_has_reason CHECK ((status = 'lost') = (lost_reason IS NOT NULL))
      )`);
    // One lead per phone (E.164): the intake upsert relies on it. Erased leads have no phone.
    await q.query(`CREATE UNIQUE INDEX leads_phone_key ON leads (phone) WHERE phone IS NOT NULL`);
    // The default list order and date-range filters; (created_at, id) keeps deep pages stable.
    await q.query(`CREATE INDEX leads_created_idx ON leads (created_at DESC, id DESC)`);
    // An advisor's queue: their leads by status, newest first.
    await q.query(`CREATE INDEX leads_advisor_status_created_idx ON leads (advisor_id, status, created_at DESC)`);
    await q.query(`CREATE INDEX leads_status_created_idx ON leads (status, created_at DESC)`);
    // Follow-ups due today / overdue, open leads only.
    await q.query(`CREATE INDEX leads_follow_up_idx ON leads (advisor_id, next_follow_up_at) WHERE next_follow_up_at IS NOT NULL`);
    await q.query(`CREATE INDEX leads_campaign_idx ON leads (utm_campaign, created_at DESC) WHERE utm_campaign IS NOT NULL`);
    await q.query(`CREATE INDEX leads_source_idx ON leads (source, created_at DESC)`);
    // q: name and email fragments, phone digit fragments (pg_trgm).
    await q.query(`CREATE INDEX leads_name_trgm_idx ON leads USING gin (full_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX leads_email_trgm_idx ON leads USING gin (email gin_trgm_ops)`);
    await q.query(`CREATE INDEX leads_phone_trgm_idx ON leads USING gin (phone gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE inquiries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        received_at timestamptz NOT NULL DEFAULT now(),
        payload jsonb NOT NULL,
        source_url text,
        client_hash text,
        idempotency_key text
      )`);
    await q.query(`CREATE INDEX inquiries_lead_idx ON inquiries (lead_id, received_at DESC)`);

    // The timeline: append-only (no UPDATE or DELETE from the application).
    await q.query(`
      CREATE TABLE activities (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('inquiry', 'note', 'call', 'whatsapp', 'status_change', 'assignment', 'task', 'shortlist', 'comparison', 'consent', 'profile', 'erasure')),
        author_id uuid REFERENCES users (id),
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX activities_lead_idx ON activities (lead_id, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        owner_id uuid NOT NULL REFERENCES users (id),
        title text NOT NULL,
        due_at timestamptz NOT NULL,
        done_at timestamptz,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // "My follow-ups": open tasks by due time; done ones by when.
    await q.query(`CREATE INDEX tasks_owner_open_idx ON tasks (owner_id, due_at) WHERE done_at IS NULL`);
    await q.query(`CREATE INDEX tasks_lead_idx ON tasks (lead_id, due_at)`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);

    await q.query(`CREATE TABLE app_settings (key text PRIMARY KEY, value jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO app_settings (key, value) VALUES ('assignment', '{"autoAssign": true}')`);

    // Open leads per advisor, kept by a trigger so "least loaded" never scans the leads table.
    await q.query(`
      CREATE TABLE advisor_load (
        advisor_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        open_leads integer NOT NULL DEFAULT 0,
        last_assigned_at timestamptz
      )`);
    await q.query(`INSERT INTO advisor_load (advisor_id) SELECT id FROM users`);
    await q.query(`
      CREATE FUNCTION advisor_load_for_new_user() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO advisor_load (advisor_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER users_advisor_load AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION advisor_load_for_new_user()`);
    await q.query(`
      CREATE FUNCTION advisor_load_track() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_open boolean := TG_OP <> 'INSERT' AND OLD.advisor_id IS NOT NULL AND OLD.status NOT IN ('enrolled', 'lost') AND OLD.erased_at IS NULL;
        new_open boolean := TG_OP <> 'DELETE' AND NEW.advisor_id IS NOT NULL AND NEW.status NOT IN ('enrolled', 'lost') AND NEW.erased_at IS NULL;
      BEGIN
        IF old_open AND (NOT new_open OR OLD.advisor_id IS DISTINCT FROM NEW.advisor_id) THEN
          UPDATE advisor_load SET open_leads = open_leads - 1 WHERE advisor_id = OLD.advisor_id;
        END IF;
        IF new_open AND (NOT old_open OR OLD.advisor_id IS DISTINCT FROM NEW.advisor_id) THEN
          UPDATE advisor_load SET open_leads = open_leads + 1 WHERE advisor_id = NEW.advisor_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER leads_advisor_load AFTER INSERT OR DELETE OR UPDATE OF advisor_id, status, erased_at ON leads FOR EACH ROW EXECUTE FUNCTION advisor_load_track()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER leads_advisor_load ON leads`);
    await q.query(`DROP FUNCTION advisor_load_track()`);
    await q.query(`DROP TRIGGER users_advisor_load ON users`);
    await q.query(`DROP FUNCTION advisor_load_for_new_user()`);
    await q.query(`DROP TABLE advisor_load`);
    await q.query(`DROP TABLE app_settings`);
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE tasks`);
    await q.query(`DROP TABLE activities`);
    await q.query(`DROP TABLE inquiries`);
    await q.query(`DROP TABLE leads`);
  }
}
