import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../data-source';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../embedded-postgres';
import { adminQuery, withDatabase } from './test-database';

declare global {
  var __ADVISORDESK_TEST_PG__: { server?: EmbeddedPostgres; root?: string } | undefined;
}

/**
 * Jest global setup: a PostgreSQL server for the run (the one in `DATABASE_URL`, or an embedded
 * one on a free port), and a template database with every migration applied. Each test file then
 * copies the template into a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  const state: NonNullable<typeof globalThis.__ADVISORDESK_TEST_PG__> = {};
  if (!adminUrl) {
    state.root = join(tmpdir(), `advisordesk-test-${process.pid}-${Date.now()}`);
    mkdirSync(state.root, { recursive: true, mode: 0o755 });
    state.server = await startEmbeddedPostgres({ dataDir: join(state.root, 'data'), persistent: false, quiet: true });
    adminUrl = state.server.url('postgres');
  }
  globalThis.__ADVISORDESK_TEST_PG__ = state;
  const template = `adk_test_${process.pid}_tpl`;
  await adminQuery(`DROP DATABASE IF EXISTS "${template}"`, [], adminUrl);
  await adminQuery(`CREATE DATABASE "${template}"`, [], adminUrl);
  await runMigrations(withDatabase(adminUrl, template));
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_PG_TEMPLATE = template;
  delete process.env.DATABASE_URL;
}

export async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  const state = globalThis.__ADVISORDESK_TEST_PG__;
  if (adminUrl && template) {
    const prefix = template.replace(/_tpl$/, '');
    const leftovers = await adminQuery<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`], adminUrl);
    for (const { datname } of leftovers) await adminQuery(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`, [], adminUrl);
  }
  if (state?.server) await state.server.stop();
  if (state?.root) rmSync(state.root, { recursive: true, force: true });
}
