import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@advisordesk/api-core';
import { type WhatsappSettings, type WhatsappTemplateSend } from '@advisordesk/shared';
import { CloudApiClient, type GraphResult, type SendMessageAnswer } from '../cloud-api.client';
import { WhatsappSettingsService } from '../whatsapp-settings.service';

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
  | { kind: 'retry'; code: number | null; title: string; retryAfterMs?: number }
  | { kind: 'failed'; code: number | null; title: string };

/** The body Meta documents for a text or a template (body variables as text parameters). */
export function cloudApiBody(
  to: string,
  kind: 'text' | 'template',
  text: string | null,
  template: WhatsappTemplateSend | null,
): Record<string, unknown> {
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

/** What an answer of `POST /{phone-number-id}/messages` means for the outbox (status 0: no answer at all). */
export function outcomeOf(result: GraphResult<SendMessageAnswer>): SendOutcome {
  if (result.ok) {
    const id = result.body?.messages?.[0]?.id;
    if (typeof id === 'string' && id) return { kind: 'sent', waMessageId: id };
    return { kind: 'retry', code: null, title: 'WhatsApp answered without a message id' };
  }
  const { code, title } = result.error;
  if (result.status === 0 || result.status === 429 || result.status >= 500 || (code !== null && RETRYABLE_CODES.has(code)))
    return { kind: 'retry', code, title, ...(result.retryAfterSeconds && { retryAfterMs: result.retryAfterSeconds * 1000 }) };
  return { kind: 'failed', code, title };
}

/** Where the outbox sends: the Cloud API of the configured number (`WHATSAPP_*`), the admins' templates, the public comparison link. */
@Injectable()
export class OutboxSender {
  constructor(
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    private readonly client: CloudApiClient,
    private readonly whatsappSettings: WhatsappSettingsService,
  ) {}

  configured(): boolean {
    return this.client.configured;
  }

  settings(): Promise<WhatsappSettings> {
    return this.whatsappSettings.settings();
  }

  comparisonUrl(token: string): string {
    return `${this.app.publicUrl}/c/${token}`;
  }

  async send(to: string, kind: 'text' | 'template', text: string | null, template: WhatsappTemplateSend | null): Promise<SendOutcome> {
    return outcomeOf(await this.client.sendMessage(cloudApiBody(to, kind, text, template), CALL_TIMEOUT_MS));
  }
}
