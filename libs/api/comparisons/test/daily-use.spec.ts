import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '@advisordesk/api-leads';
import { CatalogueModule } from '@advisordesk/api-catalogue';
import type { ProgramView, SharedComparison, SuggestedProgram } from '@advisordesk/shared';
import { ComparisonsModule } from '../src';

const SAMPLE = join(__dirname, '../../seed/data');
const SUPPORT = '+919812345678';

describe('shortlists in daily use: search, suggestions, fees changed since sent, the public page', () => {
  let t: TestApp;
  let admin: SignedIn;
  let manager: SignedIn;
  let priya: SignedIn;
  let programs: Record<string, string>;
  let phoneCounter = 0;

  async function newLead(advisor: SignedIn, { budgetPaise, ...fields }: Record<string, unknown>) {
    phoneCounter++;
    const phone = `97${String(Date.now()).slice(-6)}${String(phoneCounter).padStart(2, '0')}`;
    await request(t.http)
      .post('/api/public/inquiries')
      .send({ fullName: 'Karan Mehta', phone, consent: { whatsapp: true, marketing: false }, ...fields })
      .expect(201);
    const { id } = await queryOne<{ id: string }>(t.dataSource, `SELECT id FROM leads WHERE phone = $1`, [`+91${phone}`]);
    await request(t.http).post(`/api/leads/${id}/assign`).set(manager.auth).send({ advisorId: advisor.id }).expect(200);
    // The website form has no budget: the advisor asks on the first call.
    if (budgetPaise) await t.dataSource.query(`UPDATE leads SET budget_paise = $2 WHERE id = $1`, [id, budgetPaise]);
    return id;
  }
  const search = async (q: string) =>
    ((await request(t.http).get('/api/programs').query({ q, _end: 50 }).set(priya.auth).expect(200)).body as ProgramView[])
      .map((p) => `${p.universityName} / ${p.name}`)
      .sort();
  const comparisonsOf = async (leadId: string): Promise<SharedComparison[]> =>
    (await request(t.http).get(`/api/leads/${leadId}/comparisons`).set(priya.auth).expect(200)).body;
  const compare = async (leadId: string, programIds: string[]) =>
    (await request(t.http).post(`/api/leads/${leadId}/comparisons`).set(priya.auth).send({ programIds }).expect(201)).body as { token: string };

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, CatalogueModule, ComparisonsModule], { INQUIRY_RATE_LIMIT: '10000', SUPPORT_PHONE: '98123 45678' });
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    await request(t.http)
      .post('/api/catalogue/import')
      .set(manager.auth)
      .send({ universities: readFileSync(join(SAMPLE, 'universities.csv'), 'utf8'), programs: readFileSync(join(SAMPLE, 'programs.csv'), 'utf8') })
      .expect(200);
    const rows = await queryRows<{ id: string; key: string }>(
      t.dataSource,
      `SELECT p.id, u.name || ' / ' || p.name AS key FROM programs p JOIN universities u ON u.id = p.university_id`,
    );
    programs = Object.fromEntries(rows.map((r) => [r.key, r.id]));
  });
  afterAll(() => t.close());

  it('program search matches every word in the program or university name, in any order and case', async () => {
    const nmimsMbas = [
      'NMIMS Centre for Distance and Online Education / Online Executive MBA',
      'NMIMS Centre for Distance and Online Education / Online MBA (annual payment option)',
      'NMIMS Centre for Distance and Online Education / Online MBA (full fee paid upfront)',
    ];
    expect(await search('NMIMS MBA')).toEqual(nmimsMbas);
    expect(await search('online mba nmims')).toEqual(nmimsMbas);
    expect(await search('Manipal MBA')).toEqual(['Manipal University Jaipur / Online MBA', 'Sikkim Manipal University / Online MBA']);
    expect(await search('kurukshetra  mca')).toEqual(['Kurukshetra University / MCA (online)']);
    expect(await search('NMIMS BCA')).toEqual([]);
  });

  it('an "Online MBA" lead is offered MBAs first, each saying why it fits', async () => {
    const leadId = await newLead(priya, { courseInterest: 'Online MBA', level: 'PG', mode: 'online', budgetPaise: 2_00_000_00 });
    const suggestions: SuggestedProgram[] = (await request(t.http).get(`/api/leads/${leadId}/shortlist/suggestions`).set(priya.auth).expect(200))
      .body;
    expect(suggestions).toHaveLength(10);
    const names = suggestions.map((p) => p.name);
    // Every MBA taught online within the budget, before anything else.
    expect(names.slice(0, 6).every((n) => /MBA/.test(n))).toBe(true);
    expect(names.slice(0, 3)).not.toContain('M.Com (online - LUCODE)');
    expect(suggestions[0].fit).toEqual({ interestWords: ['online', 'mba'], level: true, mode: true, withinBudget: true });
    const overBudget = suggestions.find((p) => p.name === 'Online MBA (annual payment option)');
    expect(overBudget?.fit.withinBudget).toBe(false);
    // Within budget ranks before over budget among equally good names.
    expect(names.indexOf('Online MBA (full fee paid upfront)')).toBeLessThan(names.indexOf('Online MBA (annual payment option)'));
  });

  it('a comparison whose program fee changed after it was sent names the program, old and new total; a fresh one is clean', async () => {
    const leadId = await newLead(priya, { level: 'PG', mode: 'online' });
    const mujMba = programs['Manipal University Jaipur / Online MBA'];
    const ignouMba = programs['Indira Gandhi National Open University (IGNOU) / MBA (online mode)'];
    const sent = await compare(leadId, [mujMba, ignouMba]);
    let [listed] = await comparisonsOf(leadId);
    expect(listed).toMatchObject({ token: sent.token, programIds: [mujMba, ignouMba], feesChanged: [] });

    const [fee] = (await request(t.http).get(`/api/fee-structures?programId=${mujMba}&isCurrent=true`).set(manager.auth)).body;
    await request(t.http)
      .patch(`/api/fee-structures/${fee.id}`)
      .set(manager.auth)
      .send({ components: [{ label: 'Full program', amountPaise: 1_80_000_00 }], version: fee.version })
      .expect(200);
    [listed] = await comparisonsOf(leadId);
    expect(listed.feesChanged).toEqual([
      {
        programId: mujMba,
        programName: 'Online MBA',
        universityName: 'Manipal University Jaipur',
        sentSession: '2026-27',
        currentSession: '2026-27',
        sentTotalPaise: 1_75_000_00,
        currentTotalPaise: 1_80_000_00,
      },
    ]);
    // The snapshot itself stays as sent.
    const data = (await request(t.http).get(`/api/public/comparisons/${sent.token}`).expect(200)).body;
    expect(data.programs[0].fee.totalPaise).toBe(1_75_000_00);

    // A new session's fee is a change too.
    await request(t.http)
      .post('/api/fee-structures')
      .set(manager.auth)
      .send({ programId: ignouMba, session: '2027-28', components: [{ label: 'Total', amountPaise: 58_300_00 }] })
      .expect(201);
    [listed] = await comparisonsOf(leadId);
    expect(listed.feesChanged.map((c) => [c.programName, c.sentSession, c.currentSession])).toEqual([
      ['Online MBA', '2026-27', '2026-27'],
      ['MBA (online mode)', '2025-26', '2027-28'],
    ]);

    const fresh = await compare(leadId, listed.programIds);
    const [newest, older] = await comparisonsOf(leadId);
    expect(newest).toMatchObject({ token: fresh.token, feesChanged: [] });
    expect(older.feesChanged).toHaveLength(2);
  });

  it("the public page shows each amount once, compares the session, and links to the advisor's WhatsApp and phone, also once expired", async () => {
    const leadId = await newLead(priya, { level: 'PG', mode: 'online' });
    await request(t.http).patch(`/api/users/${priya.id}`).set(admin.auth).send({ phone: '+91 98765 11111' }).expect(200);
    const user = (await request(t.http).get(`/api/users/${priya.id}`).set(admin.auth).expect(200)).body;
    expect(user.phone).toBe('+919876511111');
    const sent = await compare(leadId, [
      programs['Indira Gandhi National Open University (IGNOU) / MBA (online mode)'],
      programs['Kurukshetra University / MBA (online)'],
      programs['NMIMS Centre for Distance and Online Education / Online MBA (full fee paid upfront)'],
    ]);
    const page = (await request(t.http).get(`/c/${sent.token}`).expect(200)).text;
    expect(page).toContain('₹58,300');
    expect(page).not.toContain('₹58,300 (₹58,300)');
    expect(page).not.toMatch(/\(₹[\d,]+\)/);
    expect(page).toContain('(₹1.97 lakh)');
    // 2025-26 against 2026-27: the session row differs, on the wide table and on the phone's cards.
    expect(page).toMatch(/<tr class="differs"><th>Session<\/th>/);
    expect(page).toMatch(/<dt class="differs">Session<\/dt>/);
    expect(page).toContain('Talk to your advisor');
    expect(page).toContain('href="https://wa.me/919876511111"');
    expect(page).toContain('href="tel:+919876511111"');
    expect(page).toContain('Priya Sharma');

    await t.dataSource.query(`UPDATE comparisons SET expires_at = now() - interval '1 minute' WHERE token = $1`, [sent.token]);
    const expired = (await request(t.http).get(`/c/${sent.token}`).expect(410)).text;
    expect(expired).toContain('This comparison has expired');
    expect(expired).toContain('href="https://wa.me/919876511111"');
    expect(expired).toContain('href="tel:+919876511111"');

    // No advisor behind an unknown link: the service number.
    const missing = (await request(t.http).get('/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404)).text;
    expect(missing).toContain(`href="https://wa.me/${SUPPORT.slice(1)}"`);
    expect(missing).toContain(`href="tel:${SUPPORT}"`);

    // An advisor without a phone: the service number.
    await request(t.http).patch(`/api/users/${priya.id}`).set(admin.auth).send({ phone: null }).expect(200);
    const second = await compare(leadId, [programs['Kurukshetra University / MBA (online)'], programs['Andhra University / MBA (online)']]);
    const fallback = (await request(t.http).get(`/api/public/comparisons/${second.token}`).expect(200)).body;
    expect(fallback.contact).toEqual({ name: 'our advisors', phone: SUPPORT });
  });

  it("a user's phone must be a mobile number", async () => {
    const bad = await request(t.http).patch(`/api/users/${priya.id}`).set(admin.auth).send({ phone: '12345' }).expect(400);
    expect(bad.body.fields[0].field).toBe('phone');
  });
});
