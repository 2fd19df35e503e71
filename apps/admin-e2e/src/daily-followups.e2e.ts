import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { OPEN_STATUSES, type LeadView, type TaskView, type TeamMemberSummary } from '@advisordesk/shared';
import { filtersByOperator } from './support/address';
import { apiOf, login } from './support/api';
import { fitsTheScreen, launchBrowser, newContext, screenshot, SHOTS_DIR, signIn, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { eventually } from './support/wait';

let server: RunningServer;
let browser: Browser;
let advisorToken: string;
let managerToken: string;

const api = apiOf(() => server.baseUrl);
const shot = (page: Page, viewport: Viewport, name: string) => screenshot(page, viewport, `daily-followups-${name}`);
/** With the notifications showing (the Undo toast), which the shared screenshot hides. */
async function shotWithToast(page: Page, viewport: Viewport, name: string) {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `daily-followups-${name}-${viewport}.png`) });
}

let phoneCounter = 0;
function freshPhone(viewport: Viewport): string {
  phoneCounter += 1;
  return `71${viewport === 'phone' ? 1 : 0}${String(phoneCounter * 7919).padStart(7, '0')}`;
}

async function createLead(viewport: Viewport, fullName: string): Promise<LeadView> {
  const { status, data } = await api.request<LeadView>(advisorToken, 'POST', '/leads', {
    fullName,
    phone: freshPhone(viewport),
    source: 'walk_in',
    courseInterest: 'Online MBA',
  });
  if (status !== 201) throw new Error(`creating ${fullName} answered ${status}: ${JSON.stringify(data)}`);
  return data;
}

const tasksOf = async (leadId: string) => api.get<TaskView[]>(advisorToken, `/tasks?leadId=${leadId}&_sort=createdAt&_order=asc`);

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

describe.each<Viewport>(['laptop', 'phone'])('An advisor closing follow-ups on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);
  });
  afterEach(() => context.close());

  it('Done asks how it went, proposes the next follow-up by the outcome, and Undo puts everything back', async () => {
    const lead = await createLead(viewport, `Kavya Iyer ${viewport}`);
    const created = await api.request<TaskView>(advisorToken, 'POST', '/tasks', {
      leadId: lead.id,
      title: 'First call',
      dueAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    });
    expect(created.status).toBe(201);

    await page.goto(`/leads/${lead.id}`);
    const card = page.getByTestId('lead-follow-ups');
    await card.getByRole('button', { name: 'Mark First call done' }).click();
    const dialog = page.getByRole('dialog', { name: `How did it go with ${lead.fullName}?` });
    await dialog.getByText('No answer', { exact: true }).click();
    // No answer proposes calling again in 2 hours, prefilled and editable.
    await dialog.getByText('Call again (proposed: in 2 hours)').waitFor();
    expect(await dialog.getByLabel('Next follow-up date and time').inputValue()).not.toBe('');
    expect(await dialog.getByLabel('Next follow-up', { exact: true }).inputValue()).toBe('Call again');
    await dialog.getByLabel('Note').fill('Rang twice');
    expect(await fitsTheScreen(page)).toBe(true);
    await shot(page, viewport, 'outcome-dialog');
    // Not interested leads to "lost with a reason" instead of a follow-up.
    await dialog.getByText('Not interested', { exact: true }).click();
    await dialog.getByText(/the lead is marked lost/).waitFor();
    await dialog.getByText('No answer', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Complete' }).click();

    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await card.getByText('Call again').waitFor();
    await eventually(() => page.evaluate<boolean>('document.getAnimations().every((a) => a.playState !== "running")'), 'the toast to settle');
    await shotWithToast(page, viewport, 'undo-toast');
    const [first, next] = await tasksOf(lead.id);
    expect(first).toMatchObject({ title: 'First call', done: true, outcome: 'no_answer' });
    expect(next).toMatchObject({ title: 'Call again', done: false, followsTaskId: first.id });
    const inMinutes = (new Date(next.dueAt).getTime() - Date.now()) / 60_000;
    expect(inMinutes).toBeGreaterThan(100);
    expect(inMinutes).toBeLessThan(125);
    await page
      .getByTestId('lead-timeline')
      .getByText(/completed a follow-up: No answer/)
      .waitFor();

    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(async () => (await tasksOf(lead.id)).map((t) => `${t.title}:${t.done}`).join() === 'First call:false', 'the undo');
    await card.getByText('Call again').waitFor({ state: 'detached' });
    await card.getByRole('button', { name: 'Mark First call done' }).waitFor();
  }, 300_000);

  it('logging a call completes the follow-up that is due and schedules the proposed next one', async () => {
    const lead = await createLead(viewport, `Sana Qureshi ${viewport}`);
    await api.request<TaskView>(advisorToken, 'POST', '/tasks', {
      leadId: lead.id,
      title: 'Call about the brochure',
      dueAt: new Date(Date.now() - 90 * 60_000).toISOString(),
    });
    await page.goto(`/leads/${lead.id}`);
    const composer = page.getByTestId('activity-composer');
    await composer.getByRole('tab', { name: 'Call' }).click();
    await composer.getByTestId('call-closes-follow-up').waitFor();
    await composer.getByText('Busy', { exact: true }).click();
    await composer.getByText('Call again (proposed: in 2 hours)').waitFor();
    await shot(page, viewport, 'call-composer');
    await composer.getByRole('button', { name: 'Log call' }).click();
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    const tasks = await tasksOf(lead.id);
    expect(tasks.map((t) => [t.title, t.done, t.outcome])).toEqual([
      ['Call about the brochure', true, 'busy'],
      ['Call again', false, null],
    ]);
  }, 300_000);

  it('shows open leads with no next step on the home page, and the count opens them in the list', async () => {
    const lead = await createLead(viewport, `Nisha Patel ${viewport}`);
    await page.goto('/');
    const queue = page.getByTestId('no-next-step');
    await queue.getByText('Open leads with no next step').waitFor();
    const expected = await api.request<LeadView[]>(
      advisorToken,
      'GET',
      `/leads?nextFollowUpAt_null=true&${OPEN_STATUSES.map((s) => `status=${s}`).join('&')}&_start=0&_end=1`,
    );
    expect(expected.status).toBe(200);
    await eventually(async () => /\d/.test((await queue.innerText()).split('\n')[0] ?? ''), 'the count');
    const shown = Number((await queue.innerText()).split('\n')[0]);
    expect(shown).toBeGreaterThan(0);
    expect(await fitsTheScreen(page)).toBe(true);
    await shot(page, viewport, 'home-queue');

    await queue.getByRole('button', { name: 'Give each a next step' }).click();
    await page.waitForURL(/\/leads\?/);
    const filters = filtersByOperator(page.url());
    expect(filters.nextFollowUpAt_null_eq).toEqual(['true']);
    expect(filters.status_in?.sort()).toEqual([...OPEN_STATUSES].sort());
    await page.getByLabel('Search leads').fill(lead.fullName);
    await page.getByLabel('Search leads').press('Enter');
    await page.getByRole('link', { name: lead.fullName }).waitFor();
    // The quick filter of the list is the same queue.
    await page.goto('/leads');
    await page.getByRole('radiogroup', { name: 'Quick filters' }).or(page.getByLabel('Quick filters')).getByText('No next step').click();
    await page.waitForURL(/nextFollowUpAt_null/);
    expect(await fitsTheScreen(page)).toBe(true);
    await shot(page, viewport, 'list-no-next-step');
  }, 300_000);
});

