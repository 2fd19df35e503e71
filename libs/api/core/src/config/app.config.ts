import { isIP } from 'node:net';
import Joi from 'joi';
import { normalisePhone } from '@advisordesk/shared';

/** What Express's `trust proxy` setting takes: every hop or none, a hop count, or the proxies' addresses. */
export type TrustProxy = boolean | number | string[];

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/** Reads `TRUST_PROXY` in the forms Express takes; undefined when it is none of them. */
export function parseTrustProxy(text: string): TrustProxy | undefined {
  const value = text.trim();
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (/^\d{1,3}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every(isProxyAddress) ? entries : undefined;
}

export const PLACEHOLDER_SECRETS = ['changeme', 'change-me', 'secret', 'jwt-secret', 'your-secret', 'please-change', 'example'];

/** Every variable the API reads, validated at start; a bad one stops the app naming the variable. */
export const envSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().port().default(3000),
  // Loopback unless asked: the demo's passwords are public, and a server sits behind a reverse proxy.
  HOST: Joi.string()
    .hostname()
    .default('127.0.0.1')
    .messages({ 'string.hostname': 'HOST must be an address to listen on, such as 127.0.0.1 or 0.0.0.0' }),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .required()
    .messages({ 'any.required': 'DATABASE_URL is required (leave it unset only for the embedded demo started by `npm start`)' }),
  DATABASE_POOL_SIZE: Joi.number().integer().min(2).max(200).default(20),
  ADVISORDESK_EMBEDDED: Joi.boolean().default(false),
  JWT_SECRET: Joi.string()
    .min(32)
    .required()
    .custom((value: string, helpers) => {
      const lower = value.toLowerCase();
      if (PLACEHOLDER_SECRETS.some((p) => lower.includes(p)) || new Set(value).size < 10) return helpers.error('any.invalid');
      return value;
    })
    .messages({
      'any.required': 'JWT_SECRET is required: set it to a random string of at least 32 characters (e.g. `openssl rand -base64 48`)',
      'string.min': 'JWT_SECRET is too weak: use a random string of at least 32 characters',
      'any.invalid': 'JWT_SECRET looks like a placeholder: use a random string of at least 32 characters',
    }),
  ACCESS_TOKEN_TTL_SECONDS: Joi.number().integer().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: Joi.number().integer().min(1).max(90).default(30),
  ADMIN_EMAIL: Joi.string().email({ tlds: false }).optional(),
  ADMIN_PASSWORD: Joi.string().min(10).optional().messages({ 'string.min': 'ADMIN_PASSWORD must be at least 10 characters' }),
  CORS_ORIGINS: Joi.string().allow('').default(''),
  TRUST_PROXY: Joi.string()
    .custom((value: string, helpers) => parseTrustProxy(value) ?? helpers.error('any.invalid'))
    .default(false)
    .messages({
      'any.invalid':
        'TRUST_PROXY must be true, false, a hop count such as 1, or comma-separated proxy addresses, CIDRs or names (loopback, 10.0.0.0/8)',
    }),
  INQUIRY_RATE_LIMIT: Joi.number().integer().min(1).default(10),
  DATA_REQUEST_RATE_LIMIT: Joi.number().integer().min(1).default(20),
  REPORT_EXACT_MEDIANS_BELOW: Joi.number().integer().min(0).default(50_000),
  LOGIN_RATE_LIMIT: Joi.number().integer().min(1).default(10),
  PUBLIC_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .optional(),
  SUPPORT_PHONE: Joi.string()
    .custom((value: string, helpers) => {
      const check = normalisePhone(value);
      return check.ok ? check.e164 : helpers.error('any.invalid');
    })
    .optional()
    .messages({ 'any.invalid': 'SUPPORT_PHONE must be a mobile number, e.g. +91 98765 43210' }),
  REDIS_URL: Joi.string()
    .uri({ scheme: ['redis', 'rediss'] })
    .optional()
    .messages({
      'string.uriCustomScheme': 'REDIS_URL must be a redis:// or rediss:// URL',
      'string.uri': 'REDIS_URL must be a redis:// or rediss:// URL',
    }),
  REDIS_PREFIX: Joi.string()
    .pattern(/^[\w.:-]{1,64}$/)
    .default('advisordesk:')
    .messages({ 'string.pattern.base': 'REDIS_PREFIX must be up to 64 letters, digits or . : _ -' }),
  ADMIN_DIST_DIR: Joi.string().optional(),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
})
  .and('ADMIN_EMAIL', 'ADMIN_PASSWORD')
  .unknown(true);

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** The address to listen on. */
  host: string;
  databaseUrl: string;
  /** Connections the app's own pool may open (the jobs, limits and events pools are apart). */
  databasePoolSize: number;
  embedded: boolean;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  adminEmail?: string;
  adminPassword?: string;
  corsOrigins: string[];
  trustProxy: TrustProxy;
  inquiryRateLimit: number;
  /** Rights requests (`/privacy`) per client address per hour. */
  dataRequestRateLimit: number;
  /** Conversion reports over fewer leads than this sort them for exact medians; larger ones read the kept buckets (within 1 %). */
  reportExactMediansBelow: number;
  loginRateLimit: number;
  publicUrl: string;
  /** The service's number (E.164) students reach when their advisor has none on file. */
  supportPhone?: string;
  /** Shared rate limits and events in Redis when set; in PostgreSQL otherwise. */
  redisUrl?: string;
  /** Put before every Redis key and channel, so that several deployments (or test runs) can share one Redis. */
  redisPrefix: string;
  adminDistDir?: string;
  logLevel: string;
}

export class ConfigError extends Error {}

/** Validates the environment and answers the typed config, or throws naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (`ADMIN_EMAIL=` in a compose file) means "not set".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const { error, value } = envSchema.validate(given, { abortEarly: false, convert: true });
  if (error) {
    const lines = error.details.map((d) => `  - ${d.message.replace(/^"([A-Z_]+)"/, '$1')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const port = Number(value.PORT);
  return {
    nodeEnv: value.NODE_ENV,
    port,
    host: value.HOST,
    databaseUrl: value.DATABASE_URL,
    databasePoolSize: value.DATABASE_POOL_SIZE,
    embedded: Boolean(value.ADVISORDESK_EMBEDDED),
    jwtSecret: value.JWT_SECRET,
    accessTokenTtlSeconds: value.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: value.REFRESH_TOKEN_TTL_DAYS,
    adminEmail: value.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: value.ADMIN_PASSWORD,
    corsOrigins: String(value.CORS_ORIGINS)
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
    trustProxy: value.TRUST_PROXY,
    inquiryRateLimit: value.INQUIRY_RATE_LIMIT,
    dataRequestRateLimit: value.DATA_REQUEST_RATE_LIMIT,
    reportExactMediansBelow: value.REPORT_EXACT_MEDIANS_BELOW,
    loginRateLimit: value.LOGIN_RATE_LIMIT,
    publicUrl: (value.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    supportPhone: value.SUPPORT_PHONE,
    redisUrl: value.REDIS_URL,
    redisPrefix: value.REDIS_PREFIX,
    adminDistDir: value.ADMIN_DIST_DIR,
    logLevel: value.LOG_LEVEL,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
