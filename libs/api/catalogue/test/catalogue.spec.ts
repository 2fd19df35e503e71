import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { CatalogueModule } from '../src';

const SAMPLE = join(__dirname, '../../seed/data');
const universitiesCsv = readFileSync(join(SAMPLE, 'universities.csv'), 'utf8');
const programsCsv = readFileSync(join(SAMPLE, 'programs.csv'), 'utf8');

async function counts(t: TestApp) {
  const [row] = await queryRows<{ universities: number; programs: number; fees: number }>(
    t.dataSource,
    `SELECT (SELECT count(*) FROM universities)::int AS universities, (SELECT count(*) FROM programs)::int AS programs, (SELECT count(*) FROM fee_structures)::int AS fees`,
  );
  return row;
}

describe('the catalogue', () => {
  let t: TestApp;
  let manager: SignedIn;
  let advisor: SignedIn;
  let marketing: SignedIn;

  beforeAll(async () => {
    t = await createTestApp([CatalogueModule]);
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing');
  });
  afterAll(() => t.close());

  describe('CSV import of the sample catalogue, as published', () => {
    it('a dry run reports what would be created and writes nothing', async () => {
      const response = await request(t.http)
        .post('/api/catalogue/import')
        .set(manager.auth)
        .send({ universities: universitiesCsv, programs: programsCsv, dryRun: true })
        .expect(200);
      expect(response.body).toMatchObject({
        dryRun: true,
        applied: false,
        universities: { rows: 41, create: 41, update: 0, unchanged: 0 },
        programs: { rows: 54, create: 54, update: 0, unchanged: 0 },
        feeStructures: { create: 54, update: 0, unchanged: 0 },
        errors: [],
      });
      expect(await counts(t)).toEqual({ universities: 0, programs: 0, fees: 0 });
    });

    it('applying loads 41 institutions and 54 programs with fee totals equal to their components, and a second import changes nothing', async () => {
      await request(t.http)
        .post('/api/catalogue/import')
        .set(manager.auth)
        .send({ universities: universitiesCsv, programs: programsCsv })
        .expect(200);
      expect(await counts(t)).toEqual({ universities: 41, programs: 54, fees: 54 });
      const { bad } = await queryOne<{ bad: number }>(
        t.dataSource,
        `SELECT count(*)::int AS bad FROM fee_structures f WHERE f.total_paise <> (SELECT sum((c->>'amountPaise')::bigint) FROM jsonb_array_elements(f.components) c)`,
      );
      expect(bad).toBe(0);
      const mba = await queryOne<{ total_paise: number; session: string; components: { label: string; amountPaise: number }[] }>(
        t.dataSource,
        `SELECT f.total_paise, f.session, f.components FROM fee_structures f JOIN programs p ON p.id = f.program_id WHERE p.name = 'Online MBA' AND p.university_id = (SELECT id FROM universities WHERE name = 'Manipal University Jaipur')`,
      );
      expect(mba).toMatchObject({ total_paise: 17_500_000, session: '2026-27' });
      expect(mba.components[0]).toEqual({ label: 'Semester 1', amountPaise: 4_375_000 });
      const ignou = await queryOne<{ nirf_rank: number | null; nirf_category: string | null; approvals: string[] }>(
        t.dataSource,
        `SELECT nirf_rank, nirf_category, approvals FROM universities WHERE name LIKE 'Indira Gandhi National Open University%'`,
      );
      expect(ignou).toEqual({ nirf_rank: 1, nirf_category: 'Open University category', approvals: ['NAAC'] });
      const again = await request(t.http)
        .post('/api/catalogue/import')
        .set(manager.auth)
        .send({ universities: universitiesCsv, programs: programsCsv })
        .expect(200);
      expect(again.body).toMatchObject({
        universities: { update: 0, create: 0, unchanged: 41 },
        programs: { update: 0, create: 0, unchanged: 54 },
        feeStructures: { create: 0, update: 0, unchanged: 54 },
      });
      expect(await counts(t)).toEqual({ universities: 41, programs: 54, fees: 54 });
    });

    it('bad rows are all reported with their line and field, and nothing is written', async () => {
      const before = await counts(t);
      const badUniversities = `${universitiesCsv.trim()}\nNew Institute,Pune,Maharashtra,corporate,UGC-entitled;ISO,A+++,first,2024,ftp://x,\nShort Row,Delhi\n`;
      const badPrograms = `${programsCsv.trim()}\nNew Institute,Online MBA X,PhD,degree,online,24,,,,Semester 1:50000;Semester 2:abc,100000,,\nNowhere University,Online BBA,UG,degree,online,36,,,,Full:1000,1000,,\nNew Institute,Online MCA,PG,degree,online,24,,,2026-28,Year 1:60000;Year 2:60000,100000,,\n`;
      for (const dryRun of [true, false]) {
        const response = await request(t.http)
          .post('/api/catalogue/import')
          .set(manager.auth)
          .send({ universities: badUniversities, programs: badPrograms, dryRun })
          .expect(400);
        const problems = response.body.fields.map((f: { field: string }) => f.field);
        expect(problems).toEqual(
          expect.arrayContaining([
            'universities:43:ownership',
            'universities:43:approvals',
            'universities:43:naac_grade',
            'universities:43:nirf_rank',
            'universities:43:website',
            'universities:44:(row)',
            'programs:56:level',
            'programs:56:fee_components',
            'programs:57:university_name',
            'programs:58:session',
            'programs:58:total_inr',
          ]),
        );
        expect(response.body.message).toMatch(/nothing was written/);
        expect(await counts(t)).toEqual(before);
      }
    });

    it('only managers and admins may import', async () => {
      await request(t.http).post('/api/catalogue/import').set(advisor.auth).send({ universities: universitiesCsv, dryRun: true }).expect(403);
    });
  });

  describe('fee structures', () => {
    let programId: string;

    beforeAll(async () => {
      const [university] = (await request(t.http).get('/api/universities?q=Manipal%20University%20Jaipur').set(advisor.auth).expect(200)).body;
      const program = await request(t.http)
        .post('/api/programs')
        .set(manager.auth)
        .send({
          universityId: university.id,
          name: 'Online MBA (Fintech)',
          level: 'PG',
          credentialType: 'degree',
          mode: 'online',
          durationMonths: 24,
          specialisations: ['Fintech'],
        })
        .expect(201);
      programId = program.body.id;
    });

    it('the total is the sum of the components; a different given total is a 400 naming totalPaise', async () => {
      const components = [
        { label: 'Registration', amountPaise: 50_000_00, due: 'at admission' },
        { label: 'Semester 1', amountPaise: 45_000_00 },
      ];
      const wrong = await request(t.http)
        .post('/api/fee-structures')
        .set(manager.auth)
        .send({ programId, session: '2026-27', components, totalPaise: 1 })
        .expect(400);
      expect(wrong.body.fields[0]).toEqual({ field: 'totalPaise', message: 'totalPaise is 1 but the components add up to 9500000' });
      const created = await request(t.http)
        .post('/api/fee-structures')
        .set(manager.auth)
        .send({ programId, session: '2026-27', components, emiAvailable: true })
        .expect(201);
      expect(created.body).toMatchObject({ totalPaise: 95_000_00, isCurrent: true, components });
      const floats = await request(t.http)
        .post('/api/fee-structures')
        .set(manager.auth)
        .send({ programId, session: '2026-27', components: [{ label: 'Tuition', amountPaise: 100.5 }] })
        .expect(400);
      expect(floats.body.fields[0].field).toBe('components.0.amountPaise');
      await request(t.http).post('/api/fee-structures').set(manager.auth).send({ programId, session: '2026-28', components }).expect(400);
      await request(t.http).post('/api/fee-structures').set(manager.auth).send({ programId, session: '2026-27', components: [] }).expect(400);
    });

    it('one current fee per program and session: a new one replaces it, and the old one stays as history', async () => {
      const newer = await request(t.http)
        .post('/api/fee-structures')
        .set(manager.auth)
        .send({ programId, session: '2026-27', components: [{ label: 'Full program', amountPaise: 1_80_000_00 }] })
        .expect(201);
      const all = await request(t.http).get(`/api/fee-structures?programId=${programId}&_sort=createdAt&_order=asc`).set(advisor.auth).expect(200);
      expect(all.body.map((f: { isCurrent: boolean }) => f.isCurrent)).toEqual([false, true]);
      const { n } = await queryOne<{ n: number }>(
        t.dataSource,
        `SELECT count(*)::int AS n FROM fee_structures WHERE program_id = $1 AND session = '2026-27' AND is_current`,
        [programId],
      );
      expect(n).toBe(1);
      const program = await request(t.http).get(`/api/programs/${programId}`).set(advisor.auth).expect(200);
      expect(program.body.currentFee).toMatchObject({ id: newer.body.id, totalPaise: 1_80_000_00 });
    });

    it('editing a fee keeps the replaced figures as a revision; a stale version is a 409', async () => {
      const [fee] = (await request(t.http).get(`/api/fee-structures?programId=${programId}&isCurrent=true`).set(manager.auth)).body;
      const edited = await request(t.http)
        .patch(`/api/fee-structures/${fee.id}`)
        .set(manager.auth)
        .send({ components: [{ label: 'Full program', amountPaise: 1_90_000_00 }], version: fee.version })
        .expect(200);
      expect(edited.body).toMatchObject({ totalPaise: 1_90_000_00, version: fee.version + 1 });
      await request(t.http).patch(`/api/fee-structures/${fee.id}`).set(manager.auth).send({ emiAvailable: true, version: fee.version }).expect(409);
      const revisions = await request(t.http).get(`/api/fee-structures/${fee.id}/revisions`).set(manager.auth).expect(200);
      expect(revisions.body).toHaveLength(1);
      expect(revisions.body[0]).toMatchObject({ totalPaise: 1_80_000_00 });
      await request(t.http)
        .patch(`/api/fee-structures/${fee.id}`)
        .set(advisor.auth)
        .send({ emiAvailable: true, version: edited.body.version })
        .expect(403);
    });
  });

  it('programs filter by level, mode, approvals, NAAC grade, fee range and duration, and search by name', async () => {
    const cheapOnlinePg = await request(t.http)
      .get('/api/programs?level=PG&mode=online&totalPaise_lte=15000000&_sort=totalPaise&_order=asc')
      .set(advisor.auth)
      .expect(200);
    expect(cheapOnlinePg.body.length).toBeGreaterThan(0);
    for (const p of cheapOnlinePg.body) expect(p).toMatchObject({ level: 'PG', mode: 'online' });
    const totals = cheapOnlinePg.body.map((p: { currentFee: { totalPaise: number } }) => p.currentFee.totalPaise);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(Math.max(...totals)).toBeLessThanOrEqual(15_000_000);
    const ugcEntitled = await request(t.http)
      .get('/api/programs?approvals=UGC-entitled&approvals=AICTE&naacGrade=A%2B')
      .set(marketing.auth)
      .expect(200);
    for (const p of ugcEntitled.body) expect(p.approvals).toEqual(expect.arrayContaining(['UGC-entitled', 'AICTE']));
    const short = await request(t.http).get('/api/programs?durationMonths_lte=12').set(advisor.auth).expect(200);
    for (const p of short.body) expect(p.durationMonths).toBeLessThanOrEqual(12);
    const search = await request(t.http).get('/api/programs?q=mca').set(advisor.auth).expect(200);
    expect(search.body.length).toBeGreaterThan(0);
    for (const p of search.body) expect(p.name.toLowerCase()).toContain('mca');
    await request(t.http).get('/api/programs?approvals=ISO').set(advisor.auth).expect(400);
  });

  it('advisors and marketing read the catalogue but cannot change it', async () => {
    const [u] = (await request(t.http).get('/api/universities?_start=0&_end=1').set(marketing.auth).expect(200)).body;
    await request(t.http).patch(`/api/universities/${u.id}`).set(advisor.auth).send({ city: 'X', version: u.version }).expect(403);
    await request(t.http).post('/api/universities').set(marketing.auth).send({ name: 'X' }).expect(403);
    const edited = await request(t.http)
      .patch(`/api/universities/${u.id}`)
      .set(manager.auth)
      .send({ naacGrade: 'A++', version: u.version })
      .expect(200);
    expect(edited.body.naacGrade).toBe('A++');
    const dup = await request(t.http).post('/api/universities').set(manager.auth).send({ name: u.name.toUpperCase() }).expect(409);
    expect(dup.body.fields[0].field).toBe('name');
  });
});
