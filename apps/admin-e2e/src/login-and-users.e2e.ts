import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ADVISORS, DEMO_LOGINS } from '@advisordesk/api-seed';
import { filterValues } from './support/address';
import { chooseOption, fieldError } from './support/antd';
import { login } from './support/api';
import {
  fitsTheScreen,
  launchBrowser,
  newContext,
  openFromMenu,
  screenshot,
  signIn,
  submitSignIn,
  type PageGlobals,
  type Viewport,
} from './support/browser';
import { startServer, type RunningServer } from './support/server';

const DEMO_NAMES = [...DEMO_LOGINS.map((l) => l.name), ...DEMO_ADVISORS];

const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });

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

describe.each<Viewport>(['laptop', 'phone'])('AdvisorDesk admin on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it('says so clearly when the password is wrong, and when there were too many attempts', async () => {
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await submitSignIn(page, login('marketing').email, 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.filter({ hasText: 'The email or password is wrong' }).waitFor();
    expect(page.url()).toContain('/login');

    // The API's 429 (with Retry-After) is simulated here, so the real limiter is not tripped for the other tests.
    await page.route('**/api/auth/login', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Content-Type': 'application/json', 'Retry-After': '42' },
        body: JSON.stringify({
          statusCode: 429,
          error: 'Too Many Requests',
          code: 'common.rateLimited',
          message: 'Too many sign-in attempts from this address: try again in a minute',
        }),
      }),
    );
    await page.getByRole('button', { name: 'Sign in' }).click();
    await error.filter({ hasText: 'Too many sign-in attempts' }).filter({ hasText: 'Try again in 42 seconds' }).waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, viewport, 'login-error');
  });

  it('lets an admin search and filter users (kept in the address), add one with field errors shown, deactivate, reactivate and edit', async () => {
    const admin = login('admin');
    await signIn(page, admin.email, admin.password);
    expect(await page.getByTestId('greeting').textContent()).toContain(admin.name);
    const header = page.getByTestId('current-user');
    expect(await header.textContent()).toContain(admin.name);
    expect(await header.textContent()).toContain('Admin');
    const advisors = page.getByTestId('active-advisor');
    await advisors
      .locator('.ant-statistic-content-value')
      .filter({ hasText: String(DEMO_ADVISORS.length + 1) })
      .waitFor();

    await openFromMenu(page, viewport, 'Users');
    await page.waitForURL(/\/users/);
    for (const name of DEMO_NAMES) await row(page, name).waitFor();

    // Search by name: the table narrows and the address holds the filter, even after a reload.
    const search = page.getByLabel('Search users');
    await search.fill('Priya');
    await search.press('Enter');
    await page.waitForURL((url) => filterValues(url.toString()).q === 'Priya');
    await row(page, 'Meera Manager').waitFor({ state: 'detached' });
    await row(page, 'Priya Sharma').waitFor();
    await page.reload();
    await row(page, 'Priya Sharma').waitFor();
    expect(await search.inputValue()).toBe('Priya');
    expect(await row(page, 'Rahul Verma').count()).toBe(0);

    // Role filter, also kept in the address.
    await search.fill('');
    await search.press('Enter');
    await row(page, 'Rahul Verma').waitFor();
    await chooseOption(page, page, 'Filter by role', 'Manager');
    await page.waitForURL((url) => filterValues(url.toString()).role === 'manager' && !('q' in filterValues(url.toString())));
    await row(page, 'Rahul Verma').waitFor({ state: 'detached' });
    await row(page, 'Meera Manager').waitFor();
    await page.goto('/users');
    for (const name of DEMO_NAMES) await row(page, name).waitFor();

    // Add a user: a short password is refused on the field; so is an email the API says is taken.
    const newName = `Nisha Kapoor ${viewport}`;
    const newEmail = `nisha.${viewport}@advisordesk.local`;
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a user' });
    await dialog.waitFor();
    await dialog.getByLabel('Full name').fill(newName);
    await dialog.getByLabel('Work email').fill(login('advisor').email);
    await chooseOption(page, dialog, 'Role', 'Marketing');
    await dialog.getByLabel('Password', { exact: true }).fill('short');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await fieldError(dialog, 'Password').filter({ hasText: 'Password must be at least 10 characters' }).waitFor();

    await dialog.getByLabel('Password', { exact: true }).fill('Welcome@2026');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await fieldError(dialog, 'Work email').filter({ hasText: 'A user with this email already exists' }).waitFor();

    await dialog.getByLabel('Work email').fill(newEmail);
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const added = row(page, newName);
    await added.waitFor();
    expect(await added.textContent()).toContain(newEmail);
    expect(await added.textContent()).toContain('Marketing');

    // Deactivate and reactivate, each after a confirmation.
    await page.getByRole('button', { name: `Deactivate ${newName}` }).click();
    await page
      .getByRole('dialog', { name: `Deactivate ${newName}?` })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await added.filter({ hasText: 'Deactivated' }).waitFor();
    await page.getByRole('button', { name: `Reactivate ${newName}` }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Reactivate' }).click();
    await added.filter({ hasText: 'Active' }).filter({ hasNotText: 'Deactivated' }).waitFor();

    // Edit: the form opens with the user's details; a blank new password keeps the current one.
    await page.getByRole('button', { name: `Edit ${newName}` }).click();
    const editor = page.getByRole('dialog', { name: 'Edit user' });
    const nameField = editor.getByLabel('Full name');
    // A function, not a string: the panel's CSP forbids evaluating strings.
    await page.waitForFunction(
      (email) => (globalThis as unknown as PageGlobals).document.getElementById('user-edit_email')?.value === email,
      newEmail,
    );
    expect(await nameField.inputValue()).toBe(newName);
    await nameField.fill(`${newName} Rao`);
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.waitFor({ state: 'hidden' });
    await row(page, `${newName} Rao`).waitFor();

    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, viewport, 'users');
  });

  it('shows a manager the users list without any way to change it', async () => {
    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
    await openFromMenu(page, viewport, 'Users');
    await page.waitForURL(/\/users/);
    for (const name of DEMO_NAMES) await row(page, name).waitFor();
    await page.getByText('View only').waitFor();
    expect(await page.getByRole('button', { name: 'Add user' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Edit|Deactivate|Reactivate) / }).count()).toBe(0);
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, viewport, 'users-manager');
  });

  it('gives an advisor no Users entry, refuses the page, and signs out', async () => {
    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);
    expect(await page.getByTestId('greeting').textContent()).toContain(advisor.name);
    if (viewport === 'phone') await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
    expect(await page.getByText('Active users by role').count()).toBe(0);
    // The catalogue's pages sit in its submenu; an advisor reads them but cannot import.
    await page.getByRole('menuitem', { name: 'Catalogue' }).click();
    await page.getByRole('menuitem', { name: 'Programs' }).waitFor();
    await page.getByRole('menuitem', { name: 'Fee structures' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Import CSV' }).count()).toBe(0);
    if (viewport === 'phone') await page.keyboard.press('Escape');

    await page.goto('/users');
    await page.getByText('Not available for your role').waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto('/users');
    await page.waitForURL((url) => url.pathname === '/login' && (url.searchParams.get('to') ?? '').startsWith('/users'));
  });
});

