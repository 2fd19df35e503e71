import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page, Request as PwRequest } from 'playwright-core';
import type { LeadView, WebsiteFormSettings } from '@advisordesk/shared';
import { searchAndChoose, waitForValue } from './support/antd';
import { login } from './support/api';
import { fitsTheScreen, launchBrowser, newContext, screenshot, signIn, SHOTS_DIR, type PageElement, type Viewport } from './support/browser';
import { startServer, WORKSPACE_ROOT, type RunningServer } from './support/server';

/**
 * The website's Quick Inquiry widget, end to end: a plain page on another origin embeds
 * `<script src="{api}/embed.js" data-advisordesk-form async>`, a person fills it on a phone,
 * and the lead reaches AdvisorDesk with its UTM tags, landing page and consent notice version.
 * Needs `npm run build` and the widget build (`vite build --config apps/widget/vite.config.mts`).
 */

interface HostSite {
  origin: string;
  close: () => Promise<void>;
}

/** A stand-in for the advisory's website (WordPress or not): one guide page with the embed snippet. */
async function hostSite(apiOrigin: () => string): Promise<HostSite> {
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/favicon')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html>
<html lang="en-IN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Online MBA in India: the complete guide</title>
  <style>
    /* a theme's heavy-handed styles, which must not reach the form */
    body { font-family: Georgia, serif; margin: 0; padding: 16px; line-height: 1.7; color: #333; }
    input, select, button, label { border: 4px dashed rgb(255, 0, 255) !important; font-size: 11px !important; }
  </style>
</head>
<body>
  <article>
    <h1>Online MBA in India: the complete guide</h1>
    <p>UGC-entitled universities, fees, specialisations and how to choose the right one for your career.</p>
    <h2>Still deciding?</h2>
    <script src="${apiOrigin()}/embed.js" data-advisordesk-form async></script>
    <p>Updated for the 2026-27 session.</p>
  </article>
</body>
</html>`);
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolveClose) => server.close(() => resolveClose())),
  };
}

const GUIDE_PATH = '/guides/online-mba?utm_source=google&utm_campaign=spring-mba';
const admin = login('admin');

let counter = 0;
/** A fresh Indian mobile, typed the way people do: `98xxx xxxxx`. */
function newMobile(): { typed: string; digits: string } {
  counter++;
  const digits = `98${String((Date.now() % 1_000_000) * 100 + counter)
    .padStart(8, '0')
    .slice(-8)}`;
  return { typed: `${digits.slice(0, 5)} ${digits.slice(5)}`, digits };
}

let server: RunningServer;
let browser: Browser;
let allowedSite: HostSite;
let unlistedSite: HostSite;
let token: string;

async function api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function leadsWithPhone(digits: string): Promise<LeadView[]> {
  const { body } = await api<LeadView[]>(`/api/leads?q=${digits}`);
  return body.filter((l) => l.phone === `+91${digits}`);
}

/** The widget's form: Playwright's role and label locators reach into its (open) shadow root. */
function widget(page: Page): Locator {
  return page.locator('.advisordesk-form');
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el: PageElement) => el.getRootNode().activeElement === el);
}

async function fillRequired(form: Locator, phone: string, name = 'Ananya Gupta') {
  await form.getByLabel('Full name').fill(name);
  await form.getByLabel('WhatsApp number', { exact: true }).fill(phone);
  await form.getByLabel('City').fill('Pune');
}

beforeAll(async () => {
  for (const file of ['dist/widget/embed.js', 'dist/widget/inquiry.html']) {
    if (!existsSync(join(WORKSPACE_ROOT, file)))
      throw new Error(`${file} is missing: run \`npx vite build --config apps/widget/vite.config.mts\` first`);
  }
  let apiOrigin = '';
  allowedSite = await hostSite(() => apiOrigin);
  unlistedSite = await hostSite(() => apiOrigin);
  server = await startServer({ CORS_ORIGINS: allowedSite.origin, INQUIRY_RATE_LIMIT: '1000', WIDGET_DIST_DIR: join(WORKSPACE_ROOT, 'dist/widget') });
  apiOrigin = server.baseUrl;
  browser = await launchBrowser();
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  token = ((await login.json()) as { accessToken: string }).accessToken;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await allowedSite?.close();
  await unlistedSite?.close();
});

