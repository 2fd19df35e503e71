import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatIstDate, formatIstDay, type DataRequestView, type LeadView } from '@advisordesk/shared';
import type { CloudApiStandIn } from '@advisordesk/api-whatsapp/testing';
import { apiOf, login } from './support/api';
import { fitsTheScreen, launchBrowser, newContext, openFromMenu, screenshot, signIn } from './support/browser';
import { startServer, startServerWithWhatsapp, type RunningServer } from './support/server';
import { eventually } from './support/wait';

// ---- WhatsApp connected: the code reaches the person on WhatsApp ------------------------------

let server: RunningServer & { standIn: CloudApiStandIn };
let browser: Browser;

const api = apiOf(() => server.baseUrl);

interface TemplateMessage {
  to: string;
  type: string;
  template?: { name: string; components?: { type: string; parameters?: { type: string; text?: string }[] }[] };
}

/** The one-time code in the last authentication template sent to these digits (its body's parameter). */
function codeSentTo(digits: string): string | null {
  const messages = server.standIn.sent
    .map((c) => c.body as TemplateMessage)
    .filter((m) => m.type === 'template' && m.to.replace(/\D/g, '').endsWith(digits));
  const body = messages.at(-1)?.template?.components?.find((c) => c.type === 'body');
  return body?.parameters?.[0]?.text ?? null;
}

/** A demo lead with a phone, read as the demo manager. */
async function demoLead(managerToken: string): Promise<LeadView & { phone: string }> {
  const leads = await api.get<LeadView[]>(managerToken, '/leads?_start=0&_end=50');
  const lead = leads.find((l): l is LeadView & { phone: string } => !!l.phone && !l.erasedAt);
  if (!lead) throw new Error('no demo lead with a phone');
  return lead;
}

/** The phone page of `/privacy`, saved and checked for sideways scrolling. */
async function phoneShot(page: Page, name: string) {
  await screenshot(page, 'phone', name);
  expect(await fitsTheScreen(page)).toBe(true);
}

