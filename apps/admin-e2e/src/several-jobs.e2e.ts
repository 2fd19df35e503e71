import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Client } from 'pg';
import { login } from './support/api';
import { fitsTheScreen, launchBrowser, newContext, openFromMenu, screenshot, signIn, type Viewport } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;

const QUEUE = 'search-index.merge';

/** A merge that failed for good, as pg-boss records one (no screen can make a job fail). */
async function failedJob(viewport: Viewport): Promise<string> {
  const client = new Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO pgboss.job (name, data, state, retry_limit, retry_count, started_on, completed_on, output)
       VALUES ($1, $2, 'failed', 3, 3, now(), now(), $3) RETURNING id`,
      [
        QUEUE,
        { leadId: `0b6f4c1e-0d1f-4c55-9d4e-2f9a3b1c0d1${viewport === 'phone' ? 2 : 1}`, fullName: 'Ananya Gupta' },
        { message: `index locked (${viewport})` },
      ],
    );
    return rows[0].id;
  } finally {
    await client.end();
  }
}

async function stateOf(id: string): Promise<string> {
  const client = new Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ state: string }>(`SELECT state::text AS state FROM pgboss.job WHERE id = $1`, [id]);
    return rows[0]?.state ?? 'gone';
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each<Viewport>(['laptop', 'phone'])('An admin looking after background jobs on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await newContext(browser, viewport, server.baseUrl);
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const admin = login('admin');
    await signIn(page, admin.email, admin.password);
  });

  afterEach(async () => {
    await context.close();
  });

  it('sees the queues and a failed job with its error, and retries it', async () => {
    const id = await failedJob(viewport);
    await openFromMenu(page, viewport, 'Settings');
    const section = page.getByTestId('background-jobs');
    await section.getByTestId('job-queues').getByText(QUEUE, { exact: true }).waitFor();
    const job = section.getByTestId('failed-job').filter({ hasText: `index locked (${viewport})` });
    await job.waitFor();
    await job.getByText(`${QUEUE} · 4 attempts`).waitFor();
    // Ids only: the student's name in the job's data is not shown.
    expect(await section.innerText()).not.toContain('Ananya Gupta');
    await section.scrollIntoViewIfNeeded();
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, viewport, 'several-jobs-failed');

    await job.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('The job is queued to run again').waitFor();
    await job.waitFor({ state: 'detached' });
    const deadline = Date.now() + 30_000;
    while ((await stateOf(id)) !== 'completed' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await stateOf(id)).toBe('completed');
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, viewport, 'several-jobs-retried');
  });

  it('runs a check job and sees which instance worked it', async () => {
    await openFromMenu(page, viewport, 'Settings');
    const health = page.getByTestId('jobs-health');
    await health.getByRole('button', { name: 'Run a check job' }).click();
    await health
      .getByTestId('job-check-result')
      .getByText(/^Done in \d+ ms by .+:\d+/)
      .waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
  });
});

describe('Someone who is not an admin', () => {
  it('does not see the background jobs', async () => {
    const context = await newContext(browser, 'laptop', server.baseUrl);
    const page = await context.newPage();
    try {
      const manager = login('manager');
      await signIn(page, manager.email, manager.password);
      await page.goto('/settings');
      await page.getByTestId('lead-routing').waitFor();
      expect(await page.getByTestId('background-jobs').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
