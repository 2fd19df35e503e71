import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LeadView, NotificationSettingsView, NotificationView, UserView, WorkingHoursView } from '@advisordesk/shared';
import { apiOf, login } from './support/api';
import { chooseOption } from './support/antd';
import { fitsTheScreen, launchBrowser, newContext, screenshot, signIn, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { eventually } from './support/wait';

let server: RunningServer;
let browser: Browser;

const api = apiOf(() => server.baseUrl);

beforeAll(async () => {
  // No background jobs: the minutely reminders would add the demo's overdue follow-ups to the bell while it is counted.
  server = await startServer({ JOBS_ENABLED: 'false' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A new lead that is not Priya's (the demo advisor's): a manager will hand it to her. */
async function leadOfSomeoneElse(viewport: Viewport): Promise<LeadView> {
  const manager = await api.token('manager');
  const priya = (await api.get<UserView[]>(manager, '/users?q=Priya'))[0];
  const rahul = (await api.get<UserView[]>(manager, '/users?q=Rahul'))[0];
  const digits = `72${viewport === 'phone' ? 1 : 0}${String(Date.now() % 10_000_000).padStart(7, '0')}`;
  const { status, data: lead } = await api.request<LeadView>(manager, 'POST', '/leads', {
    fullName: viewport === 'phone' ? 'Diya Kapoor' : 'Kavya Menon',
    phone: digits,
    source: 'walk_in',
    courseInterest: 'Online MBA',
  });
  if (status !== 201) throw new Error(`creating the lead answered ${status}: ${JSON.stringify(lead)}`);
  if (lead.advisorId === priya.id || lead.advisorId === null) {
    const moved = await api.request<LeadView>(manager, 'POST', `/leads/${lead.id}/assign`, { advisorId: rahul.id });
    if (moved.status !== 200) throw new Error(`assigning to Rahul answered ${moved.status}`);
    return moved.data;
  }
  return lead;
}

const countOf = async (page: Page) => Number(await page.getByTestId('notification-count').getAttribute('data-count'));

describe.each<Viewport>(['laptop', 'phone'])('Notifications on a %s', (viewport) => {
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const context = await newContext(browser, viewport, server.baseUrl);
    contexts.push(context);
    return context.newPage();
  };

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  it('an advisor’s bell counts up, live, when a manager assigns them a lead elsewhere; the drawer opens the lead and marks it read', async () => {
    const lead = await leadOfSomeoneElse(viewport);
    const advisor = login('advisor');
    const advisorPage = await open();
    await signIn(advisorPage, advisor.email, advisor.password);
    const bell = advisorPage.getByTestId('notification-bell');
    // The stream is open and the count has loaded (the attribute comes with it).
    await advisorPage.locator('[data-testid="notification-bell"][data-stream="live"]').waitFor();
    await advisorPage.locator('[data-testid="notification-count"][data-count]').waitFor({ state: 'attached' });
    const before = await countOf(advisorPage);

    // The manager, in another browser, hands the lead to Priya from its page.
    const manager = login('manager');
    const managerPage = await open();
    await signIn(managerPage, manager.email, manager.password);
    await managerPage.goto(`/leads/${lead.id}`);
    const assignment = managerPage.getByTestId('lead-assignment');
    await chooseOption(managerPage, assignment, 'Assign to advisor', advisor.name);
    await assignment.getByRole('button', { name: 'Assign' }).click();
    await managerPage
      .locator('.ant-message-notice')
      .filter({ hasText: `${lead.fullName} is now with ${advisor.name}` })
      .waitFor();

    // Priya's bell counts up without a reload, and the tab's title carries the count. When intake had
    // first given the lead to her, that notification comes back with the lead (a bell shows only
    // leads its user may see): the bell counts every notification about this lead.
    const advisorToken = await api.token('advisor');
    const aboutThisLead = async () =>
      (await api.get<NotificationView[]>(advisorToken, '/notifications?kind=lead.assigned')).filter((n) => n.leadId === lead.id);
    await eventually(async () => (await aboutThisLead()).some((n) => n.body?.includes('assigned to you')), 'the assignment’s notification');
    const expected = before + (await aboutThisLead()).length;
    await eventually(async () => (await countOf(advisorPage)) === expected, 'the bell to count the new lead', 10_000);
    await eventually(async () => (await advisorPage.title()).startsWith(`(${expected}) `), 'the count in the title');
    expect(await advisorPage.title()).toMatch(/\) AdvisorDesk$/);
    expect(await fitsTheScreen(advisorPage)).toBe(true);
    await screenshot(advisorPage, viewport, 'review-advisor-bell');

    // The drawer: today's notifications, the new one first and unread.
    await bell.click();
    const drawer = advisorPage.locator('.ant-drawer-content').filter({ hasText: 'Notifications' });
    await drawer.waitFor();
    expect(await drawer.getByTestId('notification-day').first().textContent()).toBe('Today');
    // (The minutely reminders may add the demo's overdue follow-ups above it meanwhile: find it by its lead.)
    const item = drawer
      .getByTestId('notification-item')
      .filter({ hasText: `New lead: ${lead.fullName}` })
      .filter({ hasText: 'assigned to you' });
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBe('true');
    // Once it has slid in: against the right edge, the whole width on a phone.
    const panel = advisorPage.locator('.ant-drawer-content-wrapper');
    const width = viewport === 'phone' ? 390 : 1366;
    await eventually(async () => {
      const box = await panel.boundingBox();
      return !!box && Math.round(box.x + box.width) === width;
    }, 'the drawer to slide in');
    if (viewport === 'phone') expect(Math.round((await panel.boundingBox())?.width ?? 0)).toBe(390);
    await advisorPage.screenshot({ path: `/tmp/adk-shots/review-advisor-drawer-${viewport}.png` });

    // Opening it goes to the lead and marks it read: the count goes back down.
    await item.click();
    await advisorPage.waitForURL(new RegExp(`/leads/${lead.id}$`));
    await advisorPage.getByTestId('lead-header').filter({ hasText: lead.fullName }).waitFor();
    await eventually(async () => (await countOf(advisorPage)) === expected - 1, 'the count to go down');
    await eventually(async () => !(await advisorPage.title()).startsWith(`(${expected}) `), 'the title to drop the count');
    const token = await api.token('advisor');
    const [stored] = await api.get<{ id: string; leadId: string; readAt: string | null }[]>(token, '/notifications?_start=0&_end=1');
    expect(stored).toMatchObject({ leadId: lead.id });
    expect(stored.readAt).not.toBeNull();

    // The manager's list shows how long a new lead has waited.
    await managerPage.goto('/leads');
    const waiting = managerPage.locator('tr').filter({ hasText: lead.fullName }).getByTestId('first-contact-wait').first();
    await waiting.waitFor();
    expect(await waiting.textContent()).toMatch(/waiting (under a minute|\d+ min)/);
    await managerPage.getByTestId('notification-bell').waitFor();
    expect(await fitsTheScreen(managerPage)).toBe(true);
    await screenshot(managerPage, viewport, 'review-manager-leads-waiting');

    // The board's card says it too, compactly.
    await managerPage.goto('/leads/board');
    const card = managerPage.locator(`[data-testid="board-card"][data-lead-id="${lead.id}"]`);
    expect(await card.getByTestId('first-contact-wait').textContent()).toMatch(/just in|\d+ min/);
    expect(await fitsTheScreen(managerPage)).toBe(true);
    await screenshot(managerPage, viewport, 'review-manager-board-waiting');

    // The productivity report gains speed to lead, per advisor.
    await managerPage.goto('/reports');
    const productivity = managerPage.getByTestId('productivity-table');
    await productivity.getByRole('columnheader', { name: /Median to first contact/ }).waitFor();
    await productivity.getByRole('columnheader', { name: /SLA breaches/ }).waitFor();
    expect(await fitsTheScreen(managerPage)).toBe(true);
    await managerPage.getByTestId('productivity-card').scrollIntoViewIfNeeded();
    // On a phone the table scrolls sideways (the advisor column stays): bring the speed-to-lead columns into view.
    if (viewport === 'phone') {
      const median = await productivity
        .getByRole('columnheader', { name: /Median to first contact/ })
        .evaluate((cell: { offsetLeft: number }) => cell.offsetLeft);
      const scroller = productivity.locator('.ant-table-content');
      await scroller.evaluate((element: { scrollLeft: number }, left: number) => (element.scrollLeft = left), median - 120);
    }
    await managerPage.getByTestId('productivity-card').screenshot({
      path: `/tmp/adk-shots/review-manager-report-speed-${viewport}.png`,
      style: 'header, .ant-layout-header { position: static !important; }',
    });
  });

  it('My notifications, from the user menu: the bell switches save; email ones are off while email is not connected', async () => {
    const advisor = login('advisor');
    const page = await open();
    await signIn(page, advisor.email, advisor.password);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'My notifications' }).click();
    await page.waitForURL(/\/me\/notifications$/);
    const settings = page.getByTestId('my-notifications');
    await settings.getByTestId('notification-kinds').waitFor();
    await settings.getByTestId('email-not-connected').waitFor();
    // An advisor gets no "not contacted in time" kind (that is for managers).
    expect(await settings.getByText('A new lead was not contacted in time').count()).toBe(0);
    expect(await settings.getByRole('switch', { name: 'A follow-up is overdue: by email' }).isDisabled()).toBe(true);

    const overdueInBell = settings.getByRole('switch', { name: 'A follow-up is overdue: in the bell' });
    const wasOn = (await overdueInBell.getAttribute('aria-checked')) === 'true';
    await overdueInBell.click();
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, viewport, 'review-advisor-my-notifications');
    await settings.getByRole('button', { name: 'Save notification settings' }).click();
    await page.locator('.ant-message-notice').filter({ hasText: 'Notification settings saved' }).waitFor();
    const saved = await api.get<NotificationSettingsView>(await api.token('advisor'), '/me/notification-settings');
    expect(saved.bell['followup.overdue']).toBe(!wasOn);
    expect(saved.bell['lead.assigned']).toBe(true);
    expect(saved.emailConnected).toBe(false);

    // The bell's drawer leads here too.
    await page.goto('/');
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-settings-link').click();
    await page.waitForURL(/\/me\/notifications$/);
  });

  it('working hours: an admin changes the days and closing time; a manager reads them', async () => {
    const adminToken = await api.token('admin');
    const before = await api.get<WorkingHoursView>(adminToken, '/settings/working-hours');
    const admin = login('admin');
    const page = await open();
    await signIn(page, admin.email, admin.password);
    await page.goto('/settings#working-hours');
    const section = page.getByTestId('working-hours');
    await section.getByText(`A new lead should be called within ${before.firstContactSlaMinutes} working minutes`).waitFor();
    const saturday = section.getByRole('checkbox', { name: 'Sat' });
    await eventually(async () => (await saturday.isChecked()) === before.days.includes(6), 'the saved days');
    await saturday.click();
    const closing = viewport === 'phone' ? '19:30' : '19:00';
    // A searchable select of quarter hours: open it, type the time, pick it.
    await section
      .locator('.ant-select')
      .filter({ has: page.getByRole('combobox', { name: 'Closes at', exact: true }) })
      .click();
    await page.keyboard.type(closing);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: closing }).first().click();
    await section.scrollIntoViewIfNeeded();
    expect(await fitsTheScreen(page)).toBe(true);
    await section.screenshot({
      path: `/tmp/adk-shots/review-admin-working-hours-${viewport}.png`,
      style: 'header, .ant-layout-header { position: static !important; }',
    });
    await section.getByRole('button', { name: 'Save working hours' }).click();
    await page.locator('.ant-message-notice').filter({ hasText: 'Working hours saved' }).waitFor();
    const after = await api.get<WorkingHoursView>(adminToken, '/settings/working-hours');
    const expectedDays = before.days.includes(6) ? before.days.filter((d) => d !== 6) : [...before.days, 6].sort();
    expect(after).toMatchObject({ days: expectedDays, start: before.start, end: closing });

    // A manager sees them, without a way to change them.
    const manager = login('manager');
    const managerPage = await open();
    await signIn(managerPage, manager.email, manager.password);
    await managerPage.goto('/settings#working-hours');
    const readOnly = managerPage.getByTestId('working-hours');
    await readOnly.getByText('working minutes').waitFor();
    expect(await readOnly.getByRole('checkbox', { name: 'Sat' }).isDisabled()).toBe(true);
    expect(await readOnly.getByRole('button', { name: 'Save working hours' }).count()).toBe(0);
  });
});
