import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  ConfigError,
  configureApp,
  configureFastifyApp,
  createLogger,
  fastifyServerOptions,
  loadConfig,
  NestPinoLogger,
  type AppConfig,
} from '@advisordesk/api-core';
import { prepareDatabase } from '@advisordesk/api-database';
import { DEMO_LOGINS, seedDemoIfEmpty } from '@advisordesk/api-seed';
import { loadWhatsappConfig } from '@advisordesk/api-whatsapp';

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.');
/** The address to print: this machine's name when it is listening there too. */
const urlHost = (host: string) => (isLoopback(host) || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host);

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
  // One JSON logger for the request lines and for Nest's own logs.
  const logger = createLogger(config.logLevel);
  if (database.migrated.length) logger.info({ migrations: database.migrated }, 'migrations applied');

  const { AppModule } = await import('./app.module');
  const nestOptions = { bodyParser: false, bufferLogs: false, logger: new NestPinoLogger(logger) };
  let app: INestApplication;
  if (process.env.HTTP_ADAPTER === 'fastify') {
    // The API on Fastify, to measure the HTTP stack against Express's (not the whole product: configureFastifyApp).
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    const fastify = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(fastifyServerOptions(config)), nestOptions);
    app = configureFastifyApp(fastify, { logger });
  } else {
    app = configureApp(await NestFactory.create<NestExpressApplication>(AppModule, nestOptions), { serveAdminPanel: true, logger });
  }

  if (database.embedded) {
    const seeded = await seedDemoIfEmpty(app.get(DataSource));
    if (seeded) logger.info('loaded the demo data into the embedded database');
  }

  await app.listen(config.port, config.host);
  const url = `http://${urlHost(config.host)}:${config.port}`;
  console.log(`\nAdvisorDesk is running at ${url}  (API ${url}/api, docs ${url}/api/docs)`);
  if (!isLoopback(config.host)) console.log(`Listening on ${config.host}, reachable from other machines (HOST).`);
  // What is not connected, said once at start (the panel says it too).
  if (!loadWhatsappConfig(process.env))
    console.log('WhatsApp sending: not connected (set the WHATSAPP_* variables: README, "How to connect a WhatsApp Business number").');
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
