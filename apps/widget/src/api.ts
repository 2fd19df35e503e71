import type { FieldProblem, PublicFormConfig, PublicInquiryBody } from '@advisordesk/shared';

type Fetch = typeof fetch;

export interface ApiOptions {
  fetch?: Fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Waits before the automatic retries after a network failure. */
  retryDelays?: number[];
  timeoutMs?: number;
  /** Told before each automatic retry. */
  onRetry?: (attempt: number) => void;
}

/** Why a request got no answer: this website is not allowed (CORS), or the network failed. */
export type Unreachable = 'refused' | 'offline';

export type ConfigResult = { ok: true; config: PublicFormConfig } | { ok: false; reason: Unreachable | 'server' };

export type SubmitOutcome =
  | { kind: 'created'; reference: string }
  | { kind: 'invalid'; fields: FieldProblem[]; message: string }
  | { kind: 'rate-limited'; retryAfterSeconds?: number }
  | { kind: 'unreachable'; reason: Unreachable }
  | { kind: 'failed'; status: number; message: string };

const DEFAULTS = { retryDelays: [1_000, 3_000], timeoutMs: 15_000 };
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A fetch that gives up after `timeoutMs` (a stalled phone connection is a network failure too). */
async function fetchWithin(fetchFn: Fetch, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetchFn(url, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A browser reports a CORS refusal and a lost connection the same way. Asking again tells them
 * apart: a normal request succeeds when the connection is back (`reachable`); a `no-cors` request
 * for the script itself (which any page may load) succeeds when the server answers but refuses
 * this website (`refused`); else `offline`.
 */
async function diagnose(fetchFn: Fetch, apiOrigin: string, timeoutMs: number): Promise<Unreachable | 'reachable'> {
  const ok = (url: string, init: RequestInit) =>
    fetchWithin(fetchFn, url, { credentials: 'omit', cache: 'no-store', ...init }, timeoutMs).then(
      () => true,
      () => false,
    );
  if (await ok(`${apiOrigin}/api/public/form-config`, { mode: 'cors' })) return 'reachable';
  return (await ok(`${apiOrigin}/embed.js`, { mode: 'no-cors', method: 'HEAD' })) ? 'refused' : 'offline';
}

async function json(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.json();
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The form's configuration, with the consent notice in `language` when it has that translation (else English). */
export async function loadConfig(apiOrigin: string, options: ApiOptions = {}, language?: string): Promise<ConfigResult> {
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const url = `${apiOrigin}/api/public/form-config${language ? `?lang=${encodeURIComponent(language)}` : ''}`;
  try {
    const response = await fetchWithin(fetchFn, url, { credentials: 'omit', headers: { Accept: 'application/json' } }, timeoutMs);
    if (!response.ok) return { ok: false, reason: 'server' };
    const config = (await json(response)) as unknown as PublicFormConfig;
    if (!Array.isArray(config.courses) || !config.notice) return { ok: false, reason: 'server' };
    return { ok: true, config };
  } catch {
    const reason = await diagnose(fetchFn, apiOrigin, timeoutMs);
    return { ok: false, reason: reason === 'reachable' ? 'offline' : reason };
  }
}

/** Gateways answer these while the API restarts: worth the same retry as a network failure. */
const TRANSIENT = new Set([502, 503, 504]);

/**
 * Posts the inquiry with its `Idempotency-Key`, retrying network failures (and gateway errors)
 * with the same key after `retryDelays`, so a retry can never make a second lead.
 */
export async function sendInquiry(
  apiOrigin: string,
  body: PublicInquiryBody,
  idempotencyKey: string,
  options: ApiOptions = {},
): Promise<SubmitOutcome> {
  const fetchFn = options.fetch ?? fetch;
  const sleep = options.sleep ?? wait;
  const delays = options.retryDelays ?? DEFAULTS.retryDelays;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const url = `${apiOrigin}/api/public/inquiries`;
  const init: RequestInit = {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  };

  for (let attempt = 0; ; attempt++) {
    let response: Response | undefined;
    try {
      response = await fetchWithin(fetchFn, url, init, timeoutMs);
    } catch (error) {
      // No answer: a refusal of this website is final; a timeout or a lost connection is worth a retry.
      const timedOut = (error as Error | undefined)?.name === 'AbortError';
      if (!timedOut && (await diagnose(fetchFn, apiOrigin, timeoutMs)) === 'refused') return { kind: 'unreachable', reason: 'refused' };
    }
    if ((!response || TRANSIENT.has(response.status)) && attempt < delays.length) {
      options.onRetry?.(attempt + 1);
      await sleep(delays[attempt]);
      continue;
    }
    if (!response) return { kind: 'unreachable', reason: 'offline' };

    const answer = await json(response);
    if (response.status === 201 || response.status === 200) {
      if (typeof answer.reference === 'string') return { kind: 'created', reference: answer.reference };
      return { kind: 'failed', status: response.status, message: 'The answer had no reference' };
    }
    if (response.status === 429) {
      const seconds = Number(response.headers.get('Retry-After'));
      return { kind: 'rate-limited', retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : undefined };
    }
    const message = typeof answer.message === 'string' ? answer.message : `The server answered ${response.status}`;
    if (response.status === 400) {
      const fields = Array.isArray(answer.fields) ? (answer.fields as FieldProblem[]).filter((f) => f && typeof f.field === 'string') : [];
      return { kind: 'invalid', fields, message };
    }
    return { kind: 'failed', status: response.status, message };
  }
}

/** A new `Idempotency-Key` (also where `crypto.randomUUID` is missing: plain-http pages, old browsers). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
