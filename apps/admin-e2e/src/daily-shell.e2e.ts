import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { IST_OFFSET_MINUTES, type LeadView, type Role } from '@advisordesk/shared';
import { chooseOption } from './support/antd';
import { apiOf, login } from './support/api';
import { fitsTheScreen, launchBrowser, newContext, openFromMenu, screenshot, signIn, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { eventually } from './support/wait';

let server: RunningServer;
let browser: Browser;
let advisorToken: string;
let managerToken: string;

const api = apiOf(() => server.baseUrl);
const VIEWPORTS: Viewport[] = ['laptop', 'phone'];
const WIDTH: Record<Viewport, number> = { laptop: 1366, phone: 390 };

let phoneCounter = 0;
/** Indian mobile numbers outside the demo data's range (which all start 9…). */
function freshPhone(): string {
  phoneCounter += 1;
  return `72${String(phoneCounter * 7919).padStart(8, '0')}`;
}

async function createLead(name: string): Promise<LeadView & { digits: string }> {
  const digits = freshPhone();
  const { status, data } = await api.request<LeadView>(advisorToken, 'POST', '/leads', {
    fullName: name,
    phone: digits,
    source: 'walk_in',
    courseInterest: 'Online MBA',
  });
  if (status !== 201) throw new Error(`creating ${name} answered ${status}: ${JSON.stringify(data)}`);
  return { ...data, digits };
}

const getLead = async (id: string) => (await api.request<LeadView>(advisorToken, 'GET', `/leads/${id}`)).data;
const autoAssign = async () => (await api.request<{ autoAssign: boolean }>(managerToken, 'GET', '/settings/assignment')).data.autoAssign;

type Box = { x: number; y: number; width: number; height: number };
async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is not on screen');
  return box;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** The box lies within the screen's width (nothing cut off on the left or the right). */
function expectWithinWidth(box: Box, viewport: Viewport) {
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH[viewport]);
}

/** The India date `days` from today, as the pickers' cells name it (`YYYY-MM-DD`). */
function istDay(days = 0): string {
  return new Date(Date.now() + IST_OFFSET_MINUTES * 60_000 + days * 86_400_000).toISOString().slice(0, 10);
}

const openPicker = (page: Page) => page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').last();

/** Drags with the mouse as a person would: press on the card, move a little (dnd-kit starts), then to the target. */
async function drag(page: Page, card: Locator, target: Locator) {
  await card.scrollIntoViewIfNeeded();
  const from = await boxOf(card);
  const x = from.x + from.width / 2;
  const y = from.y + from.height - 10;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 10, y + 10, { steps: 4 });
  await page.locator('[data-testid="board-card"][style*="grabbing"]').waitFor();
  const into = await boxOf(target);
  const to = { x: into.x + into.width / 2, y: into.y + Math.min(into.height / 2, 140) };
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.move(to.x + 2, to.y + 2, { steps: 2 });
  await page.mouse.up();
}

const column = (page: Page, status: string) => page.getByTestId(`board-column-${status}`);
const cardIn = (page: Page, status: string, leadId: string) => column(page, status).locator(`[data-lead-id="${leadId}"]:not([data-saving])`);

async function signedIn(viewport: Viewport, role: Role): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, viewport, server.baseUrl);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const { email, password } = login(role);
  await signIn(page, email, password);
  return { context, page };
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

