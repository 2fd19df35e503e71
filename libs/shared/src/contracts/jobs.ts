/**
 * The background jobs contract (admins only): each queue's counts and retry policy, the failed
 * jobs with their errors, and retrying one. A job's data is summarised by its ids only, never a
 * person's details.
 */

/** `GET /api/jobs/queues`: one row per queue the API declares. */
export interface JobQueueView {
  name: string;
  /** Waiting to run (including retries waiting out their delay). */
  queued: number;
  active: number;
  /** Completed and still kept (pg-boss keeps completed jobs for a week). */
  completed: number;
  failed: number;
  /** Jobs that used up their retries and were copied to the queue's dead-letter queue. */
  deadLettered: number;
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** The dead-letter queue's name, if the queue has one. */
  deadLetter: string | null;
  /** The queue's schedule (cron, India time), if it runs on one. */
  schedule: string | null;
}

/** `GET /api/jobs/failed?queue=&page=`: a failed job. */
export interface FailedJobView<Time = string> {
  id: string;
  queue: string;
  /** Runs so far (the first try and its retries). */
  attempts: number;
  error: string;
  failedAt: Time;
  /** The job's ids (lead, user…), never names, phones or messages. */
  summary: Record<string, string | number>;
}

export const FAILED_JOBS_PAGE_SIZE = 20;

/** Keys of a job's data shown in the admin: ids only (`id`, `leadId`, `userIds`…). */
export function isSafeJobDataKey(key: string): boolean {
  return /^(id|ids)$|[a-z](Id|Ids)$/.test(key);
}

/** The longest a check job may hold its worker (`POST /api/jobs/checks`). */
export const JOB_CHECK_MAX_HOLD_SECONDS = 60;

/** `POST /api/jobs/checks {holdSeconds?}`: a job that only says which instance worked it, after holding its worker that long. */
export interface RunJobCheckBody {
  holdSeconds?: number;
}

/** `GET /api/jobs/checks/:id`. */
export interface JobCheckView<Time = string> {
  id: string;
  /** pg-boss's states: created, retry, active, completed, cancelled, failed. */
  state: string;
  retryCount: number;
  createdAt: Time;
  startedAt: Time | null;
  completedAt: Time | null;
  /** The instance (host:pid) that completed it. */
  workedBy: string | null;
}

/** `GET /api/jobs/health`: whether some instance works jobs, from the minutely heartbeat job. */
export interface JobsHealthView<Time = string> {
  lastHeartbeatAt: Time | null;
  workedBy: string | null;
}
