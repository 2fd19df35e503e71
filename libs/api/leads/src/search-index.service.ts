import { Injectable, Logger, type OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryRows } from '@advisordesk/api-core';
import { JobsService } from '@advisordesk/api-jobs';

/** The trigram indexes behind lead search, which take new entries into a pending list. */
const SEARCH_INDEXES = ['leads_search_trgm_idx', 'leads_phone_trgm_idx'];
export const SEARCH_INDEX_MERGE_QUEUE = 'search-index.merge';
/** The chain's beat: each merge sends the next this long after it. */
const MERGE_EVERY_SECONDS = 1;

/**
 * Keeps lead search's pending lists short: about every second it merges what intake appended into
 * the trigram indexes, in the background, so neither an insert nor a search pays for a long list.
 * One merge at a time across all instances: a job on a `stately` queue (at most one waiting, one
 * running) that sends its successor; a schedule each minute restarts the chain if it ever broke.
 */
@Injectable()
export class SearchIndexService implements OnModuleInit {
  private readonly logger = new Logger('SearchIndex');
  private merging: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly jobs?: JobsService,
  ) {}

  onModuleInit() {
    const jobs = this.jobs;
    jobs?.define({
      queue: SEARCH_INDEX_MERGE_QUEUE,
      policy: 'stately',
      retryLimit: 0,
      deadLetter: false,
      expireInSeconds: 60,
      pollingSeconds: 0.5,
      schedule: { cron: '* * * * *' },
      handler: async () => {
        try {
          await this.merge();
        } finally {
          // When this fails (the instance is stopping), the minute's schedule starts the chain again.
          await jobs
            .send(SEARCH_INDEX_MERGE_QUEUE, {}, { startAfter: MERGE_EVERY_SECONDS, singletonKey: 'next' })
            .catch((error: Error) => this.logger.warn(`Could not queue the next search index merge: ${error.message}`));
        }
      },
    });
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