describe.each(VIEWPORTS)('Daily use on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  afterEach(async () => {
    await context?.close();
  });

  it('opens the follow-up date picker within the screen, and a date chosen in it is the one scheduled', async () => {
    ({ context, page } = await signedIn(viewport, 'advisor'));
    const lead = await createLead(`Tanvi Picker ${viewport}`);
    await page.goto(`/leads/${lead.id}`);
    const composer = page.getByTestId('activity-composer');
    await composer.getByRole('tab', { name: 'Follow-up' }).click();
    await composer.getByLabel('Follow-up date and time').click();
    const picker = openPicker(page);
    const panel = picker.locator('.ant-picker-panel-container');
    await panel.waitFor();
    expectWithinWidth(await boxOf(panel), viewport);
    // The month header, every weekday and the time columns are on screen, inside the panel.
    const container = await boxOf(panel);
    for (const part of [
      picker.locator('.ant-picker-header').first(),
      picker.locator('.ant-picker-content thead th').first(),
      picker.locator('.ant-picker-content thead th').last(),
      picker.locator('.ant-picker-time-panel').first(),
    ]) {
      const box = await boxOf(part);
      expectWithinWidth(box, viewport);
      expect(box.x).toBeGreaterThanOrEqual(container.x - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(container.x + container.width + 1);
    }
    await screenshot(page, viewport, 'daily-shell-follow-up-picker');

    const day = istDay(2);
    if (!(await picker.locator(`td[title="${day}"]`).isVisible())) await picker.locator('.ant-picker-header-next-btn').first().click();
    await picker.locator(`td[title="${day}"]`).click();
    await picker.locator('.ant-picker-time-panel-column').first().locator('li').filter({ hasText: '10' }).first().click();
    await picker.getByRole('button', { name: 'OK' }).click();
    await composer.getByRole('button', { name: 'Schedule follow-up' }).click();
    await eventually(async () => (await getLead(lead.id)).nextFollowUpAt !== null, 'the follow-up to be saved');
    const due = new Date(Date.parse((await getLead(lead.id)).nextFollowUpAt ?? '') + IST_OFFSET_MINUTES * 60_000).toISOString();
    expect(due.slice(0, 10)).toBe(day);
  });

  it('opens the reports’ period picker within the screen, and the dates chosen are the period shown', async () => {
    ({ context, page } = await signedIn(viewport, 'manager'));
    await openFromMenu(page, viewport, 'Reports');
    /** Clicks the first (or last) day of the open picker's shown months that can be chosen, and answers its date. */
    const chooseDay = async (picker: Locator, which: 'first' | 'last') => {
      const days = picker.locator('td.ant-picker-cell-in-view:not(.ant-picker-cell-disabled)');
      const day = which === 'first' ? days.first() : days.last();
      const title = (await day.getAttribute('title')) ?? '';
      await day.click();
      return title;
    };
    let from: string;
    let to: string;
    if (viewport === 'phone') {
      await chooseOption(page, page, 'Period', 'Custom dates…');
      const chosen: string[] = [];
      for (const label of ['From', 'To']) {
        await page.locator(`input[aria-label="${label}"]`).click();
        const picker = openPicker(page);
        await picker.locator('.ant-picker-panel-container').waitFor();
        expectWithinWidth(await boxOf(picker.locator('.ant-picker-panel-container')), viewport);
        chosen.push(await chooseDay(picker, label === 'From' ? 'first' : 'last'));
        await picker.waitFor({ state: 'hidden' });
      }
      [from, to] = chosen;
    } else {
      await page.getByLabel('Period').first().click();
      const picker = openPicker(page);
      await picker.locator('.ant-picker-panel-container').waitFor();
      expectWithinWidth(await boxOf(picker.locator('.ant-picker-panel-container')), viewport);
      from = await chooseDay(picker, 'first');
      to = await chooseDay(picker, 'last');
      await picker.waitFor({ state: 'hidden' });
    }
    await page.waitForURL((url) => url.searchParams.get('from') === from && url.searchParams.get('to') === to);
    expect(await fitsTheScreen(page)).toBe(true);
  });

  it('switches lead routing on the settings page, after a confirmation that says what it does; the leads toolbar has no switch', async () => {
    ({ context, page } = await signedIn(viewport, 'manager'));
    await openFromMenu(page, viewport, 'Leads');
    await page.getByTestId('leads-table').waitFor();
    expect(await page.getByRole('switch').count()).toBe(0);
    expect(await page.getByTestId('auto-assign-off').count()).toBe(0);

    await openFromMenu(page, viewport, 'Settings');
    const section = page.getByTestId('lead-routing');
    await section.getByText('New inquiries are assigned to advisors by the assignment rule').waitFor();
    const toggle = section.getByRole('switch', { name: 'Auto-assign new inquiries' });
    await eventually(async () => (await toggle.getAttribute('aria-checked')) === 'true', 'the switch to show auto-assign on');

    // Cancelled: nothing changes.
    await toggle.click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title').getByText('Turn auto-assign off for everyone?').waitFor();
    await confirm.getByText('they wait unassigned for a manager').waitFor();
    await screenshot(page, viewport, 'daily-shell-settings-confirm');
    await confirm.getByRole('button', { name: 'Keep it on' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await autoAssign()).toBe(true);
    expect(await toggle.getAttribute('aria-checked')).toBe('true');

    // Confirmed: off for everyone, and the leads toolbar says so, linking here.
    await toggle.click();
    await confirm.getByRole('button', { name: 'Turn off' }).click();
    await eventually(async () => (await autoAssign()) === false, 'auto-assign off');
    await eventually(async () => (await toggle.getAttribute('aria-checked')) === 'false', 'the switch to show auto-assign off');
    await openFromMenu(page, viewport, 'Leads');
    await page.getByTestId('auto-assign-off').click();
    await page.waitForURL(/\/settings/);

    await toggle.click();
    await confirm.locator('.ant-modal-confirm-title').getByText('Turn auto-assign on for everyone?').waitFor();
    await confirm.getByRole('button', { name: 'Turn on' }).click();
    await eventually(async () => (await autoAssign()) === true, 'auto-assign on');
  });

  it('offers Settings only to those who may change lead routing', async () => {
    ({ context, page } = await signedIn(viewport, 'advisor'));
    if (viewport === 'phone') await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('menuitem', { name: 'Follow-ups' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Settings' }).count()).toBe(0);
    await page.goto('/settings');
    await page.getByText('Not available for your role').waitFor();
    expect(await page.getByRole('switch').count()).toBe(0);
  });

  it('says when it is offline: a banner, a failed note that says so, Follow-ups with Retry instead of a blank page', async () => {
    ({ context, page } = await signedIn(viewport, 'advisor'));
    const lead = await createLead(`Ira Offline ${viewport}`);
    await page.goto(`/leads/${lead.id}`);
    await page.getByTestId('lead-name').filter({ hasText: lead.fullName }).waitFor();

    await context.setOffline(true);
    const banner = page.getByTestId('connection-banner');
    await banner.getByText('You are offline').waitFor();

    const composer = page.getByTestId('activity-composer');
    await composer.getByRole('textbox', { name: 'Note' }).fill('Asked about the fee instalments');
    await composer.getByRole('button', { name: 'Add note' }).click();
    const notice = page.locator('.ant-notification-notice').filter({ hasText: 'Could not add the note' });
    await notice.getByText('Cannot reach AdvisorDesk').waitFor();
    await eventually(async () => (await composer.locator('.ant-btn-loading').count()) === 0, 'the Add note button to stop spinning');
    await screenshot(page, viewport, 'daily-shell-offline-note');

    await openFromMenu(page, viewport, 'Follow-ups');
    await page.getByRole('button', { name: /Retry/ }).first().waitFor({ timeout: 30_000 });
    expect((await page.locator('main').innerText()).trim().length).toBeGreaterThan(0);
    await banner.waitFor();
    await screenshot(page, viewport, 'daily-shell-offline-follow-ups');

    await context.setOffline(false);
    await banner.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: /Retry/ }).first().click();
    await page.getByRole('heading', { name: 'Follow-ups' }).waitFor();
    await page.getByRole('tab', { name: /Today/ }).waitFor();
  }, 180_000);

  it('shows notices where they cover neither the user menu nor the lead’s header', async () => {
    ({ context, page } = await signedIn(viewport, 'advisor'));
    const lead = await createLead(`Kavya Toast ${viewport}`);
    await page.goto(`/leads/${lead.id}`);
    await page.getByTestId('lead-name').filter({ hasText: lead.fullName }).waitFor();
    const composer = page.getByTestId('activity-composer');

    // A failure notice (offline) and a passing message (note added).
    await context.setOffline(true);
    await composer.getByRole('textbox', { name: 'Note' }).fill('First try');
    await composer.getByRole('button', { name: 'Add note' }).click();
    const notice = page.locator('.ant-notification-notice').first();
    await notice.waitFor();
    await context.setOffline(false);
    await composer.getByRole('button', { name: 'Add note' }).click();
    const message = page.locator('.ant-message-notice').filter({ hasText: 'Note added' });
    await message.waitFor();
    await page.evaluate('window.scrollTo(0, 0)');

    const user = await boxOf(page.getByTestId('current-user'));
    const header = await boxOf(page.getByTestId('lead-header'));
    for (const toast of [await boxOf(notice), await boxOf(message.locator('.ant-message-notice-content'))]) {
      expect(overlaps(toast, user)).toBe(false);
      if (viewport === 'phone') expect(overlaps(toast, header)).toBe(false);
      expectWithinWidth(toast, viewport);
    }
    await page.screenshot({ path: `/tmp/adk-shots/daily-shell-toasts-${viewport}.png` });
  });
});

