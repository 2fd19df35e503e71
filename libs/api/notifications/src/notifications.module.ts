import { Module } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { LeadsModule } from '@advisordesk/api-leads';
import { DigestUnsubscribeController } from './email/digest.controller';
import { EmailJobs } from './email/email.jobs';
import { Mailer } from './email/mailer';
import { loadNotificationsConfig, NOTIFICATIONS_CONFIG } from './notifications.config';
import { NotificationsService } from './notifications.service';
import { RemindersJob } from './speed-to-lead/reminders.job';
import { WorkingHoursController } from './speed-to-lead/working-hours.controller';
import { WorkingHoursService } from './speed-to-lead/working-hours.service';
import { NotificationHub } from './stream/notification-hub';
import { NotificationsController } from './stream/notifications.controller';
import { StreamTicketsService } from './stream/stream-tickets.service';

/** The configuration, read when the app is built: a bad SMTP_URL or SLA stops the start. */
export const notificationsConfigProvider = { provide: NOTIFICATIONS_CONFIG, useFactory: () => loadNotificationsConfig(process.env) };

/**
 * Notifications: the bell and its live stream, reminders and speed to lead (a job each minute),
 * email and the morning digest (with `SMTP_URL`), each user's preferences, working hours.
 * Kinds raised by an event (assigned, a reply, a student's upload) are written by triggers in the
 * event's own transaction (migration 1764402200000); kinds raised by time, by `RemindersJob`.
 */
@Module({
  imports: [AuthModule, LeadsModule],
  controllers: [NotificationsController, WorkingHoursController, DigestUnsubscribeController],
  providers: [
    notificationsConfigProvider,
    NotificationsService,
    StreamTicketsService,
    NotificationHub,
    RemindersJob,
    WorkingHoursService,
    Mailer,
    EmailJobs,
  ],
  exports: [NOTIFICATIONS_CONFIG, NotificationsService, WorkingHoursService, Mailer],
})
export class NotificationsModule {}
