import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { LeadView, ProgramView, WhatsappMessageView, WhatsappSettings } from '@advisordesk/shared';
import { CloudApiStandIn, webhookPayloads } from '@advisordesk/api-whatsapp/testing';
import { filterValues } from './support/address';
import { apiOf, login } from './support/api';
import { fitsTheScreen, launchBrowser, newContext, openFromMenu, screenshot, SHOTS_DIR, signIn, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { eventually } from './support/wait';

// ---- WhatsApp connected: the app talks to a stand-in of Meta's Cloud API -------------------------

let standIn: CloudApiStandIn;
let server: RunningServer;
let browser: Browser;

const api = apiOf(() => server.baseUrl);

/** A new lead of the advisor's, who agreed to WhatsApp in person, with two programs on the shortlist. */
async function leadWithShortlist(token: string, viewport: Viewport, consent = true): Promise<LeadView & { digits: string }> {
  const digits = `70${(consent ? 0 : 2) + (viewport === 'phone' ? 1 : 0)}${String(Date.now() % 10_000_000).padStart(7, '0')}`;
  const { status, data: lead } = await api.request<LeadView>(token, 'POST', '/leads', {
    fullName: `${viewport === 'phone' ? 'Ishaan Verma' : 'Aarav Mehta'}${consent ? '' : ' Jr'}`,
    phone: digits,
    source: 'walk_in',
    courseInterest: 'Online MBA',
    ...(consent ? { consentWhatsapp: true, consentChannel: 'in_person' } : {}),
  });
  if (status !== 201) throw new Error(`creating the lead answered ${status}: ${JSON.stringify(lead)}`);
  const programs = await api.get<ProgramView[]>(token, '/programs?level=PG&active=true&_start=0&_end=20');
  for (const program of programs.slice(0, 2)) {
    const added = await api.request(token, 'POST', `/leads/${lead.id}/shortlist`, { programId: program.id });
    if (added.status !== 201) throw new Error(`shortlisting answered ${added.status}: ${JSON.stringify(added.data)}`);
  }
  return { ...lead, digits };
}

/** The sticky header would cover the top of an element saved on its own. */
const STATIC_HEADER = 'header, .ant-layout-header { position: static !important; }';

/** The WhatsApp panel of the lead's page, scrolled into view and saved on its own (it sits below the fold on a laptop). */
async function panelShot(panel: Locator, viewport: Viewport, name: string) {
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: join(SHOTS_DIR, `${name}-${viewport}.png`), style: STATIC_HEADER });
}

beforeAll(async () => {
  standIn = await CloudApiStandIn.start();
  server = await startServer(standIn.env());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await standIn?.close();
});

