import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { APP_CONFIG, ConfigError, configureApp, loadConfig, type AppConfig } from '@advisordesk/api-core';
import { prepareDatabase } from '@advisordesk/api-database';
import { DEMO_LOGINS, seedDemoIfEmpty } from '@advisordesk/api-seed';

async function bootstrap() {
  // With a real server, refuse a bad configuration before touching its database.
  if (process.env.DATABASE_URL) loadConfig(process.env);
  const database = await prepareDatabase(process.env);
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    await database.stop();
    throw error;
  }
  if (database.migrated.length) console.log(`Migrations applied: ${database.migrated.join(', ')}`);

  const { AppModule } = await import('./app.module');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: false, logger: ['error', 'warn'] });
  configureApp(app, { serveAdminPanel: true });

  if (database.embedded) {
    const seeded = await seedDemoIfEmpty(app.get(DataSource));
    if (seeded) console.log('Loaded the demo data into the embedded database.');
  }

  await app.listen(config.port, '0.0.0.0');
  const url = `http://localhost:${app.get<AppConfig>(APP_CONFIG).port}`;
  console.log(`\nAdvisorDesk is running at ${url}  (API ${url}/api, docs ${url}/api/docs)`);
  if (database.embedded) {
    console.log(`Embedded PostgreSQL: ${database.url}`);
    console.log('Demo logins:');
    for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(10)} ${login.email.padEnd(30)} ${login.password}`);
  }

  const shutdown = async () => {
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

bootstrap().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
