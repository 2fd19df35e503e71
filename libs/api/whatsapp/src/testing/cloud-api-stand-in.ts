import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in of Meta's WhatsApp Cloud API (Graph API) for tests and the bench: an HTTP server on
 * 127.0.0.1 at a random port, answering as Meta documents
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages):
 *
 * - `POST /{phone-number-id}/messages` → `{messaging_product, contacts: [{input, wa_id}], messages: [{id: 'wamid.…'}]}`
 * - `GET /{phone-number-id}?fields=…` → `{display_phone_number, verified_name, id}`
 *
 * A wrong or missing Bearer token answers Meta's 401 (code 190); `failNext` programs the next
 * answers (500, 429, or a 4xx error payload); every call is logged with its Authorization header
 * and body. It also builds Meta's webhook payloads and posts them to the app signed with
 * `X-Hub-Signature-256` over the exact bytes sent. Tests never reach the internet.
 */
export interface CloudApiCall {
  method: string;
  /** Path and query, as received (`/1234/messages`). */
  path: string;
  authorization: string | null;
  body: unknown;
  at: Date;
}

/** An answer programmed with `failNext`: a server error, Meta's rate limit, or an error payload with its code. */
export type CloudApiFailure =
  | { status: 500 | 502 | 503 }
  | { status: 429; code?: number }
  | { status: 400 | 401 | 403 | 404; code: number; title?: string; message?: string; subcode?: number; details?: string };

export interface CloudApiStandInOptions {
  phoneNumberId?: string;
  accessToken?: string;
  appSecret?: string;
  displayPhoneNumber?: string;
  verifiedName?: string;
  /** Milliseconds each answer waits (a slow Graph API). */
  delayMs?: number;
}

/** Meta's error payload (`{error: {message, type, code, error_subcode, error_data: {details}, fbtrace_id}}`). */
export function graphErrorBody(code: number, message: string, details?: string, subcode?: number) {
  return {
    error: {
      message,
      type: code === 190 ? 'OAuthException' : 'OAuthException',
      code,
      ...(subcode !== undefined ? { error_subcode: subcode } : {}),
      error_data: { messaging_product: 'whatsapp', details: details ?? message },
      fbtrace_id: `A${randomBytes(8).toString('hex')}`,
    },
  };
}

export class CloudApiStandIn {
  readonly phoneNumberId: string;
  readonly accessToken: string;
  readonly appSecret: string;
  readonly displayPhoneNumber: string;
  readonly verifiedName: string;
  delayMs: number;
  /** Every call received, oldest first. */
  readonly calls: CloudApiCall[] = [];
  private readonly failures: CloudApiFailure[] = [];
  private server!: Server;
  private port = 0;

  private constructor(options: CloudApiStandInOptions) {
    this.phoneNumberId = options.phoneNumberId ?? '109876543210123';
    this.accessToken = options.accessToken ?? `EAAG${randomBytes(16).toString('hex')}`;
    this.appSecret = options.appSecret ?? randomBytes(16).toString('hex');
    this.displayPhoneNumber = options.displayPhoneNumber ?? '+91 80 4567 8900';
    this.verifiedName = options.verifiedName ?? 'AdvisorDesk Admissions';
    this.delayMs = options.delayMs ?? 0;
  }

  static async start(options: CloudApiStandInOptions = {}): Promise<CloudApiStandIn> {
    const standIn = new CloudApiStandIn(options);
    standIn.server = createServer((req, res) => void standIn.handle(req, res));
    standIn.server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    standIn.port = (standIn.server.address() as AddressInfo).port;
    return standIn;
  }

  /** What `WHATSAPP_API_URL` is set to. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The app's configuration for this stand-in (`WHATSAPP_*`). */
  env(verifyToken = 'verify-me-please'): Record<string, string> {
    return {
      WHATSAPP_PHONE_NUMBER_ID: this.phoneNumberId,
      WHATSAPP_ACCESS_TOKEN: this.accessToken,
      WHATSAPP_APP_SECRET: this.appSecret,
      WHATSAPP_VERIFY_TOKEN: verifyToken,
      WHATSAPP_API_URL: this.url,
    };
  }

