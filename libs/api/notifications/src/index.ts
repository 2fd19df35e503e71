export * from './notifications.module';
export { NotificationsService } from './notifications.service';
export { RemindersJob } from './speed-to-lead/reminders.job';
export { EmailJobs } from './email/email.jobs';
export { NotificationHub } from './stream/notification-hub';
export { Mailer } from './email/mailer';
