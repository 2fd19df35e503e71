import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LeadDetailView, LeadView, TaskView, UserView } from '@advisordesk/shared';
import { apiOf, login } from './support/api';
import { chooseOption } from './support/antd';
import { fitsTheScreen, launchBrowser, newContext, openFromMenu, screenshot as saveScreenshot, signIn, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { eventually } from './support/wait';

/** Issue #20 "Daily use": whose lead a phone is (and asking for it), handing work over when someone leaves, consent taken in person. */

let server: RunningServer;
let browser: Browser;
let priyaToken: string;
let adminToken: string;
let rahul: UserView;

const api = apiOf(() => server.baseUrl);
const RAHUL = { email: 'rahul@advisordesk.local', password: 'Advisor@12345' };

/** Indian mobile numbers outside the demo data's range (which all start 9…), unique per viewport. */
let phoneCounter = 0;
function freshPhone(viewport: Viewport): string {
  phoneCounter += 1;
  return `71${viewport === 'phone' ? 1 : 0}${String(phoneCounter * 7919).padStart(7, '0')}`;
}

async function createLead(token: string, fullName: string, phone: string): Promise<LeadView> {
  const { status, data } = await api.request<LeadView>(token, 'POST', '/leads', { fullName, phone, source: 'walk_in' });
  if (status !== 201) throw new Error(`creating ${fullName} answered ${status}: ${JSON.stringify(data)}`);
  return data;
}

/** A screenshot once passing messages have gone, so they do not cover the page. */
async function screenshot(page: Page, viewport: Viewport, name: string) {
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await saveScreenshot(page, viewport, `daily-ownership-${name}`);
}

/** True when the dialog's box lies within the screen's width (nothing of it cut off at the sides). */
async function dialogFits(page: Page): Promise<boolean> {
  const box = await page.locator('.ant-modal-content').last().boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return Boolean(box && box.x >= 0 && box.x + box.width <= width + 1);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  priyaToken = await api.token('advisor');
  adminToken = await api.token('admin');
  rahul = (await api.signIn(RAHUL.email, RAHUL.password)).user;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each<Viewport>(['laptop', 'phone'])('Who owns a lead, on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  async function openAs(email: string, password: string) {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
    // Generous: the browser, the API and its database share a small, busy machine.
    page.setDefaultTimeout(60_000);
    await signIn(page, email, password);
  }

  afterEach(async () => {
    await context?.close();
  });

  it('a walk-in whose phone is Priya’s lead: Rahul asks for it from the form, Priya approves on her home page, and it is Rahul’s', async () => {
    const phone = freshPhone(viewport);
    const lead = await createLead(priyaToken, `Kunal Bhatia ${viewport}`, phone);

    await openAs(RAHUL.email, RAHUL.password);
    await openFromMenu(page, viewport, 'Leads');
    await page.getByRole('button', { name: 'New lead' }).click();
    const dialog = page.getByRole('dialog', { name: 'New lead' });
    await dialog.getByLabel('Full name').fill('Kunal B');
    await dialog.getByLabel('Mobile number').fill(`${phone.slice(0, 5)} ${phone.slice(5)}`);
    await dialog.getByRole('button', { name: 'Add lead' }).click();
    const taken = dialog.getByTestId('phone-taken');
    await taken.getByText('Already a lead of Priya Sharma').waitFor();
    // Rahul may not open it: no "Open lead", a request instead.
    expect(await taken.getByRole('button', { name: 'Open lead' }).count()).toBe(0);
    await taken.getByLabel('Note for the transfer request (optional)').fill('He walked in and asked for me');
    await screenshot(page, viewport, 'phone-taken');
    expect(await dialogFits(page)).toBe(true);
    await taken.getByRole('button', { name: 'Ask Priya to transfer it' }).click();
    await taken.getByText('Asked Priya to transfer it to you').waitFor();
    expect(await taken.textContent()).toContain('Priya Sharma and the managers see your request');
    await screenshot(page, viewport, 'transfer-asked');
    expect(await fitsTheScreen(page)).toBe(true);
    await context.close();

    // Priya sees the request on her home page, with Rahul's note, and approves it.
    const advisor = login('advisor');
    await openAs(advisor.email, advisor.password);
    const card = page.getByTestId('transfer-requests');
    const request = card.getByTestId('transfer-request').filter({ hasText: `Kunal Bhatia ${viewport}` });
    await request.waitFor();
    expect(await request.textContent()).toContain('Rahul Verma asks for');
    expect(await request.textContent()).toContain('He walked in and asked for me');
    await screenshot(page, viewport, 'home-request');
    expect(await fitsTheScreen(page)).toBe(true);
    await request.getByRole('button', { name: 'Approve Rahul Verma’s request' }).click();
    await eventually(async () => (await api.get<LeadView>(adminToken, `/leads/${lead.id}`)).advisorId === rahul.id, 'the lead to be Rahul’s');
    await request.waitFor({ state: 'detached' });
  });

  it('the admin deactivates an advisor who has open work: the dialog says how much, hands it over, and says what moved', async () => {
    const name = `Dev Kapoor ${viewport}`;
    const email = `dev.${viewport}@advisordesk.local`;
    const created = await api.request<UserView>(adminToken, 'POST', '/users', { name, email, role: 'advisor', password: 'Leaving@12345' });
    expect(created.status).toBe(201);
    const devToken = (await api.signIn(email, 'Leaving@12345')).accessToken;
    const leads = [
      await createLead(devToken, `Ira Sen ${viewport}`, freshPhone(viewport)),
      await createLead(devToken, `Om Prakash ${viewport}`, freshPhone(viewport)),
    ];
    const task = await api.request<TaskView>(devToken, 'POST', '/tasks', {
      leadId: leads[0].id,
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      title: 'Call back about fees',
    });
    expect(task.status).toBe(201);

    const admin = login('admin');
    await openAs(admin.email, admin.password);
    await openFromMenu(page, viewport, 'Users');
    await page.getByLabel('Search users').fill('Dev Kapoor');
    await page.getByRole('button', { name: `Deactivate ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Deactivate ${name}?` });
    await dialog.getByTestId('deactivate-workload').getByText('Dev has 2 open leads and 1 open follow-up').waitFor();
    if (viewport === 'laptop') {
      await chooseOption(page, dialog, 'Advisor who takes them over', 'Rahul Verma');
    } else {
      await dialog.getByRole('radio', { name: /Spread them by the assignment rule/ }).check();
    }
    await screenshot(page, viewport, 'deactivate-dialog');
    expect(await dialogFits(page)).toBe(true);
    await dialog.getByRole('button', { name: 'Hand over and deactivate' }).click();
    const notice = page.locator('.ant-notification-notice').filter({ hasText: `${name} is deactivated` });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      viewport === 'laptop' ? '2 leads and 1 follow-up moved to Rahul Verma' : '2 leads and 1 follow-up spread by the assignment rule',
    );
    await page.locator('tr').filter({ hasText: name }).filter({ hasText: 'Deactivated' }).waitFor();

    const owners = await Promise.all(leads.map(async (l) => (await api.get<LeadView>(adminToken, `/leads/${l.id}`)).advisorId));
    for (const owner of owners) expect(owner).not.toBeNull();
    expect(owners).not.toContain(created.data.id);
    if (viewport === 'laptop') expect(owners).toEqual([rahul.id, rahul.id]);
    const tasks = await api.get<TaskView[]>(adminToken, `/tasks?leadId=${leads[0].id}&done=false`);
    expect(tasks.map((t) => t.ownerId)).toEqual([owners[0]]);
    expect((await api.signIn(email, 'Leaving@12345').catch((error: Error) => error)) instanceof Error).toBe(true);
  });

  it('a walk-in agrees to WhatsApp at the desk: ticked on the new-lead form, and recorded later on the lead’s consent card', async () => {
    const advisor = login('advisor');
    await openAs(advisor.email, advisor.password);
    await openFromMenu(page, viewport, 'Leads');
    await page.getByRole('button', { name: 'New lead' }).click();
    const dialog = page.getByRole('dialog', { name: 'New lead' });
    await dialog.getByLabel('Full name').fill(`Zoya Khan ${viewport}`);
    await dialog.getByLabel('Mobile number').fill(freshPhone(viewport));
    const whatsapp = dialog.getByRole('checkbox', { name: 'Agrees to WhatsApp messages' });
    const marketing = dialog.getByRole('checkbox', { name: 'Agrees to marketing messages' });
    // Never ticked for the person.
    expect([await whatsapp.isChecked(), await marketing.isChecked()]).toEqual([false, false]);
    await whatsapp.check();
    await dialog.getByText('How they gave it').waitFor();
    await screenshot(page, viewport, 'new-lead-consent');
    expect(await dialogFits(page)).toBe(true);
    await dialog.getByRole('button', { name: 'Add lead' }).click();
    await page.getByTestId('lead-page').waitFor();
    const consent = page.getByTestId('lead-consent');
    await consent.locator('[data-consent="yes"]').filter({ hasText: 'WhatsApp' }).waitFor();
    expect(await consent.getByTestId('consent-recorded-by').textContent()).toMatch(/^Priya Sharma, in person, /);
    const leadId = new URL(page.url()).pathname.split('/').pop() ?? '';

    // Later, by phone, they agree to marketing messages too.
    await consent.getByRole('button', { name: 'Record consent' }).click();
    const record = page.getByRole('dialog', { name: 'Record consent' });
    await record.getByRole('checkbox', { name: 'Agrees to marketing messages' }).check();
    await chooseOption(page, record, 'How they told you', 'By phone');
    await record.getByLabel('Note').fill('Said yes to offers on the follow-up call');
    await screenshot(page, viewport, 'record-consent');
    expect(await dialogFits(page)).toBe(true);
    await record.getByRole('button', { name: 'Record' }).click();
    await consent.locator('[data-consent="yes"]').filter({ hasText: 'marketing' }).waitFor();
    await consent
      .getByTestId('consent-recorded-by')
      .filter({ hasText: /^Priya Sharma, by phone, / })
      .waitFor();
    expect(await consent.textContent()).toContain('Said yes to offers on the follow-up call');
    await page.getByText('Priya recorded that the person agreed to marketing messages (by phone)').waitFor();
    await screenshot(page, viewport, 'consent-card');
    expect(await fitsTheScreen(page)).toBe(true);

    const lead = await api.get<LeadDetailView>(priyaToken, `/leads/${leadId}`);
    expect(lead).toMatchObject({
      consentWhatsapp: true,
      consentMarketing: true,
      consentRecord: { via: 'staff', channel: 'phone', recordedByName: 'Priya Sharma' },
    });
  });
});
