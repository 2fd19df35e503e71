import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The website's Quick Inquiry form: versioned consent notices, the notice each lead saw, guardians of minors. */
export class WebsiteForm1764400400000 implements MigrationInterface {
  name = 'WebsiteForm1764400400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consent_notices (
        version integer PRIMARY KEY,
        text text NOT NULL,
        url text,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO consent_notices (version, text) VALUES (1,
        'We collect your name, WhatsApp number, email, city and the course you are interested in, to send you the university comparison you asked for and to call you about it. '
        || 'With your permission we may also send you news of programs and offers. Each consent is separate and you can withdraw it at any time with the link in our messages or by writing to us; '
        || 'we then stop at once. We keep your details only as long as we advise you, and never sell them.')`);
    await q.query(`
      INSERT INTO app_settings (key, value) VALUES ('websiteForm', '{"courses": ["Online MBA", "Online MCA", "Online BBA", "Online BCA", "Online M.Com", "Online B.Com", "PG Diploma in Management", "Executive MBA", "Data Science / Analytics", "Micro-credential or nano-degree"], "allowedOrigins": []}')
      ON CONFLICT (key) DO NOTHING`);
    await q.query(`ALTER TABLE leads ADD COLUMN consent_notice_version integer REFERENCES consent_notices (version)`);
    await q.query(`ALTER TABLE leads ADD COLUMN is_minor boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE leads ADD COLUMN guardian_name text`);
    await q.query(`ALTER TABLE leads ADD COLUMN guardian_phone text`);
    await q.query(`ALTER TABLE leads ADD COLUMN referrer text`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['referrer', 'guardian_phone', 'guardian_name', 'is_minor', 'consent_notice_version'])
      await q.query(`ALTER TABLE leads DROP COLUMN ${column}`);
    await q.query(`DELETE FROM app_settings WHERE key = 'websiteForm'`);
    await q.query(`DROP TABLE consent_notices`);
  }
}
