import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, queryMaybeOne, type AppConfig } from '@advisordesk/api-core';
import { DEFAULT_WHATSAPP_SETTINGS, type WhatsappSettings, type WhatsappTemplateSend } from '@advisordesk/shared';

/**
 * Seconds a claim keeps other workers off a message: longer than a call may take (`CALL_TIMEOUT_MS`
 * and the wait for a token), so a slow call still in flight is never sent a second time.
 */
export const OUTBOX_CLAIM_SECONDS = 120;
/** A call to the Cloud API that has not answered by then counts as a network error (retried). */
export const CALL_TIMEOUT_MS = 30_000;

/** Meta's codes that mean "too fast, try later" even in a 400. */
const RETRYABLE_CODES = new Set([4, 80007, 130429, 131056]);

export type SendOutcome =
  | { kind: 'sent'; waMessageId: string }
  | { kind: 'retry'; code: number | null; title: string }
  | { kind: 'failed'; code: number | null; title: string };

/** Meta's error payload: `{error: {message, type, code, error_subcode, error_user_title?, error_data: {details}, fbtrace_id}}`. */
interface GraphError {
  error?: { message?: string; code?: number; error_user_title?: string; error_data?: { details?: string } };
}

/** The body Meta documents for a text or a template (body variables as text parameters). */
export function cloudApiBody(to: string, kind: 'text' | 'template', text: string | null, template: WhatsappTemplateSend | null): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: to.replace(/^\+/, '') };
  if (kind === 'text') return { ...base, type: 'text', text: { body: text ?? '', preview_url: true } };
  const t = template as WhatsappTemplateSend;
  return {
    ...base,
    type: 'template',
    template: {
      name: t.name,
      language: { code: t.language },
      ...(t.variables.length && { components: [{ type: 'body', parameters: t.variables.map((v) => ({ type: 'text', text: v })) }] }),
    },
  };
}

/** What an answer of `POST /{phone-number-id}/messages` means for the outbox. */
export function outcomeOf(status: number, body: unknown): SendOutcome {
  if (status >= 200 && status < 300) {
    const id = (body as { messages?: { id?: unknown }[] })?.messages?.[0]?.id;
    if (typeof id === 'string' && id) return { kind: 'sent', waMessageId: id };
    return { kind: 'retry', code: null, title: 'WhatsApp answered without a message id' };
  }
  const error = (body as GraphError)?.error;
  const code = typeof error?.code === 'number' ? error.code : null;
  const title = error?.error_user_title || error?.message || `WhatsApp answered ${status}`;
  if (status === 429 || status >= 500 || (code !== null && RETRYABLE_CODES.has(code))) return { kind: 'retry', code, title };
  return { kind: 'failed', code, title };
}

/** Where the outbox sends: the Cloud API of the configured number (`WHATSAPP_*`), the admins' templates, the public comparison link. */
@Injectable()
export class OutboxSender {
  private readonly apiUrl: string;
  private readonly phoneNumberId: string | undefined;
  private readonly accessToken: string | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.apiUrl = (process.env['WHATSAPP_API_URL'] || 'https://graph.facebook.com/v21.0').replace(/\/+$/, '');
    this.phoneNumberId = process.env['WHATSAPP_PHONE_NUMBER_ID'] || undefined;
    this.accessToken = process.env['WHATSAPP_ACCESS_TOKEN'] || undefined;
  }

  configured(): boolean {
    return Boolean(this.phoneNumberId && this.accessToken);
  }

  async settings(): Promise<WhatsappSettings> {
    const row = await queryMaybeOne<{ value: Partial<WhatsappSettings> }>(this.dataSource, `SELECT value FROM app_settings WHERE key = 'whatsapp'`);
    return { ...DEFAULT_WHATSAPP_SETTINGS, ...(row?.value ?? {}) };
  }

  comparisonUrl(token: string): string {
    return `${this.app.publicUrl}/c/${token}`;
  }

  async send(to: string, kind: 'text' | 'template', text: string | null, template: WhatsappTemplateSend | null): Promise<SendOutcome> {
    let response: Response;
    try {
      response = await fetch(`${this.apiUrl}/${this.phoneNumberId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(cloudApiBody(to, kind, text, template)),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
    } catch (error) {
      return { kind: 'retry', code: null, title: `WhatsApp could not be reached: ${(error as Error).message}` };
    }
    const body = await response.json().catch(() => null);
    return outcomeOf(response.status, body);
  }
}
