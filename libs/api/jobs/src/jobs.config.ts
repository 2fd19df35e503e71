import Joi from 'joi';
import { ConfigError } from '@advisordesk/api-core';

/** How this instance runs background jobs; read from the environment at start (see README, Configuration). */
export interface JobsConfig {
  /** Whether this instance works jobs; sending and scheduling work either way. */
  enabled: boolean;
  /** Seconds a worker waits between fetches when its queue was empty. */
  pollingSeconds: number;
  /** Seconds a shutdown waits for in-flight jobs before returning them to their queue. */
  shutdownTimeoutSeconds: number;
  /** Seconds between the passes that turn schedules into jobs (one instance sends each occurrence). */
  cronIntervalSeconds: number;
  /** Seconds between the passes that fail jobs whose run expired (an instance that died mid-job), so they are retried. */
  superviseSeconds: number;
  /** Connections pg-boss may open on this instance. */
  poolSize: number;
}

const schema = Joi.object({
  JOBS_ENABLED: Joi.boolean().default(true),
  JOBS_POLLING_SECONDS: Joi.number().min(0.5).max(60).default(2),
  JOBS_SHUTDOWN_TIMEOUT_SECONDS: Joi.number().integer().min(1).max(600).default(30),
  JOBS_CRON_INTERVAL_SECONDS: Joi.number().integer().min(1).max(45).default(30),
  JOBS_SUPERVISE_SECONDS: Joi.number().integer().min(1).max(3_600).default(60),
  JOBS_POOL_SIZE: Joi.number().integer().min(2).max(100).default(10),
}).unknown(true);

export function loadJobsConfig(env: NodeJS.ProcessEnv = process.env): JobsConfig {
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const { error, value } = schema.validate(given, { abortEarly: false, convert: true });
  if (error)
    throw new ConfigError(`Invalid configuration:\n${error.details.map((d) => `  - ${d.message.replace(/^"([A-Z_]+)"/, '$1')}`).join('\n')}`);
  return {
    enabled: value.JOBS_ENABLED,
    pollingSeconds: value.JOBS_POLLING_SECONDS,
    shutdownTimeoutSeconds: value.JOBS_SHUTDOWN_TIMEOUT_SECONDS,
    cronIntervalSeconds: value.JOBS_CRON_INTERVAL_SECONDS,
    superviseSeconds: value.JOBS_SUPERVISE_SECONDS,
    poolSize: value.JOBS_POOL_SIZE,
  };
}
