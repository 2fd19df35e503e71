import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FeeStructureBody, FeeStructureView, LeadView, ProgramView, SharedComparison, ShortlistItemView } from '@advisordesk/shared';
import { filtersByOperator } from './support/address';
import { chooseOption, searchAndChoose, waitForValue } from './support/antd';
import { apiOf, login } from './support/api';
import { fitsTheScreen, launchBrowser, newContext, screenshot, signIn, type Viewport } from './support/browser';
import { startServer, WORKSPACE_ROOT, type RunningServer } from './support/server';

// ---- the API, asked directly, to set up and to check what the pages did --------------------------

let server: RunningServer;
let browser: Browser;

const api = apiOf(() => server.baseUrl);

/** One of the advisor's own leads with a phone and an empty shortlist, for a flow that starts from nothing. */
async function freshLeadOf(token: string, taken: Set<string>): Promise<LeadView> {
  const leads = await api.get<LeadView[]>(token, '/leads?_start=0&_end=60&_sort=createdAt&_order=desc');
  for (const lead of leads) {
    if (!lead.phone || lead.erasedAt || taken.has(lead.id)) continue;
    const shortlist = await api.get<ShortlistItemView[]>(token, `/leads/${lead.id}/shortlist`);
    if (shortlist.length === 0) {
      taken.add(lead.id);
      return lead;
    }
  }
  throw new Error('the advisor has no lead with a phone and an empty shortlist');
}

// ---- the page -----------------------------------------------------------------------------------

const rupees = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

