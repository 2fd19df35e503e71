import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryRows } from '@advisordesk/api-core';

/** The trigram indexes behind lead search, which take new entries into a pending list. */
const SEARCH_INDEXES = ['leads_search_trgm_idx', 'leads_phone_trgm_idx'];
const MERGE_EVERY_MS = 1_000;

/**
 * Keeps lead search's pending lists short: every second it merges what intake appended into the
 * trigram indexes, in the background, so neither an insert nor a search pays for a long list.
 */
@Injectable()
export class SearchIndexService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SearchIndex');
  private timer?: NodeJS.Timeout;
  private merging: Promise<number> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap() {
    this.timer = setInterval(
      () => void this.merge().catch((error) => this.logger.warn(`Merging the search index failed: ${(error as Error).message}`)),
      MERGE_EVERY_MS,
    );
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.merging?.catch(() => undefined);
  }

  /** Merges the pending lists now; answers how many list pages were merged. */
  merge(): Promise<number> {
    this.merging ??= (async () => {
      try {
        const [row] = await queryRows<Record<string, number>>(
          this.dataSource,
          `SELECT ${SEARCH_INDEXES.map((name, i) => `gin_clean_pending_list('${name}'::regclass) AS i${i}`).join(', ')}`,
        );
        return SEARCH_INDEXES.reduce((pages, _, i) => pages + Number(row[`i${i}`]), 0);
      } finally {
        this.merging = null;
      }
    })();
    return this.merging;
  }
}
