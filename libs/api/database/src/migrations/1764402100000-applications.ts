import type { MigrationInterface, QueryRunner } from 'typeorm';

const TYPES = `'inquiry', 'note', 'call', 'whatsapp', 'status_change', 'assignment', 'task', 'shortlist', 'comparison', 'consent', 'profile', 'erasure', 'transfer_request'`;

/**
 * Application assistance: a lead's applications to programs, each with its document checklist,
 * the files uploaded for it, the student's upload links and the payments made.
 *
 * - `stored_files` + `stored_file_chunks`: uploaded files, in PostgreSQL so every app instance reaches
 *   them and a backup holds them. A file is written and read in 256 KB chunks, so neither an upload
 *   nor a download holds a whole file in memory; chunks are stored uncompressed (`EXTERNAL`): PDFs,
 *   JPEGs and PNGs are compressed already, and trying again costs CPU for nothing.
 * - `applications.max_stage`: the furthest stage of `planned → documents → submitted → offer →
 *   enrolled` (0–4) the application reached, so the report counts a submitted-then-rejected one as
 *   submitted. (lead, program, session) is unique.
 * - `application_documents`: the checklist copied from the program's (or the default) when the
 *   application is made, each item with its file's name, type and size and its review.
 * - `program_checklists`: a program's own checklist; the default is the `document_checklist` setting.
 * - `upload_links`: the student's 7-day link to upload what is missing (`/u/<token>`).
 * - `payments`: amounts in paise, the day paid (a calendar day in India) and the reference.
 */
export class Applications1764402100000 implements MigrationInterface {
  name = 'Applications1764402100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        content_type text NOT NULL,
        size integer NOT NULL CHECK (size >= 0),
        sha256 bytea,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE stored_file_chunks (
        file_id uuid NOT NULL REFERENCES stored_files (id) ON DELETE CASCADE,
        n integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (file_id, n)
      )`);
    await q.query(`ALTER TABLE stored_file_chunks ALTER COLUMN data SET STORAGE EXTERNAL`);

    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        program_id uuid NOT NULL REFERENCES programs (id),
        session text NOT NULL CHECK (session ~ '^\\d{4}-\\d{2}$'),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'documents', 'submitted', 'offer', 'enrolled', 'rejected', 'withdrawn')),
        max_stage smallint NOT NULL DEFAULT 0,
        university_application_no text,
        deadline date,
        note text,
        created_by uuid REFERENCES users (id),
        updated_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (lead_id, program_id, session)
      )`);
    await q.query(`CREATE INDEX applications_program_idx ON applications (program_id)`);
    await q.query(`CREATE INDEX applications_created_idx ON applications (created_at)`);
    // "Deadlines this week" on the advisor's home: open applications only.
    await q.query(
      `CREATE INDEX applications_deadline_idx ON applications (deadline) WHERE deadline IS NOT NULL AND status IN ('planned', 'documents', 'submitted', 'offer')`,
    );

    await q.query(`
      CREATE TABLE application_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        kind text NOT NULL,
        label text NOT NULL,
        required boolean NOT NULL,
        status text NOT NULL DEFAULT 'missing' CHECK (status IN ('missing', 'uploaded', 'verified', 'rejected')),
        file_id uuid REFERENCES stored_files (id) ON DELETE SET NULL,
        file_name text,
        content_type text,
        size integer,
        uploaded_at timestamptz,
        uploaded_by uuid REFERENCES users (id),
        uploaded_via text CHECK (uploaded_via IN ('staff', 'student')),
        reviewed_by uuid REFERENCES users (id),
        reviewed_at timestamptz,
        note text
      )`);
    await q.query(`CREATE INDEX application_documents_application_idx ON application_documents (application_id, position)`);
    await q.query(`CREATE INDEX application_documents_file_idx ON application_documents (file_id) WHERE file_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE program_checklists (
        program_id uuid PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
        items jsonb NOT NULL,
        updated_by uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE upload_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        token text NOT NULL UNIQUE,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz
      )`);
    await q.query(`CREATE INDEX upload_links_application_idx ON upload_links (application_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('application_fee', 'tuition', 'other')),
        amount_paise bigint NOT NULL CHECK (amount_paise > 0),
        paid_at date NOT NULL,
        reference text,
        recorded_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX payments_application_idx ON payments (application_id, paid_at)`);

    await q.query(`ALTER TABLE activities DROP CONSTRAINT activities_type_check`);
    await q.query(`ALTER TABLE activities ADD CONSTRAINT activities_type_check CHECK (type IN (${TYPES}, 'application'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM activities WHERE type = 'application'`);
    await q.query(`ALTER TABLE activities DROP CONSTRAINT activities_type_check`);
    await q.query(`ALTER TABLE activities ADD CONSTRAINT activities_type_check CHECK (type IN (${TYPES}))`);
    await q.query(`DELETE FROM app_settings WHERE key = 'document_checklist'`);
    await q.query(`DROP TABLE payments`);
    await q.query(`DROP TABLE upload_links`);
    await q.query(`DROP TABLE program_checklists`);
    await q.query(`DROP TABLE application_documents`);
    await q.query(`DROP TABLE applications`);
    await q.query(`DROP TABLE stored_file_chunks`);
    await q.query(`DROP TABLE stored_files`);
  }
}