describe('AdvisorDesk admin session', () => {
  const SESSION_KEY = 'advisordesk.session';
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, 'laptop', server.baseUrl);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  const stored = async () => JSON.parse((await page.evaluate<string | null>(`sessionStorage.getItem('${SESSION_KEY}')`)) ?? 'null');
  const tamper = (changes: Record<string, string>) =>
    page.evaluate(
      `(() => { const s = JSON.parse(sessionStorage.getItem('${SESSION_KEY}')); Object.assign(s, ${JSON.stringify(changes)}); sessionStorage.setItem('${SESSION_KEY}', JSON.stringify(s)); })()`,
    );

  it('renews a refused access token without bothering the user, and sends them to sign in when the session is over', async () => {
    const admin = login('admin');
    await signIn(page, admin.email, admin.password);
    const before = await stored();
    expect(before.user.email).toBe(admin.email);

    // An access token the API refuses (as when it has expired): the panel renews it once and carries on.
    await tamper({ accessToken: 'not-a-valid-token' });
    await page.goto('/users');
    for (const name of DEMO_NAMES) await row(page, name).waitFor();
    const renewed = await stored();
    expect(renewed.accessToken).not.toBe('not-a-valid-token');
    expect(renewed.refreshToken).not.toBe(before.refreshToken);

    // The refresh token is refused too (the session was ended): back to sign-in, returning here afterwards.
    await tamper({ accessToken: 'not-a-valid-token', refreshToken: before.refreshToken });
    await page.reload();
    await page.waitForURL((url) => url.pathname === '/login' && (url.searchParams.get('to') ?? '').startsWith('/users'));
    expect(await stored()).toBeNull();
    await submitSignIn(page, admin.email, admin.password);
    await page.waitForURL((url) => url.pathname === '/users');
    await row(page, 'Priya Sharma').waitFor();
  });
});
