import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { istDate, type ConversionReport, type FunnelReport } from '@advisordesk/shared';
import { filtersInUrl } from './support/address';
import { apiOf, login } from './support/api';
import { fitsTheScreen, launchBrowser, SHOTS_DIR, newContext, openFromMenu, screenshot, signIn, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';

// ---- days in Asia/Kolkata, as the reports page counts them -------------------------------------

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const last90Days = () => ({ from: addDays(istDate(), -89), to: istDate() });
function lastMonth() {
  const today = istDate();
  const firstOfThisMonth = `${today.slice(0, 7)}-01`;
  const to = addDays(firstOfThisMonth, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

const count = (value: number) => value.toLocaleString('en-IN');

// ---- the API, asked directly, to check the figures the page shows ------------------------------

const api = apiOf(() => server.baseUrl);

/** The text of a figure on the page once it has settled to `expected`. */
async function waitForText(locator: Locator, expected: string) {
  await locator.filter({ hasText: new RegExp(`^\\s*${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }).waitFor();
}

/**
 * Clicks the bar of `label` in a G2 bar chart (drawn on a canvas): finds its row by hovering
 * down the chart until the tooltip names it, then clicks along that row until the bar answers.
 */
async function clickBar(page: Page, chart: Locator, label: string) {
  const canvas = chart.locator('canvas').first();
  await canvas.waitFor();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the chart has no box');
  const tooltipTitle = page.locator('.g2-tooltip:visible .g2-tooltip-title');
  // The band where the tooltip names the label; the bar sits in its middle.
  let first: number | undefined;
  let last: number | undefined;
  for (let y = box.y + 2; y < box.y + box.height - 2; y += 3) {
    await page.mouse.move(box.x + box.width * 0.5, y);
    const title = (await tooltipTitle.count())
      ? await tooltipTitle
          .first()
          .textContent({ timeout: 500 })
          .catch(() => null)
      : null;
    if (title?.trim() === label) {
      first ??= y;
      last = y;
    } else if (first !== undefined) break;
  }
  if (first === undefined || last === undefined) throw new Error(`no bar named ${label} in the chart`);
  const rowY = (first + last) / 2;
  const start = page.url();
  for (let x = box.x + box.width * 0.2; x < box.x + box.width * 0.9; x += box.width * 0.05) {
    await page.mouse.click(x, rowY);
    if (
      await page
        .waitForURL((url) => url.toString() !== start, { timeout: 400 })
        .then(
          () => true,
          () => false,
        )
    )
      return;
  }
  throw new Error(`clicking the bar of ${label} did not open anything`);
}

/** A card on its own (below the fold of the page's screenshot), once its chart has drawn. */
async function shootCard(page: Page, testId: string, name: string) {
  const card = page.getByTestId(testId);
  await card.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await card.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
}

async function openReports(page: Page, viewport: Viewport) {
  await openFromMenu(page, viewport, 'Reports');
  await page.waitForURL((url) => url.pathname === '/reports');
  await page.getByTestId('reports-page').waitFor();
}

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Reports', () => {
  let context: BrowserContext;
  let page: Page;
  const open = async (viewport: Viewport) => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
  };

  afterEach(async () => {
    await context?.close();
  });

  it('shows a manager the funnel and conversion of the last 90 days, follows a new period in the address, and opens the leads behind a bar', async () => {
    await open('laptop');
    const token = await api.token('manager');
    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
    await openReports(page, 'laptop');

    // The last 90 days by default: the funnel and the conversion by advisor say what the API says.
    const initial = last90Days();
    const funnel = await api.get<FunnelReport>(token, `/reports/funnel?from=${initial.from}&to=${initial.to}`);
    expect(funnel.stages[0].reached).toBeGreaterThan(0);
    for (const stage of funnel.stages) await waitForText(page.getByTestId(`funnel-reached-${stage.stage}`), count(stage.reached));
    await page.getByTestId('funnel-card').locator('canvas').first().waitFor();
    const byAdvisor = await api.get<ConversionReport>(token, `/reports/conversion?groupBy=advisor&from=${initial.from}&to=${initial.to}`);
    const advisorTable = page.getByTestId('conversion-table-advisor');
    const topAdvisor = byAdvisor.rows[0];
    const topAdvisorRow = advisorTable.getByRole('row', { name: new RegExp(topAdvisor.label) });
    await topAdvisorRow.waitFor();
    expect(await topAdvisorRow.textContent()).toContain(count(topAdvisor.leads));
    await page.getByTestId('conversion-card').locator('canvas').first().waitFor();
    await page.getByTestId('trend-card').locator('canvas').first().waitFor();
    await page
      .getByTestId('productivity-table')
      .getByRole('row', { name: new RegExp(topAdvisor.label) })
      .waitFor();
    await screenshot(page, 'laptop', 'reports');
    await shootCard(page, 'conversion-card', 'reports-conversion-laptop');
    await shootCard(page, 'trend-card', 'reports-trend-laptop');
    await shootCard(page, 'productivity-card', 'reports-productivity-laptop');

    // Last month, from the period picker's presets: the address holds it and the figures reload.
    const period = lastMonth();
    const reloaded = page.waitForResponse(
      (r) => r.url().includes('/api/reports/funnel') && r.url().includes(`from=${period.from}`) && r.url().includes(`to=${period.to}`),
    );
    await page.getByLabel('Period').first().click();
    await page.locator('.ant-picker-presets li').filter({ hasText: 'Last month' }).click();
    await page.waitForURL((url) => url.searchParams.get('from') === period.from && url.searchParams.get('to') === period.to);
    await reloaded;
    const monthFunnel = await api.get<FunnelReport>(token, `/reports/funnel?from=${period.from}&to=${period.to}`);
    await waitForText(page.getByTestId('funnel-reached-new'), count(monthFunnel.stages[0].reached));
    await waitForText(page.getByTestId('funnel-reached-enrolled'), count(monthFunnel.stages[6].reached));

    // Conversion by source, kept in the address too.
    await page.getByRole('tab', { name: 'By source' }).click();
    await page.waitForURL((url) => url.searchParams.get('by') === 'source' && url.searchParams.get('from') === period.from);
    const bySource = await api.get<ConversionReport>(token, `/reports/conversion?groupBy=source&from=${period.from}&to=${period.to}`);
    const topSource = bySource.rows[0];
    const sourceTable = page.getByTestId('conversion-table-source');
    const topSourceRow = sourceTable.getByRole('row', { name: new RegExp(topSource.label) });
    await topSourceRow.waitFor();
    expect(await topSourceRow.textContent()).toContain(count(topSource.leads));
    await screenshot(page, 'laptop', 'reports-by-source');

    // A click on the source's bar opens the lead list with the period and that source.
    await clickBar(page, page.getByTestId('conversion-source'), topSource.label);
    await page.waitForURL((url) => url.pathname === '/leads');
    const applied = filtersInUrl(page.url());
    expect(applied).toEqual(
      expect.arrayContaining([
        { field: 'createdAt', operator: 'gte', value: period.from },
        { field: 'createdAt', operator: 'lte', value: period.to },
        { field: 'source', operator: 'eq', value: topSource.key },
      ]),
    );
    expect(applied).toHaveLength(3);

    // A funnel stage opens the leads now at that stage or further on, with the period's filters.
    await page.goBack();
    await page.getByTestId('funnel-open-shortlisted').click();
    await page.waitForURL((url) => url.pathname === '/leads');
    expect(filtersInUrl(page.url())).toEqual(
      expect.arrayContaining([
        { field: 'createdAt', operator: 'gte', value: period.from },
        { field: 'status', operator: 'in', value: ['shortlisted', 'applied', 'admitted', 'enrolled'] },
      ]),
    );
  });

  it('fits a phone: no sideways scrolling, and the period is chosen from a list', async () => {
    await open('phone');
    const token = await api.token('manager');
    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
    await openReports(page, 'phone');
    const initial = last90Days();
    const funnel = await api.get<FunnelReport>(token, `/reports/funnel?from=${initial.from}&to=${initial.to}`);
    await waitForText(page.getByTestId('funnel-reached-new'), count(funnel.stages[0].reached));
    await page.getByTestId('conversion-card').locator('canvas').first().waitFor();
    await page.getByTestId('trend-card').locator('canvas').first().waitFor();
    await page.getByTestId('productivity-table').waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'phone', 'reports');

    const period = lastMonth();
    await page
      .locator('.ant-select')
      .filter({ has: page.getByRole('combobox', { name: 'Period' }) })
      .click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'Last month' }).click();
    await page.waitForURL((url) => url.searchParams.get('from') === period.from && url.searchParams.get('to') === period.to);
    const monthFunnel = await api.get<FunnelReport>(token, `/reports/funnel?from=${period.from}&to=${period.to}`);
    await waitForText(page.getByTestId('funnel-reached-new'), count(monthFunnel.stages[0].reached));
    expect(await fitsTheScreen(page)).toBe(true);

    // A period without leads says so, on every card.
    await page.goto('/reports?from=2020-01-01&to=2020-01-31');
    const empty = page.getByTestId('report-empty').filter({ hasText: 'No leads were created in this period' });
    await empty.nth(2).waitFor();
    expect(await empty.count()).toBe(3); // funnel, conversion, weekly trend
    expect(await fitsTheScreen(page)).toBe(true);
  });

  it('shows marketing only source and campaign figures, and exports only consented leads', async () => {
    await open('laptop');
    const marketing = login('marketing');
    await signIn(page, marketing.email, marketing.password);
    await openReports(page, 'laptop');
    const tabs = page.getByTestId('conversion-card').getByRole('tab');
    await page.getByTestId('conversion-table-source').waitFor();
    expect((await tabs.allTextContents()).map((t) => t.trim())).toEqual(['By source', 'By campaign', 'By UTM source']);
    await page.getByTestId('trend-card').locator('canvas').first().waitFor();
    expect(await page.getByTestId('funnel-card').count()).toBe(0);
    expect(await page.getByTestId('productivity-card').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Filter by advisor' }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Filter by level' }).count()).toBe(0);
    await page.getByTestId('export-consent-note').filter({ hasText: 'Only leads who agreed to marketing messages are exported' }).waitFor();
    // Marketing has no lead list: the groups are figures, not links.
    expect(await page.getByTestId('conversion-table-source').getByRole('button').count()).toBe(0);
    await page.getByRole('tab', { name: 'By campaign' }).click();
    await page
      .getByTestId('conversion-table-utmCampaign')
      .getByRole('row', { name: /spring-mba/ })
      .waitFor();
    await screenshot(page, 'laptop', 'reports-marketing');

    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => r.url().includes('/api/exports/leads.csv')),
      page.getByTestId('export-leads').click(),
    ]);
    const total = Number(response.headers()['x-total-count']);
    const rows: Record<string, string>[] = parse(readFileSync(await download.path()), { bom: true, columns: true });
    expect(total).toBeGreaterThan(0);
    expect(rows).toHaveLength(total);
    expect(rows.every((row) => row.consentMarketing === 'yes')).toBe(true);
    await page.getByTestId('export-done').waitFor();
  });

  it('shows an advisor their own figures only', async () => {
    await open('laptop');
    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);
    await openReports(page, 'laptop');
    await page.getByTestId('report-period').filter({ hasText: 'assigned to you' }).waitFor();
    const rows = page.getByTestId('productivity-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(advisor.name);
    expect((await page.getByTestId('conversion-card').getByRole('tab').allTextContents()).map((t) => t.trim())).not.toContain('By advisor');
    expect(await page.getByRole('combobox', { name: 'Filter by advisor' }).count()).toBe(0);
    expect(await page.getByTestId('export-leads').count()).toBe(0);
  });
});

describe('CSV export', () => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, 'laptop', server.baseUrl);
    page = await context.newPage();
    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
  });

  afterEach(async () => {
    await context.close();
  });

  it('downloads the filtered leads as a CSV with as many rows as announced, and lists the export', async () => {
    const period = lastMonth();
    await page.goto(`/reports?from=${period.from}&to=${period.to}&source=website`);
    await page.getByTestId('reports-page').waitFor();
    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => r.url().includes('/api/exports/leads.csv')),
      page.getByTestId('export-leads').click(),
    ]);
    const exported = new URL(response.url()).searchParams;
    expect(exported.get('createdAt_gte')).toBe(period.from);
    expect(exported.get('createdAt_lte')).toBe(period.to);
    expect(exported.getAll('source')).toEqual(['website']);
    const total = Number(response.headers()['x-total-count']);
    expect(download.suggestedFilename()).toMatch(/^advisordesk-leads-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true });
    expect(total).toBeGreaterThan(0);
    expect(rows).toHaveLength(total);
    expect(rows.every((row) => row.source === 'website')).toBe(true);
    await page
      .getByTestId('export-done')
      .filter({ hasText: `${count(total)} leads` })
      .waitFor();

    // The export log: who, role, when, the filters in words, the rows.
    await openFromMenu(page, 'laptop', 'Exports');
    await page.waitForURL((url) => url.pathname === '/exports');
    const latest = page.getByTestId('exports-table').locator('tbody tr.ant-table-row').first();
    await latest.filter({ hasText: 'Done' }).waitFor();
    const latestText = (await latest.textContent()) ?? '';
    for (const expected of ['Meera Manager', 'Manager', 'Source: Website form', count(total)]) expect(latestText).toContain(expected);
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'laptop', 'exports');
  });

  it('stops a download on Cancel and saves nothing', async () => {
    // The export never answers here, as if the server were slow to start the file.
    await page.route('**/api/exports/leads.csv**', () => undefined);
    await page.goto('/reports');
    await page.getByTestId('reports-page').waitFor();
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByTestId('export-leads').click();
    const progress = page.getByTestId('export-progress');
    await progress.filter({ hasText: 'Preparing the file' }).waitFor();
    await page.getByRole('dialog', { name: 'Exporting leads' }).getByRole('button', { name: 'Cancel' }).click();
    await progress.waitFor({ state: 'hidden' });
    await page.getByText('Export cancelled').waitFor();
    expect(downloads).toBe(0);
  });
});
