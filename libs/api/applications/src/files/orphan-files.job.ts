import { Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryAffected } from '@advisordesk/api-core';
import { JobsService } from '@advisordesk/api-jobs';

export const ORPHAN_FILES_QUEUE = 'files.sweep';
/** An upload still under way is younger than this; an older file no document points to was cut off or replaced. */
const ORPHAN_AFTER_HOURS = 6;

/** Deletes, every hour (one instance), stored files that no document points to: uploads cut off half way. */
@Injectable()
export class OrphanFilesJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly jobs?: JobsService,
  ) {}

  onModuleInit() {
    this.jobs?.define({
      queue: ORPHAN_FILES_QUEUE,
      policy: 'singleton',
      retryLimit: 1,
      schedule: { cron: '23 * * * *' },
      handler: async () => ({ deleted: await this.sweep() }),
    });
  }

  async sweep(olderThanHours = ORPHAN_AFTER_HOURS): Promise<number> {
    return queryAffected(
      this.dataSource,
      `DELETE FROM stored_files f WHERE f.created_at < now() - make_interval(hours => $1)
          AND NOT EXISTS (SELECT 1 FROM application_documents d WHERE d.file_id = f.id)`,
      [olderThanHours],
    );
  }
}
