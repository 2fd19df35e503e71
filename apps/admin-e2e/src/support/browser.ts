import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); never a downloaded browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export const SHOTS_DIR = '/tmp/adk-shots';

export type Viewport = 'laptop' | 'phone';

/**
 * The little of the page that the tests' page functions read. This code is compiled without the
 * DOM's types; the functions run in the browser, where these are the real document and elements.
 */
export interface PageGlobals {
  document: { getElementById(id: string): { value?: string } | null };
}
export interface PageElement {
  getRootNode(): { activeElement: unknown };
  ownerDocument: { defaultView: { getComputedStyle(element: PageElement): { borderTopStyle: string } } };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

const common = { locale: 'en-IN', timezoneId: 'Asia/Kolkata' } as const;

export function laptopContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ ...common, baseURL, viewport: { width: 1366, height: 800 } });
}

export function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    ...common,
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36',
  });
}

export function newContext(browser: Browser, viewport: Viewport, baseURL: string): Promise<BrowserContext> {
  return viewport === 'phone' ? phoneContext(browser, baseURL) : laptopContext(browser, baseURL);
}

/** Fills and submits the sign-in form (from wherever the page is); does not wait for the outcome. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits for the dashboard's greeting. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await submitSignIn(page, email, password);
  await page.getByTestId('greeting').waitFor();
}

/** Opens a menu entry: from the sider on a laptop, through the menu drawer on a phone. */
export async function openFromMenu(page: Page, viewport: Viewport, label: string): Promise<void> {
  if (viewport === 'phone') await page.getByRole('button', { name: 'Open menu' }).click();
  // By its whole label: "Leads" is not "Import leads".
  await page
    .getByRole('menuitem')
    .filter({ has: page.getByText(label, { exact: true }) })
    .click();
}

/**
 * Saves `/tmp/adk-shots/<name>.png` from the top of the page: the whole page on a phone (to see
 * every row fits the width), the screen itself on a laptop (where the header and sider are sticky).
 */
export async function screenshot(page: Page, viewport: Viewport, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}-${viewport}.png`);
  await page.evaluate('window.scrollTo(0, 0)');
  // Passing notices ("User added") would cover the page the screenshot is meant to show.
  await page.screenshot({ path, fullPage: viewport === 'phone', style: '.ant-notification { display: none !important; }' });
  return path;
}

/** True when nothing is wider than the screen (no sideways scrolling on a phone). */
export function fitsTheScreen(page: Page): Promise<boolean> {
  // a string, evaluated in the page: this file is compiled without the DOM's types
  return page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
}
