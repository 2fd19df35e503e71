import request from 'supertest';
import { queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '@advisordesk/api-leads';
import { ExportsModule } from '../src';

describe('the export log', () => {
  let t: TestApp;
  let manager: SignedIn;

  /** Makes the database refuse `operation` on the export log, as a full disk or a revoked grant would. */
  async function refuseExportLog(operation: 'INSERT' | 'UPDATE') {
    await t.dataSource.query(
      `CREATE OR REPLACE FUNCTION refuse_export_log() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'export log unavailable'; END $$`,
    );
    await t.dataSource.query(`CREATE TRIGGER refuse_export_log BEFORE ${operation} ON exports FOR EACH ROW EXECUTE FUNCTION refuse_export_log()`);
  }

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, ExportsModule]);
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    for (const [i, name] of ['Rohit Sharma', 'Kavya Nair', 'Ananya Gupta'].entries()) {
      await t.dataSource.query(
        `INSERT INTO leads (reference, full_name, phone, consent_marketing, utm_campaign) VALUES ($1, $2, $3, true, 'spring-mba')`,
        [`AD-LOG0000${i}`, name, `+9197100000${i}`],
      );
    }
  });
  afterEach(() => t.dataSource.query(`DROP TRIGGER IF EXISTS refuse_export_log ON exports`));
  afterAll(() => t.close());

  it('an export that cannot be written to the export log does not run: the answer is an error, never the CSV', async () => {
    await refuseExportLog('INSERT');
    const response = await request(t.http).get('/api/exports/leads.csv?utmCampaign=spring-mba').set(manager.auth).expect(503);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ code: 'exports.notRecorded' });
    expect(response.text).not.toMatch(/Rohit|Kavya|Ananya|97100000/);
    expect(await queryRows<{ id: string }>(t.dataSource, `SELECT id FROM exports`)).toEqual([]);
  });

  it('an export is in the log with who, which filters and how many rows before its first row leaves', async () => {
    // Nothing can be written to the log once the download starts: what it holds was written before.
    await refuseExportLog('UPDATE');
    const response = await request(t.http).get('/api/exports/leads.csv?utmCampaign=spring-mba').set(manager.auth).expect(200);
    expect(response.text.trim().split('\n')).toHaveLength(4);
    const log = await queryRows<{ userId: string; filters: Record<string, unknown>; rowCount: number; startedAt: Date }>(
      t.dataSource,
      `SELECT user_id AS "userId", filters, row_count AS "rowCount", started_at AS "startedAt" FROM exports`,
    );
    expect(log).toEqual([{ userId: manager.id, filters: { utmCampaign: 'spring-mba' }, rowCount: 3, startedAt: expect.any(Date) }]);
  });
});
