import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_WORKING_HOURS, type WorkingHours, type WorkingHoursView } from '@advisordesk/shared';
import { AppError, errorOnField, queryMaybeOne, type Queryable } from '@advisordesk/api-core';
import { NotificationErrors } from '../notifications.errors';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../notifications.config';

/** The working hours speed to lead counts in (`app_settings.working_hours`); the SLA is `FIRST_CONTACT_SLA_MINUTES`. */
@Injectable()
export class WorkingHoursService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async get(db: Queryable = this.dataSource): Promise<WorkingHoursView> {
    const row = await queryMaybeOne<{ value: WorkingHours }>(db, `SELECT value FROM app_settings WHERE key = 'working_hours'`);
    return { ...(row?.value ?? DEFAULT_WORKING_HOURS), firstContactSlaMinutes: this.config.firstContactSlaMinutes };
  }

  async put(hours: WorkingHours): Promise<WorkingHoursView> {
    if (hours.end <= hours.start) throw errorOnField(NotificationErrors.hoursInvalid, 'end');
    if (new Set(hours.days).size !== hours.days.length)
      throw new AppError(NotificationErrors.hoursInvalid, [{ field: 'days', message: 'days must not repeat' }], 'days must not repeat');
    const value: WorkingHours = { days: [...hours.days].sort(), start: hours.start, end: hours.end };
    await this.dataSource.query(
      `INSERT INTO app_settings (key, value) VALUES ('working_hours', $1::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [JSON.stringify(value)],
    );
    return this.get();
  }
}
