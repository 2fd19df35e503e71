import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { login } from './support/api';
import { launchBrowser, newContext, screenshot, submitSignIn, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/** What a first visit may download, in JavaScript as sent compressed (gzip): see the README's "Admin bundle". */
const SIGN_IN_BUDGET_KB = 350;
/** The lead list with the sign-in page before it: the date filters, the new-lead form and the bulk actions load when first used. */
const LEAD_LIST_BUDGET_KB = 500;

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

/**
 * Every script the page downloads, each with its size on the wire: as received when the server
 * compressed it, else as gzip would send it (the built API serves the panel uncompressed; a proxy
 * in front, like the Caddy of docker/, compresses). `kb()` sums what has arrived so far.
 */
function recordScripts(page: Page): { kb: () => Promise<number>; count: () => number } {
  const sizes = new Map<string, Promise<number>>();
  const onWire = async (response: Response) => {
    if (response.headers()['content-encoding']) return (await response.request().sizes()).responseBodySize;
    return gzipSync(await response.body()).length;
  };
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.endsWith('.js') && response.status() === 200 && !sizes.has(pathname)) sizes.set(pathname, onWire(response));
  });
  return {
    kb: async () => (await Promise.all(sizes.values())).reduce((sum, size) => sum + size, 0) / 1024,
    count: () => sizes.size,
  };
}

describe.each<Viewport>(['laptop', 'phone'])('the admin panel’s JavaScript on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it(`loads the sign-in page within ${SIGN_IN_BUDGET_KB} KB, and the lead list after signing in within ${LEAD_LIST_BUDGET_KB} KB in all`, async () => {
    const scripts = recordScripts(page);

    // A link to the lead list, opened signed out: the sign-in page, which goes there afterwards.
    await page.goto('/leads', { waitUntil: 'networkidle' });
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('to') === '/leads');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const signInKb = await scripts.kb();
    console.log(`${viewport}: the sign-in page loaded ${scripts.count()} scripts, ${signInKb.toFixed(0)} KB gzip`);
    expect(signInKb).toBeLessThanOrEqual(SIGN_IN_BUDGET_KB);
    await screenshot(page, viewport, 'sign-in');

    const admin = login('admin');
    await submitSignIn(page, admin.email, admin.password);
    await page.waitForURL((url) => url.pathname === '/leads');
    await page.getByTestId('leads-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    const leadListKb = await scripts.kb();
    console.log(`${viewport}: with the lead list, ${scripts.count()} scripts, ${leadListKb.toFixed(0)} KB gzip`);
    expect(leadListKb).toBeLessThanOrEqual(LEAD_LIST_BUDGET_KB);
  });
});