describe('the Quick Inquiry widget on the advisory website', () => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, 'phone', allowedSite.origin);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it('a person on a phone fills it in and sends it; the lead has its UTM tags, landing page and notice version', async () => {
    const { body: config } = await api<{ notice: { version: number } }>('/api/public/form-config');
    await page.goto(GUIDE_PATH, { referer: 'https://www.google.com/' });
    const form = widget(page);
    await form.getByRole('heading', { name: 'Quick Inquiry' }).waitFor();

    // The page's own styles do not reach the form.
    const border = await form.getByLabel('Full name').evaluate((el: PageElement) => el.ownerDocument.defaultView.getComputedStyle(el).borderTopStyle);
    expect(border).toBe('solid');
    // Both consent boxes start unticked; the notice is shown next to them.
    expect(await form.getByRole('checkbox', { name: 'Send me WhatsApp updates about this inquiry' }).isChecked()).toBe(false);
    expect(await form.getByRole('checkbox', { name: /marketing/ }).isChecked()).toBe(false);
    await form
      .getByText(/only with your consent/i)
      .first()
      .waitFor();
    await screenshot(page, 'phone', 'website-form');
    expect(await fitsTheScreen(page)).toBe(true);

    // Sent empty: a message beside each required field, and the focus on the first.
    await form.getByRole('button', { name: 'Send inquiry' }).click();
    await form.getByText('Enter your full name').waitFor();
    await form.getByText('Enter your WhatsApp number').waitFor();
    await form.getByText('Please answer: are you under 18?').waitFor();
    expect(await isFocused(form.getByLabel('Full name'))).toBe(true);
    expect(await form.getByLabel('Full name').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'phone', 'website-form-errors');

    // A landline is refused by the same rule the API uses.
    await fillRequired(form, '011 2345 6789');
    await form.getByRole('radio', { name: 'No' }).check();
    await form.getByRole('button', { name: 'Send inquiry' }).click();
    const phoneInput = form.getByLabel('WhatsApp number', { exact: true });
    await form.getByText('Enter a valid 10-digit mobile number, e.g. 98765 43210').waitFor();
    expect(await isFocused(phoneInput)).toBe(true);
    const describedBy = (await phoneInput.getAttribute('aria-describedby')) ?? '';
    expect(await form.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain('Enter a valid 10-digit mobile number');
    expect(await form.getByText('Enter your full name').count()).toBe(0);

    const mobile = newMobile();
    await phoneInput.fill(mobile.typed);
    await form.getByLabel('Email').fill('ananya.gupta@example.in');
    await form.getByLabel('Course of interest').selectOption('Online MBA');
    await form.getByLabel('Level').selectOption('PG');
    await form.getByLabel('Mode').selectOption('online');
    await form.getByRole('checkbox', { name: 'Send me WhatsApp updates about this inquiry' }).check();
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/public/inquiries') && r.method() === 'POST');
    await form.getByRole('button', { name: 'Send inquiry' }).click();
    const request = await sent;

    const thanks = form.getByRole('heading', { name: 'Thank you, Ananya!' });
    await thanks.waitFor();
    expect(await isFocused(thanks)).toBe(true);
    const reference = (await form.locator('.reference').textContent()) ?? '';
    expect(reference).toMatch(/^AD-[0-9A-Z]{8}$/);
    await form
      .getByText(`An advisor will WhatsApp you on +91 ${mobile.digits.slice(0, 5)} ${mobile.digits.slice(5)} within one working day.`)
      .waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'phone', 'website-form-thanks');

    const posted = request.postDataJSON();
    expect(posted).toMatchObject({
      sourceUrl: `${allowedSite.origin}${GUIDE_PATH}`,
      referrer: 'https://www.google.com/',
      utm: { source: 'google', campaign: 'spring-mba' },
      consentNoticeVersion: config.notice.version,
      website: '',
    });
    expect(request.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{32,36}$/);

    const [lead] = await leadsWithPhone(mobile.digits);
    expect(lead).toMatchObject({
      fullName: 'Ananya Gupta',
      source: 'website',
      utmSource: 'google',
      utmCampaign: 'spring-mba',
      landingUrl: `${allowedSite.origin}${GUIDE_PATH}`,
      consentWhatsapp: true,
      consentMarketing: false,
      consentNoticeVersion: config.notice.version,
    });
  });

  it('on a 360 px phone, someone under 18 needs a parent or guardian who agrees; without WhatsApp consent the advisor calls', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(GUIDE_PATH);
    const form = widget(page);
    const mobile = newMobile();
    await fillRequired(form, mobile.typed, 'Rohan Mehta');
    await form.getByRole('radio', { name: 'Yes' }).check();
    const guardian = form.getByRole('group', { name: 'Parent or guardian' });
    await guardian.waitFor();
    await form.getByRole('button', { name: 'Send inquiry' }).click();
    await form.getByText("Enter your parent or guardian's name").waitFor();
    await form.getByText('Your parent or guardian must agree before you can send this form').waitFor();
    expect(await isFocused(guardian.getByLabel("Parent or guardian's name"))).toBe(true);
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'phone', 'website-form-guardian-360');

    await guardian.getByLabel("Parent or guardian's name").fill('Sunita Mehta');
    // The parent's number is in the UAE: chosen in the country select, typed without the code.
    await guardian.getByLabel(/Country code/).selectOption('AE');
    await guardian.getByLabel("Parent or guardian's mobile number", { exact: true }).fill('050 123 4567');
    await guardian.getByRole('checkbox', { name: /I am their parent or guardian/ }).check();
    // Keyboard: Enter in a field sends the form.
    await form.getByLabel('City').press('Enter');

    await form.getByRole('heading', { name: 'Thank you, Rohan!' }).waitFor();
    await form.getByText(/An advisor will call you on \+91 .* within one working day\./).waitFor();
    await form.getByText(/parent or guardian may be called/).waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'phone', 'website-form-thanks-360');

    const [lead] = await leadsWithPhone(mobile.digits);
    expect(lead).toMatchObject({ fullName: 'Rohan Mehta', consentWhatsapp: false, consentMarketing: false });
  });

  it('a dropped connection is retried with the same Idempotency-Key: one lead, one inquiry', async () => {
    await page.goto(GUIDE_PATH);
    const form = widget(page);
    const mobile = newMobile();
    await fillRequired(form, mobile.typed, 'Kiran Rao');
    await form.getByRole('radio', { name: 'No' }).check();

    const keys: string[] = [];
    let posts = 0;
    await context.route('**/api/public/inquiries', async (route) => {
      const request: PwRequest = route.request();
      if (request.method() !== 'POST') return route.fallback();
      keys.push(request.headers()['idempotency-key']);
      posts++;
      if (posts === 1) {
        // The inquiry reaches the API, but the answer is lost on the way back.
        await route.fetch();
        return route.abort('connectionreset');
      }
      if (posts <= 3) return route.abort('internetdisconnected');
      return route.fallback();
    });

    await form.getByRole('button', { name: 'Send inquiry' }).click();
    // Two automatic retries also fail: the person is told, and offered to try again.
    const retry = form.getByRole('button', { name: 'Try again' });
    await retry.waitFor({ timeout: 20_000 });
    await form.getByText(/We couldn't send your inquiry/).waitFor();
    expect(await isFocused(retry)).toBe(true);
    await screenshot(page, 'phone', 'website-form-offline');
    await retry.click();
    await form.getByRole('heading', { name: 'Thank you, Kiran!' }).waitFor();

    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
    const leads = await leadsWithPhone(mobile.digits);
    expect(leads).toHaveLength(1);
    const { body: inquiries } = await api<unknown[]>(`/api/leads/${leads[0].id}/inquiries`);
    expect(inquiries).toHaveLength(1);
  });

  it('too many requests: a friendly "try again in a minute"', async () => {
    await page.goto(GUIDE_PATH);
    const form = widget(page);
    await fillRequired(form, newMobile().typed);
    await form.getByRole('radio', { name: 'No' }).check();
    // The API's 429 is simulated, so the real limiter is not tripped for the other tests.
    await context.route('**/api/public/inquiries', (route) =>
      route.request().method() !== 'POST'
        ? route.fallback()
        : route.fulfill({
            status: 429,
            headers: { 'Retry-After': '60', 'Access-Control-Allow-Origin': allowedSite.origin, 'Access-Control-Expose-Headers': 'Retry-After' },
            contentType: 'application/json',
            body: JSON.stringify({ statusCode: 429, code: 'common.tooManyRequests', message: 'Too many requests' }),
          }),
    );
    await form.getByRole('button', { name: 'Send inquiry' }).click();
    await form.getByRole('alert').filter({ hasText: 'Too many requests — please try again in a minute' }).waitFor();
  });

  it('the field errors the API gives are shown on their fields', async () => {
    await page.goto(GUIDE_PATH);
    const form = widget(page);
    await fillRequired(form, newMobile().typed);
    await form.getByRole('radio', { name: 'No' }).check();
    await context.route('**/api/public/inquiries', (route) =>
      route.request().method() !== 'POST'
        ? route.fallback()
        : route.fulfill({
            status: 400,
            headers: { 'Access-Control-Allow-Origin': allowedSite.origin },
            contentType: 'application/json',
            body: JSON.stringify({
              statusCode: 400,
              code: 'common.validation',
              message: 'Invalid',
              fields: [{ field: 'email', message: 'email must be an email address' }],
            }),
          }),
    );
    await form.getByRole('button', { name: 'Send inquiry' }).click();
    await form.getByText('Email must be an email address').waitFor();
    expect(await isFocused(form.getByLabel('Email'))).toBe(true);
  });

  it('the hosted page /inquiry shows the same form (for the iframe snippet)', async () => {
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${server.baseUrl}/inquiry?utm_source=newsletter`);
    const form = widget(page);
    await form.getByRole('heading', { level: 1, name: 'Quick Inquiry' }).waitFor();
    await form.getByLabel('Full name').waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    expect(errors).toEqual([]);
    await screenshot(page, 'phone', 'website-form-hosted');
  });
});

describe('the Quick Inquiry in Hindi, on a 390 px phone', () => {
  it('a person picks हिन्दी: the labels and the whole notice are in Hindi, and the lead records that the consent was given in Hindi', async () => {
    const context = await newContext(browser, 'phone', allowedSite.origin);
    try {
      const page = await context.newPage();
      await page.goto(GUIDE_PATH);
      const form = widget(page);
      await form.getByRole('heading', { name: 'Quick Inquiry' }).waitFor();
      // What was typed before switching stays.
      await form.getByLabel('Full name').fill('Ananya Gupta');
      const picker = form.getByLabel('Language');
      expect(await picker.locator('option').allTextContents()).toEqual(['English', 'हिन्दी']);
      await picker.selectOption('hi');

      await form.getByRole('heading', { name: 'त्वरित पूछताछ' }).waitFor();
      expect(await form.getByLabel('पूरा नाम').inputValue()).toBe('Ananya Gupta');
      await form.getByText('हम कौन-सी व्यक्तिगत जानकारी लेते हैं').first().waitFor({ state: 'attached' });
      const more = form.getByText('सूचना पढ़ें: कौन-सी जानकारी, क्यों, आपके अधिकार और किससे संपर्क करें');
      await more.click();
      await form.getByText('आपका शहर', { exact: true }).waitFor();
      await form.getByText(/भारतीय डेटा संरक्षण बोर्ड/).waitFor();
      await form.getByRole('heading', { name: 'किससे संपर्क करें' }).waitFor();
      await form.getByRole('link', { name: 'privacy@advisordesk.example' }).waitFor();
      expect(await fitsTheScreen(page)).toBe(true);
      await screenshot(page, 'phone', 'website-form-hindi');

      // Errors in Hindi too.
      await form.getByRole('button', { name: 'पूछताछ भेजें' }).click();
      await form.getByText('अपना WhatsApp नंबर लिखें').waitFor();
      await form.getByText('कृपया बताएँ: क्या आपकी आयु 18 वर्ष से कम है?').waitFor();
      await screenshot(page, 'phone', 'website-form-hindi-errors');

      const mobile = newMobile();
      await form.getByLabel('WhatsApp नंबर', { exact: true }).fill(mobile.typed);
      await form.getByLabel('शहर').fill('वाराणसी');
      await form.getByRole('radio', { name: 'नहीं' }).check();
      await form.getByRole('checkbox', { name: 'इस पूछताछ के बारे में मुझे WhatsApp पर अपडेट भेजें' }).check();
      const sent = page.waitForRequest((r) => r.url().endsWith('/api/public/inquiries') && r.method() === 'POST');
      await form.getByRole('button', { name: 'पूछताछ भेजें' }).click();
      const request = await sent;
      await form.getByRole('heading', { name: 'धन्यवाद, Ananya!' }).waitFor();
      expect(await fitsTheScreen(page)).toBe(true);
      await screenshot(page, 'phone', 'website-form-hindi-thanks');

      expect(request.postDataJSON().consent).toEqual({ whatsapp: true, marketing: false, language: 'hi' });
      const [lead] = await leadsWithPhone(mobile.digits);
      expect(lead).toMatchObject({ fullName: 'Ananya Gupta', city: 'वाराणसी', consentWhatsapp: true, consentLanguage: 'hi' });
    } finally {
      await context.close();
    }
  });
});

describe('a phone set to Hindi', () => {
  it('opens the form in Hindi at once; English is one pick away', async () => {
    const context = await browser.newContext({ locale: 'hi-IN', viewport: { width: 390, height: 844 }, isMobile: true, baseURL: allowedSite.origin });
    try {
      const page = await context.newPage();
      await page.goto(GUIDE_PATH);
      const form = widget(page);
      await form.getByRole('heading', { name: 'त्वरित पूछताछ' }).waitFor();
      const picker = form.getByLabel('भाषा');
      expect(await picker.inputValue()).toBe('hi');
      await picker.selectOption('en');
      await form.getByRole('heading', { name: 'Quick Inquiry' }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe.each<Viewport>(['laptop', 'phone'])('the consent notice on the settings screen, on a %s', (viewport) => {
  it('an admin sees what the notice lacks, fills the contact person, and saving makes a new version', async () => {
    const context = await newContext(browser, viewport, server.baseUrl);
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await signIn(page, admin.email, admin.password);
      await page.goto('/settings/website-form');
      const before = (await api<WebsiteFormSettings>('/api/settings/website-form')).body.notice;
      const name = page.getByLabel("Contact person's name");
      await waitForValue(name, before.contact?.name ?? '');

      // Emptied, the contact is listed as missing.
      await name.fill('');
      await page.getByLabel("Contact person's email").fill('');
      const missing = page.getByTestId('notice-missing');
      await missing.getByText("Missing: contact person's name; contact person's email.").waitFor();

      // A language added from the Eighth Schedule is a tab whose parts are missing until written.
      await searchAndChoose(page, page, 'Language to add', 'Tamil');
      await page.getByRole('button', { name: 'Add language' }).click();
      await page.getByRole('tab', { name: /தமிழ் \(Tamil\)/ }).waitFor();
      await missing.getByText(/opening text \(Tamil\)/).waitFor();
      await page.getByRole('tab', { name: /हिन्दी \(Hindi\)/ }).waitFor();
      await noticeShot(page, viewport, 'website-form-notice-missing');
      expect(await fitsTheScreen(page)).toBe(true);
      await page.getByRole('button', { name: 'Remove Tamil' }).click();
      await page.getByRole('tab', { name: /Tamil/ }).waitFor({ state: 'detached' });

      await name.fill(`Kavita Rao, Grievance Officer (${viewport})`);
      await page.getByLabel("Contact person's email").fill('grievance@example.in');
      await page.getByLabel("Contact person's phone").fill('+91 80 4000 1234');
      expect(await missing.count()).toBe(0);
      await page.getByTestId('notice-version-warning').waitFor();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Website form saved').first().waitFor();
      await page
        .getByText(`Version ${before.version + 1}`, { exact: true })
        .first()
        .waitFor();
      await noticeShot(page, viewport, 'website-form-notice');

      const after = (await api<WebsiteFormSettings>('/api/settings/website-form')).body.notice;
      expect(after).toMatchObject({
        version: before.version + 1,
        contact: { name: `Kavita Rao, Grievance Officer (${viewport})`, email: 'grievance@example.in', phone: '+91 80 4000 1234' },
        translations: { hi: before.translations.hi },
      });
      const { body: config } = await api<{ notice: { contact: unknown; language: string } }>('/api/public/form-config?lang=hi');
      expect(config.notice).toMatchObject({ language: 'hi', contact: after.contact });
    } finally {
      await context.close();
    }
  });
});

/** The consent notice's card alone (the settings page is long): `/tmp/adk-shots/<name>-<viewport>.png`. */
async function noticeShot(page: Page, viewport: Viewport, name: string) {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page
    .locator('.ant-card')
    .filter({ has: page.getByText('Consent notice', { exact: true }) })
    .screenshot({
      path: join(SHOTS_DIR, `${name}-${viewport}.png`),
      // The sticky header would float over the card.
      style: '.ant-notification { display: none !important; } .ant-layout-header, header { visibility: hidden !important; }',
    });
}

describe('the widget on a website that is not allowed', () => {
  it('says the form cannot be used there, and the API refuses what that page sends', async () => {
    const context = await newContext(browser, 'phone', unlistedSite.origin);
    try {
      const page = await context.newPage();
      await page.goto(GUIDE_PATH);
      const form = widget(page);
      const alert = form.getByRole('alert');
      await alert.filter({ hasText: 'The inquiry form could not be loaded' }).waitFor();
      expect(await alert.textContent()).toContain(`This website (${unlistedSite.origin}) is not allowed to send inquiries to AdvisorDesk`);
      expect(await form.getByLabel('Full name').count()).toBe(0);
      await screenshot(page, 'phone', 'website-form-refused');

      // Even a hand-made request from that page is refused by the browser, for the API does not allow the origin.
      const mobile = newMobile();
      const outcome = await page.evaluate(
        `fetch(${JSON.stringify(`${server.baseUrl}/api/public/inquiries`)}, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'refused-1' },
          body: JSON.stringify({ fullName: 'Test Person', phone: ${JSON.stringify(mobile.digits)}, city: 'Pune', consent: { whatsapp: true, marketing: false } }),
        }).then((r) => 'answered ' + r.status, (e) => 'refused: ' + e.message)`,
      );
      expect(outcome).toMatch(/^refused/);
      expect(await leadsWithPhone(mobile.digits)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
