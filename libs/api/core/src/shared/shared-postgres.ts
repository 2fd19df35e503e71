import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app.config';

/**
 * A small pool of the instance's own for what instances share through PostgreSQL (rate limits,
 * `NOTIFY`): one short statement per use, never inside the request's transactions, and never
 * queued behind a long report on the main pool. Opened on first use, closed on shutdown.
 */
@Injectable()
export class SharedPostgres implements OnApplicationShutdown {
  private readonly logger = new Logger('SharedPostgres');
  private opened?: Pool;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get url(): string {
    return this.config.databaseUrl;
  }

  pool(): Pool {
    if (!this.opened) {
      this.opened = new Pool({
        connectionString: this.config.databaseUrl,
        max: 4,
        application_name: 'advisordesk-shared',
        // As the main pool: a database that does not answer within 5 s is down (503), not waited on.
        connectionTimeoutMillis: 5_000,
      });
      // An idle connection that breaks (the server restarting) is dropped; the next query opens another.
      this.opened.on('error', (error) => this.logger.warn(`A shared PostgreSQL connection broke: ${error.message}`));
    }
    return this.opened;
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.opened;
    this.opened = undefined;
    await pool?.end();
  }
}
