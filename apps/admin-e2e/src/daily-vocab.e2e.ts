import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { formatCalendarDay, istDate, type LeadView } from '@advisordesk/shared';
import { filterValues } from './support/address';
import { apiOf, login } from './support/api';
import { fitsTheScreen, launchBrowser, newContext, screenshot, signIn, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let advisorToken: string;
let managerToken: string;

const api = apiOf(() => server.baseUrl);

/** Indian mobile numbers outside the demo data's range (which all start 9…), unique per viewport. */
let phoneCounter = 0;
function freshPhone(viewport: Viewport): string {
  phoneCounter += 1;
  return `71${viewport === 'phone' ? 1 : 0}${String(phoneCounter * 7919).padStart(7, '0')}`;
}

async function createLead(viewport: Viewport, name: string, extra: Record<string, unknown> = {}): Promise<LeadView & { digits: string }> {
  const digits = freshPhone(viewport);
  const { status, data } = await api.request<LeadView>(advisorToken, 'POST', '/leads', {
    fullName: name,
    phone: digits,
    source: 'walk_in',
    ...extra,
  });
  if (status !== 201) throw new Error(`creating ${name} answered ${status}: ${JSON.stringify(data)}`);
  return { ...data, digits };
}

/** Types into a searchable antd Select (which may already show a value) and picks the option with this text. */
async function searchAndChoose(page: Page, scope: Page | Locator, label: string, text: string, option: string) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await scope
    .locator('.ant-select')
    .filter({ has: page.getByRole('combobox', { name: label, exact: true }) })
    .click();
  await box.fill(text);
  const choice = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first();
  await choice.waitFor();
  await choice.click();
}

const getLead = async (id: string) => (await api.request<LeadView>(advisorToken, 'GET', `/leads/${id}`)).data;

