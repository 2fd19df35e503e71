import { randomBytes } from 'node:crypto';
import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppConfigModule, configureApp } from '@advisordesk/api-core';
import { DatabaseModule } from '../database.module';
import { createTestDatabase, type TestDatabase } from './test-database';

type Imported = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

export interface TestApp {
  app: NestExpressApplication;
  /** The Node HTTP server, for supertest. */
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  dataSource: DataSource;
  database: TestDatabase;
  close: () => Promise<void>;
}

/**
 * The API as production wires it (same pipes, filters, limits, CORS), on a database of its own.
 * `imports` are the feature modules under test; `env` overrides configuration for this app;
 * `options.database` puts it on another database (a server the test stops, say).
 */
export async function createTestApp(
  imports: Imported[],
  env: Record<string, string> = {},
  options: { database?: TestDatabase } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    LOGIN_RATE_LIMIT: '1000',
    // Small pools: two Jest workers, some with two apps each, share one server's connections.
    DATABASE_POOL_SIZE: '5',
    JOBS_POOL_SIZE: '3',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppConfigModule.forRoot(), DatabaseModule.forRoot(), ...imports] }).compile();
  // TEST_LOGS=1 shows the errors behind a 500 while debugging a test.
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: process.env.TEST_LOGS ? ['error', 'warn'] : false,
  });
  configureApp(app);
  await app.init();
  return {
    app,
    http: app.getHttpServer(),
    dataSource: app.get(DataSource),
    database,
    close: async () => {
      await app.close();
      await database.drop();
      for (const key of Object.keys(env)) delete process.env[key];
    },
  };
}