describe.each<Viewport>(['laptop', 'phone'])('A manager on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
  });
  afterEach(() => context.close());

  it('lands on the team, and each count opens the matching list', async () => {
    const team = await api.get<TeamMemberSummary[]>(managerToken, '/team/summary');
    const busiest = [...team].sort((a, b) => b.overdueFollowUps - a.overdueFollowUps)[0];
    expect(busiest.overdueFollowUps).toBeGreaterThan(0);
    /** The team's overdue follow-ups as the follow-ups page counts them, now. */
    const teamOverdue = async () => {
      const response = await fetch(`${server.baseUrl}/api/tasks?done=false&dueAt_lte=${new Date().toISOString()}&_start=0&_end=1`, {
        headers: { Authorization: `Bearer ${managerToken}` },
      });
      return Number(response.headers.get('x-total-count'));
    };

    const home = page.getByTestId('team-home');
    const tile = home.getByTestId('team-overdue').locator('.ant-statistic-content-value');
    await tile.waitFor();
    await eventually(async () => Number(await tile.innerText()) === (await teamOverdue()), 'the team’s overdue count on the dashboard');
    await home.getByTestId('team-table').getByText(busiest.advisorName).waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await shot(page, viewport, 'manager-dashboard');
    mkdirSync(SHOTS_DIR, { recursive: true });
    await home.screenshot({ path: join(SHOTS_DIR, `daily-followups-manager-team-${viewport}.png`) });

    // An advisor's overdue count opens their overdue follow-ups.
    await home.getByRole('button', { name: `${busiest.advisorName}: ${busiest.overdueFollowUps} overdue follow-ups` }).click();
    await page.waitForURL(/\/tasks\?/);
    const url = new URL(page.url());
    expect([url.searchParams.get('tab'), url.searchParams.get('owner')]).toEqual(['overdue', busiest.advisorId]);
    await page.getByTestId('tasks-overdue').getByRole('row').nth(1).waitFor();
    await shot(page, viewport, 'manager-overdue-of-advisor');

    // Follow-ups open on the team, with the team's overdue count.
    await page.goto('/tasks');
    await page.getByRole('combobox', { name: 'Whose follow-ups' }).waitFor();
    await page.getByText('Team (everyone)').waitFor();
    const badge = page.getByRole('tab', { name: /Overdue/ }).locator('.ant-badge');
    await badge.waitFor();
    await eventually(async () => (await badge.innerText()).trim() === String(await teamOverdue()), 'the team’s overdue count on the tab');
    expect(await fitsTheScreen(page)).toBe(true);
    await shot(page, viewport, 'manager-follow-ups');

    // A no-next-step count opens that advisor's leads with the filter in the address.
    await page.goto('/');
    const withQueue = team.find((row) => row.noNextStep > 0);
    if (!withQueue) throw new Error('the demo data has no lead without a next step');
    await page
      .getByTestId('team-home')
      .getByRole('button', { name: `${withQueue.advisorName}: ${withQueue.noNextStep} open leads with no next step` })
      .click();
    await page.waitForURL(/\/leads\?/);
    const filters = filtersByOperator(page.url());
    expect(filters.advisorId_eq).toEqual([withQueue.advisorId]);
    expect(filters.nextFollowUpAt_null_eq).toEqual(['true']);
    await page.getByTestId('active-filters').getByText('Next follow-up: none').waitFor();
  }, 300_000);
});