/** Types into the header's search (on a phone, behind its icon) and waits for a result with this text. */
async function headerSearch(page: Page, viewport: Viewport, text: string, result: string, testId: string) {
  if (viewport === 'phone') await page.getByRole('button', { name: 'Search', exact: true }).click();
  const box = page.getByTestId('header-search').getByRole('combobox');
  await box.fill(text);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTestId(testId).filter({ hasText: result }).first();
  await option.waitFor();
  return { box, option };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  advisorToken = await api.token('advisor');
  managerToken = await api.token('manager');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each<Viewport>(['laptop', 'phone'])('The lead vocabulary, search and dates on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);
  });

  afterEach(async () => {
    await context.close();
  });

  it("picks a lead's state and course from searchable lists, keeps an old odd value until changed, and filters the list by them", async () => {
    const lead = await createLead(viewport, `Tanvi Kulkarni ${viewport}`, { state: 'Near Pune', courseInterest: 'Pilot training' });
    expect(lead.state).toBe('Near Pune');
    await page.goto(`/leads/${lead.id}`);
    await page.getByTestId('lead-profile').getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${lead.fullName}` });
    // The old free text stays, marked, until someone picks from the list.
    await dialog.getByText('Near Pune (as typed)').waitFor();
    await dialog.getByText('Pilot training (as typed)').waitFor();
    // Old names and short forms find the state too.
    await searchAndChoose(page, dialog, 'State', 'pondicherry', 'Puducherry');
    await searchAndChoose(page, dialog, 'Course interest', 'online mba', 'Online MBA');
    // The course brings its level and mode.
    await dialog.getByText('PG degree').waitFor();
    await screenshot(page, viewport, 'daily-vocab-profile-edit');
    expect(await fitsTheScreen(page)).toBe(true);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await getLead(lead.id)).toMatchObject({ state: 'Puducherry', courseInterest: 'Online MBA', level: 'PG', mode: 'online' });

    // The list filters by state and course from the same lists, kept in the address.
    await page.goto('/leads');
    await page
      .getByRole('button', { name: /More filters/ })
      .or(page.locator('button[aria-expanded]').filter({ has: page.locator('.anticon-filter') }))
      .first()
      .click();
    const filters = page.getByTestId('more-filters');
    await searchAndChoose(page, filters, 'Filter by state', 'pudu', 'Puducherry');
    await searchAndChoose(page, filters, 'Filter by course interest', 'online m', 'Online MBA');
    await page.waitForURL(
      (url) => filterValues(url.toString()).state === 'Puducherry' && filterValues(url.toString()).courseInterest === 'Online MBA',
    );
    await page.getByText(lead.fullName).first().waitFor();
    await page.getByText('State: Puducherry').waitFor();
    await screenshot(page, viewport, 'daily-vocab-list-filters');
    expect(await fitsTheScreen(page)).toBe(true);
  }, 240_000);

  it('searches as you type, in the list and from the header: a lead by phone digits, a program by name', async () => {
    const lead = await createLead(viewport, `Ishaan Bhatt ${viewport}`);
    // The list: no Enter needed, and the search goes into the address.
    await page.goto('/leads');
    await page.getByLabel('Search leads', { exact: true }).fill(lead.digits.slice(-6));
    await page.waitForURL((url) => filterValues(url.toString()).q === lead.digits.slice(-6));
    await page.locator('.ant-table-row, [data-testid="lead-card"]').filter({ hasText: lead.fullName }).first().waitFor();

    // The header, from any page: phone digits find the lead; choosing it opens it.
    await page.goto('/');
    const found = await headerSearch(page, viewport, lead.digits.slice(-7), lead.fullName, 'search-result-lead');
    await screenshot(page, viewport, 'daily-vocab-header-search');
    expect(await fitsTheScreen(page)).toBe(true);
    await found.option.click();
    await page.waitForURL(`**/leads/${lead.id}`);
    await page.getByTestId('lead-name').filter({ hasText: lead.fullName }).waitFor();

    // A program by its name, with its university; the keyboard picks it.
    const program = await headerSearch(page, viewport, 'MCA (Cloud', 'Manipal University Jaipur', 'search-result-program');
    await program.box.press('Enter');
    await page.waitForURL(/\/programs\/show\//);
    await page.getByText('Online MCA (Cloud Computing)').first().waitFor();
  }, 240_000);

  it('says who changed the lead meanwhile, and when', async () => {
    const lead = await createLead(viewport, `Rhea Menon ${viewport}`);
    await page.goto(`/leads/${lead.id}`);
    await page.getByTestId('lead-name').filter({ hasText: lead.fullName }).waitFor();
    await page.getByTestId('change-status').click();
    await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByRole('menuitem', { name: 'Contacted' }).click();
    // Meanwhile the manager edits the lead.
    expect((await api.request(managerToken, 'PATCH', `/leads/${lead.id}`, { city: 'Nashik', version: lead.version })).status).toBe(200);
    const dialog = page.getByRole('dialog', { name: `Move ${lead.fullName} to Contacted` });
    await dialog.getByRole('button', { name: 'Move' }).click();
    await page
      .getByText(/This lead changed in another window or by Meera Manager at \d{1,2} [A-Z][a-z]{2} \d{4}, \d{1,2}:\d{2} [ap]m: reload it/)
      .first()
      .waitFor();
    await screenshot(page, viewport, 'daily-vocab-conflict');
  }, 180_000);

  it('writes dates one way: the lead page and the filter chips read the same day', async () => {
    const lead = await createLead(viewport, `Kabir Anand ${viewport}`);
    // A follow-up in ten days at 10:00 in India.
    const day = istDate(new Date(Date.now() + 10 * 86_400_000));
    const task = await api.request(advisorToken, 'POST', '/tasks', { leadId: lead.id, dueAt: `${day}T10:00:00+05:30`, title: 'Call about fees' });
    expect(task.status).toBe(201);
    const written = `${formatCalendarDay(day)}, 10:00 am`;
    await page.goto(`/leads/${lead.id}`);
    await page.getByTestId('lead-header').getByText(written).first().waitFor();
    // The day created reads "Today, h:mm am/pm": 12-hour, lower case, no leading zero.
    expect(await page.getByTestId('lead-header').innerText()).toMatch(/since Today, ([1-9]|1[0-2]):\d{2} [ap]m/);

    await page.goto(`/leads?filters[0][field]=nextFollowUpAt&filters[0][operator]=gte&filters[0][value]=${day}`);
    const chip = page.getByText(`Follow-up from: ${formatCalendarDay(day)}`);
    await chip.waitFor();
    expect(await page.getByText(day, { exact: false }).count()).toBe(0);
    await page.locator('.ant-table-row, [data-testid="lead-card"]').filter({ hasText: lead.fullName }).first().waitFor();
    await screenshot(page, viewport, 'daily-vocab-date-chips');
  }, 180_000);
});

describe.each<Viewport>(['laptop', 'phone'])("The website form's courses on a %s", (viewport) => {
  it('admins keep each course with its level and mode; the form and the lead selects offer them', async () => {
    const context = await newContext(browser, viewport, server.baseUrl);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    try {
      const admin = login('admin');
      await signIn(page, admin.email, admin.password);
      await page.goto('/settings/website-form');
      const rows = page.getByTestId('course-row');
      await rows.first().waitFor();
      // The stored names were given the level and mode their names say.
      const first = rows.filter({ has: page.locator('input[value="Online MBA"]') });
      await first.getByText('PG degree').waitFor();
      await first.getByText('Online', { exact: true }).waitFor();
      const course = `Online MSc Data Science ${viewport}`;
      await page.getByRole('button', { name: 'Add a course' }).click();
      const added = rows.last();
      await added.getByRole('textbox').fill(course);
      await added.locator('.ant-select').first().click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: 'PG degree' })
        .first()
        .click();
      await screenshot(page, viewport, 'daily-vocab-website-courses');
      expect(await fitsTheScreen(page)).toBe(true);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Website form saved').first().waitFor();
      const config = (await (await fetch(`${server.baseUrl}/api/public/form-config`)).json()) as { courseDetails: unknown[] };
      expect(config.courseDetails).toContainEqual({ name: course, level: 'PG', mode: null });
    } finally {
      await context.close();
    }
  }, 180_000);
});

describe('The header search for marketing', () => {
  it('offers programs only: marketing reads no lead', async () => {
    const context = await newContext(browser, 'laptop', server.baseUrl);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    try {
      const marketing = login('marketing');
      await signIn(page, marketing.email, marketing.password);
      const box = page.getByRole('combobox', { name: 'Find programs' });
      await box.fill('Online MBA');
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTestId('search-result-program').first().waitFor();
      expect(await page.getByTestId('search-result-lead').count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 120_000);
});