describe.each<Viewport>(['laptop', 'phone'])('WhatsApp on a %s, connected', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it('sends a comparison on WhatsApp from the share step; the student’s reply shows in the panel, the list badge and the quick filter', async () => {
    const token = await api.token('advisor');
    const lead = await leadWithShortlist(token, viewport);
    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);
    await page.goto(`/leads/${lead.id}`);

    // The conversation is empty and the window closed: only templates may be sent.
    const panel = page.getByTestId('whatsapp-panel');
    await panel.getByText('No WhatsApp messages yet').waitFor();
    await panel.getByTestId('whatsapp-window').filter({ hasText: 'Window closed: send a template' }).waitFor();

    // Create a comparison from the shortlist and send it on WhatsApp from the share step.
    const shortlist = page.getByTestId('shortlist-panel');
    const items = shortlist.getByTestId('shortlist-item');
    await items.nth(1).waitFor();
    for (const index of [0, 1]) await items.nth(index).getByRole('checkbox').check();
    await shortlist.getByRole('button', { name: /Create comparison/ }).click();
    const share = page.getByRole('dialog', { name: 'Comparison ready to send' });
    await share.waitFor();
    const url = await share.getByLabel('Comparison link').inputValue();
    // Today's links stay beside it.
    await share.getByRole('link', { name: /Open WhatsApp/ }).waitFor();
    await share.getByRole('button', { name: /Send on WhatsApp/ }).click();
    await share.getByRole('button', { name: /Sent to WhatsApp/ }).waitFor();
    await screenshot(page, viewport, 'wa-admin-share');
    expect(await fitsTheScreen(page)).toBe(true);

    // The stand-in of Meta's API received the comparison template, addressed to the lead, with the app's token.
    await eventually(() => standIn.sent.some((c) => JSON.stringify(c.body).includes(lead.digits)), 'the comparison to reach the Cloud API');
    const call = standIn.sent.find((c) => JSON.stringify(c.body).includes(lead.digits));
    expect(call?.authorization).toBe(`Bearer ${standIn.accessToken}`);
    const body = call?.body as { type: string; to: string; template: { name: string; language: { code: string } } };
    expect(body.type).toBe('template');
    expect(body.to.replace(/\D/g, '')).toBe(`91${lead.digits}`);
    expect(body.template.name).toBe('comparison_ready');
    expect(JSON.stringify(body.template)).toContain(url);
    expect(JSON.stringify(body.template)).toContain(lead.fullName.split(' ')[0]);
    await share.getByRole('button', { name: 'Done' }).click();

    // The sent template shows on the right, with a tick once the API has sent it.
    const out = panel.locator('[data-testid="whatsapp-message"][data-direction="out"]');
    await out.first().waitFor();
    expect(await out.first().getByTestId('whatsapp-message-text').textContent()).toContain('comparison_ready');
    await panel.locator('[data-direction="out"][data-status="sent"]').getByTestId('whatsapp-ticks').filter({ hasText: '✓' }).waitFor();

    // The student replies on WhatsApp: Meta posts the signed webhook; the panel shows it without a reload.
    // Meta's timestamps are whole seconds: the reply comes in a later second than the template left.
    const [sent] = await api.get<WhatsappMessageView[]>(token, `/leads/${lead.id}/messages`);
    await eventually(() => Math.floor(Date.now() / 1000) > Math.floor(Date.parse(sent.createdAt) / 1000), 'the next second');
    const reply = 'Thanks! Are the MBA classes on weekends?';
    const delivered = await standIn.sendWebhook(
      server.baseUrl,
      webhookPayloads.text(standIn.phoneNumberId, { from: `91${lead.digits}`, text: reply, profileName: lead.fullName }),
    );
    expect(delivered.status).toBe(200);
    const inbound = panel.locator('[data-testid="whatsapp-message"][data-direction="in"]');
    await inbound.filter({ hasText: reply }).waitFor({ timeout: 20_000 });
    // The window is open now: free text is offered.
    await panel
      .getByTestId('whatsapp-window')
      .filter({ hasText: /Window open: 2[34] h left/ })
      .waitFor({ timeout: 20_000 });
    await panel.getByLabel('WhatsApp message').waitFor();
    // The timeline follows too.
    await page
      .getByTestId('lead-timeline')
      .getByText(`${lead.fullName.split(' ')[0]} replied on WhatsApp: ${reply}`)
      .waitFor();
    await panelShot(panel, viewport, 'wa-admin-panel');
    await screenshot(page, viewport, 'wa-admin-lead');
    expect(await fitsTheScreen(page)).toBe(true);

    // The lead list shows the "replied" badge, and the quick filter finds the lead.
    await openFromMenu(page, viewport, 'Leads');
    const row = page.locator('tr', { hasText: lead.fullName });
    await row.getByTestId('replied-badge').waitFor();
    await page.getByText('Replied, unanswered', { exact: true }).click();
    await page.waitForURL((address) => filterValues(address.toString()).whatsappUnanswered === 'true');
    await row.getByTestId('replied-badge').waitFor();
    const rows = page.locator('tbody tr[data-row-key]');
    for (let i = 0; i < (await rows.count()); i++) {
      const listed = await api.get<LeadView>(token, `/leads/${await rows.nth(i).getAttribute('data-row-key')}`);
      expect(listed.whatsappUnanswered).toBe(true);
    }
    await screenshot(page, viewport, 'wa-admin-list');
    expect(await fitsTheScreen(page)).toBe(true);
  });

  it('without WhatsApp consent: the panel and the share step say why nothing can be sent, and nothing is', async () => {
    const token = await api.token('advisor');
    const lead = await leadWithShortlist(token, viewport, false);
    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);
    await page.goto(`/leads/${lead.id}`);
    const panel = page.getByTestId('whatsapp-panel');
    await panel.getByTestId('whatsapp-blocked').filter({ hasText: 'The student has not agreed to WhatsApp messages' }).waitFor();
    expect(await panel.getByTestId('whatsapp-composer').count()).toBe(0);
    const shortlist = page.getByTestId('shortlist-panel');
    const items = shortlist.getByTestId('shortlist-item');
    await items.nth(1).waitFor();
    for (const index of [0, 1]) await items.nth(index).getByRole('checkbox').check();
    await shortlist.getByRole('button', { name: /Create comparison/ }).click();
    const share = page.getByRole('dialog', { name: 'Comparison ready to send' });
    await share.getByTestId('send-on-whatsapp-reason').filter({ hasText: 'The student has not agreed to WhatsApp messages' }).waitFor();
    expect(await share.getByRole('button', { name: /Send on WhatsApp/ }).isDisabled()).toBe(true);
    // Today's link still works for them.
    await share.getByRole('link', { name: /Open WhatsApp/ }).waitFor();
    expect(standIn.sent.some((c) => JSON.stringify(c.body).includes(lead.digits))).toBe(false);
    await screenshot(page, viewport, 'wa-admin-share-no-consent');
    expect(await fitsTheScreen(page)).toBe(true);
  });

  it('checks the connection in Settings → WhatsApp and shows the number and verified name', async () => {
    const admin = login('admin');
    await signIn(page, admin.email, admin.password);
    await page.goto('/settings#whatsapp');
    const section = page.getByTestId('whatsapp-settings');
    await section.getByRole('button', { name: 'Check connection' }).click();
    await section.getByTestId('whatsapp-display-number').filter({ hasText: standIn.displayPhoneNumber }).waitFor();
    await section.getByText(standIn.verifiedName).waitFor();
    expect(standIn.calls.some((c) => c.method === 'GET' && c.path.startsWith(`/${standIn.phoneNumberId}`))).toBe(true);
    // The template's variables are said once, where the admin types its name.
    expect(await section.getByTestId('whatsapp-template-variables').textContent()).toContain('{{2}} the comparison’s link');

    // The welcome template is saved with PUT and read back by the API.
    await section.getByLabel('Template name').nth(1).fill(`welcome_${viewport}`);
    // (the laptop's run may have turned it on already: both share one server)
    const welcome = section.getByRole('switch', { name: 'Send the welcome template' });
    if ((await welcome.getAttribute('aria-checked')) !== 'true') await welcome.click();
    await section.getByRole('button', { name: 'Save WhatsApp settings' }).click();
    await page.getByText('WhatsApp settings saved').waitFor();
    const saved = await api.get<WhatsappSettings>(await api.token('admin'), '/settings/whatsapp');
    expect(saved).toEqual({
      comparisonTemplate: { name: 'comparison_ready', language: 'en' },
      welcomeTemplate: { name: `welcome_${viewport}`, language: 'en' },
      welcomeEnabled: true,
      codeTemplate: { name: 'verification_code', language: 'en' },
    });
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: join(SHOTS_DIR, `wa-admin-settings-${viewport}.png`), style: STATIC_HEADER });
    expect(await fitsTheScreen(page)).toBe(true);
  });

  it('shows managers Settings → WhatsApp to read, without the check or Save', async () => {
    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
    await page.goto('/settings#whatsapp');
    const section = page.getByTestId('whatsapp-settings');
    await section.getByTestId('whatsapp-connection').waitFor();
    expect(await section.getByLabel('Template name').first().inputValue()).toBe('comparison_ready');
    expect(await section.getByLabel('Template name').first().isDisabled()).toBe(true);
    expect(await section.getByRole('button', { name: 'Check connection' }).count()).toBe(0);
    expect(await section.getByRole('button', { name: 'Save WhatsApp settings' }).count()).toBe(0);
  });
});

