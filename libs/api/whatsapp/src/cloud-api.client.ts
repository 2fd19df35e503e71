import { Inject, Injectable } from '@nestjs/common';
import type { WhatsappConfig } from './whatsapp.config';

export const WHATSAPP_CONFIG = Symbol('WHATSAPP_CONFIG');

/** Meta's error, as the Graph API answers it (`{error: {message, type, code, error_subcode, error_data: {details}, fbtrace_id}}`). */
export interface GraphError {
  code: number | null;
  subcode: number | null;
  /** Meta's `error_user_title`, else its `message`. */
  title: string;
  details: string | null;
}

/** What a Graph call came to: the JSON of a 2xx, or the status and Meta's error (status 0: no answer, a timeout or a refused connection). */
export type GraphResult<T> =
  { ok: true; status: number; body: T } | { ok: false; status: number; error: GraphError; retryAfterSeconds: number | null };

/** The answer of `POST /{phone-number-id}/messages`. */
export interface SendMessageAnswer {
  messaging_product: 'whatsapp';
  contacts?: { input: string; wa_id: string }[];
  messages: { id: string; message_status?: string }[];
}

export interface PhoneNumberAnswer {
  display_phone_number?: string;
  verified_name?: string;
  id?: string;
}

/**
 * Meta's Cloud API over HTTPS (fetch, a timeout, the Bearer token). Never throws for an HTTP answer:
 * the caller decides what a 429, a 5xx or a 4xx means. Not configured: every call answers
 * `{ok: false, status: 0}` with "not configured". The token never leaves this class but in the header.
 */
@Injectable()
export class CloudApiClient {
  constructor(@Inject(WHATSAPP_CONFIG) private readonly config: WhatsappConfig | null) {}

  get configured(): boolean {
    return this.config !== null;
  }

  get phoneNumberId(): string | null {
    return this.config?.phoneNumberId ?? null;
  }

  /** `POST /{phone-number-id}/messages` with Meta's message object (`{messaging_product: 'whatsapp', to, type, …}`). */
  sendMessage(message: Record<string, unknown>, timeoutMs = 15_000): Promise<GraphResult<SendMessageAnswer>> {
    return this.call<SendMessageAnswer>('POST', this.config ? `/${this.config.phoneNumberId}/messages` : '', message, timeoutMs);
  }

  /** `GET /{phone-number-id}?fields=display_phone_number,verified_name`: whether the token and the id work. */
  phoneNumber(timeoutMs = 10_000): Promise<GraphResult<PhoneNumberAnswer>> {
    return this.call<PhoneNumberAnswer>(
      'GET',
      this.config ? `/${this.config.phoneNumberId}?fields=display_phone_number,verified_name` : '',
      undefined,
      timeoutMs,
    );
  }

  async call<T>(method: 'GET' | 'POST', path: string, body: unknown, timeoutMs: number): Promise<GraphResult<T>> {
    if (!this.config) return { ok: false, status: 0, error: noAnswer('WhatsApp is not configured'), retryAfterSeconds: null };
    let response: Response;
    try {
      response = await fetch(`${this.config.apiUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.config.accessToken}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      return {
        ok: false,
        status: 0,
        error: noAnswer(timedOut ? `Meta did not answer within ${Math.round(timeoutMs / 1000)} s` : 'Meta could not be reached'),
        retryAfterSeconds: null,
      };
    }
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (response.ok) return { ok: true, status: response.status, body: json as T };
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      status: response.status,
      error: graphError(json, response.status),
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    };
  }
}

function noAnswer(title: string): GraphError {
  return { code: null, subcode: null, title, details: null };
}

/** Meta's error object, read defensively (a proxy's HTML page has none). */
export function graphError(json: unknown, status: number): GraphError {
  const error = (json as { error?: Record<string, unknown> } | null)?.error;
  if (!error || typeof error !== 'object') return { code: null, subcode: null, title: `Meta answered HTTP ${status}`, details: null };
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.slice(0, 500) : null);
  const data = error.error_data as Record<string, unknown> | undefined;
  return {
    code: num(error.code),
    subcode: num(error.error_subcode),
    title: str(error.error_user_title) ?? str(error.message) ?? `Meta answered HTTP ${status}`,
    details: str(data?.details),
  };
}