describe('The pipeline board and the stage bar', () => {
  let context: BrowserContext;
  let page: Page;

  afterEach(async () => {
    await context?.close();
  });

  it('shows every pipeline column at 1366 px, with its count', async () => {
    ({ context, page } = await signedIn('laptop', 'manager'));
    await openFromMenu(page, 'laptop', 'Pipeline board');
    const scroller = await boxOf(page.getByTestId('board-scroller'));
    for (const status of ['new', 'contacted', 'counselled', 'shortlisted', 'applied', 'admitted', 'enrolled', 'lost']) {
      const box = await boxOf(column(page, status));
      expect(box.x).toBeGreaterThanOrEqual(scroller.x - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(scroller.x + scroller.width + 1);
      await eventually(async () => /\d/.test(await page.getByTestId(`board-count-${status}`).innerText()), `the ${status} count`);
    }
    expect(await page.getByTestId('board-more-columns').count()).toBe(0);
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'laptop', 'daily-shell-board');
  });

  it('says how many columns a narrower laptop window cuts off, and brings them into view', async () => {
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'en-IN',
      timezoneId: 'Asia/Kolkata',
      viewport: { width: 1024, height: 768 },
    });
    page = await context.newPage();
    const { email, password } = login('manager');
    await signIn(page, email, password);
    await page.goto('/leads/board');
    await column(page, 'lost').waitFor();
    const cue = page.getByTestId('board-more-columns');
    await cue.getByText(/^\d more →$/).waitFor();
    const scroller = await boxOf(page.getByTestId('board-scroller'));
    const right = scroller.x + scroller.width + 1;
    const statuses = ['new', 'contacted', 'counselled', 'shortlisted', 'applied', 'admitted', 'enrolled', 'lost'];
    const cut: string[] = [];
    for (const status of statuses) if ((await boxOf(column(page, status))).x + (await boxOf(column(page, status))).width > right) cut.push(status);
    expect(cut.length).toBeGreaterThan(0);
    expect(await cue.innerText()).toBe(`${cut.length} more →`);
    await page.screenshot({ path: '/tmp/adk-shots/daily-shell-board-narrow-laptop.png' });
    // "n more →" brings the first column cut off into view.
    await cue.click();
    await eventually(async () => {
      const box = await boxOf(column(page, cut[0]));
      return box.x >= scroller.x - 1 && box.x + box.width <= right;
    }, `the ${cut[0]} column to come into view`);
    expect(await fitsTheScreen(page)).toBe(true);
  });

  it('confirms a dragged move in the status-change dialog: cancelled, the card goes back; confirmed, it moves', async () => {
    ({ context, page } = await signedIn('laptop', 'advisor'));
    const lead = await createLead('Rohan Dragged');
    await page.goto(`/leads/board?q=${lead.digits}`);
    await cardIn(page, 'new', lead.id).waitFor();

    await drag(page, cardIn(page, 'new', lead.id), column(page, 'counselled'));
    const dialog = page.getByRole('dialog', { name: `Move ${lead.fullName} to Counselled` });
    await dialog.getByText('From New to Counselled.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await cardIn(page, 'new', lead.id).waitFor();
    expect(await column(page, 'counselled').locator(`[data-lead-id="${lead.id}"]`).count()).toBe(0);
    expect((await getLead(lead.id)).status).toBe('new');

    await drag(page, cardIn(page, 'new', lead.id), column(page, 'counselled'));
    await dialog.getByLabel('Note').fill('Counselled at the branch');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await cardIn(page, 'counselled', lead.id).waitFor();
    await eventually(async () => (await getLead(lead.id)).status === 'counselled', 'the move to be saved');
    await page.goto(`/leads/${lead.id}`);
    await page.getByTestId('lead-timeline').getByText('Counselled at the branch').waitFor();
  });

  it('moves a lead from a card’s menu on a phone through the same dialog', async () => {
    ({ context, page } = await signedIn('phone', 'advisor'));
    const lead = await createLead('Diya Menu');
    await page.goto(`/leads/board?q=${lead.digits}`);
    await cardIn(page, 'new', lead.id).waitFor();
    await cardIn(page, 'new', lead.id)
      .getByRole('button', { name: `Move ${lead.fullName}` })
      .click();
    await page.getByRole('menuitem', { name: 'Contacted' }).click();
    const dialog = page.getByRole('dialog', { name: `Move ${lead.fullName} to Contacted` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await getLead(lead.id)).status).toBe('new');
    expect(await fitsTheScreen(page)).toBe(true);
  });

  it('moves a lead by clicking a stage of the lead page’s stage bar; stages the role may not reach say why', async () => {
    ({ context, page } = await signedIn('laptop', 'advisor'));
    const lead = await createLead('Nisha Stages');
    const moved = await api.request(advisorToken, 'POST', `/leads/${lead.id}/status`, { status: 'contacted', version: lead.version });
    expect([200, 201]).toContain(moved.status);
    await page.goto(`/leads/${lead.id}`);
    const bar = page.getByTestId('stage-bar');
    await page.getByTestId('lead-status').getByText('Contacted').waitFor();

    // Back to New is for managers: disabled, and the tooltip says so.
    expect(await bar.getByTestId('stage-new').getAttribute('data-disabled')).toBe('true');
    await bar.getByTestId('stage-new').hover();
    await page.getByRole('tooltip').getByText('Only a manager can move a lead back from Contacted to New').waitFor();
    await bar.getByTestId('stage-new').click();
    expect(await page.getByRole('dialog').count()).toBe(0);

    await bar.getByTestId('stage-shortlisted').click();
    const dialog = page.getByRole('dialog', { name: `Move ${lead.fullName} to Shortlisted` });
    await dialog.getByText('From Contacted to Shortlisted.').waitFor();
    await screenshot(page, 'laptop', 'daily-shell-stage-bar-dialog');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await page.getByTestId('lead-status').getByText('Shortlisted').waitFor();
    expect((await getLead(lead.id)).status).toBe('shortlisted');
  });
});