// ---- WhatsApp not connected: today's click-to-chat stays ---------------------------------------

describe.each<Viewport>(['laptop', 'phone'])('WhatsApp on a %s, not connected', (viewport) => {
  let plain: RunningServer;
  let context: BrowserContext;

  beforeAll(async () => {
    plain = await startServer();
  });

  afterAll(async () => {
    await plain?.stop();
  });

  beforeEach(async () => {
    context = await newContext(browser, viewport, plain.baseUrl);
  });

  afterEach(async () => {
    await context.close();
  });

  it('says sending is not connected and keeps the click-to-chat link', async () => {
    const plainApi = apiOf(() => plain.baseUrl);
    const token = await plainApi.token('advisor');
    const leads = await plainApi.get<LeadView[]>(token, '/leads?_start=0&_end=20');
    const lead = leads.find((l) => l.phone && !l.erasedAt);
    if (!lead) throw new Error('the advisor has no lead with a phone');
    const page = await context.newPage();
    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);
    await page.goto(`/leads/${lead.id}`);
    const panel = page.getByTestId('whatsapp-panel');
    await panel.getByText('WhatsApp sending is not connected').waitFor();
    // Advisors are not sent to Settings, which only admins may change.
    expect(await panel.getByRole('link', { name: 'Connect it in Settings' }).count()).toBe(0);
    const chat = panel.getByTestId('whatsapp-click-to-chat');
    expect(await chat.getAttribute('href')).toBe(`https://wa.me/${(lead.phone ?? '').replace(/\D/g, '')}`);
    await panelShot(panel, viewport, 'wa-admin-not-connected');
    expect(await fitsTheScreen(page)).toBe(true);
  });
});
