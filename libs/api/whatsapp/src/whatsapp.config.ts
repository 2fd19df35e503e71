import Joi from 'joi';
import { ConfigError } from '@advisordesk/api-core';

/**
 * The WhatsApp Business number this instance sends from and hears on (README, "How to connect a
 * WhatsApp Business number"). All four `WHATSAPP_*` credentials or none: none is "not configured"
 * (the app runs, the panel offers click-to-chat links, the webhook answers 404); some but not all
 * stops the start naming what is missing. The token and the secret are never logged.
 */
export interface WhatsappConfig {
  phoneNumberId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  /** Graph API base, `https://graph.facebook.com/v21.0` (a stand-in's address in tests). */
  apiUrl: string;
}

export const WHATSAPP_CREDENTIALS = ['WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'] as const;
export const DEFAULT_WHATSAPP_API_URL = 'https://graph.facebook.com/v21.0';

const schema = Joi.object({
  WHATSAPP_PHONE_NUMBER_ID: Joi.string()
    .pattern(/^\d{5,20}$/)
    .message('"WHATSAPP_PHONE_NUMBER_ID" must be the digits of the phone number id'),
  WHATSAPP_ACCESS_TOKEN: Joi.string().min(20).pattern(/^\S+$/),
  WHATSAPP_APP_SECRET: Joi.string().min(16).pattern(/^\S+$/),
  WHATSAPP_VERIFY_TOKEN: Joi.string().min(8).pattern(/^\S+$/),
  WHATSAPP_API_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .default(DEFAULT_WHATSAPP_API_URL),
}).unknown(true);

/** `null` when no credential is set; throws ConfigError when some are, or one is malformed (never echoing a value). */
export function loadWhatsappConfig(env: NodeJS.ProcessEnv = process.env): WhatsappConfig | null {
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const present = WHATSAPP_CREDENTIALS.filter((name) => given[name] !== undefined);
  if (present.length === 0) return null;
  const missing = WHATSAPP_CREDENTIALS.filter((name) => given[name] === undefined);
  if (missing.length)
    throw new ConfigError(
      `Invalid configuration:\n  - WhatsApp is half configured: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (set all of ${WHATSAPP_CREDENTIALS.join(', ')}, or none)`,
    );
  const { error, value } = schema.validate(given, { abortEarly: false, convert: true, errors: { wrap: { label: '' } } });
  if (error) throw new ConfigError(`Invalid configuration:\n${error.details.map((d) => `  - ${d.path.join('.')} is not valid`).join('\n')}`);
  return {
    phoneNumberId: value.WHATSAPP_PHONE_NUMBER_ID,
    accessToken: value.WHATSAPP_ACCESS_TOKEN,
    appSecret: value.WHATSAPP_APP_SECRET,
    verifyToken: value.WHATSAPP_VERIFY_TOKEN,
    apiUrl: String(value.WHATSAPP_API_URL).replace(/\/+$/, ''),
  };
}
