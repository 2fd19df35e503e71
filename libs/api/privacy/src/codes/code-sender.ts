import { Injectable, Logger } from '@nestjs/common';
import { CloudApiClient, WhatsappSettingsService } from '@advisordesk/api-whatsapp';
import { Mailer } from '@advisordesk/api-notifications';
import { escapeHtml } from '@advisordesk/api-core';
import { VERIFICATION_CODE_MINUTES, type WhatsappTemplateRef } from '@advisordesk/shared';

/**
 * Meta's body for an authentication template: the code as the body's parameter and as the
 * copy-code button's (https://developers.facebook.com/docs/whatsapp/business-management-api/authentication-templates).
 */
export function authenticationTemplateBody(to: string, template: WhatsappTemplateRef, code: string): Record<string, unknown> {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: to.replace(/^\+/, ''),
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.language },
      components: [
        { type: 'body', parameters: [{ type: 'text', text: code }] },
        { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: code }] },
      ],
    },
  };
}

/** Sends one-time codes: on WhatsApp (the admins' authentication template) or by email. */
@Injectable()
export class CodeSender {
  private readonly logger = new Logger('VerificationCodes');

  constructor(
    private readonly whatsapp: CloudApiClient,
    private readonly whatsappSettings: WhatsappSettingsService,
    private readonly mailer: Mailer,
  ) {}

  /** The channel a person is verified on: WhatsApp when connected, else email when connected, else a call from staff. */
  channel(): 'whatsapp' | 'email' | 'staff' {
    if (this.whatsapp.configured) return 'whatsapp';
    if (this.mailer.connected) return 'email';
    return 'staff';
  }

  get whatsappConnected(): boolean {
    return this.whatsapp.configured;
  }

  /** Answers whether Meta accepted it (and why not). */
  async byWhatsapp(phone: string, code: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    const { codeTemplate } = await this.whatsappSettings.settings();
    const answer = await this.whatsapp.sendMessage(authenticationTemplateBody(phone, codeTemplate, code));
    if (answer.ok) return { ok: true };
    this.logger.warn(`A verification code was not accepted by WhatsApp: ${answer.error.title}`);
    return { ok: false, reason: answer.error.title };
  }

  async byEmail(to: string, code: string, purpose: string, privacyUrl: string): Promise<void> {
    const text = `Your code is ${code}. It lasts ${VERIFICATION_CODE_MINUTES} minutes.\n\nYou asked us ${purpose}. If this was not you, ignore this email: nothing happens without the code.\n\nYour data rights: ${privacyUrl}`;
    await this.mailer.send({
      to,
      subject: `Your code: ${code}`,
      text,
      html: `<p>Your code is <strong style="font-size:1.4em;letter-spacing:.1em">${code}</strong>. It lasts ${VERIFICATION_CODE_MINUTES} minutes.</p>
<p>You asked us ${escapeHtml(purpose)}. If this was not you, ignore this email: nothing happens without the code.</p>
<p><a href="${escapeHtml(privacyUrl)}">Your data rights</a></p>`,
    });
  }
}