// ---- the tests ----------------------------------------------------------------------------------

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each<Viewport>(['laptop', 'phone'])('The catalogue on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it('lets a manager find PG programs in a fee range, open one and add a 2026-27 fee structure that adds up as it is typed', async () => {
    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
    await page.goto('/programs');
    const table = page.getByTestId('programs-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    if (viewport === 'phone') await page.getByRole('button', { name: 'Filters' }).click();

    // Level PG, and a fee from ₹1,00,000 to ₹2,00,000: the filters are kept in the address in paise.
    await chooseOption(page, page, 'Filter by level', 'PG degree');
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => (filtersByOperator(url.toString()).level_in ?? []).join() === 'PG');
    await page.getByRole('spinbutton', { name: 'Fee in rupees from' }).fill('100000');
    await page.getByRole('spinbutton', { name: 'Fee in rupees to' }).fill('200000');
    await page.getByRole('spinbutton', { name: 'Fee in rupees to' }).press('Enter');
    await page.waitForURL((url) => {
      const filters = filtersByOperator(url.toString());
      return filters.totalPaise_gte?.[0] === '10000000' && filters.totalPaise_lte?.[0] === '20000000';
    });
    // The fee reads the Indian way as it is typed.
    expect(await page.getByRole('spinbutton', { name: 'Fee in rupees from' }).inputValue()).toBe('1,00,000');

    // Every program listed is a PG program whose current fee is within the range (the API agrees).
    const token = await api.token('manager');
    const expected = await api.get<ProgramView[]>(
      token,
      '/programs?level=PG&totalPaise_gte=10000000&totalPaise_lte=20000000&_sort=universityName&_order=asc&_start=0&_end=20',
    );
    expect(expected.length).toBeGreaterThan(1);
    for (const p of expected) {
      expect(p.level).toBe('PG');
      expect(p.currentFee?.totalPaise).toBeGreaterThanOrEqual(10000000);
    }
    const first = expected[0];
    await table.locator('tbody tr.ant-table-row').filter({ hasText: first.name }).first().waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(expected.length);
    const firstFee = await table.locator('tbody tr.ant-table-row').filter({ hasText: first.name }).first().textContent();
    expect(firstFee).toMatch(/₹\d{1,2}(,\d{2})*,\d{3}/);
    await screenshot(page, viewport, 'programs-filtered');
    expect(await fitsTheScreen(page)).toBe(true);

    // The program's page: its facts, its current fee, and "compare".
    await table.getByRole('link', { name: first.name }).first().click();
    await page.waitForURL(new RegExp(`/programs/show/${first.id}$`));
    const currentFee = page.getByTestId('current-fee');
    await currentFee.filter({ hasText: first.currentFee?.session ?? '' }).waitFor();
    await page.getByTestId('compare-checkbox').waitFor();
    await screenshot(page, viewport, 'program-show');
    expect(await fitsTheScreen(page)).toBe(true);

    // A new 2026-27 fee structure with three components; the total follows every keystroke.
    await page.getByTestId('add-fee-structure').click();
    await page.waitForURL((url) => url.pathname === '/fee-structures/create' && url.searchParams.get('programId') === first.id);
    const form = page.locator('form#fee-structure-create');
    await form.waitFor();
    await form.getByLabel('Academic session').fill('2026-27');
    const total = page.getByTestId('fee-total');
    await form.getByLabel('Component 1 label').fill('Registration');
    await form.getByLabel('Component 1 amount in rupees').pressSequentially('5000');
    expect(rupees(await total.textContent())).toBe('₹5,000');
    await form.getByLabel('Component 1 due').fill('at admission');

    await page.getByRole('button', { name: 'Add component' }).click();
    await form.getByLabel('Component 2 label').fill('Year 1 tuition');
    const year1 = form.getByLabel('Component 2 amount in rupees');
    await year1.pressSequentially('8');
    expect(rupees(await total.textContent())).toBe('₹5,008');
    await year1.pressSequentially('7500');
    expect(rupees(await total.textContent())).toBe('₹92,500');
    // The amount itself is grouped the Indian way too.
    expect(await year1.inputValue()).toBe('87,500');

    await page.getByRole('button', { name: 'Add component' }).click();
    await form.getByLabel('Component 3 label').fill('Year 2 tuition');
    await form.getByLabel('Component 3 amount in rupees').pressSequentially('87500.50');
    await form.getByLabel('Component 3 due').fill('year 2');
    expect(rupees(await total.textContent())).toBe('₹1,80,000.50');
    expect(rupees(await page.getByTestId('fee-total-short').textContent())).toBe('(₹1.8 lakh)');

    // Removing a row takes it out of the total; there is no total to type, so it cannot disagree.
    await page.getByRole('button', { name: 'Add component' }).click();
    await form.getByLabel('Component 4 label').fill('Mistake');
    await form.getByLabel('Component 4 amount in rupees').pressSequentially('1000');
    expect(rupees(await total.textContent())).toBe('₹1,81,000.50');
    await page.getByRole('button', { name: 'Remove component 4' }).click();
    expect(rupees(await total.textContent())).toBe('₹1,80,000.50');
    expect(await form.getByRole('spinbutton', { name: /total/i }).count()).toBe(0);
    await screenshot(page, viewport, 'fee-structure-create');
    expect(await fitsTheScreen(page)).toBe(true);

    const sent = page.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/api/fee-structures');
    await page.getByRole('button', { name: 'Save fee structure' }).click();
    const body = (await sent).postDataJSON() as FeeStructureBody;
    expect(body).toMatchObject({
      programId: first.id,
      session: '2026-27',
      components: [
        { label: 'Registration', amountPaise: 500000, due: 'at admission' },
        { label: 'Year 1 tuition', amountPaise: 8750000 },
        { label: 'Year 2 tuition', amountPaise: 8750050, due: 'year 2' },
      ],
      totalPaise: 18000050,
    });

    // Back on the program: the new fee is current, and any earlier 2026-27 fee stays as history.
    await page.waitForURL(new RegExp(`/programs/show/${first.id}$`));
    await currentFee.filter({ hasText: '₹1,80,000.50' }).waitFor();
    const fees = await api.get<FeeStructureView[]>(token, `/fee-structures?programId=${first.id}&session=2026-27`);
    const current = fees.filter((f) => f.isCurrent);
    expect(current).toHaveLength(1);
    expect(current[0].totalPaise).toBe(18000050);
    if (first.currentFee?.session === '2026-27') expect(fees.some((f) => !f.isCurrent && f.totalPaise === first.currentFee?.totalPaise)).toBe(true);
    await page
      .getByTestId('fee-history')
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: 'Current' })
      .filter({ hasText: '₹1,80,000.50' })
      .waitFor();
    await screenshot(page, viewport, 'program-show-new-fee');
    expect(await fitsTheScreen(page)).toBe(true);
  });
});