beforeAll(async () => {
  server = await startServerWithWhatsapp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a rights request, WhatsApp connected', () => {
  let phone: BrowserContext;
  let laptop: BrowserContext;

  beforeEach(async () => {
    phone = await newContext(browser, 'phone', server.baseUrl);
    laptop = await newContext(browser, 'laptop', server.baseUrl);
  });

  afterEach(async () => {
    await phone.close();
    await laptop.close();
  });

  it('a student asks on a phone to erase their data, confirms with the WhatsApp code, and a manager erases it from Privacy requests', async () => {
    const managerToken = await api.token('manager');
    const lead = await demoLead(managerToken);
    const digits = lead.phone.replace(/\D/g, '').slice(-10);

    // The page, on a phone: in plain words, not indexed.
    const page = await phone.newPage();
    await page.goto('/privacy');
    expect(await page.getAttribute('html', 'lang')).toBe('en-IN');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    await page.getByRole('heading', { name: 'Your data rights', level: 1 }).waitFor();
    await phoneShot(page, 'privacy-form');

    // Nothing chosen: the API's errors show beside their fields.
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.locator('[data-error-for="phone"]').filter({ hasText: 'Enter the 10-digit mobile number you gave us' }).waitFor();
    await page.locator('[data-error-for="kind"]').filter({ hasText: 'Choose what you ask for' }).waitFor();
    await phoneShot(page, 'privacy-errors');

    // The nominee's fields show only for a nomination.
    const nominee = page.getByLabel('Nominee’s full name');
    expect(await nominee.isVisible()).toBe(false);
    await page.getByRole('radio', { name: /Name a nominee/ }).check();
    await nominee.waitFor();
    await page.getByRole('radio', { name: /Erase my data/ }).check();
    await nominee.waitFor({ state: 'hidden' });

    await page.getByLabel('Your mobile number').fill(digits);
    await page.getByLabel(/Anything we should know/).fill('I found a course elsewhere. Please delete my details.');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('We sent a 6-digit code on WhatsApp to that number.').waitFor();
    const reference = (await page.locator('#verify-step [data-reference]').textContent()) ?? '';
    expect(reference).not.toBe('');
    await eventually(() => codeSentTo(digits) !== null, 'the code to reach the Cloud API');
    const code = codeSentTo(digits) ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await phoneShot(page, 'privacy-code');

    // A wrong code says so, and the request waits.
    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel('The 6-digit code').fill(wrong);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.locator('[data-error-for="code"]').filter({ hasText: 'This code is not the one we sent: 4 tries left' }).waitFor();
    await phoneShot(page, 'privacy-wrong-code');

    // The right code: the reference and the day we answer by.
    await page.getByLabel('The 6-digit code').fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    const done = page.locator('#done-step');
    await done.getByRole('heading', { name: 'Your request is confirmed' }).waitFor();
    expect(await done.locator('[data-reference]').textContent()).toBe(reference);
    const [request] = (await api.get<DataRequestView[]>(managerToken, '/data-requests?_start=0&_end=50')).filter((r) => r.reference === reference);
    expect(request).toMatchObject({ kind: 'erasure', status: 'open', leadId: lead.id });
    expect(await done.locator('[data-due]').textContent()).toBe(formatIstDate(request.dueAt ?? ''));
    await phoneShot(page, 'privacy-done');

    // On a laptop, the manager finds it in Privacy requests with its due date, and resolves it as done.
    const desk = await laptop.newPage();
    const manager = login('manager');
    await signIn(desk, manager.email, manager.password);
    await desk.getByRole('menuitem', { name: 'Data protection' }).click();
    await openFromMenu(desk, 'laptop', 'Privacy requests');
    const row = desk.getByTestId(`data-request-row-${reference}`);
    await row.getByText(formatIstDay(request.dueAt ?? '')).waitFor();
    await row.getByText('Open', { exact: true }).waitFor();
    await screenshot(desk, 'laptop', 'privacy-requests');
    await row.click();
    const drawer = desk.getByTestId('data-request-drawer');
    await drawer.getByText(`${reference} · Erase my data`).waitFor();
    await drawer.getByText(lead.fullName).first().waitFor();
    await screenshot(desk, 'laptop', 'privacy-request');
    await drawer.getByTestId('data-request-resolve').click();
    const dialog = desk.getByRole('dialog', { name: `Resolve ${reference}: Erase my data` });
    await dialog.getByText('Done', { exact: true }).click();
    await dialog.getByLabel('Note').fill('Erased as asked; told the student on the phone.');
    await screenshot(desk, 'laptop', 'privacy-resolve');
    await dialog.getByTestId('data-request-resolve-confirm').click();
    await desk.getByText(`${reference} resolved as done`).waitFor();
    expect((await api.get<DataRequestView>(managerToken, `/data-requests/${request.id}`)).status).toBe('done');

    // The lead is erased: its page says so.
    const erased = await api.get<LeadView>(managerToken, `/leads/${lead.id}`);
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.phone).toBeNull();
    await desk.goto(`/leads/${lead.id}`);
    await desk.getByTestId('lead-name').filter({ hasText: 'Erased lead' }).waitFor();
    await desk.getByText(/Personal data erased on request/).waitFor();
    await screenshot(desk, 'laptop', 'privacy-lead-erased');
  }, 300_000);
});

// ---- WhatsApp and email not connected: staff call to confirm ----------------------------------

describe('a rights request, nothing connected', () => {
  let plain: RunningServer;

  beforeAll(async () => {
    plain = await startServer();
  });

  afterAll(async () => {
    await plain?.stop();
  });

  it('says staff will call to confirm, with no code to enter', async () => {
    const context = await newContext(browser, 'phone', plain.baseUrl);
    try {
      const page = await context.newPage();
      await page.goto('/privacy');
      await page.getByLabel('Your mobile number').fill('98765 43210');
      await page.getByRole('radio', { name: /A summary of my data/ }).check();
      await page.getByRole('button', { name: 'Send request' }).click();
      await page.getByText('We will call you on this number to confirm it is you.').waitFor();
      expect(await page.getByLabel('The 6-digit code').isVisible()).toBe(false);
      expect(await page.locator('#verify-step [data-reference]').textContent()).not.toBe('');
      await phoneShot(page, 'privacy-staff');
    } finally {
      await context.close();
    }
  });
});