  /** The next `count` answers fail this way (then answers are good again). */
  failNext(count: number, failure: CloudApiFailure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure);
  }

  /** The messages sent (`POST /{id}/messages`), with their bodies. */
  get sent(): CloudApiCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'));
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** `sha256=<hex>` of these bytes with the app secret (Meta's `X-Hub-Signature-256`). */
  sign(bytes: string | Buffer, secret = this.appSecret): string {
    return `sha256=${createHmac('sha256', secret).update(bytes).digest('hex')}`;
  }

  /**
   * Posts a webhook to the app (`appUrl` is its base, e.g. `http://127.0.0.1:3000`) as Meta does: the
   * JSON bytes signed. `signature: null` sends none; a string sends that one; `raw` sends these bytes
   * (signed unless `signature` says otherwise).
   */
  async sendWebhook(
    appUrl: string,
    payload: unknown,
    options: { signature?: string | null; raw?: string } = {},
  ): Promise<{ status: number; text: string }> {
    const bytes = options.raw ?? JSON.stringify(payload);
    const signature = options.signature === undefined ? this.sign(bytes) : options.signature;
    const response = await fetch(`${appUrl.replace(/\/$/, '')}/api/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature !== null ? { 'x-hub-signature-256': signature } : {}) },
      body: bytes,
    });
    return { status: response.status, text: await response.text() };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    const path = req.url ?? '/';
    const authorization = req.headers.authorization ?? null;
    this.calls.push({ method: req.method ?? 'GET', path, authorization, body, at: new Date() });
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const answer = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };

    const pathname = path.split('?')[0];
    const messages = pathname === `/${this.phoneNumberId}/messages`;
    const phoneNumber = pathname === `/${this.phoneNumberId}`;
    if (!(messages && req.method === 'POST') && !(phoneNumber && req.method === 'GET'))
      return answer(
        400,
        graphErrorBody(100, `Unsupported ${req.method} request. Object with ID '${pathname.split('/')[1]}' does not exist`, undefined, 33),
      );
    if (authorization !== `Bearer ${this.accessToken}`)
      return answer(401, graphErrorBody(190, 'Error validating access token: The session is invalid because the user logged out.', undefined, 460));

    const failure = this.failures.shift();
    if (failure) {
      if (failure.status === 429)
        return answer(429, graphErrorBody(failure.code ?? 130429, '(#130429) Rate limit hit', 'Cloud API message throughput has been reached.'));
      if (!('code' in failure)) return answer(failure.status, graphErrorBody(131000, 'Something went wrong', 'Internal server error'));
      return answer(failure.status, {
        error: {
          ...graphErrorBody(failure.code, failure.message ?? `(#${failure.code}) ${failure.title ?? 'Error'}`, failure.details, failure.subcode)
            .error,
          ...(failure.title ? { error_user_title: failure.title } : {}),
        },
      });
    }

    if (phoneNumber)
      return answer(200, {
        display_phone_number: this.displayPhoneNumber,
        verified_name: this.verifiedName,
        quality_rating: 'GREEN',
        id: this.phoneNumberId,
      });
    const message = (body ?? {}) as { messaging_product?: unknown; to?: unknown; type?: unknown };
    if (message.messaging_product !== 'whatsapp' || typeof message.to !== 'string' || typeof message.type !== 'string')
      return answer(400, graphErrorBody(100, '(#100) Invalid parameter', 'messaging_product, to and type are required'));
    return answer(200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: message.to, wa_id: message.to.replace(/\D/g, '') }],
      messages: [{ id: newWamid() }],
    });
  }
}

/** An id like Meta's (`wamid.` and base64). */
export function newWamid(): string {
  return `wamid.${randomBytes(30).toString('base64')}`;
}

/* ---------- Meta's webhook payloads (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components) ---------- */

export interface InboundMessageSpec {
  /** The sender's number, digits only as Meta sends it (`919876543210`); a `+` or spaces are removed. */
  from: string;
  /** Meta's `messages[].type` and its object, e.g. `{type: 'text', text: {body: 'Hi'}}`; `text()` builds a text. */
  type: string;
  content?: Record<string, unknown>;
  id?: string;
  /** The message's time (default now). */
  at?: Date;
  /** The sender's WhatsApp profile name (`contacts[].profile.name`). */
  profileName?: string;
}

export interface StatusSpec {
  /** The `wamid` of the outbound message. */
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  recipient: string;
  at?: Date;
  errors?: { code: number; title: string; message?: string; details?: string }[];
}

const seconds = (at: Date | undefined) => String(Math.floor((at ?? new Date()).getTime() / 1000));
const digits = (phone: string) => phone.replace(/\D/g, '');

function envelope(phoneNumberId: string, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '918045678900', phone_number_id: phoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** Building blocks of webhook payloads, shaped as Meta sends them. */
export const webhookPayloads = {
  /** One or more messages from students, in one body (Meta batches). */
  messages(phoneNumberId: string, specs: InboundMessageSpec[]) {
    const contacts = specs.filter((s) => s.profileName !== undefined).map((s) => ({ profile: { name: s.profileName }, wa_id: digits(s.from) }));
    return envelope(phoneNumberId, {
      ...(contacts.length ? { contacts } : {}),
      messages: specs.map((s) => ({
        from: digits(s.from),
        id: s.id ?? newWamid(),
        timestamp: seconds(s.at),
        type: s.type,
        ...(s.content ? { [s.type]: s.content } : {}),
      })),
    });
  },

  text(phoneNumberId: string, spec: Omit<InboundMessageSpec, 'type' | 'content'> & { text: string }) {
    return webhookPayloads.messages(phoneNumberId, [{ ...spec, type: 'text', content: { body: spec.text } }]);
  },

  image(phoneNumberId: string, spec: Omit<InboundMessageSpec, 'type' | 'content'> & { caption?: string }) {
    return webhookPayloads.messages(phoneNumberId, [
      { ...spec, type: 'image', content: { caption: spec.caption, mime_type: 'image/jpeg', sha256: 'aGFzaA==', id: '1479537139650973' } },
    ]);
  },

  location(phoneNumberId: string, spec: Omit<InboundMessageSpec, 'type' | 'content'> & { name?: string; address?: string }) {
    return webhookPayloads.messages(phoneNumberId, [
      { ...spec, type: 'location', content: { latitude: 12.9716, longitude: 77.5946, name: spec.name, address: spec.address } },
    ]);
  },

  /** Status updates of outbound messages; `failed` carries Meta's `errors[]`. */
  statuses(phoneNumberId: string, specs: StatusSpec[]) {
    return envelope(phoneNumberId, {
      statuses: specs.map((s) => ({
        id: s.id,
        status: s.status,
        timestamp: seconds(s.at),
        recipient_id: digits(s.recipient),
        ...(s.status !== 'failed'
          ? {
              conversation: { id: 'c0nv3rsat10n', origin: { type: 'service' } },
              pricing: { billable: true, pricing_model: 'CBP', category: 'service' },
            }
          : {}),
        ...(s.errors
          ? {
              errors: s.errors.map((e) => ({
                code: e.code,
                title: e.title,
                message: e.message ?? e.title,
                error_data: { details: e.details ?? e.title },
              })),
            }
          : {}),
      })),
    });
  },
};
