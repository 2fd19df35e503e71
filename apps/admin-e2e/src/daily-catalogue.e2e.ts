import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FeeStructureView, LeadView, ProgramView, SharedComparison } from '@advisordesk/shared';
import { searchAndChoose } from './support/antd';
import { apiOf, login } from './support/api';
import { fitsTheScreen, launchBrowser, newContext, screenshot, SHOTS_DIR, signIn, type Viewport } from './support/browser';
import { startServer, WORKSPACE_ROOT, type RunningServer } from './support/server';
import { eventually } from './support/wait';

/** The service number the server is started with; the demo advisor Priya Sharma's own is +91 98100 00101. */
const SUPPORT_PHONE = '+919812345678';
const PRIYA_PHONE = '919810000101';

let server: RunningServer;
let browser: Browser;
const api = apiOf(() => server.baseUrl);

/** A lead of the demo advisor who wants an online MBA, with a phone (comparisons are sent on WhatsApp). */
let phoneCounter = 0;
async function mbaLead(token: string, viewport: Viewport): Promise<LeadView> {
  phoneCounter += 1;
  const { status, data } = await api.request<LeadView>(token, 'POST', '/leads', {
    fullName: `Kavya Menon ${viewport} ${phoneCounter}`,
    phone: `70${viewport === 'phone' ? 2 : 3}${String(phoneCounter * 4271).padStart(7, '0')}`,
    source: 'walk_in',
    courseInterest: 'Online MBA',
    level: 'PG',
    mode: 'online',
    budgetPaise: 2_00_000_00,
  });
  if (status !== 201) throw new Error(`creating the lead answered ${status}: ${JSON.stringify(data)}`);
  return data;
}

async function program(token: string, q: string, name: string): Promise<ProgramView> {
  const found = await api.get<ProgramView[]>(token, `/programs?q=${encodeURIComponent(q)}&_start=0&_end=20`);
  const match = found.find((p) => p.name === name);
  if (!match) throw new Error(`no program "${name}" for "${q}"`);
  return match;
}

/** Sets a program's current fee as a manager does in the panel: one component, this many rupees. */
async function editFee(token: string, programId: string, rupees: number): Promise<void> {
  const [fee] = await api.get<FeeStructureView[]>(token, `/fee-structures?programId=${programId}&isCurrent=true&_sort=session&_order=desc`);
  const { status } = await api.request(token, 'PATCH', `/fee-structures/${fee.id}`, {
    components: [{ label: 'Full program', amountPaise: rupees * 100 }],
    version: fee.version,
  });
  if (status !== 200) throw new Error(`editing the fee answered ${status}`);
}

const textOf = async (page: Page, selector = 'body') => (await page.locator(selector).innerText()).replace(/\s+/g, ' ');

