/**
 * The WhatsApp contract (Meta's WhatsApp Business Platform, Cloud API): a lead's conversation, what
 * the panel sends, the admins' settings and the connection's state, and what Meta's error codes mean
 * in plain words. Written once, read by the API and the panel.
 */

/** A message's status moves forward only: queued → sent → delivered → read, or failed. */
export const WHATSAPP_MESSAGE_STATUSES = ['queued', 'sent', 'delivered', 'read', 'failed'] as const;
export type WhatsappMessageStatus = (typeof WHATSAPP_MESSAGE_STATUSES)[number];

/** Rank of a status: a webhook status of a lower rank than the message's never moves it back (`failed` is final). */
export const WHATSAPP_STATUS_RANK: Record<WhatsappMessageStatus, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/** Whether a status reported later may replace the one a message has. */
export function statusMovesForward(current: WhatsappMessageStatus, next: WhatsappMessageStatus): boolean {
  if (current === 'failed' || current === 'read') return false;
  return WHATSAPP_STATUS_RANK[next] > WHATSAPP_STATUS_RANK[current];
}

export const WHATSAPP_STATUS_LABELS: Record<WhatsappMessageStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not delivered',
};

/** What an inbound message is (Meta's `messages[].type`); anything else is stored as `unsupported`. */
export const WHATSAPP_MESSAGE_KINDS = [
  'text',
  'template',
  'image',
  'document',
  'audio',
  'video',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'button',
  'reaction',
  'unsupported',
] as const;
export type WhatsappMessageKind = (typeof WHATSAPP_MESSAGE_KINDS)[number];

/** The placeholder the panel shows for what it cannot show yet (media download is a later step). */
export const WHATSAPP_KIND_PLACEHOLDERS: Record<WhatsappMessageKind, string> = {
  text: '',
  template: '',
  image: '📷 A photo',
  document: '📄 A document',
  audio: '🎤 A voice message',
  video: '🎬 A video',
  sticker: 'A sticker',
  location: '📍 A location',
  contacts: '👤 A contact card',
  interactive: 'A reply to a button or list',
  button: 'A button reply',
  reaction: 'A reaction',
  unsupported: 'A message WhatsApp does not let us show',
};

/** The customer-service window Meta opens with each message from the student. */
export const WHATSAPP_WINDOW_HOURS = 24;
/** Meta's default throughput per business phone number. */
export const WHATSAPP_MESSAGES_PER_SECOND = 80;
export const WHATSAPP_TEXT_MAX_LENGTH = 4096;
/** A template's variables: `{{1}}` first name, `{{2}}` the comparison's link, `{{3}}` the advisor's name (the comparison template). */
export const WHATSAPP_TEMPLATE_MAX_VARIABLES = 10;

/** A text that is only STOP or UNSUBSCRIBE (any case, spaces around) withdraws WhatsApp consent. */
export function isStopMessage(text: string | null | undefined): boolean {
  return typeof text === 'string' && /^\s*(stop|unsubscribe)\s*[.!]?\s*$/i.test(text);
}

export interface WhatsappTemplateRef {
  name: string;
  /** Meta's language code, e.g. `en`, `en_US`, `hi`. */
  language: string;
}

export interface WhatsappTemplateSend extends WhatsappTemplateRef {
  /** Body variables in order (`{{1}}`, `{{2}}`, …). */
  variables: string[];
}

/** `GET /api/leads/:id/messages`, oldest first. */
export interface WhatsappMessageView<Time = string> {
  id: string;
  leadId: string;
  direction: 'in' | 'out';
  kind: WhatsappMessageKind;
  /** The text (outbound templates: the template's name and variables are in `template`). */
  text: string | null;
  template: WhatsappTemplateSend | null;
  status: WhatsappMessageStatus;
  errorCode: number | null;
  /** Meta's `title` (or its `message` where the answer has no title). */
  errorTitle: string | null;
  waMessageId: string | null;
  sentById: string | null;
  sentByName: string | null;
  createdAt: Time;
  /** When the status last moved. */
  statusAt: Time | null;
}

/** `POST /api/leads/:id/messages`: exactly one of `text` (window open), `template`, or `comparisonId`. */
export type SendWhatsappBody = { text: string } | { template: WhatsappTemplateSend } | { comparisonId: string };

/** `202` answer of a send. */
export interface WhatsappQueued {
  id: string;
  status: 'queued';
}

/** `GET|PUT /api/settings/whatsapp` (admins). */
export interface WhatsappSettings {
  comparisonTemplate: WhatsappTemplateRef;
  welcomeTemplate: WhatsappTemplateRef | null;
  welcomeEnabled: boolean;
  /** Meta's authentication template (with a copy-code button) that carries one-time codes: verifying a data request or a minor's guardian. */
  codeTemplate: WhatsappTemplateRef;
}

export const DEFAULT_WHATSAPP_SETTINGS: WhatsappSettings = {
  comparisonTemplate: { name: 'comparison_ready', language: 'en' },
  welcomeTemplate: null,
  welcomeEnabled: false,
  codeTemplate: { name: 'verification_code', language: 'en' },
};

/** `GET /api/whatsapp/connection` (every signed-in role that may read leads): whether sending is connected. */
export interface WhatsappConnection<Time = string> {
  configured: boolean;
  /** With `configured`: the result of the last check of the token and phone number id (`POST /api/whatsapp/connection/check`, admins). */
  check: { ok: boolean; at: Time; displayPhoneNumber: string | null; verifiedName: string | null; error: string | null } | null;
}

/** Meta's error codes, in words an advisor can act on. */
export const WHATSAPP_ERROR_EXPLANATIONS: Record<number, string> = {
  131047: "More than 24 hours since the student's last message: send a template",
  131026: 'Not a WhatsApp number, or the student cannot receive this message',
  131051: 'WhatsApp does not support this kind of message',
  131052: 'The media could not be downloaded',
  131053: 'The media could not be uploaded',
  131056: 'Too many messages to this student in a short time: try again later',
  131008: 'A required part of the message is missing',
  131009: 'A value in the message is not valid',
  131021: 'The sender and the recipient are the same number',
  131031: 'The WhatsApp Business account is locked',
  131042: 'A payment problem on the WhatsApp Business account',
  131045: 'The sending number is not registered',
  132000: "The template's variables do not match the approved template",
  132001: 'This template does not exist in this language, or is not approved yet',
  132005: 'The template text is too long once filled in',
  132007: 'The template breaks WhatsApp policy',
  132012: "The template's variables are not in the approved format",
  132015: 'The template is paused for low quality',
  132016: 'The template is disabled for low quality',
  130429: 'Sending too fast for this number: it will be retried',
  131048: 'Spam rate limit reached: sending is limited for now',
  131049: 'Meta chose not to deliver this marketing message to keep engagement healthy',
  131050: 'The student stopped marketing messages from this business',
  190: 'The access token has expired or is not valid: an admin must renew it',
  10: 'The app lacks permission to send from this number',
  100: 'A parameter of the request is not valid',
  368: 'Temporarily blocked for policy violations',
};

/** How a failed message's reason reads: our words for a known code, else Meta's title. */
export function explainWhatsappError(code: number | null, title: string | null): string {
  if (code !== null && WHATSAPP_ERROR_EXPLANATIONS[code]) return WHATSAPP_ERROR_EXPLANATIONS[code];
  return title ?? 'WhatsApp could not deliver this message';
}