/** Three PG programs with a current fee, from three different universities. */
async function threePrograms(token: string): Promise<ProgramView[]> {
  const programs = await api.get<ProgramView[]>(token, '/programs?level=PG&active=true&_sort=totalPaise&_order=asc&_start=0&_end=40');
  const picked: ProgramView[] = [];
  for (const p of programs) {
    if (p.currentFee && !picked.some((q) => q.universityName === p.universityName || q.name === p.name)) picked.push(p);
    if (picked.length === 3) break;
  }
  if (picked.length < 3) throw new Error('the demo catalogue has fewer than three PG programs with fees');
  return picked;
}

const formatInr = (paise: number) => {
  const rupees = String(Math.floor(paise / 100));
  const grouped = rupees.length <= 3 ? rupees : rupees.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',') + ',' + rupees.slice(-3);
  return `₹${grouped}${paise % 100 ? '.' + String(paise % 100).padStart(2, '0') : ''}`;
};

describe.each<Viewport>(['laptop', 'phone'])('Shortlists and comparisons on a %s', (viewport) => {
  const taken = new Set<string>();
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it('lets an advisor build a shortlist on their lead’s page, create a comparison, and the student open it on a phone', async () => {
    const token = await api.token('advisor');
    const lead = await freshLeadOf(token, taken);
    const [a, b, c] = await threePrograms(token);
    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);
    await page.goto(`/leads/${lead.id}`);
    const panel = page.getByTestId('shortlist-panel');
    await panel.getByText('No programs shortlisted yet').waitFor();

    // Add three programs from the catalogue search, the first with a note; the suggestions are offered too.
    await panel
      .getByRole('button', { name: /Add program/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Add a program to the shortlist' });
    await dialog.getByTestId('shortlist-suggestions').waitFor();
    const items = panel.getByTestId('shortlist-item');
    for (const [index, program] of [a, b, c].entries()) {
      await searchAndChoose(page, dialog, 'Search programs to add', program.name, `${program.name} — ${program.universityName}`);
      if (index === 0) await dialog.getByLabel('Note').fill('Weekend classes suit her job');
      await dialog.getByRole('button', { name: /Add to shortlist/ }).click();
      await items.filter({ hasText: program.name }).filter({ hasText: program.universityName }).waitFor();
    }
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await items.count()).toBe(3);
    await items.first().getByTestId('shortlist-note').filter({ hasText: 'Weekend classes suit her job' }).waitFor();
    // Each item shows its current fee the Indian way.
    expect(await items.nth(1).textContent()).toContain(formatInr(b.currentFee?.totalPaise ?? 0));

    // Reorder: the third moves up to second. Annotate the (new) second.
    await panel.getByRole('button', { name: `Move ${c.name} up` }).click();
    await items.nth(1).filter({ hasText: c.name }).waitFor();
    await panel.getByRole('button', { name: `Edit the note of ${c.name}` }).click();
    await panel.getByLabel(`Note for ${c.name}`).fill('Lowest fee; EMI possible');
    await panel.getByRole('button', { name: 'Save note' }).click();
    await items.nth(1).getByTestId('shortlist-note').filter({ hasText: 'Lowest fee; EMI possible' }).waitFor();

    // Pick all three and create the comparison: the link, the message and WhatsApp are ready.
    for (const program of [a, c, b]) await panel.getByLabel(`Include ${program.name} in a comparison`).check();
    await panel.getByRole('button', { name: /Create comparison/ }).click();
    const share = page.getByRole('dialog', { name: 'Comparison ready to send' });
    await share.waitFor();
    const url = await share.getByLabel('Comparison link').inputValue();
    expect(url).toMatch(/\/c\/[A-Za-z0-9_-]{20,}$/);
    const message = await share.getByLabel('WhatsApp message').inputValue();
    expect(message).toContain(lead.fullName.split(/\s+/)[0]);
    expect(message).toContain(url);
    const whatsapp = share.getByRole('link', { name: /Open WhatsApp/ });
    expect(await whatsapp.getAttribute('href')).toMatch(new RegExp(`^https://wa\\.me/${(lead.phone ?? '').replace(/\D/g, '')}\\?text=`));
    expect(await whatsapp.getAttribute('target')).toBe('_blank');
    await share.getByRole('button', { name: /Copy link/ }).click();
    await page.getByText('Link copied').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(url);
    await screenshot(page, viewport, 'comparison-share');
    expect(await fitsTheScreen(page)).toBe(true);
    await share.getByRole('button', { name: 'Done' }).click();
    const shared = panel.getByTestId('shared-comparisons');
    await shared.getByText('3 programs').waitFor();
    await shared.getByText('Not opened yet').waitFor();
    await screenshot(page, viewport, 'lead-shortlist');
    expect(await fitsTheScreen(page)).toBe(true);

    // The API holds what the panel showed: order, notes, and one comparison.
    const shortlist = await api.get<ShortlistItemView[]>(token, `/leads/${lead.id}/shortlist`);
    expect(shortlist.map((i) => [i.rank, i.programId, i.note])).toEqual([
      [1, a.id, 'Weekend classes suit her job'],
      [2, c.id, 'Lowest fee; EMI possible'],
      [3, b.id, null],
    ]);
    const comparisons = await api.get<SharedComparison[]>(token, `/leads/${lead.id}/comparisons`);
    expect(comparisons).toHaveLength(1);
    expect(comparisons[0]).toMatchObject({ url, programs: 3, viewCount: 0 });

    // The student opens the link on a phone: every program and its fee in rupees, nothing wider than the screen.
    const student = await newContext(browser, 'phone', server.baseUrl);
    try {
      const phone = await student.newPage();
      const response = await phone.goto(new URL(url).pathname);
      expect(response?.status()).toBe(200);
      await phone
        .getByRole('heading', { level: 1 })
        .filter({ hasText: `Hi ${lead.fullName.split(/\s+/)[0]}` })
        .waitFor();
      const text = (await phone.locator('body').innerText()).replace(/\s+/g, ' ');
      for (const program of [a, b, c]) {
        expect(text).toContain(program.name);
        expect(text).toContain(formatInr(program.currentFee?.totalPaise ?? 0));
      }
      expect(text).not.toContain(lead.phone ?? '(no phone)');
      expect(await fitsTheScreen(phone)).toBe(true);
      await screenshot(phone, 'phone', `public-comparison-from-${viewport}`);
    } finally {
      await student.close();
    }

    // Back on the lead: the advisor sees it was opened.
    await page.reload();
    await panel
      .getByTestId('shared-comparisons')
      .getByText(/Viewed 1×/)
      .waitFor();
  });

  it('lets an advisor compare programs side by side, differences tinted, and send them to a lead', async () => {
    const token = await api.token('advisor');
    const lead = await freshLeadOf(token, taken);
    const programs = await threePrograms(token);
    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);

    // Tick "compare" on three programs found in the list; the bar at the bottom opens the comparison.
    await page.goto('/programs');
    const table = page.getByTestId('programs-table');
    for (const program of programs) {
      const search = page.getByLabel('Search programs');
      await search.fill(program.name);
      await search.press('Enter');
      await table.locator('tbody tr.ant-table-row').filter({ hasText: program.universityName }).first().waitFor();
      await page.getByLabel(`Compare ${program.name}, ${program.universityName}`).check();
    }
    const bar = page.getByTestId('compare-bar');
    await bar.getByText('3 of 5 to compare').waitFor();
    await screenshot(page, viewport, 'programs-compare-bar');
    expect(await fitsTheScreen(page)).toBe(true);
    await bar.getByRole('button', { name: /Compare/ }).click();
    await page.waitForURL((url) => url.pathname === '/compare' && (url.searchParams.get('ids') ?? '').split(',').length === 3);

    // Side by side on a laptop, stacked cards on a phone; the fee row differs and the lowest fee is named.
    const view = page.getByTestId(viewport === 'laptop' ? 'comparison-table' : 'comparison-cards');
    await view.waitFor();
    for (const program of programs) {
      await view.getByText(program.name, { exact: true }).first().waitFor();
      await view
        .getByText(formatInr(program.currentFee?.totalPaise ?? 0), { exact: true })
        .first()
        .waitFor();
    }
    expect(await view.locator('[data-differs]').count()).toBeGreaterThan(0);
    await view.getByText('Lowest fee').first().waitFor();
    await screenshot(page, viewport, 'compare');
    expect(await fitsTheScreen(page)).toBe(true);

    // Send them to the lead: they join the shortlist and a comparison is created.
    await page.getByRole('button', { name: /Send to a lead/ }).click();
    const dialog = page.getByRole('dialog', { name: /Send these 3 programs to a lead/ });
    await searchAndChoose(page, dialog, 'Lead', lead.fullName);
    await dialog.getByRole('button', { name: 'Create comparison' }).click();
    const share = page.getByRole('dialog', { name: 'Comparison ready to send' });
    await share.waitFor();
    const url = await share.getByLabel('Comparison link').inputValue();
    const comparisons = await api.get<SharedComparison[]>(token, `/leads/${lead.id}/comparisons`);
    expect(comparisons.map((c) => c.url)).toEqual([url]);
    const shortlist = await api.get<ShortlistItemView[]>(token, `/leads/${lead.id}/shortlist`);
    expect(shortlist.map((i) => i.programId).sort()).toEqual(programs.map((p) => p.id).sort());
  });
});