beforeAll(async () => {
  server = await startServer({ SUPPORT_PHONE });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each<Viewport>(['laptop', 'phone'])('Shortlists and the catalogue in daily use on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it('offers an "Online MBA" lead MBAs first, saying why, and finds "NMIMS MBA" by its words', async () => {
    const token = await api.token('advisor');
    const lead = await mbaLead(token, viewport);
    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);
    await page.goto(`/leads/${lead.id}`);
    const panel = page.getByTestId('shortlist-panel');
    await panel
      .getByRole('button', { name: /Add program/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Add a program to the shortlist' });
    const suggestions = dialog.getByTestId('shortlist-suggestions');
    await suggestions.getByTestId('suggestion-reason').first().waitFor();
    const items = suggestions.locator('.ant-list-item');
    const firstThree = (await items.allInnerTexts()).slice(0, 3);
    for (const text of firstThree) expect(text).toMatch(/MBA/);
    expect((await suggestions.getByTestId('suggestion-reason').first().innerText()).trim()).toBe(
      'matches “online mba” · PG degree · Online · within budget',
    );
    await screenshot(page, viewport, 'daily-catalogue-suggestions');
    expect(await fitsTheScreen(page)).toBe(true);

    await searchAndChoose(
      page,
      dialog,
      'Search programs to add',
      'NMIMS MBA',
      'Online MBA (full fee paid upfront) — NMIMS Centre for Distance and Online Education',
    );
    await dialog.getByRole('button', { name: /Add to shortlist/ }).click();
    await panel.getByTestId('shortlist-item').filter({ hasText: 'Online MBA (full fee paid upfront)' }).waitFor();
  });

  it('flags a sent comparison whose fee changed, and sends an updated one in one click', async () => {
    const token = await api.token('advisor');
    const managerToken = await api.token('manager');
    const lead = await mbaLead(token, viewport);
    const [a, b] = [await program(token, 'Kurukshetra MBA', 'MBA (online)'), await program(token, 'Andhra MBA Plus', 'MBA Plus (online)')];
    const sent = await api.request<{ id: string }>(token, 'POST', `/leads/${lead.id}/comparisons`, { programIds: [a.id, b.id] });
    expect(sent.status).toBe(201);
    const before = a.currentFee?.totalPaise ?? 0;
    const now = before + (viewport === 'phone' ? 3_000_00 : 2_000_00);
    await editFee(managerToken, a.id, now / 100);

    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);
    await page.goto(`/leads/${lead.id}`);
    const shared = page.getByTestId('shared-comparisons');
    const warning = shared.getByTestId('fees-changed');
    await warning.waitFor();
    const text = (await warning.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Fees changed since this was sent');
    expect(text).toContain(
      `MBA (online) (Kurukshetra University): ₹${(before / 100).toLocaleString('en-IN')} → ₹${(now / 100).toLocaleString('en-IN')}`,
    );
    await screenshot(page, viewport, 'daily-catalogue-fees-changed');
    // The laptop's screenshot is the top of the page: the panel itself too.
    await shared.screenshot({ path: join(SHOTS_DIR, `daily-catalogue-fees-changed-panel-${viewport}.png`) });
    expect(await fitsTheScreen(page)).toBe(true);

    await warning.getByRole('button', { name: /Send updated comparison/ }).click();
    const share = page.getByRole('dialog', { name: 'Comparison ready to send' });
    await share.waitFor();
    const url = await share.getByLabel('Comparison link').inputValue();
    expect(await share.getByRole('link', { name: /Open WhatsApp/ }).getAttribute('href')).toMatch(/^https:\/\/wa\.me\/\d+\?text=/);
    await share.getByRole('button', { name: 'Done' }).click();

    const comparisons = await api.get<SharedComparison[]>(token, `/leads/${lead.id}/comparisons`);
    expect(comparisons).toHaveLength(2);
    expect(comparisons[0]).toMatchObject({ url, programIds: [a.id, b.id], feesChanged: [] });
    expect(comparisons[1].feesChanged).toHaveLength(1);
    // Only the old one is still flagged.
    await shared
      .getByText(/2 programs/)
      .nth(1)
      .waitFor();
    expect(await shared.getByTestId('fees-changed').count()).toBe(1);
  });

  it('shows the student, on a phone, which rows differ, each amount once, and how to reach the advisor', async () => {
    const token = await api.token('advisor');
    const lead = await mbaLead(token, viewport);
    const [ignou, muj] = [
      await program(token, 'IGNOU MBA online mode', 'MBA (online mode)'),
      await program(token, 'Manipal University Jaipur MBA', 'Online MBA'),
    ];
    const { data } = await api.request<{ url: string }>(token, 'POST', `/leads/${lead.id}/comparisons`, { programIds: [ignou.id, muj.id] });
    const student = await newContext(browser, viewport, server.baseUrl);
    try {
      const pub = await student.newPage();
      expect((await pub.goto(new URL(data.url).pathname))?.status()).toBe(200);
      const body = await textOf(pub);
      expect(body).toContain('₹58,300');
      expect(body).not.toContain('₹58,300 (₹58,300)');
      expect(body).toContain('₹1,75,000 (₹1.75 lakh)');
      // The differing rows are marked where the student reads them: cards on a phone, the table on a laptop.
      const marked = viewport === 'phone' ? pub.locator('.card dt.differs') : pub.locator('tr.differs th');
      await marked.first().waitFor({ state: 'visible' });
      const labels = (await marked.allInnerTexts()).map((t) => t.trim());
      expect(labels).toEqual(expect.arrayContaining(['Total fee', 'Session']));
      expect(
        await pub.evaluate<string>(
          `getComputedStyle(document.querySelector('${viewport === 'phone' ? '.card dt.differs' : 'tr.differs th'}'), '::after').content`,
        ),
      ).toBe('" ●"');
      const talk = pub.getByRole('region', { name: 'Talk to your advisor' });
      await talk.waitFor({ state: 'visible' });
      expect(await talk.getByRole('link', { name: 'WhatsApp' }).getAttribute('href')).toBe(`https://wa.me/${PRIYA_PHONE}`);
      expect(await talk.getByRole('link', { name: 'Call' }).getAttribute('href')).toBe(`tel:+${PRIYA_PHONE}`);
      expect(await fitsTheScreen(pub)).toBe(true);
      await screenshot(pub, viewport, 'daily-catalogue-public-page');

      // A link that does not exist: no advisor, so the service number.
      expect((await pub.goto('/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'))?.status()).toBe(404);
      const help = pub.getByRole('region', { name: 'Talk to your advisor' });
      await help.waitFor({ state: 'visible' });
      expect(await help.getByRole('link', { name: 'WhatsApp' }).getAttribute('href')).toBe(`https://wa.me/${SUPPORT_PHONE.slice(1)}`);
      expect(await fitsTheScreen(pub)).toBe(true);
      await screenshot(pub, viewport, 'daily-catalogue-not-found');
    } finally {
      await student.close();
    }
  });

  it('lets an admin give a user a mobile number, refusing one that is not a mobile', async () => {
    const admin = login('admin');
    await signIn(page, admin.email, admin.password);
    await page.goto('/users');
    await page.getByRole('button', { name: 'Edit Kabir Marketing' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit user' });
    const field = dialog.getByLabel('Mobile number');
    // The form fills itself from the user's record when it arrives: typing before that would be overwritten.
    await eventually(async () => (await dialog.getByLabel('Full name').inputValue()) === 'Kabir Marketing', 'the user’s record in the form');
    await field.fill('12345');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('Phone must be a valid mobile number').waitFor();
    const digits = viewport === 'phone' ? '98100 00201' : '98100 00202';
    await field.fill(digits);
    await screenshot(page, viewport, 'daily-catalogue-user-phone');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('users-table').getByText(`+91 ${digits}`).waitFor();
    const token = await api.token('admin');
    const [kabir] = await api.get<{ phone: string | null }[]>(token, '/users?q=Kabir');
    expect(kabir.phone).toBe(`+91${digits.replace(' ', '')}`);
  });

  it('reviews an import row by row and asks before replacing a fee edited in the panel after the file was made', async () => {
    const managerToken = await api.token('manager');
    const name = viewport === 'phone' ? 'Online BBA' : 'Online BCA';
    const target = await program(managerToken, `Manipal University Jaipur ${name}`, name);
    await editFee(managerToken, target.id, 1_11_111);

    // The published files, made yesterday (before that edit), with this program's fee raised.
    const sample = (file: string) => readFileSync(join(WORKSPACE_ROOT, 'libs/api/seed/data', file), 'utf8').split(/\r?\n/);
    const programs = sample('programs.csv');
    const line = programs.findIndex((row) => row.startsWith(`Manipal University Jaipur,${name},`));
    programs[line] = programs[line].replace(/,[^,]*,[^,]*,(yes)?,(https[^,]*)$/, ',Full program:150000,150000,$1,$2');
    const dir = '/tmp/adk-e2e-daily-catalogue';
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `programs-${viewport}.csv`);
    writeFileSync(path, [programs[0], programs[1], programs[line]].join('\n'));
    const yesterday = new Date(Date.now() - 86_400_000);
    utimesSync(path, yesterday, yesterday);

    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
    await page.goto('/catalogue/import');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('programs-csv-upload').click();
    await (await chooser).setFiles(path);
    await page.getByText(`programs-${viewport}.csv · 2 rows after the header`).waitFor();
    await page.getByRole('button', { name: /Check \(dry run\)/ }).click();

    const review = page.getByTestId('import-review');
    await review.waitFor();
    const changed = (await review.locator('tbody tr.ant-table-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain(`Fee 2026-27 · ${name} — Manipal University Jaipur`);
    expect(changed[0]).toContain('total ₹1,11,111 → ₹1,50,000');
    expect(changed[0]).toContain('Edited in the panel');
    await page.getByTestId('import-panel-edits').getByText(`${name} — Manipal University Jaipur (2026-27)`).waitFor();
    // Unchanged rows are listed as unchanged.
    await page.getByText(/^All rows/).click();
    const all = (await review.locator('tbody tr.ant-table-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    expect(all.filter((t) => t.includes('Unchanged')).length).toBeGreaterThanOrEqual(3);
    await screenshot(page, viewport, 'daily-catalogue-import-review');
    expect(await fitsTheScreen(page)).toBe(true);

    await page.getByRole('button', { name: /^cloud-upload Import$|^Import$/ }).click();
    const confirm = page.getByRole('tooltip');
    await confirm.getByText('Replace 1 fee edited in the panel?').waitFor();
    await screenshot(page, viewport, 'daily-catalogue-import-confirm');
    await confirm.getByRole('button', { name: 'Replace and import' }).click();
    await page.getByTestId('import-result').getByText('Imported').waitFor();
    const [fee] = await api.get<FeeStructureView[]>(managerToken, `/fee-structures?programId=${target.id}&isCurrent=true&_sort=session&_order=desc`);
    expect(fee.totalPaise).toBe(1_50_000_00);
  });
});
