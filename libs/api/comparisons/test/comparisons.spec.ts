import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '@advisordesk/api-leads';
import { CatalogueModule } from '@advisordesk/api-catalogue';
import { ComparisonsModule } from '../src';

const SAMPLE = join(__dirname, '../../seed/data');

describe('shortlists and comparisons', () => {
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;
  let marketing: SignedIn;
  let leadId: string;
  let programs: Record<string, string>;
  let phoneCounter = 0;

  async function newLead(advisor: SignedIn, overrides: Record<string, unknown> = {}) {
    phoneCounter++;
    const phone = `98${String(Date.now()).slice(-6)}${String(phoneCounter).padStart(2, '0')}`;
    await request(t.http)
      .post('/api/public/inquiries')
      .send({
        fullName: 'Ananya Gupta',
        phone,
        email: 'ananya.g@example.in',
        level: 'PG',
        mode: 'online',
        consent: { whatsapp: true, marketing: false },
        ...overrides,
      })
      .expect(201);
    const { id } = await queryOne<{ id: string }>(t.dataSource, `SELECT id FROM leads WHERE phone = $1`, [`+91${phone}`]);
    await request(t.http).post(`/api/leads/${id}/assign`).set(manager.auth).send({ advisorId: advisor.id }).expect(200);
    return { id, phone };
  }

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, CatalogueModule, ComparisonsModule], {
      INQUIRY_RATE_LIMIT: '10000',
      PUBLIC_URL: 'https://desk.example.in',
    });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing');
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
    leadId = (await newLead(priya, { budgetPaise: undefined })).id;
  });
  afterAll(() => t.close());

  const mujMba = () => programs['Manipal University Jaipur / Online MBA'];
  const mujMca = () => programs['Manipal University Jaipur / Online MCA (Cloud Computing)'];
  const mujBba = () => programs['Manipal University Jaipur / Online BBA'];

  it('an advisor builds an ordered, annotated shortlist; each item shows the program with its current fee', async () => {
    await request(t.http)
      .post(`/api/leads/${leadId}/shortlist`)
      .set(priya.auth)
      .send({ programId: mujMba(), note: 'Best brand for the budget' })
      .expect(201);
    await request(t.http).post(`/api/leads/${leadId}/shortlist`).set(priya.auth).send({ programId: mujMca() }).expect(201);
    const list = (await request(t.http).post(`/api/leads/${leadId}/shortlist`).set(priya.auth).send({ programId: mujBba() }).expect(201)).body;
    expect(list.map((i: { programId: string; rank: number }) => [i.programId, i.rank])).toEqual([
      [mujMba(), 1],
      [mujMca(), 2],
      [mujBba(), 3],
    ]);
    expect(list[0]).toMatchObject({
      leadId,
      note: 'Best brand for the budget',
      program: { name: 'Online MBA', universityName: 'Manipal University Jaipur', currentFee: { totalPaise: 17_500_000, session: '2026-27' } },
    });
    const duplicate = await request(t.http).post(`/api/leads/${leadId}/shortlist`).set(priya.auth).send({ programId: mujMba() }).expect(409);
    expect(duplicate.body.fields[0].field).toBe('programId');
  });

  it('reorders, annotates and removes items, keeping ranks 1..n', async () => {
    const list = (await request(t.http).get(`/api/leads/${leadId}/shortlist`).set(priya.auth).expect(200)).body;
    const moved = (
      await request(t.http).patch(`/api/leads/${leadId}/shortlist/${list[2].id}`).set(priya.auth).send({ rank: 1, note: 'Cheapest' }).expect(200)
    ).body;
    expect(moved.map((i: { programId: string }) => i.programId)).toEqual([mujBba(), mujMba(), mujMca()]);
    expect(moved[0].note).toBe('Cheapest');
    const reordered = (
      await request(t.http)
        .put(`/api/leads/${leadId}/shortlist/order`)
        .set(priya.auth)
        .send({ itemIds: [moved[1].id, moved[2].id, moved[0].id] })
        .expect(200)
    ).body;
    expect(reordered.map((i: { programId: string }) => i.programId)).toEqual([mujMba(), mujMca(), mujBba()]);
    await request(t.http)
      .put(`/api/leads/${leadId}/shortlist/order`)
      .set(priya.auth)
      .send({ itemIds: [moved[1].id] })
      .expect(400);
    const removed = (await request(t.http).delete(`/api/leads/${leadId}/shortlist/${reordered[1].id}`).set(priya.auth).expect(200)).body;
    expect(removed.map((i: { rank: number }) => i.rank)).toEqual([1, 2]);
    const timeline = (await request(t.http).get(`/api/leads/${leadId}/timeline`).set(priya.auth)).body;
    expect(timeline[0]).toMatchObject({
      type: 'shortlist',
      data: { action: 'removed', program: 'Online MCA (Cloud Computing), Manipal University Jaipur' },
    });
    await request(t.http).post(`/api/leads/${leadId}/shortlist`).set(priya.auth).send({ programId: mujMca() }).expect(201);
  });

  it("another advisor's lead is a 404; marketing is a 403", async () => {
    await request(t.http).get(`/api/leads/${leadId}/shortlist`).set(rahul.auth).expect(404);
    await request(t.http).post(`/api/leads/${leadId}/shortlist`).set(rahul.auth).send({ programId: mujMba() }).expect(404);
    await request(t.http)
      .post(`/api/leads/${leadId}/comparisons`)
      .set(rahul.auth)
      .send({ programIds: [mujMba(), mujMca()] })
      .expect(404);
    await request(t.http).get(`/api/leads/${leadId}/shortlist`).set(marketing.auth).expect(403);
  });

  it("suggests programs that match the lead's level, mode and budget", async () => {
    const { id } = await newLead(priya, {});
    await t.dataSource.query(`UPDATE leads SET budget_paise = 15000000 WHERE id = $1`, [id]);
    const suggestions = (await request(t.http).get(`/api/leads/${id}/shortlist/suggestions`).set(priya.auth).expect(200)).body;
    expect(suggestions.length).toBeGreaterThan(0);
    // Those that fit come first; any that does not (when few do) comes after them all, saying why.
    const fits = suggestions.map(
      (p: { fit: { level: boolean; mode: boolean; withinBudget: boolean } }) => p.fit.level && p.fit.mode && p.fit.withinBudget,
    );
    expect(fits[0]).toBe(true);
    expect(fits.indexOf(false) === -1 || !fits.slice(fits.indexOf(false)).includes(true)).toBe(true);
    for (const p of suggestions.filter((_: unknown, i: number) => fits[i])) {
      expect(p).toMatchObject({ level: 'PG', mode: 'online' });
      expect(p.currentFee.totalPaise).toBeLessThanOrEqual(15_000_000);
    }
  });

  it('a comparison takes 2 to 5 different programs', async () => {
    const ids = Object.values(programs);
    for (const programIds of [[ids[0]], ids.slice(0, 6), [ids[0], ids[0]], [ids[0], 'nope']]) {
      const response = await request(t.http).post(`/api/leads/${leadId}/comparisons`).set(priya.auth).send({ programIds }).expect(400);
      expect(response.body.fields[0].field).toBe('programIds');
    }
    await request(t.http)
      .post(`/api/leads/${leadId}/comparisons`)
      .set(priya.auth)
      .send({ programIds: [ids[0], '00000000-0000-4000-8000-000000000000'] })
      .expect(400);
  });

  it('creating a comparison answers the link, a plain WhatsApp message and a wa.me link, and records the share', async () => {
    const { phone } = await queryOne<{ phone: string }>(t.dataSource, `SELECT phone FROM leads WHERE id = $1`, [leadId]);
    const share = (
      await request(t.http)
        .post(`/api/leads/${leadId}/comparisons`)
        .set(priya.auth)
        .send({ programIds: [mujMba(), mujBba()] })
        .expect(201)
    ).body;
    expect(share.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(share.url).toBe(`https://desk.example.in/c/${share.token}`);
    expect(share.message).toContain('Hi Ananya');
    expect(share.message).toContain('₹99,000');
    expect(share.message).toContain(share.url);
    expect(share.whatsappUrl).toBe(`https://wa.me/${phone.slice(1)}?text=${encodeURIComponent(share.message)}`);
    const timeline = (await request(t.http).get(`/api/leads/${leadId}/timeline`).set(priya.auth)).body;
    expect(timeline[0]).toMatchObject({ type: 'comparison', authorName: 'Priya Sharma' });
    const list = (await request(t.http).get(`/api/leads/${leadId}/comparisons`).set(priya.auth).expect(200)).body;
    expect(list[0]).toMatchObject({ token: share.token, programs: 2, url: share.url });
  });

  it('the public page shows the frozen snapshot: later fee changes do not rewrite it, and it holds no phone or email', async () => {
    const share = (
      await request(t.http)
        .post(`/api/leads/${leadId}/comparisons`)
        .set(priya.auth)
        .send({ programIds: [mujMba(), mujMca()] })
        .expect(201)
    ).body;
    const [fee] = (await request(t.http).get(`/api/fee-structures?programId=${mujMba()}&isCurrent=true`).set(manager.auth)).body;
    await request(t.http)
      .patch(`/api/fee-structures/${fee.id}`)
      .set(manager.auth)
      .send({ components: [{ label: 'Full program', amountPaise: 2_50_000_00 }], version: fee.version })
      .expect(200);
    await request(t.http)
      .post('/api/fee-structures')
      .set(manager.auth)
      .send({ programId: mujMca(), session: '2026-27', components: [{ label: 'Full program', amountPaise: 3_00_000_00 }] })
      .expect(201);
    const data = (await request(t.http).get(`/api/public/comparisons/${share.token}`).expect(200)).body;
    expect(data.programs.map((p: { fee: { totalPaise: number } }) => p.fee.totalPaise)).toEqual([17_500_000, 15_800_000]);
    expect(data.firstName).toBe('Ananya');
    const page = await request(t.http).get(`/c/${share.token}`).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('₹1,75,000');
    expect(page.text).toContain('₹43,750');
    expect(page.text).toContain('Lowest fee');
    expect(page.text).toContain('width=device-width');
    const { phone, email } = await queryOne<{ phone: string; email: string }>(t.dataSource, `SELECT phone, email FROM leads WHERE id = $1`, [leadId]);
    for (const text of [page.text, JSON.stringify(data)]) {
      expect(text).not.toContain(phone);
      expect(text).not.toContain(phone.slice(3));
      expect(text).not.toContain(email);
      expect(text).not.toContain('Gupta');
    }
  });

  it('an unknown token is a 404 and an expired one a clear expired page', async () => {
    await request(t.http).get('/api/public/comparisons/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
    const missing = await request(t.http).get('/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
    expect(missing.text).toContain('Comparison not found');
    const share = (
      await request(t.http)
        .post(`/api/leads/${leadId}/comparisons`)
        .set(priya.auth)
        .send({ programIds: [mujMba(), mujMca()] })
        .expect(201)
    ).body;
    await t.dataSource.query(`UPDATE comparisons SET expires_at = now() - interval '1 minute' WHERE token = $1`, [share.token]);
    const expired = await request(t.http).get(`/api/public/comparisons/${share.token}`).expect(410);
    expect(expired.body.message).toMatch(/expired/);
    const page = await request(t.http).get(`/c/${share.token}`).expect(410);
    expect(page.text).toContain('This comparison has expired');
  });
});