describe('Catalogue access and import', () => {
  let context: BrowserContext;
  let page: Page;

  afterEach(async () => {
    await context.close();
  });

  it('shows marketing the catalogue and the comparison read-only on a phone', async () => {
    context = await newContext(browser, 'phone', server.baseUrl);
    page = await context.newPage();
    const token = await api.token('marketing');
    const programs = await threePrograms(token);
    const marketing = login('marketing');
    await signIn(page, marketing.email, marketing.password);

    await page.goto('/universities');
    const table = page.getByTestId('universities-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByText('View only').waitFor();
    expect(await page.getByRole('button', { name: /Add university|Edit |Deactivate / }).count()).toBe(0);
    // Approvals filter: "has all of".
    await chooseOption(page, page, 'Filter by approvals', 'UGC-entitled');
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => (filtersByOperator(url.toString()).approvals_in ?? []).join() === 'UGC-entitled');
    const withApproval = await api.get<{ name: string }[]>(token, '/universities?approvals=UGC-entitled&_sort=name&_order=asc&_start=0&_end=20');
    await table.locator('tbody tr.ant-table-row').filter({ hasText: withApproval[0].name }).waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(withApproval.length);
    await screenshot(page, 'phone', 'universities-marketing');
    expect(await fitsTheScreen(page)).toBe(true);

    await page.goto(`/compare?ids=${programs.map((p) => p.id).join(',')}`);
    await page.getByTestId('comparison-cards').waitFor();
    for (const program of programs) await page.getByTestId('comparison-cards').getByText(program.name, { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /Send to a lead/ }).count()).toBe(0);
    expect(await fitsTheScreen(page)).toBe(true);

    await page.goto('/fee-structures');
    const fees = page.getByTestId('fee-structures-table');
    await fees.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await fees.locator('tbody tr.ant-table-row').first().textContent()).toMatch(/Current.*₹\d/);
    expect(await fees.getByRole('button', { name: /^edit Edit|Edit the/ }).count()).toBe(0);
    await screenshot(page, 'phone', 'fee-structures-marketing');
    expect(await fitsTheScreen(page)).toBe(true);

    await page.goto('/catalogue/import');
    await page.getByText('Not available for your role').waitFor();
  });

  it('lets a manager check a catalogue CSV, see every bad row, then import it all and edit the new university', async () => {
    context = await newContext(browser, 'laptop', server.baseUrl);
    page = await context.newPage();
    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
    const sample = (name: string) => readFileSync(join(WORKSPACE_ROOT, 'libs/api/seed/data', name), 'utf8').split(/\r?\n/);
    const universities = [
      ...sample('universities.csv').slice(0, 3),
      'Test Open University,Pune,Maharashtra,state,UGC-entitled;DEB,A,,,https://test-open.example.ac.in,',
    ].join('\n');
    const programRows = [
      sample('programs.csv')[0],
      'Test Open University,Online MBA (Test),PG,degree,online,24,,,2026-27,Registration:5000;Year 1:60000;Year 2:60000,125000,yes,',
      'Test Open University,Online MCA (Test),PHD,degree,online,24,,,2026-27,Full program:90000,95000,,',
    ];

    await page.goto('/catalogue/import');
    await page.getByTestId('universities-csv').fill(universities);
    await page.getByTestId('programs-csv').fill(programRows.join('\n'));
    const importButton = page.getByRole('button', { name: /^cloud-upload Import$|^Import$/ });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByRole('button', { name: /Check \(dry run\)/ }).click();

    // Every problem, with its file, line and field; nothing written and Import still closed.
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const rows = problems.locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const texts = (await rows.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    expect(texts.some((t) => t.includes('programs.csv') && t.includes('line 3') && t.includes('level'))).toBe(true);
    expect(texts.some((t) => t.includes('programs.csv') && t.includes('line 3') && /total/i.test(t))).toBe(true);
    expect(await importButton.isDisabled()).toBe(true);
    const token = await api.token('manager');
    expect(await api.get<unknown[]>(token, '/universities?q=Test%20Open')).toHaveLength(0);
    await screenshot(page, 'laptop', 'catalogue-import-problems');

    // Corrected: the check counts what would change, then Import writes it.
    programRows[2] = 'Test Open University,Online MCA (Test),PG,degree,online,24,,,2026-27,Full program:90000,90000,,';
    await page.getByTestId('programs-csv').fill(programRows.join('\n'));
    await page.getByRole('button', { name: /Check \(dry run\)/ }).click();
    const counts = page.getByTestId('import-counts');
    await page.getByText('Every row is good').waitFor();
    expect((await counts.textContent())?.replace(/\s+/g, ' ')).toMatch(
      /Universities3rows1 new · 0 updated · 2 unchanged.*Programs2rows2 new · 0 updated · 0 unchanged.*Fee structures2to write2 new · 0 replaced · 0 unchanged/,
    );
    await importButton.click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('import-result').getByText('Imported').waitFor();
    await screenshot(page, 'laptop', 'catalogue-import-done');
    const [created] = await api.get<{ id: string; name: string; naacGrade: string }[]>(token, '/universities?q=Test%20Open');
    expect(created).toMatchObject({ name: 'Test Open University', naacGrade: 'A' });

    // The new university, edited: NAAC A+ and one more approval, kept after saving.
    await page.goto('/universities');
    await page.getByLabel('Search universities').fill('Test Open');
    await page.getByLabel('Search universities').press('Enter');
    await page.getByRole('button', { name: 'Edit Test Open University' }).click();
    await page.waitForURL(new RegExp(`/universities/edit/${created.id}$`));
    const form = page.locator('form#university-edit');
    await waitForValue(form.getByLabel('Name', { exact: true }), 'Test Open University');
    await chooseOption(page, form, 'NAAC grade', /^A\+$/);
    await chooseOption(page, form, 'Approvals', 'AICTE');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Save changes/ }).click();
    // Back to the list as it was left: still searching for the new university.
    await page.waitForURL((url) => url.pathname === '/universities' && filtersByOperator(url.toString()).q_eq?.[0] === 'Test Open');
    const row = page.getByTestId('universities-table').locator('tbody tr.ant-table-row').filter({ hasText: 'Test Open University' });
    await row.filter({ hasText: 'AICTE' }).waitFor();
    expect(await row.locator('td').nth(3).textContent()).toBe('A+');
    await screenshot(page, 'laptop', 'universities-manager');

    // A program for it, from its row: the university comes chosen.
    await row.getByRole('button', { name: 'Programs of Test Open University' }).click();
    await page.waitForURL((url) => url.pathname === '/programs' && filtersByOperator(url.toString()).universityId_eq?.[0] === created.id);
    await page.getByTestId('programs-table').getByText('Online MBA (Test)').waitFor();
    await page.goto(`/programs/create?universityId=${created.id}`);
    const programForm = page.locator('form#program-create');
    await programForm.locator('.ant-select-selection-item').filter({ hasText: 'Test Open University' }).waitFor();
    await programForm.getByLabel('Program name').fill('Online BBA (Test)');
    await chooseOption(page, programForm, 'Level', 'UG degree');
    await chooseOption(page, programForm, 'Mode', 'Online');
    await programForm.getByLabel('Duration (months)').fill('36');
    await page.keyboard.press('Escape');
    await screenshot(page, 'laptop', 'program-create');
    await page.getByRole('button', { name: /Add program/ }).click();
    await page.waitForURL(/\/programs\/show\//);
    await page.getByTestId('current-fee').getByText('No fee structure yet').waitFor();
  });

  it('lets a manager correct a fee structure, keeping the earlier figures, and refuses a save over someone else’s change', async () => {
    context = await newContext(browser, 'laptop', server.baseUrl);
    page = await context.newPage();
    const token = await api.token('manager');
    const [program] = await api.get<ProgramView[]>(token, '/programs?level=UG&totalPaise_gte=1&_sort=totalPaise&_order=desc&_start=0&_end=1');
    const [fee] = await api.get<FeeStructureView[]>(
      token,
      `/fee-structures?programId=${program.id}&isCurrent=true&_sort=session&_order=desc&_start=0&_end=1`,
    );
    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
    await page.goto(`/fee-structures/edit/${fee.id}`);
    const form = page.locator('form#fee-structure-edit');
    const first = form.getByLabel('Component 1 amount in rupees');
    await waitForValue(first, formatInr(fee.components[0].amountPaise).slice(1));
    expect(rupees(await page.getByTestId('fee-total').textContent())).toBe(formatInr(fee.totalPaise));
    expect(await form.getByLabel('Academic session').isDisabled()).toBe(true);

    // Someone else saves first: this save is refused, and says so.
    const newFirst = fee.components[0].amountPaise + 250000;
    const response = await fetch(`${server.baseUrl}/api/fee-structures/${fee.id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ scholarshipNotes: 'Changed elsewhere', version: fee.version }),
    });
    expect(response.status).toBe(200);
    await first.fill(String(newFirst / 100));
    const expectedTotal = fee.totalPaise + 250000;
    expect(rupees(await page.getByTestId('fee-total').textContent())).toBe(formatInr(expectedTotal));
    await page.getByRole('button', { name: /Save changes/ }).click();
    await page
      .locator('.ant-notification-notice')
      .filter({ hasText: /Someone else changed/ })
      .waitFor();

    // Reloaded, corrected again and saved: the earlier figures are listed below.
    await page.getByRole('button', { name: /Refresh/ }).click();
    await waitForValue(form.getByLabel('Scholarship notes'), 'Changed elsewhere');
    await first.fill(String(newFirst / 100));
    await page.getByRole('button', { name: /Save changes/ }).click();
    const revisions = page.getByTestId('fee-revisions');
    await revisions.locator('tbody tr.ant-table-row').nth(1).waitFor();
    expect(await revisions.locator('tbody tr.ant-table-row').first().textContent()).toContain(formatInr(fee.totalPaise));
    const [saved] = await api.get<FeeStructureView[]>(token, `/fee-structures?programId=${program.id}&isCurrent=true&session=${fee.session}`);
    expect(saved.totalPaise).toBe(expectedTotal);
    expect(saved.components[0].amountPaise).toBe(newFirst);
    await screenshot(page, 'laptop', 'fee-structure-edit');
  });
});
