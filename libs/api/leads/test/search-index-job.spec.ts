import { queryRows } from '@advisordesk/api-core';
import { AuthModule } from '@advisordesk/api-auth';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { JobsModule } from '@advisordesk/api-jobs';
import { LeadsModule } from '../src/leads.module';
import { SEARCH_INDEX_MERGE_QUEUE } from '../src/search-index.service';
import { inquiry, submitInquiry } from './support';

const FAST = { JOBS_POLLING_SECONDS: '0.5', JOBS_CRON_INTERVAL_SECONDS: '1', INQUIRY_RATE_LIMIT: '1000' };

describe('the search index merge, a background job shared by the instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp([AuthModule, LeadsModule, JobsModule.forRoot()], FAST);
    b = await createTestApp([AuthModule, LeadsModule, JobsModule.forRoot()], FAST, { database: a.database });
  });
  afterAll(async () => {
    await b?.app.close();
    await a?.close();
  });

  it('merges new leads into the search index without anyone asking, one merge at a time across instances', async () => {
    for (let i = 0; i < 5; i++) await submitInquiry(i % 2 ? b : a, inquiry()).then((r) => expect(r.status).toBe(201));
    const merges = () =>
      queryRows<{ started_on: Date; completed_on: Date }>(
        a.dataSource,
        `SELECT started_on, completed_on FROM pgboss.job WHERE name = $1 AND state = 'completed' ORDER BY started_on`,
        [SEARCH_INDEX_MERGE_QUEUE],
      );
    const deadline = Date.now() + 20_000;
    while ((await merges()).length < 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const done = await merges();
    expect(done.length).toBeGreaterThanOrEqual(4);
    // The chain never runs two merges at once, though both instances work the queue.
    const chain = await queryRows<{ started_on: Date; completed_on: Date }>(
      a.dataSource,
      `SELECT started_on, completed_on FROM pgboss.job WHERE name = $1 AND singleton_key = 'next' AND state = 'completed' ORDER BY started_on`,
      [SEARCH_INDEX_MERGE_QUEUE],
    );
    for (let i = 1; i < chain.length; i++) expect(chain[i].started_on.getTime()).toBeGreaterThanOrEqual(chain[i - 1].completed_on.getTime());
    // What intake appended has been merged: nothing is left in the pending lists.
    const [pending] = await queryRows<{ pages: number }>(
      a.dataSource,
      `SELECT gin_clean_pending_list('leads_search_trgm_idx'::regclass) + gin_clean_pending_list('leads_phone_trgm_idx'::regclass) AS pages`,
    );
    expect(Number(pending.pages)).toBe(0);
  });
});
