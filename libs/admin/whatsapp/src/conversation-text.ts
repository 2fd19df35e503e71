import {
  explainWhatsappError,
  WHATSAPP_KIND_PLACEHOLDERS,
  type LeadView,
  type WhatsappConnection,
  type WhatsappMessageStatus,
  type WhatsappMessageView,
} from '@advisordesk/shared';

/** The lead fields the panel decides by. */
export type ConversationLead = Pick<LeadView, 'consentWhatsapp' | 'erasedAt' | 'whatsappWindowEndsAt' | 'isMinor' | 'phone'>;

const HOUR = 60 * 60 * 1000;

/** Whether the student's last message was under 24 hours ago, so free text may be sent. */
export function windowIsOpen(endsAt: string | null, now: Date = new Date()): boolean {
  return endsAt !== null && new Date(endsAt).getTime() > now.getTime();
}

/** "Window open: 18 h left" (under an hour: minutes), or "Window closed: send a template". */
export function windowText(endsAt: string | null, now: Date = new Date()): string {
  if (!windowIsOpen(endsAt, now)) return 'Window closed: send a template';
  const left = new Date(endsAt as string).getTime() - now.getTime();
  if (left < HOUR) return `Window open: ${Math.max(1, Math.floor(left / 60_000))} min left`;
  return `Window open: ${Math.floor(left / HOUR)} h left`;
}

/** The ticks an outbound message shows: none while queued, ✓ sent, ✓✓ delivered, blue ✓✓ read. */
export function ticksOf(status: WhatsappMessageStatus): { marks: string; read: boolean } | null {
  switch (status) {
    case 'sent':
      return { marks: '✓', read: false };
    case 'delivered':
      return { marks: '✓✓', read: false };
    case 'read':
      return { marks: '✓✓', read: true };
    default:
      return null;
  }
}

/** What a bubble says: the text, a template's name and variables, or a placeholder for what cannot be shown yet. */
export function messageBody(message: Pick<WhatsappMessageView, 'kind' | 'text' | 'template'>): string {
  if (message.text) return message.text;
  if (message.template) {
    const variables = message.template.variables.filter(Boolean);
    return `Template “${message.template.name}”${variables.length ? `: ${variables.join(' · ')}` : ''}`;
  }
  return WHATSAPP_KIND_PLACEHOLDERS[message.kind] || WHATSAPP_KIND_PLACEHOLDERS.unsupported;
}

/** Why a failed message was not delivered, in words an advisor can act on. */
export function failureText(message: Pick<WhatsappMessageView, 'errorCode' | 'errorTitle'>): string {
  return explainWhatsappError(message.errorCode, message.errorTitle);
}

/** Why AdvisorDesk cannot send to this lead now (null: it can), checked in the API's order. */
export function whyNotSendable(connection: WhatsappConnection | undefined, lead: ConversationLead): string | null {
  if (!connection?.configured) return 'WhatsApp sending is not connected';
  if (lead.erasedAt) return 'The person’s data was erased on request';
  if (!lead.consentWhatsapp) return 'The student has not agreed to WhatsApp messages';
  if (lead.isMinor) return 'The student is a minor: no WhatsApp messages without a guardian’s consent';
  if (!lead.phone) return 'The lead has no phone number';
  return null;
}
