import request from 'supertest';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { ReportsModule } from '../src';

/** The productivity report's speed to lead: working minutes to first contact (09:00–20:00 IST, Monday–Saturday) and breaches. */
describe('speed to lead in the productivity report', () => {
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;
  let n = 0;

  async function lead(created: string, contacted: string | null, due: string | null) {
    n++;
    await t.dataSource.query(
      `INSERT INTO leads (reference, full_name, phone, status, max_stage, advisor_id, created_at, first_contacted_at, first_contact_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        `AD-SPEED${n}`,
        `Lead ${n}`,
        `+9197000000${String(n).padStart(2, '0')}`,
        contacted ? 'contacted' : 'new',
        contacted ? 1 : 0,
        priya.id,
        created,
        contacted,
        due,
      ],
    );
  }

  beforeAll(async () => {
    t = await createTestApp([ReportsModule]);
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
  });
  afterAll(() => t.close());

  it('counts only working minutes (an inquiry at 23:00 called at 09:20 took 20) and the leads contacted late or not at all', async () => {
    // Tuesday 10:00 → 10:40: 40 working minutes, in time (due 11:00).
    await lead('2026-12-01T10:00:00+05:30', '2026-12-01T10:40:00+05:30', '2026-12-01T11:00:00+05:30');
    // Tuesday 23:00 → Wednesday 09:20: 20 working minutes, in time (due Wednesday 10:00).
    await lead('2026-12-01T23:00:00+05:30', '2026-12-02T09:20:00+05:30', '2026-12-02T10:00:00+05:30');
    // Saturday 19:30 → Monday 09:45: 30 + 45 = 75 working minutes, late (due Monday 09:30).
    await lead('2026-12-05T19:30:00+05:30', '2026-12-07T09:45:00+05:30', '2026-12-07T09:30:00+05:30');
    // Never contacted, long past due: a breach with no minutes.
    await lead('2026-12-02T12:00:00+05:30', null, '2026-12-02T13:00:00+05:30');
    const [row] = (await request(t.http).get('/api/reports/productivity?from=2026-12-01&to=2026-12-07').set(manager.auth).expect(200)).body;
    expect(row).toMatchObject({ advisorId: priya.id, assigned: 4, medianMinutesToFirstContact: 40, firstContactBreaches: 2 });
    const none = (await request(t.http).get('/api/reports/productivity?from=2025-01-01&to=2025-01-31').set(manager.auth).expect(200)).body;
    expect(none[0]).toMatchObject({ assigned: 0, medianMinutesToFirstContact: null, firstContactBreaches: 0 });
  });
});