/**
 * The screenshot review: each role signs in and visits every screen it may open, at 390 and
 * 1366 px. Each is saved as `/tmp/adk-shots/review-<role>-<screen>-<viewport>.png` to be looked
 * at, and nothing may be wider than the screen.
 */
describe('Screenshot review of every screen', () => {
  type Screen = [name: string, path: string];
  let ids: { lead: string; program: string; university: string; fee: string };

  beforeAll(async () => {
    const admin = await api.token('admin');
    const first = async (path: string) => (await api.get<{ id: string }[]>(admin, `${path}?_start=0&_end=1`))[0].id;
    const lead = await createLead('Aarav Review');
    ids = { lead: lead.id, program: await first('/programs'), university: await first('/universities'), fee: await first('/fee-structures') };
  });

  const leadScreens = (): Screen[] => [
    ['home', '/'],
    ['leads', '/leads'],
    ['board', '/leads/board'],
    ['lead', `/leads/${ids.lead}`],
    ['follow-ups', '/tasks'],
  ];
  const catalogueReading = (): Screen[] => [
    ['programs', '/programs'],
    ['program', `/programs/show/${ids.program}`],
    ['universities', '/universities'],
    ['fee-structures', '/fee-structures'],
    ['compare', '/compare'],
  ];
  const catalogueEditing = (): Screen[] => [
    ['program-create', '/programs/create'],
    ['program-edit', `/programs/edit/${ids.program}`],
    ['university-create', '/universities/create'],
    ['university-edit', `/universities/edit/${ids.university}`],
    ['fee-structure-create', '/fee-structures/create'],
    ['fee-structure-edit', `/fee-structures/edit/${ids.fee}`],
    ['catalogue-import', '/catalogue/import'],
  ];
  const SCREENS: Record<Role, () => Screen[]> = {
    admin: () => [
      ...leadScreens(),
      ...catalogueReading(),
      ...catalogueEditing(),
      ['reports', '/reports'],
      ['exports', '/exports'],
      ['users', '/users'],
      ['website-form', '/settings/website-form'],
      ['settings', '/settings'],
    ],
    manager: () => [...leadScreens(), ['reports', '/reports'], ['exports', '/exports'], ['users', '/users'], ['settings', '/settings']],
    advisor: () => [...leadScreens(), ...catalogueReading(), ['reports', '/reports']],
    marketing: () => [
      ['dashboard', '/'],
      ['programs', '/programs'],
      ['compare', '/compare'],
      ['reports', '/reports'],
    ],
  };

  /** Waits until the page has loaded what it shows: no request in flight for a moment, no skeleton, no spinner. */
  async function settle(page: Page) {
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    await eventually(
      async () => (await page.locator('.ant-skeleton-active, .ant-spin-spinning, .ant-btn-loading').count()) === 0,
      'the page to finish loading',
      20_000,
    ).catch(() => undefined);
  }

  const cases = (['admin', 'manager', 'advisor', 'marketing'] as Role[]).flatMap((role) => VIEWPORTS.map((viewport) => [role, viewport] as const));
  it.each(cases)(
    '%s on a %s: every screen fits, nothing cut off',
    async (role, viewport) => {
      const { context, page } = await signedIn(viewport, role);
      try {
        const wider: string[] = [];
        for (const [name, path] of SCREENS[role]()) {
          await page.goto(path);
          await page.locator('main').first().waitFor();
          await settle(page);
          await screenshot(page, viewport, `review-${role}-${name}`);
          if (!(await fitsTheScreen(page))) wider.push(name);
          expect(await page.getByTestId('page-error').count()).toBe(0);
        }
        expect(wider).toEqual([]);
      } finally {
        await context.close();
      }
    },
    600_000,
  );
});
