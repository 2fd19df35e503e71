/**
 * The notifications contract: what AdvisorDesk tells whom (the bell, the live stream, email and
 * the morning digest), each person's preferences, and the working hours that speed to lead counts in.
 */
import type { Role } from '../roles';

export const NOTIFICATION_KINDS = [
  'lead.assigned',
  'followup.due',
  'followup.overdue',
  'whatsapp.reply',
  'application.deadline',
  'document.uploaded',
  'lead.uncontacted',
  'privacy.request',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  'lead.assigned': 'A lead is assigned to me',
  'followup.due': 'A follow-up is due in 15 minutes',
  'followup.overdue': 'A follow-up is overdue',
  'whatsapp.reply': 'A student replied on WhatsApp',
  'application.deadline': 'An application deadline is 3 days away',
  'document.uploaded': 'A student uploaded a document',
  'lead.uncontacted': 'A new lead was not contacted in time',
  'privacy.request': 'A request about personal data needs an answer',
};

/** Kinds for the people who see every lead and answer for the team: managers and admins. */
const TEAM_KINDS: readonly NotificationKind[] = ['lead.uncontacted', 'privacy.request'];

/** Who may receive a kind: `lead.uncontacted` and `privacy.request` are for managers (and admins); the rest for whoever owns the lead. */
export function kindsFor(role: Role): NotificationKind[] {
  if (role === 'marketing') return [];
  return NOTIFICATION_KINDS.filter((kind) => !TEAM_KINDS.includes(kind) || role === 'manager' || role === 'admin');
}

/** A follow-up's reminder comes this long before it is due. */
export const FOLLOWUP_REMINDER_MINUTES = 15;
/** An application's deadline is announced this many days before (a calendar day in India). */
export const APPLICATION_DEADLINE_NOTICE_DAYS = 3;
/** A stream ticket works once, within this many seconds. */
export const STREAM_TICKET_SECONDS = 60;
/** The name of the server-sent event that carries a notification. */
export const NOTIFICATION_EVENT = 'notification';
/** The morning digest leaves at this hour in India. */
export const DIGEST_HOUR_IST = 8;

/** `GET /api/notifications`: own only, newest first; `unread=true` for the unread ones. */
export interface NotificationView<Time = string> {
  /** Increasing: the stream's event id, so `Last-Event-ID` says what was seen. */
  id: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  leadId: string | null;
  /** Where the panel opens it (`/leads/<id>`, `/applications?…`). */
  link: string | null;
  createdAt: Time;
  readAt: Time | null;
}

/** `POST /api/notifications/read {ids?}`: none marks all read. */
export interface MarkReadBody {
  ids?: string[];
}

/** `POST /api/notifications/stream-ticket`. */
export interface StreamTicket {
  ticket: string;
  expiresAt: string;
}

/** `GET|PUT /api/me/notification-settings`. */
export interface NotificationSettings {
  /** Kinds shown in the bell (and on the stream). */
  bell: Record<NotificationKind, boolean>;
  /** Kinds also sent by email (when email is connected). */
  email: Record<NotificationKind, boolean>;
  /** The 08:00 digest of the day's follow-ups and overdue ones. */
  digest: boolean;
}

/** What `GET /api/me/notification-settings` adds: whether email is connected at all (`SMTP_URL`). */
export interface NotificationSettingsView extends NotificationSettings {
  emailConnected: boolean;
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  bell: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])) as Record<NotificationKind, boolean>,
  email: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, false])) as Record<NotificationKind, boolean>,
  digest: true,
};

/**
 * The hours in which speed to lead is counted (Asia/Kolkata): a 23:00 inquiry is due at the next
 * opening plus the SLA. `days` are ISO weekdays, 1 = Monday … 7 = Sunday; times `HH:MM`.
 */
export interface WorkingHours {
  days: number[];
  start: string;
  end: string;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '20:00' };
export const WORKING_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export const WEEKDAY_LABELS: Record<number, string> = { 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri', 6: 'Sat', 7: 'Sun' };

/** `GET|PUT /api/settings/working-hours` (admins edit; managers read); the SLA comes from `FIRST_CONTACT_SLA_MINUTES`. */
export interface WorkingHoursView extends WorkingHours {
  firstContactSlaMinutes: number;
}
