import { WHATSAPP_MESSAGE_KINDS, WHATSAPP_TEXT_MAX_LENGTH, type WhatsappMessageKind } from '@advisordesk/shared';

/** A message from a student as Meta's webhook delivers it (`entry[].changes[].value.messages[]`). */
export interface MetaInboundMessage {
  from?: unknown;
  id?: unknown;
  timestamp?: unknown;
  type?: unknown;
  [kind: string]: unknown;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const field = (object: unknown, key: string): unknown =>
  object && typeof object === 'object' ? (object as Record<string, unknown>)[key] : undefined;

/**
 * What we store of a message: its kind and the words that are safe to keep. Text, a caption, a
 * location's name and address, a button's or list item's title, a reaction's emoji. Not a contact
 * card's names and numbers (someone else's data), not media (a later step downloads it); the panel
 * shows the kind's placeholder.
 */
export function readInbound(message: MetaInboundMessage): { kind: WhatsappMessageKind; text: string | null } {
  const type = typeof message.type === 'string' ? message.type : 'unsupported';
  const kind: WhatsappMessageKind =
    type !== 'template' && (WHATSAPP_MESSAGE_KINDS as readonly string[]).includes(type) ? (type as WhatsappMessageKind) : 'unsupported';
  const content = message[type];
  let text: string | null = null;
  switch (kind) {
    case 'text':
      text = str(field(content, 'body'));
      break;
    case 'image':
    case 'video':
    case 'document':
      text = str(field(content, 'caption'));
      break;
    case 'location':
      text = [str(field(content, 'name')), str(field(content, 'address'))].filter(Boolean).join(', ') || null;
      break;
    case 'button':
      text = str(field(content, 'text'));
      break;
    case 'interactive':
      text = str(field(field(content, 'button_reply'), 'title')) ?? str(field(field(content, 'list_reply'), 'title'));
      break;
    case 'reaction':
      text = str(field(content, 'emoji'));
      break;
    default:
      text = null;
  }
  return { kind, text: text ? text.replaceAll('\u0000', '').slice(0, WHATSAPP_TEXT_MAX_LENGTH) : null };
}

/** Meta's `timestamp` (seconds since 1970, as text) as a time; none or nonsense, or in the future: now. */
export function metaTime(timestamp: unknown, now = new Date()): Date {
  const seconds = Number(timestamp);
  if (!Number.isFinite(seconds) || seconds <= 0) return now;
  const at = new Date(seconds * 1000);
  return at.getTime() > now.getTime() ? now : at;
}
