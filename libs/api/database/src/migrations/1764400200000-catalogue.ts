import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Universities, programs and their exact fee structures (integer paise), shortlists and frozen comparisons. */
export class Catalogue1764400200000 implements MigrationInterface {
  name = 'Catalogue1764400200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE universities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        city text,
        state text,
        ownership text CHECK (ownership IN ('central', 'state', 'private', 'deemed', 'platform')),
        approvals text[] NOT NULL DEFAULT '{}',
        naac_grade text,
        nirf_rank integer CHECK (nirf_rank > 0),
        nirf_category text,
        nirf_year smallint,
        website text,
        source_url text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX universities_name_key ON universities (lower(name))`);
    await q.query(`CREATE INDEX universities_name_trgm_idx ON universities USING gin (name gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        university_id uuid NOT NULL REFERENCES universities (id),
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('UG', 'PG', 'diploma', 'certificate', 'micro-credential', 'nano-degree')),
        credential_type text CHECK (credential_type IN ('degree', 'certification', 'micro-credential')),
        mode text CHECK (mode IN ('online', 'distance', 'regular', 'hybrid')),
        duration_months smallint CHECK (duration_months > 0),
        credits smallint CHECK (credits >= 0),
        stackable boolean NOT NULL DEFAULT false,
        eligibility text,
        specialisations text[] NOT NULL DEFAULT '{}',
        source_url text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX programs_university_name_key ON programs (university_id, lower(name))`);
    await q.query(`CREATE INDEX programs_level_mode_idx ON programs (level, mode)`);
    await q.query(`CREATE INDEX programs_name_trgm_idx ON programs USING gin (name gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE fee_structures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs (id),
        session text NOT NULL CHECK (session ~ '^[0-9]{4}-[0-9]{2}$'),
        components jsonb NOT NULL,
        total_paise bigint NOT NULL CHECK (total_paise >= 0),
        emi_available boolean NOT NULL DEFAULT false,
        scholarship_notes text,
        valid_from date,
        valid_to date,
        is_current boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
      )`);
    // At most one current fee structure per program and session; older ones stay as history.
    await q.query(`CREATE UNIQUE INDEX fee_structures_current_key ON fee_structures (program_id, session) WHERE is_current`);
    await q.query(`CREATE INDEX fee_structures_total_idx ON fee_structures (total_paise) WHERE is_current`);
    // Every edit of a fee structure keeps the figures it replaced.
    await q.query(`
      CREATE TABLE fee_structure_revisions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        fee_structure_id uuid NOT NULL REFERENCES fee_structures (id) ON DELETE CASCADE,
        components jsonb NOT NULL,
        total_paise bigint NOT NULL,
        emi_available boolean NOT NULL,
        scholarship_notes text,
        valid_from date,
        valid_to date,
        changed_by uuid REFERENCES users (id),
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE shortlist_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        program_id uuid NOT NULL REFERENCES programs (id),
        rank integer NOT NULL,
        note text,
        added_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (lead_id, program_id)
      )`);
    await q.query(`CREATE INDEX shortlist_items_lead_idx ON shortlist_items (lead_id, rank)`);

    await q.query(`
      CREATE TABLE comparisons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        token text NOT NULL UNIQUE,
        snapshot jsonb NOT NULL,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        view_count integer NOT NULL DEFAULT 0,
        last_viewed_at timestamptz
      )`);
    await q.query(`CREATE INDEX comparisons_lead_idx ON comparisons (lead_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE comparisons`);
    await q.query(`DROP TABLE shortlist_items`);
    await q.query(`DROP TABLE fee_structure_revisions`);
    await q.query(`DROP TABLE fee_structures`);
    await q.query(`DROP TABLE programs`);
    await q.query(`DROP TABLE universities`);
  }
}
