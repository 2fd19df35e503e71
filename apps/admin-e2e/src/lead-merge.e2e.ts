import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatPhone, type LeadView } from '@advisordesk/shared';
import { apiOf, login } from './support/api';
import { join } from 'node:path';
import { fitsTheScreen, launchBrowser, newContext, screenshot, signIn, SHOTS_DIR, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
const api = apiOf(() => server.baseUrl);

let phoneSerial = 0;

/** A lead entered by the manager (walk-in), with a phone of its own. */
async function newLead(token: string, body: Record<string, unknown>): Promise<LeadView> {
  phoneSerial += 1;
  const phone = `98${phoneSerial}${String(Date.now() % 10_000_000).padStart(7, '0')}`.slice(0, 10);
  const { status, data } = await api.request<LeadView>(token, 'POST', '/leads', { phone, source: 'walk_in', ...body });
  if (status !== 201) throw new Error(`creating the lead answered ${status}: ${JSON.stringify(data)}`);
  return data;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each<Viewport>(['laptop', 'phone'])('merging two leads on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it('a manager sees the duplicate on the lead page, merges it keeping its city, and lands on the survivor with the other phone; the other lead is gone', async () => {
    const token = await api.token('manager');
    // Names of their own on each screen size: the other run's survivor would be a likely duplicate by name and city.
    const [name, otherName] = viewport === 'laptop' ? ['Ishaan Mehta', 'Ishaan M.'] : ['Zoya Qureshi', 'Zoya Q.'];
    const email = `${name.split(' ')[0].toLowerCase()}.${Date.now()}@example.in`;
    const survivor = await newLead(token, { fullName: name, email, city: 'Pune' });
    const other = await newLead(token, { fullName: otherName, email, city: 'Mumbai' });
    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
    await page.goto(`/leads/${survivor.id}`);

    const card = page.getByTestId('lead-duplicates');
    await card.getByText(otherName).waitFor();
    await card.getByText('Same email').waitFor();
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: join(SHOTS_DIR, `lead-merge-suggestion-${viewport}.png`) });
    await card.getByRole('button', { name: `Merge ${otherName} into this lead` }).click();

    const dialog = page.getByRole('dialog', { name: `Merge ${otherName} (${other.reference}) into this lead` });
    const city = dialog.getByTestId('merge-field-city');
    await city.getByText('Other: Mumbai').click();
    expect(await city.getByRole('radio', { name: 'Other: Mumbai' }).isChecked()).toBe(true);
    // The name differs too: this lead's stays unless chosen.
    expect(
      await dialog
        .getByTestId('merge-field-fullName')
        .getByRole('radio', { name: `This: ${name}` })
        .isChecked(),
    ).toBe(true);
    await dialog.getByText(/^Moves here: .*timeline entr/).waitFor();
    await screenshot(page, viewport, 'lead-merge-dialog');
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The survivor, refreshed: Mumbai, the other's phone among its phones, the merge on its timeline, no suggestion left.
    const profile = page.getByTestId('lead-profile');
    await profile.getByText('Mumbai').waitFor();
    await page
      .getByTestId('alternate-phones')
      .getByText(formatPhone(other.phone ?? ''))
      .waitFor();
    await page.getByRole('link', { name: `WhatsApp ${name} on ${formatPhone(other.phone ?? '')}` }).waitFor();
    await page.getByTestId('lead-timeline').getByText(`merged ${otherName} (${other.reference}) into this lead`, { exact: false }).waitFor();
    await card.getByText(otherName).waitFor({ state: 'detached' });
    expect(await page.getByTestId('lead-name').textContent()).toBe(name);
    await screenshot(page, viewport, 'lead-merge-survivor');
    expect(await fitsTheScreen(page)).toBe(true);

    await page.goto(`/leads/${other.id}`);
    await page.getByText('Lead not found').waitFor();
  });
});
