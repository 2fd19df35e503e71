import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { ActivityView, LeadView, UserView } from '@advisordesk/shared';
import { searchAndChoose } from './support/antd';
import { apiOf, login } from './support/api';
import { fitsTheScreen, launchBrowser, newContext, screenshot, signIn, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { eventually } from './support/wait';

let server: RunningServer;
let browser: Browser;
let managerToken: string;
let advisorToken: string;
const api = apiOf(() => server.baseUrl);

let phoneSerial = 0;
/** Indian mobiles outside the demo data's range (which all start 9…), unique in the run. */
const freshPhone = () => `73${String(++phoneSerial * 7_919 + (Date.now() % 100_000)).padStart(8, '0')}`.slice(0, 10);

async function createLead(token: string, body: Record<string, unknown>): Promise<LeadView> {
  const { status, data } = await api.request<LeadView>(token, 'POST', '/leads', { phone: freshPhone(), source: 'walk_in', ...body });
  if (status !== 201) throw new Error(`creating a lead answered ${status}: ${JSON.stringify(data)}`);
  return data;
}

const table = (page: Page) => page.getByTestId('leads-table');
const bar = (page: Page) => page.getByTestId('bulk-actions-bar');
/** Ticks a lead's row in the leads table (the row itself opens the lead). */
async function tick(page: Page, name: string) {
  await table(page).locator('tr.ant-table-row').filter({ hasText: name }).locator('.ant-table-selection-column .ant-checkbox-input').check();
}
async function settled(scope: Locator) {
  await eventually(async () => (await scope.locator('.ant-spin-blur').count()) === 0, 'the table to finish loading');
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  managerToken = await api.token('manager');
  advisorToken = await api.token('advisor');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each<Viewport>(['laptop', 'phone'])('bulk actions on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });

  it('a manager filters the leads, selects all that match and assigns them to an advisor', async () => {
    const campaign = `campus-fair-${viewport}`;
    const leads = await Promise.all(
      ['Ira Menon', 'Kunal Joshi', 'Leela Pillai'].map((fullName) => createLead(managerToken, { fullName, utmCampaign: campaign })),
    );
    const advisors = await api.get<UserView[]>(managerToken, '/users?role=advisor&active=true&_sort=name&_order=asc&_start=0&_end=50');
    // Someone who does not hold these leads yet (a new lead is assigned in turn).
    const target = advisors.find((a) => leads.every((lead) => lead.advisorId !== a.id)) ?? advisors[0];

    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
    await page.goto('/leads');
    // "More filters" (its funnel icon alone on a phone).
    await page
      .locator('button')
      .filter({ has: page.locator('.anticon-filter') })
      .click();
    const campaignBox = page.getByLabel('Filter by campaign');
    await campaignBox.fill(campaign);
    await campaignBox.press('Enter');
    await eventually(async () => (await table(page).getAttribute('data-total')) === '3', 'the list to show the three leads of the campaign');
    await settled(table(page));

    await tick(page, 'Ira Menon');
    await bar(page).getByText('1 selected').waitFor();
    await bar(page).getByRole('button', { name: 'Select all 3 leads matching this filter' }).click();
    await bar(page).getByText('3 selected').waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, viewport, 'bulk-selected');

    await bar(page).getByRole('button', { name: 'Assign' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('bulk-count').textContent()).resolves.toBe('3 leads');
    await searchAndChoose(page, dialog, 'Advisor', target.name);
    await screenshot(page, viewport, 'bulk-assign-confirm');
    await dialog.getByRole('button', { name: 'Assign (3 leads)' }).click();
    await dialog.getByTestId('bulk-result').getByText('3 leads updated').waitFor({ timeout: 30_000 });
    await screenshot(page, viewport, 'bulk-assign-done');

    for (const lead of leads) expect((await api.get<LeadView>(managerToken, `/leads/${lead.id}`)).advisorId).toBe(target.id);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Close' }).click();
    await bar(page).waitFor({ state: 'detached' });
    // The list read again: each lead shows its new advisor (the advisor column is on a laptop).
    if (viewport === 'laptop')
      await eventually(
        async () => (await table(page).locator('td.lead-advisor').filter({ hasText: target.name }).count()) === 3,
        'the new advisor in the list',
      );
  });

  it('an advisor adds a note to two selected leads of theirs', async () => {
    const surname = `Notetaker${viewport === 'phone' ? 'P' : 'L'}`;
    const leads = await Promise.all([`Asha ${surname}`, `Ravi ${surname}`].map((fullName) => createLead(advisorToken, { fullName })));
    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);
    await page.goto('/leads');
    await page.getByLabel('Search leads').fill(surname);
    await eventually(async () => (await table(page).getAttribute('data-total')) === '2', 'the search to find the two leads');
    await settled(table(page));

    await tick(page, `Asha ${surname}`);
    await tick(page, `Ravi ${surname}`);
    await bar(page).getByText('2 selected').waitFor();
    // Advisors do not assign leads.
    expect(await bar(page).getByRole('button', { name: 'Assign' }).count()).toBe(0);
    await screenshot(page, viewport, 'bulk-advisor-selected');
    await bar(page).getByRole('button', { name: 'Add note' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Note').fill('Sent both the scholarship deadlines');
    await dialog.getByRole('button', { name: 'Add note (2 leads)' }).click();
    await dialog.getByTestId('bulk-result').getByText('2 leads updated').waitFor();
    await screenshot(page, viewport, 'bulk-note-done');

    for (const lead of leads) {
      const timeline = await api.get<ActivityView[]>(advisorToken, `/leads/${lead.id}/timeline`);
      expect(timeline[0]).toMatchObject({ type: 'note', data: { text: 'Sent both the scholarship deadlines' } });
    }
  });
});
