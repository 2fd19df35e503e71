import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { LeadImportView, LeadView } from '@advisordesk/shared';
import { chooseOption } from './support/antd';
import { apiOf, login } from './support/api';
import { fitsTheScreen, launchBrowser, newContext, openFromMenu, screenshot, SHOTS_DIR, signIn, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
const api = apiOf(() => server.baseUrl);

let serial = 0;
/** A mobile number no other test has made (93xxxxxxxx), new on each call. */
function freshPhone(): string {
  serial += 1;
  return `93${String(Date.now() % 1_000_000).padStart(6, '0')}${String(serial).padStart(2, '0')}`;
}

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8');

async function chooseFile(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('lead-import-file').locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByTestId('lead-import-source').filter({ hasText: name }).waitFor();
}

/** The lead field chosen for a column of the file, as the mapping table shows it. */
const mappedTo = (page: Page, header: string) => page.getByTestId(`mapping-${header}`).locator('.ant-select-selection-item').textContent();

/** Holds each import request a moment, so the progress the page shows while it runs can be seen. */
async function slowImports(page: Page) {
  await page.route('**/api/leads/import?dryRun=false', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
}

/** A part of the page saved on its own (the result sits below the mapping), without the sticky header over it. */
async function partShot(part: Locator, viewport: Viewport, name: string) {
  await part.scrollIntoViewIfNeeded();
  await part.screenshot({
    path: join(SHOTS_DIR, `${name}-${viewport}.png`),
    style: 'header, .ant-layout-header { position: static !important; } .ant-message { display: none !important; }',
  });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each<Viewport>(['laptop', 'phone'])('lead import on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it('a manager maps the columns, sees the wrong row in the dry run, fixes it, imports with a progress bar and finds it in the history', async () => {
    const [first, second, third] = [freshPhone(), freshPhone(), freshPhone()];
    const fileName = `fair-${viewport}.csv`;
    const header = ['Name', 'Mobile', 'E-mail', 'Course', 'Fair'];
    const rows = (thirdPhone: string) => [
      header,
      ['Kavya Nair', first, 'kavya@example.in', 'Online MBA', 'pune-fair'],
      ['Arjun Mehta', thirdPhone, '', 'BCA', 'pune-fair'],
      ['Sana Khan', second, 'sana@example.in', '', 'pune-fair'],
    ];
    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
    await openFromMenu(page, viewport, 'Import leads');
    await page.getByRole('heading', { name: 'Import leads' }).waitFor();

    // The headers people use are recognised; the one nobody names is mapped by hand.
    await chooseFile(page, fileName, csv(rows('12345')));
    expect(await mappedTo(page, 'Name')).toBe('Name');
    expect(await mappedTo(page, 'Mobile')).toBe('Phone');
    expect(await mappedTo(page, 'E-mail')).toBe('Email');
    expect(await mappedTo(page, 'Course')).toBe('Course interest');
    expect(await mappedTo(page, 'Fair')).toBe('Don’t import');
    await chooseOption(page, page.getByTestId('lead-import-mapping'), 'Lead field for Fair', 'UTM campaign');

    // The dry run names the wrong row and its field; nothing can be imported yet.
    await page.getByTestId('lead-import-check').click();
    const errors = page.getByTestId('lead-import-errors');
    await errors.waitFor();
    const errorRow = errors.locator('tbody tr').filter({ hasText: 'phone' });
    expect(await errorRow.locator('td').first().textContent()).toBe('3');
    expect(await page.getByTestId('lead-import-apply').isDisabled()).toBe(true);
    await page.getByTestId('lead-import-preview').getByText('New lead').first().waitFor();
    await screenshot(page, viewport, 'lead-import-dry-run');
    await partShot(page.getByTestId('lead-import-result'), viewport, 'lead-import-dry-run-result');
    expect(await fitsTheScreen(page)).toBe(true);

    // The corrected file: checked clean, then imported while the progress shows.
    await chooseFile(page, fileName, csv(rows(third)));
    await chooseOption(page, page.getByTestId('lead-import-mapping'), 'Lead field for Fair', 'UTM campaign');
    await page.getByTestId('lead-import-check').click();
    await page.getByText('Every row is good').waitFor();
    await slowImports(page);
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByTestId('lead-import-progress').waitFor();
    await page.getByText(`Imported 3 rows from ${fileName}`).waitFor();
    expect(await page.getByTestId('lead-import-counts').textContent()).toContain('New leads3');
    await partShot(page.getByTestId('lead-import-result'), viewport, 'lead-import-done');
    expect(await fitsTheScreen(page)).toBe(true);

    const token = await api.token('manager');
    const [lead] = await api.get<LeadView[]>(token, `/leads?q=${third}`);
    expect(lead).toMatchObject({ fullName: 'Arjun Mehta', source: 'import', utmCampaign: 'pune-fair' });
    expect(lead.advisorId).toEqual(expect.any(String));

    // The link opens the new leads; the history has the import.
    await page.getByTestId('lead-import-new-leads').click();
    await page.waitForURL(/\/leads\?/);
    await page.getByText('Arjun Mehta').first().waitFor();
    await openFromMenu(page, viewport, 'Lead imports');
    const history = page.getByTestId('lead-import-history');
    await history.locator('tbody tr', { hasText: fileName }).first().waitFor();
    expect(await history.textContent()).toContain('3 new · 0 existing');
    await screenshot(page, viewport, 'lead-import-history');
    expect(await fitsTheScreen(page)).toBe(true);
  });

  it('marketing pastes cells from a spreadsheet and imports them, sees no lead back, and its own imports on the home page', async () => {
    const phone = freshPhone();
    const marketing = login('marketing');
    await signIn(page, marketing.email, marketing.password);
    await openFromMenu(page, viewport, 'Import leads');
    await page.getByText('Paste', { exact: true }).click();
    await page.getByTestId('lead-import-paste').fill(`Student Name\tContact Number\tCampaign\nMeera Joshi\t${phone}\tdiwali-webinar`);
    await page.getByRole('button', { name: 'Use these cells' }).click();
    expect(await mappedTo(page, 'Student Name')).toBe('Name');
    expect(await mappedTo(page, 'Contact Number')).toBe('Phone');
    expect(await mappedTo(page, 'Campaign')).toBe('UTM campaign');
    await page.getByTestId('lead-import-check').click();
    await page.getByText('Every row is good').waitFor();
    // Marketing is told a row will be imported, not whether the person is already a lead.
    await page.getByTestId('lead-import-preview').getByText('Will be imported').waitFor();
    await page.getByRole('button', { name: 'Import 1 row' }).click();
    await page.getByText('Imported 1 row from pasted.tsv').waitFor();
    expect(await page.getByTestId('lead-import-new-leads').count()).toBe(0);
    await screenshot(page, viewport, 'lead-import-marketing');
    expect(await fitsTheScreen(page)).toBe(true);

    const token = await api.token('marketing');
    const own = await api.get<LeadImportView[]>(token, '/lead-imports');
    expect(own.every((entry) => entry.userName === own[0].userName)).toBe(true);
    expect((await api.request(token, 'GET', '/leads')).status).toBe(403);

    await page.goto('/');
    const card = page.getByTestId('recent-imports');
    await card.getByText('pasted.tsv').first().waitFor();
    await screenshot(page, viewport, 'lead-import-home-marketing');
  });
});
