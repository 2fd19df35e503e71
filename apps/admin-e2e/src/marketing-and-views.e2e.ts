import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { INDIA_STATES, istDate, type LeadExportCount } from '@advisordesk/shared';
import { apiOf, login } from './support/api';
import { chooseOption, searchAndChoose } from './support/antd';
import { fitsTheScreen, launchBrowser, newContext, openFromMenu, screenshot, signIn, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { eventually } from './support/wait';

const api = apiOf(() => server.baseUrl);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A day as the date pickers read it: `2026-04-01` → `1 Apr 2026`. */
const pickerDay = (day: string) => `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

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

/** The count the segment page shows, once it has settled on the address's filters. */
async function shownCount(page: Page): Promise<number> {
  await page.locator('[data-testid="segment-count"][data-settled="true"]:not([data-count=""])').waitFor();
  return Number(await page.getByTestId('segment-count').getAttribute('data-count'));
}

describe("Marketing's segments and home", () => {
  let context: BrowserContext;
  let page: Page;
  const open = async (viewport: Viewport) => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
    const marketing = login('marketing');
    await signIn(page, marketing.email, marketing.password);
  };
  afterEach(async () => {
    await context?.close();
  });

  it('marketing builds a segment, sees how many people match, exports exactly them, saves the segment and opens it again', async () => {
    await open('laptop');
    // Home: conversion by source and by campaign, and its own exports.
    await page.getByTestId('marketing-charts').locator('canvas').first().waitFor();
    await page.getByTestId('my-exports').waitFor();
    await screenshot(page, 'laptop', 'marketing-home');

    // The state with the most consenting adults at PG level in the last year, as the API counts them.
    const token = await api.token('marketing');
    const from = daysBefore(istDate(), 364);
    const to = istDate();
    const counts = await Promise.all(
      INDIA_STATES.map(async (state) => ({
        state,
        count: (
          await api.get<LeadExportCount>(
            token,
            `/exports/leads/count?level=PG&state=${encodeURIComponent(state)}&createdAt_gte=${from}&createdAt_lte=${to}`,
          )
        ).count,
      })),
    );
    const best = counts.sort((a, b) => b.count - a.count)[0];
    expect(best.count).toBeGreaterThan(0);

    await openFromMenu(page, 'laptop', 'Segments');
    await page.waitForURL((url) => url.pathname === '/segments');
    const everyone = await shownCount(page);
    expect(everyone).toBe((await api.get<LeadExportCount>(token, '/exports/leads/count')).count);

    const filters = page.getByTestId('segment-filters');
    await chooseOption(page, filters, 'Level', /^PG degree$/);
    await page.keyboard.press('Escape');
    await eventually(async () => (await shownCount(page)) < everyone, 'the count follows the level');
    await searchAndChoose(page, filters, 'State', best.state);
    await page.keyboard.press('Escape');
    await page.getByPlaceholder('Created from').click();
    await page.getByPlaceholder('Created from').fill(pickerDay(from));
    await page.keyboard.press('Enter');
    await page.getByPlaceholder('to').fill(pickerDay(to));
    await page.keyboard.press('Enter');
    await eventually(() => new URL(page.url()).searchParams.get('createdAt_lte') === to, 'the period is in the address');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ level: 'PG', state: best.state, createdAt_gte: from, createdAt_lte: to });
    await eventually(async () => (await shownCount(page)) === best.count, `the count shows ${best.count}`);
    await page
      .getByTestId('segment-count')
      .filter({ hasText: `${best.count.toLocaleString('en-IN')} ${best.count === 1 ? 'person' : 'people'}` })
      .waitFor();
    await screenshot(page, 'laptop', 'segments');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-leads').click()]);
    const rows: Record<string, string>[] = parse(readFileSync(await download.path()), { bom: true, columns: true });
    expect(rows).toHaveLength(best.count);
    expect(rows.every((row) => row.level === 'PG' && row.state === best.state && row.consentMarketing === 'yes')).toBe(true);

    await page.getByTestId('save-view').click();
    const dialog = page.getByRole('dialog', { name: 'Save segment' });
    await dialog.getByLabel('View name').fill(`PG in ${best.state}`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('saved-segments').getByText(`PG in ${best.state}`).waitFor();

    // Cleared, then opened again from the saved segment: the same filters and the same count.
    await page.getByRole('button', { name: 'Clear' }).click();
    await eventually(async () => (await shownCount(page)) === everyone, 'the count is everyone again');
    await page.getByTestId('saved-segments').getByText(`PG in ${best.state}`).click();
    await eventually(() => new URL(page.url()).searchParams.get('state') === best.state, 'the segment is in the address');
    await eventually(async () => (await shownCount(page)) === best.count, 'the saved segment counts the same');

    // Home lists the export with its filters in words.
    await page.goto('/');
    await page.getByTestId('my-exports').getByText(`State: ${best.state}`).waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
  });

  it('on a phone, the segment builder and the home fit the screen', async () => {
    await open('phone');
    await page.getByTestId('marketing-charts').locator('canvas').nth(1).waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'phone', 'marketing-home');
    await page.goto('/segments?level=PG&level=UG');
    const token = await api.token('marketing');
    const expected = (await api.get<LeadExportCount>(token, '/exports/leads/count?level=PG&level=UG')).count;
    await eventually(async () => (await shownCount(page)) === expected, 'the count of PG and UG');
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'phone', 'segments');
  });
});

describe('Saved views of the lead list', () => {
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  it.each(['laptop', 'phone'] as const)(
    'a manager shares a filtered lead list with chosen columns, and an advisor opens it from the menu as it was (%s)',
    async (viewport) => {
      const managerContext = await newContext(browser, viewport, server.baseUrl);
      contexts.push(managerContext);
      const page = await managerContext.newPage();
      const manager = login('manager');
      await signIn(page, manager.email, manager.password);
      await openFromMenu(page, viewport, 'Leads');
      await page.getByTestId('leads-table').waitFor();
      await chooseOption(page, page, 'Filter by status', 'Contacted');
      await page.keyboard.press('Escape');
      await page.getByTestId('active-filters').getByText('Status').waitFor();
      await page.getByRole('button', { name: 'Choose columns' }).click();
      // Each choice goes to the address, which the boxes then show.
      await page.getByTestId('column-chooser').getByText('Source').click();
      await eventually(() => new URL(page.url()).searchParams.get('columns')?.includes('source') === false, 'Source is left out');
      await page.getByTestId('column-chooser').getByText('Created').click();
      await eventually(
        () => new URL(page.url()).searchParams.get('columns') === 'fullName,status,nextFollowUpAt,courseInterest,advisorName',
        'the columns are in the address',
      );
      await page.keyboard.press('Escape');

      const name = `Contacted, short (${viewport})`;
      await page.getByTestId('save-view').click();
      const dialog = page.getByRole('dialog', { name: 'Save view' });
      await dialog.getByLabel('View name').fill(name);
      await dialog.getByLabel('Share with everyone').check();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByTestId('saved-views').getByText(name).waitFor();

      const advisorContext = await newContext(browser, viewport, server.baseUrl);
      contexts.push(advisorContext);
      const advisorPage = await advisorContext.newPage();
      const advisor = login('advisor');
      await signIn(advisorPage, advisor.email, advisor.password);
      if (viewport === 'phone') await advisorPage.getByRole('button', { name: 'Open menu' }).click();
      await screenshot(advisorPage, viewport, 'saved-views-menu');
      await advisorPage.getByTestId('sider-view').filter({ hasText: name }).click();
      await advisorPage.waitForURL((url) => url.pathname === '/leads' && url.searchParams.has('view'));
      await advisorPage.getByTestId('leads-table').waitFor();
      await advisorPage
        .getByTestId('active-filters')
        .getByText(/Status: Contacted/)
        .waitFor();
      const url = new URL(advisorPage.url());
      expect(url.searchParams.get('columns')).toBe('fullName,status,nextFollowUpAt,courseInterest,advisorName');
      const headers = await advisorPage.getByTestId('leads-table').locator('thead th').allTextContents();
      expect(headers.join('|')).not.toMatch(/Source|Created/);
      expect(await fitsTheScreen(advisorPage)).toBe(true);
      await screenshot(advisorPage, viewport, 'saved-view-opened');
      // The advisor may not delete the manager's shared view.
      expect(await advisorPage.getByRole('button', { name: `Delete ${name}` }).count()).toBe(0);
    },
  );
});
