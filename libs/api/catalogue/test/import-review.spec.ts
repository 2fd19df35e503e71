import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { queryOne } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import type { ImportFeeChange, ImportReport, ImportRowChange } from '@advisordesk/shared';
import { CatalogueModule } from '../src';

const SAMPLE = join(__dirname, '../../seed/data');
const universitiesCsv = readFileSync(join(SAMPLE, 'universities.csv'), 'utf8');
const programsCsv = readFileSync(join(SAMPLE, 'programs.csv'), 'utf8');

const MUJ_MBA =
  'Manipal University Jaipur,Online MBA,PG,degree,online,24,,,,Semester 1:43750;Semester 2:43750;Semester 3:43750;Semester 4:43750,175000,yes,';
/** The sample files with Jaipur's city spelt out, the Online BCA made 48 months, and the MBA's fourth semester dearer. */
const editedUniversities = universitiesCsv.replace('Manipal University Jaipur,Jaipur,', 'Manipal University Jaipur,Jaipur (Dehmi Kalan),');
const editedPrograms = programsCsv
  .replace(MUJ_MBA, MUJ_MBA.replace('Semester 4:43750,175000', 'Semester 4:45000,176250'))
  .replace('Manipal University Jaipur,Online BCA,UG,degree,online,36,', 'Manipal University Jaipur,Online BCA,UG,degree,online,48,');

describe('reviewing a catalogue import before it is applied', () => {
  let t: TestApp;
  let manager: SignedIn;

  const importFiles = (body: Record<string, unknown>) =>
    request(t.http)
      .post('/api/catalogue/import')
      .set(manager.auth)
      .send({ universities: editedUniversities, programs: editedPrograms, ...body });
  const mbaFee = () =>
    queryOne<{ id: string; total: number; version: number }>(
      t.dataSource,
      `SELECT f.id, f.total_paise AS total, f.version FROM fee_structures f JOIN programs p ON p.id = f.program_id JOIN universities u ON u.id = p.university_id
        WHERE u.name = 'Manipal University Jaipur' AND p.name = 'Online MBA' AND f.is_current`,
    );

  beforeAll(async () => {
    t = await createTestApp([CatalogueModule]);
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    expect(MUJ_MBA.length && programsCsv.includes(MUJ_MBA)).toBe(true);
    await request(t.http).post('/api/catalogue/import').set(manager.auth).send({ universities: universitiesCsv, programs: programsCsv }).expect(200);
  });
  afterAll(() => t.close());

  it('a dry run lists each row as unchanged, or updated with its fields before → after, and each fee it replaces with both totals', async () => {
    const report: ImportReport = (await importFiles({ dryRun: true }).expect(200)).body;
    expect(report.universities).toEqual({ rows: 41, create: 0, update: 1, unchanged: 40 });
    expect(report.programs).toEqual({ rows: 54, create: 0, update: 1, unchanged: 53 });
    expect(report.feeStructures).toEqual({ create: 0, update: 1, unchanged: 53 });
    const changed = report.rows.filter((r: ImportRowChange) => r.outcome !== 'unchanged');
    expect(changed).toEqual([
      {
        file: 'universities',
        line: 2,
        name: 'Manipal University Jaipur',
        outcome: 'updated',
        changes: [{ field: 'city', before: 'Jaipur', after: 'Jaipur (Dehmi Kalan)' }],
      },
      {
        file: 'programs',
        line: 4,
        name: 'Online BCA — Manipal University Jaipur',
        outcome: 'updated',
        changes: [{ field: 'duration_months', before: '36', after: '48' }],
      },
    ]);
    expect(report.rows.find((r) => r.name === 'Online MBA — Manipal University Jaipur')).toMatchObject({ outcome: 'unchanged', changes: [] });
    expect(report.fees.filter((f: ImportFeeChange) => f.outcome !== 'unchanged')).toEqual([
      {
        line: 2,
        programName: 'Online MBA',
        universityName: 'Manipal University Jaipur',
        session: '2026-27',
        outcome: 'updated',
        beforeTotalPaise: 17_500_000,
        afterTotalPaise: 17_625_000,
        components: [{ label: 'Semester 4', beforePaise: 4_375_000, afterPaise: 4_500_000 }],
        panelEditedAt: null,
        overwritesPanelEdit: false,
      },
    ]);
    expect((await mbaFee()).total).toBe(17_500_000);
  });

  it('applying a file dated before a fee was edited in the panel is a 409 naming that fee; confirming replaces it', async () => {
    const fileDate = new Date(Date.now() - 86_400_000).toISOString();
    const before = await mbaFee();
    const edited = await request(t.http)
      .patch(`/api/fee-structures/${before.id}`)
      .set(manager.auth)
      .send({
        version: before.version,
        components: [
          { label: 'Semester 1', amountPaise: 4_000_000 },
          { label: 'Semester 2', amountPaise: 4_375_000 },
          { label: 'Semester 3', amountPaise: 4_375_000 },
          { label: 'Semester 4', amountPaise: 4_375_000 },
        ],
      })
      .expect(200);
    expect(edited.body.totalPaise).toBe(17_125_000);

    const dry: ImportReport = (await importFiles({ dryRun: true, asOf: fileDate }).expect(200)).body;
    expect(dry.fees.filter((f) => f.overwritesPanelEdit)).toEqual([
      expect.objectContaining({
        programName: 'Online MBA',
        beforeTotalPaise: 17_125_000,
        afterTotalPaise: 17_625_000,
        panelEditedAt: expect.any(String),
      }),
    ]);

    const refused = await importFiles({ asOf: fileDate }).expect(409);
    expect(refused.body.code).toBe('catalogue.overwritesPanelEdits');
    expect(refused.body.fields).toEqual([
      { field: 'programs:2:fee', message: expect.stringMatching(/^Online MBA — Manipal University Jaipur \(2026-27\): ₹1,71,250 → ₹1,76,250/) },
    ]);
    expect((await mbaFee()).total).toBe(17_125_000);
    const city = await queryOne<{ city: string }>(t.dataSource, `SELECT city FROM universities WHERE name = 'Manipal University Jaipur'`);
    expect(city.city).toBe('Jaipur');

    // A file made after the edit replaces it without asking.
    const later: ImportReport = (await importFiles({ dryRun: true, asOf: new Date(Date.now() + 60_000).toISOString() }).expect(200)).body;
    expect(later.fees.some((f) => f.overwritesPanelEdit)).toBe(false);

    const applied: ImportReport = (await importFiles({ asOf: fileDate, overwriteEditedSince: true }).expect(200)).body;
    expect(applied.applied).toBe(true);
    expect((await mbaFee()).total).toBe(17_625_000);
    const again: ImportReport = (await importFiles({ dryRun: true, asOf: fileDate }).expect(200)).body;
    expect(again.feeStructures).toEqual({ create: 0, update: 0, unchanged: 54 });
    expect(again.universities.unchanged).toBe(41);
  });

  it('a bad asOf or confirmation is a 400 naming the field', async () => {
    const bad = await importFiles({ dryRun: true, asOf: 'last tuesday' }).expect(400);
    expect(bad.body.fields[0].field).toBe('asOf');
    const notBool = await importFiles({ dryRun: true, overwriteEditedSince: 'yes' }).expect(400);
    expect(notBool.body.fields[0].field).toBe('overwriteEditedSince');
  });
});
