import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { formatInr, type ApplicationView, type ChecklistView, type LeadView, type ProgramView } from '@advisordesk/shared';
import { filtersByOperator } from './support/address';
import { chooseOption } from './support/antd';
import { apiOf, login } from './support/api';
import { fitsTheScreen, launchBrowser, newContext, openFromMenu, screenshot, SHOTS_DIR, signIn, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { eventually } from './support/wait';

let server: RunningServer;
let browser: Browser;
const api = apiOf(() => server.baseUrl);

/** The smallest file each kind is recognised by: a PDF's `%PDF-` header, and a real 1×1 PNG. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let phoneSerial = 0;

/** A new lead of the advisor's with one program on the shortlist: a program with a fee in the catalogue. */
async function leadWithShortlistedProgram(token: string, name: string): Promise<{ lead: LeadView; program: ProgramView }> {
  phoneSerial += 1;
  const digits = `72${phoneSerial}${String(Date.now() % 10_000_000).padStart(7, '0')}`.slice(0, 10);
  const { status, data: lead } = await api.request<LeadView>(token, 'POST', '/leads', { fullName: name, phone: digits, source: 'walk_in' });
  if (status !== 201) throw new Error(`creating the lead answered ${status}: ${JSON.stringify(lead)}`);
  const programs = await api.get<ProgramView[]>(token, '/programs?active=true&_start=0&_end=50');
  const program = programs.find((p) => p.currentFee !== null);
  if (!program) throw new Error('no program with a fee in the demo catalogue');
  const added = await api.request(token, 'POST', `/leads/${lead.id}/shortlist`, { programId: program.id });
  if (added.status !== 201) throw new Error(`shortlisting answered ${added.status}: ${JSON.stringify(added.data)}`);
  return { lead, program };
}

/** One document row of an application card, by its label. */
const documentRow = (scope: Locator, label: string | RegExp) =>
  scope.getByTestId('document').filter({ has: scope.page().getByText(label, { exact: typeof label === 'string' }) });

/** The sticky header would cover the top of an element saved on its own. */
const STATIC_HEADER = 'header, .ant-layout-header { position: static !important; } .ant-message { display: none !important; }';

/** A part of the page (the applications panel, the home page's section) saved on its own: it sits below the fold. */
async function partShot(part: Locator, viewport: Viewport, name: string) {
  await part.scrollIntoViewIfNeeded();
  await part.screenshot({ path: join(SHOTS_DIR, `${name}-${viewport}.png`), style: STATIC_HEADER });
}

/** Waits until a table has no loading veil (a screenshot taken under it looks faded). */
async function settled(table: Locator) {
  await eventually(async () => (await table.locator('.ant-spin-blur').count()) === 0, 'the table to finish loading');
}

async function uploadInto(row: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
  await row.locator('input[type="file"]').setInputFiles(file);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each<Viewport>(['laptop', 'phone'])('applications on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it('an advisor starts an application from the shortlist, uploads a PDF, records a payment against the fee and submits it (the lead follows); a manager verifies the PDF', async () => {
    const token = await api.token('advisor');
    const { lead, program } = await leadWithShortlistedProgram(token, viewport === 'phone' ? 'Kavya Nair' : 'Arjun Rao');
    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);
    await page.goto(`/leads/${lead.id}`);

    // No application yet: one click on the shortlisted program starts one, its session prefilled from the current fee.
    const panel = page.getByTestId('applications-panel');
    await panel.getByText('No applications yet').waitFor();
    await panel.getByTestId('start-application').click();
    const dialog = page.getByRole('dialog', { name: 'Start an application' });
    const shortlisted = dialog.getByTestId('start-application-program').filter({ hasText: program.name });
    expect(await shortlisted.getByLabel(`Session for ${program.name}`).inputValue()).toBe(program.currentFee?.session);
    await shortlisted.getByRole('button', { name: `Start application to ${program.name}` }).click();
    await shortlisted.getByRole('button', { name: `Applied to ${program.name}` }).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    const card = panel.getByTestId('application-card').filter({ hasText: program.name });
    await card.getByTestId('application-status').filter({ hasText: 'Planned' }).waitFor();
    await card
      .getByTestId('documents-count')
      .filter({ hasText: /0 of \d+ received/ })
      .waitFor();

    // A PDF dropped on the first document: it waits for review, with its name.
    const first = card.getByTestId('document').first();
    const label = (await first.getAttribute('data-label')) ?? '';
    await uploadInto(first, { name: 'mark-sheet.pdf', mimeType: 'application/pdf', buffer: PDF });
    const uploaded = documentRow(card, label);
    await uploaded.and(page.locator('[data-status="uploaded"]')).waitFor();
    await uploaded.getByTestId('document-file').filter({ hasText: 'mark-sheet.pdf' }).waitFor();
    await card
      .getByTestId('documents-count')
      .filter({ hasText: /1 of \d+ received/ })
      .waitFor();

    // A text file named like a PDF is refused by its bytes: the server's words show, and the document stays missing.
    const second = card.getByTestId('document').nth(1);
    await uploadInto(second, { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some text, not a PDF at all') });
    await page.locator('.ant-message-error').first().waitFor();
    expect(await second.getAttribute('data-status')).toBe('missing');

    // A payment of ₹45,000 against the program's fee.
    // The card may render again as the upload's refresh lands (the panel closed, the form gone): open both until the form stays.
    const form = card.getByTestId('payment-form');
    const header = card.locator('.ant-collapse-header').filter({ hasText: /^Payments ·/ });
    await eventually(async () => {
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      const record = card.getByRole('button', { name: 'Record a payment' });
      if (await record.isVisible()) await record.click();
      return form.isVisible();
    }, 'the payment form to open');
    await form.getByLabel('Amount in rupees').fill('15,000');
    await form.getByLabel('Reference').fill(`UTR${Date.now()}`);
    await form.getByRole('button', { name: 'Save payment' }).click();
    const paid = `${formatInr(15_000_00)} of ${formatInr(program.currentFee?.totalPaise)} paid`;
    await card.getByTestId('application-paid').filter({ hasText: paid }).waitFor();
    await card.getByTestId('payment').first().waitFor();

    // Submitted: the menu offers only the advisor's moves, and the lead follows its application to Applied.
    await card.getByTestId('application-status-menu').click();
    const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');
    await menu.getByText('Move to Submitted').click();
    await card.getByTestId('application-status').filter({ hasText: 'Submitted' }).waitFor();
    await page.getByTestId('lead-status').filter({ hasText: 'Applied' }).waitFor();
    await menu.waitFor({ state: 'hidden' });
    await card.getByTestId('application-status-menu').click();
    await menu.getByText('Move to Offer received').waitFor();
    // Moving back is for managers.
    expect(await menu.getByText(/Move to (Planned|Collecting documents)/).count()).toBe(0);
    await page.keyboard.press('Escape');

    // The timeline says it in words.
    await page.getByTestId('lead-timeline').getByText(`started an application to ${program.name}`, { exact: false }).first().waitFor();
    await page.getByTestId('lead-timeline').getByText('from Planned to Submitted', { exact: false }).first().waitFor();

    await screenshot(page, viewport, 'review-advisor-lead-applications');
    await partShot(panel, viewport, 'review-advisor-lead-applications-panel');
    expect(await fitsTheScreen(page)).toBe(true);

    // A manager opens the same lead and verifies the PDF.
    const managerContext = await newContext(browser, viewport, server.baseUrl);
    try {
      const managerPage = await managerContext.newPage();
      const manager = login('manager');
      await signIn(managerPage, manager.email, manager.password);
      await managerPage.goto(`/leads/${lead.id}`);
      const managerCard = managerPage.getByTestId('application-card').filter({ hasText: program.name });
      const toReview = documentRow(managerCard, label);
      await toReview.getByTestId('document-status').filter({ hasText: 'To review' }).waitFor();
      await toReview.getByRole('button', { name: `Verify ${label}` }).click();
      await toReview.and(managerPage.locator('[data-status="verified"]')).waitFor();
      // A manager may move it back.
      await managerCard.getByTestId('application-status-menu').click();
      await managerPage.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByText('Move to Collecting documents').waitFor();
      await managerPage.keyboard.press('Escape');
      await screenshot(managerPage, viewport, 'review-manager-lead-applications');
      await partShot(managerPage.getByTestId('applications-panel'), viewport, 'review-manager-lead-applications-panel');
      expect(await fitsTheScreen(managerPage)).toBe(true);
    } finally {
      await managerContext.close();
    }
    const [application] = await api.get<ApplicationView[]>(token, `/applications?leadId=${lead.id}`);
    expect(application.paidPaise).toBe(15_000_00);
  });

  it('the applications list keeps its filters in the address through a reload, and the home page counts deadlines and documents to review', async () => {
    const token = await api.token('advisor');
    const { lead, program } = await leadWithShortlistedProgram(token, viewport === 'phone' ? 'Meera Iyer' : 'Rahul Gupta');
    // Its deadline is in two days (in India).
    const deadline = new Date(Date.now() + (330 + 2 * 1440) * 60_000).toISOString().slice(0, 10);
    const created = await api.request<ApplicationView>(token, 'POST', `/leads/${lead.id}/applications`, { programId: program.id, deadline });
    expect(created.status).toBe(201);

    // The home page counts this week's deadlines (the most urgent listed, in red from three days) and documents to review.
    const advisor = login('advisor');
    await signIn(page, advisor.email, advisor.password);
    const deadlines = page.getByTestId('home-deadlines');
    await deadlines.locator('.ant-list-item').first().waitFor();
    expect(Number(await deadlines.getByTestId('home-deadlines-count').textContent())).toBeGreaterThan(0);
    await page.getByTestId('home-to-review').waitFor();
    await screenshot(page, viewport, 'review-advisor-home');
    await partShot(page.getByTestId('applications-home'), viewport, 'review-advisor-home-applications');
    expect(await fitsTheScreen(page)).toBe(true);

    // "All" opens the list filtered to this week's deadlines.
    await deadlines.getByRole('button', { name: /^All/ }).click();
    await page.waitForURL((url) => filtersByOperator(url.toString()).deadline_gte !== undefined);
    const filters = filtersByOperator(page.url());
    expect(filters.deadline_lte?.[0] >= deadline && filters.deadline_gte?.[0] <= deadline).toBe(true);
    // Searching the lead's name narrows it to the new application, two days away, in red.
    const search = page.getByLabel('Search applications');
    await search.fill(lead.fullName);
    await search.press('Enter');
    const due = page.getByTestId('applications-table').locator('tbody tr.ant-table-row').filter({ hasText: lead.fullName });
    await due.getByText('2 days left').waitFor();
    expect(await due.locator('[data-urgent="true"]').count()).toBe(1);

    await page.goto('/');
    await openFromMenu(page, viewport, 'Applications');
    await page.waitForURL(/\/applications/);
    const table = page.getByTestId('applications-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();

    await chooseOption(page, page, 'Filter by status', 'Planned');
    await page.keyboard.press('Escape');
    await page.getByLabel('Search applications').fill(lead.fullName);
    await page.getByLabel('Search applications').press('Enter');
    await page.waitForURL((url) => (filtersByOperator(url.toString()).status_in ?? []).includes('planned'));
    const row = table.locator('tbody tr.ant-table-row').filter({ hasText: lead.fullName });
    await row.waitFor();
    await page.reload();
    await row.waitFor();
    expect(filtersByOperator(page.url()).status_in).toEqual(['planned']);
    const statuses = await table.locator('tbody tr.ant-table-row [data-testid="application-status"]').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['Planned']));
    await settled(table);
    await screenshot(page, viewport, 'review-advisor-applications-list');
    expect(await fitsTheScreen(page)).toBe(true);

    // A plain link (as the report and the home page write them) opens the list with that filter kept in the address.
    await page.goto(`/applications?universityId=${program.universityId}`);
    await page.waitForURL((url) => filtersByOperator(url.toString()).universityId_eq?.[0] === program.universityId);
    await row.waitFor();
  });

  it('a manager reads applications by university on the reports page, opens one university’s applications and exports them as CSV', async () => {
    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
    await page.goto('/reports');
    const card = page.getByTestId('applications-report');
    const table = card.getByTestId('applications-report-university');
    const first = table.locator('tbody tr.ant-table-row').first();
    await first.waitFor();
    await card.getByRole('img', { name: /Bar chart of applications/ }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await partShot(card, viewport, 'review-manager-report-applications');
    expect(await fitsTheScreen(page)).toBe(true);

    // A university's name opens its applications, the filter in the address.
    const university = (await first.locator('td').first().innerText()).trim();
    await first.getByRole('button', { name: university }).click();
    await page.waitForURL((url) => url.pathname === '/applications' && filtersByOperator(url.toString()).universityId_eq !== undefined);
    const rows = page.getByTestId('applications-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await settled(page.getByTestId('applications-table'));
    for (const text of await rows.allInnerTexts()) expect(text).toContain(university);
    await screenshot(page, viewport, 'review-manager-applications-list');
    expect(await fitsTheScreen(page)).toBe(true);

    // Export CSV: the file of what the list shows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-applications').click()]);
    expect(download.suggestedFilename()).toMatch(/^advisordesk-applications-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.length).toBe(Number(await page.getByTestId('applications-table').getAttribute('data-total')) + 1);
    expect(lines.slice(1).every((line) => line.includes(university))).toBe(true);
  });

  it('a manager gives a program its own checklist and resets it to the default, which Settings shows', async () => {
    const token = await api.token('manager');
    // A program that still uses the default checklist (a different one per screen size).
    const programs = await api.get<ProgramView[]>(token, '/programs?active=true&_start=0&_end=40');
    const usesDefault: ProgramView[] = [];
    for (const candidate of programs) {
      if (!(await api.get<ChecklistView>(token, `/programs/${candidate.id}/checklist`)).custom) usesDefault.push(candidate);
      if (usesDefault.length === 2) break;
    }
    const program = usesDefault[viewport === 'phone' ? 1 : 0];
    const manager = login('manager');
    await signIn(page, manager.email, manager.password);
    await page.goto(`/programs/show/${program.id}`);
    const section = page.getByTestId('program-checklist');
    await section.getByText('The default checklist').waitFor();
    const rows = section.getByTestId('checklist-row');
    const before = await rows.count();

    // One more document, required: the program now has its own checklist.
    await section.getByRole('button', { name: 'Add a document' }).click();
    await section.getByLabel(`Label of item ${before + 1}`).fill('Entrance test score card');
    await section.getByRole('button', { name: 'Save checklist' }).click();
    await section.getByText('Its own checklist').waitFor();
    const own = await api.get<ChecklistView>(token, `/programs/${program.id}/checklist`);
    expect(own.custom).toBe(true);
    expect(own.items.at(-1)).toEqual({ kind: 'other', label: 'Entrance test score card', required: true });
    await partShot(section, viewport, 'review-manager-program-checklist');
    expect(await fitsTheScreen(page)).toBe(true);

    // Back to the default.
    await section.getByRole('button', { name: 'Reset to the default' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Reset' }).click();
    await section.getByText('The default checklist').waitFor();
    expect((await api.get<ChecklistView>(token, `/programs/${program.id}/checklist`)).custom).toBe(false);
    expect(await rows.count()).toBe(before);

    // The default checklist is a section of Settings.
    await page.goto('/settings');
    const settings = page.getByTestId('default-checklist');
    await settings
      .getByTestId('checklist-row')
      .nth(before - 1)
      .waitFor();
    expect(await settings.getByTestId('checklist-row').count()).toBe(before);
    await partShot(settings, viewport, 'review-manager-settings-checklist');
    expect(await fitsTheScreen(page)).toBe(true);
  });
});

describe('the student’s upload link on a phone', () => {
  it('the student sends a photo and a PDF from their phone; the advisor sees them to review and verifies one', async () => {
    const token = await api.token('advisor');
    const { lead, program } = await leadWithShortlistedProgram(token, 'Sneha Kulkarni');
    const created = await api.request<ApplicationView>(token, 'POST', `/leads/${lead.id}/applications`, { programId: program.id });
    expect(created.status).toBe(201);

    // The advisor makes the link in the panel.
    const advisorContext = await newContext(browser, 'laptop', server.baseUrl);
    const studentContext = await newContext(browser, 'phone', server.baseUrl);
    try {
      const page = await advisorContext.newPage();
      const advisor = login('advisor');
      await signIn(page, advisor.email, advisor.password);
      await page.goto(`/leads/${lead.id}`);
      const card = page.getByTestId('application-card').filter({ hasText: program.name });
      await card.getByTestId('create-upload-link').click();
      const url = await card.getByLabel('Student upload link').inputValue();
      expect(new URL(url).pathname).toMatch(/^\/u\/[\w-]+$/);
      await card.getByTestId('upload-link-expiry').waitFor();
      await partShot(card, 'laptop', 'review-advisor-upload-link');

      // The student, signed in nowhere, opens it on a phone and sends a photo and a PDF.
      const student = await studentContext.newPage();
      await student.goto(new URL(url).pathname);
      await student.getByText(lead.fullName.split(' ')[0]).first().waitFor();
      const studentDocument = (label: string) => student.locator('li.doc').filter({ hasText: label });
      await studentDocument('Passport-size photo').locator('input[type="file"]').first().waitFor({ state: 'attached' });
      await screenshot(student, 'phone', 'review-student-upload');
      expect(await fitsTheScreen(student)).toBe(true);
      // "Take a photo" for the photo, "Choose a file" for the ID proof: each uploads at once and the page says it arrived.
      await studentDocument('Passport-size photo').locator('input[capture]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
      await studentDocument('Passport-size photo').locator('.state.uploaded').waitFor();
      await studentDocument('ID proof')
        .locator('input[type="file"]:not([capture])')
        .setInputFiles({ name: 'id-proof.pdf', mimeType: 'application/pdf', buffer: PDF });
      await studentDocument('ID proof').locator('.state.uploaded').waitFor();
      expect((await api.get<ApplicationView[]>(token, `/applications?leadId=${lead.id}`))[0].documentsToReview).toBe(2);
      await screenshot(student, 'phone', 'review-student-upload-done');

      // The advisor sees both to review, sent by the student, and verifies one.
      await page.reload();
      const toReview = card.locator('[data-testid="document"][data-status="uploaded"]');
      await eventually(async () => (await toReview.count()) === 2, 'two documents to review');
      expect(await toReview.first().getByTestId('document-file').textContent()).toContain('sent by the student');
      const label = (await toReview.first().getAttribute('data-label')) ?? '';
      await toReview
        .first()
        .getByRole('button', { name: `Verify ${label}` })
        .click();
      await documentRow(card, label).and(page.locator('[data-status="verified"]')).waitFor();
      await eventually(async () => (await toReview.count()) === 1, 'one document left to review');
      await partShot(card, 'laptop', 'review-advisor-student-documents');
      await page.getByTestId('lead-timeline').getByText('through the upload link', { exact: false }).first().waitFor();
    } finally {
      await studentContext.close();
      await advisorContext.close();
    }
  });
});
