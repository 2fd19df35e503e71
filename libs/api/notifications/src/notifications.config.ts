import Joi from 'joi';
import { ConfigError } from '@advisordesk/api-core';

/**
 * Email and speed to lead. `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…:465`) connects email;
 * unset, notifications stay in the bell and the panel says email is not connected. `MAIL_FROM` is the
 * sender. `FIRST_CONTACT_SLA_MINUTES` (default 60) is how long a new lead may wait, in working hours.
 */
export interface NotificationsConfig {
  smtpUrl: string | null;
  mailFrom: string;
  firstContactSlaMinutes: number;
}

export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

const schema = Joi.object({
  SMTP_URL: Joi.string().uri({ scheme: ['smtp', 'smtps'] }),
  MAIL_FROM: Joi.string().max(200).default('AdvisorDesk <no-reply@advisordesk.local>'),
  FIRST_CONTACT_SLA_MINUTES: Joi.number()
    .integer()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
}).unknown(true);

export function loadNotificationsConfig(env: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const { error, value } = schema.validate(given, { abortEarly: false, convert: true });
  if (error) throw new ConfigError(`Invalid configuration:\n${error.details.map((d) => `  - ${d.path.join('.')} is not valid`).join('\n')}`);
  return { smtpUrl: value.SMTP_URL ?? null, mailFrom: value.MAIL_FROM, firstContactSlaMinutes: value.FIRST_CONTACT_SLA_MINUTES };
}
