import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isStopMessage, normalisePhone, statusMovesForward, type WhatsappMessageStatus } from '@advisordesk/shared';
import { AppError, BatchQueue, EventBus, queryMaybeOne, queryRows } from '@advisordesk/api-core';
import { JobsService } from '@advisordesk/api-jobs';
import { AssignmentService, leadOwningPhone, newReference, recordActivity } from '@advisordesk/api-leads';
import { WHATSAPP_CONFIG } from './cloud-api.client';
import { metaTime, readInbound, type MetaInboundMessage } from './inbound-message';
import type { WhatsappConfig } from './whatsapp.config';
import { WhatsappErrors } from './whatsapp.errors';
import { sameToken, validSignature } from './webhook-signature';

export const WHATSAPP_WEBHOOK_QUEUE = 'whatsapp.webhook';
/** The channel of `whatsapp.message` events (after each stored inbound message and each status change). */
export const WHATSAPP_MESSAGE_CHANNEL = 'whatsapp.message';
/** A status for a message the outbox has not recorded yet (Meta can be faster than our commit): retried until this old. */
const UNKNOWN_MESSAGE_GRACE_MS = 5 * 60_000;
/** Handled webhook events are deleted after this many days. */
export const WEBHOOK_EVENT_RETENTION_DAYS = 14;

export interface WhatsappMessageEvent {
  leadId: string;
  messageId: string;
  direction: 'in' | 'out';
  advisorId: string | null;
}

interface MetaStatus {
  id?: unknown;
  status?: unknown;
  timestamp?: unknown;
  errors?: { code?: unknown; title?: unknown; message?: unknown }[];
}

interface ChangeValue {
  metadata?: { phone_number_id?: unknown };
  contacts?: { wa_id?: unknown; profile?: { name?: unknown } }[];
  messages?: MetaInboundMessage[];
  statuses?: MetaStatus[];
}

class StatusForUnknownMessage extends Error {}

const STATUSES: readonly WhatsappMessageStatus[] = ['sent', 'delivered', 'read', 'failed'];

/**
 * Meta's webhook: the handshake, then each POST checked (signature over the raw bytes), stored,
 * answered 200 at once and handled by a job (`whatsapp.webhook`, retried), so a slow database never
 * makes Meta retry and nothing is lost when this instance stops. Handling is idempotent: an inbound
 * message is stored once by its `wamid`, a status only moves forward, and a body Meta sends again
 * byte for byte is not stored twice.
 */
@Injectable()
export class WebhookService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('WhatsappWebhook');
  /**
   * Events arriving together are stored in one statement and their jobs queued in one more, so under
   * load many webhook requests share two round trips. The same body twice never shares a batch.
   */
  private readonly ingest = new BatchQueue<{ json: string; hash: Buffer }, string | null>({
    maxBatch: 200,
    concurrency: 2,
    key: (event) => event.hash.toString('hex'),
    retryAlone: true,
    run: (events) => this.store(events),
  });

  constructor(
    @Inject(WHATSAPP_CONFIG) private readonly config: WhatsappConfig | null,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly events: EventBus,
    private readonly assignment: AssignmentService,
  ) {}

  onModuleInit() {
    this.jobs.define<{ eventId?: string }>({
      queue: WHATSAPP_WEBHOOK_QUEUE,
      retryLimit: 8,
      retryDelaySeconds: 5,
      retryBackoff: true,
      retryDelayMaxSeconds: 600,
      // Fetched in batches: a full batch fetches again at once, so a burst of events drains without waiting for the poll.
      batchSize: 20,
      // Events whose job could not be queued (the instance stopped between storing and sending) are picked up each minute.
      schedule: { cron: '* * * * *', data: {} },
      handler: async (job) => {
        if (job.data.eventId) await this.process(job.data.eventId);
        else await this.sweep();
      },
    });
  }

  /** Events already received are stored before the process stops. */
  onApplicationShutdown() {
    return this.ingest.idle();
  }

  /** `GET /api/webhooks/whatsapp`: Meta's subscription handshake. */
  verify(mode: unknown, token: unknown, challenge: unknown): string {
    if (!this.config) throw new AppError(WhatsappErrors.webhookNotConfigured);
    if (mode !== 'subscribe' || !sameToken(token, this.config.verifyToken) || typeof challenge !== 'string' || challenge.length > 200)
      throw new AppError(WhatsappErrors.verifyRefused);
    return challenge;
  }

  /** `POST /api/webhooks/whatsapp`: checked, stored, a job queued. Nothing is stored without a valid signature. */
  async receive(rawBody: unknown, signature: unknown): Promise<void> {
    if (!this.config) throw new AppError(WhatsappErrors.webhookNotConfigured);
    const bytes = Buffer.isBuffer(rawBody) ? rawBody : Buffer.alloc(0);
    if (!validSignature(bytes, signature, this.config.appSecret)) throw new AppError(WhatsappErrors.badSignature);
    const text = bytes.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError(WhatsappErrors.notJson);
    }
    // Stored as received; PostgreSQL's jsonb cannot hold \u0000, so a body with one is stored without it (the signature was checked on the bytes).
    const json = text.includes('\\u0000') ? JSON.stringify(body).replaceAll('\\u0000', '') : text;
    await this.ingest.submit({ json, hash: createHash('sha256').update(bytes).digest() });
  }

  /** Stores a batch of events (a body already stored is skipped) and queues a job for each new one; answers their ids. */
  private async store(events: { json: string; hash: Buffer }[]): Promise<(string | null)[]> {
    const rows = await queryRows<{ id: string; hash: Buffer }>(
      this.dataSource,
      `INSERT INTO whatsapp_webhook_events (body, body_sha256)
       SELECT body::jsonb, hash FROM unnest($1::text[], $2::bytea[]) AS e(body, hash)
       ON CONFLICT (body_sha256) DO NOTHING RETURNING id::text AS id, body_sha256 AS hash`,
      [events.map((e) => e.json), events.map((e) => e.hash)],
    );
    const ids = new Map(rows.map((row) => [row.hash.toString('hex'), row.id]));
    if (rows.length)
      await this.jobs
        .sendMany(
          WHATSAPP_WEBHOOK_QUEUE,
          rows.map((row) => ({ eventId: row.id })),
        )
        .catch((error: Error) =>
          this.logger.warn(`${rows.length} webhook event(s) stored; their jobs will be queued by the next sweep (${error.message})`),
        );
    return events.map((e) => ids.get(e.hash.toString('hex')) ?? null);
  }

  /** Each minute: forgets handled events past their retention, and queues the events stored more than a minute ago and still not handled (their job was never queued). */
  async sweep(): Promise<void> {
    // Meta's bodies are kept as long as a retry of theirs may come (a few days), then go: they hold phones, names and words.
    await this.dataSource.query(`DELETE FROM whatsapp_webhook_events WHERE processed_at < now() - interval '${WEBHOOK_EVENT_RETENTION_DAYS} days'`);
    const pending = await queryRows<{ id: string }>(
      this.dataSource,
      `SELECT id::text AS id FROM whatsapp_webhook_events WHERE processed_at IS NULL AND error IS NULL AND received_at < now() - interval '1 minute' ORDER BY id LIMIT 500`,
    );
    for (const { id } of pending) await this.jobs.send(WHATSAPP_WEBHOOK_QUEUE, { eventId: id }, { singletonKey: `event-${id}` });
  }

  /** Handles one stored event in one transaction; the events for the panels go out after the commit. */
  async process(eventId: string): Promise<void> {
    const published: WhatsappMessageEvent[] = [];
    try {
      await this.dataSource.transaction(async (manager) => {
        const event = await queryMaybeOne<{ body: unknown; receivedAt: Date; processedAt: Date | null }>(
          manager,
          `SELECT body, received_at AS "receivedAt", processed_at AS "processedAt" FROM whatsapp_webhook_events WHERE id = $1 FOR UPDATE`,
          [eventId],
        );
        if (!event || event.processedAt) return;
        const leadIds = new Set<string>();
        for (const value of changeValues(event.body)) {
          if (this.config && value.metadata?.phone_number_id !== undefined && String(value.metadata.phone_number_id) !== this.config.phoneNumberId) {
            this.logger.warn(`Webhook event ${eventId} is for another phone number id: ignored`);
            continue;
          }
          const names = new Map<string, string>();
          for (const contact of Array.isArray(value.contacts) ? value.contacts : []) {
            const name = typeof contact?.profile?.name === 'string' ? contact.profile.name.trim().slice(0, 200) : '';
            if (typeof contact?.wa_id === 'string' && name) names.set(contact.wa_id.replace(/\D/g, ''), name);
          }
          for (const message of Array.isArray(value.messages) ? value.messages : []) {
            const stored = await this.inbound(manager, message, names);
            if (stored) {
              leadIds.add(stored.leadId);
              published.push(stored);
            }
          }
          for (const status of Array.isArray(value.statuses) ? value.statuses : []) {
            const moved = await this.status(manager, status, event.receivedAt);
            if (moved) {
              leadIds.add(moved.leadId);
              published.push(moved);
            }
          }
        }
        await manager.query(`UPDATE whatsapp_webhook_events SET processed_at = now(), error = NULL, lead_ids = $2::uuid[] WHERE id = $1`, [
          eventId,
          [...leadIds],
        ]);
      });
    } catch (error) {
      await this.dataSource
        .query(`UPDATE whatsapp_webhook_events SET error = $2 WHERE id = $1`, [eventId, String((error as Error).message).slice(0, 500)])
        .catch(() => undefined);
      throw error;
    }
    for (const event of published)
      await this.events
        .publish(WHATSAPP_MESSAGE_CHANNEL, event)
        .catch((error: Error) => this.logger.warn(`Could not publish ${WHATSAPP_MESSAGE_CHANNEL}: ${error.message}`));
  }

  /** A student's message: on the lead with that number (a new lead when none), once by its `wamid`. */
  private async inbound(manager: EntityManager, message: MetaInboundMessage, names: Map<string, string>): Promise<WhatsappMessageEvent | null> {
    const wamid = typeof message?.id === 'string' && message.id ? message.id.slice(0, 200) : null;
    const digits = typeof message?.from === 'string' ? message.from.replace(/\D/g, '') : '';
    if (!wamid || digits.length < 8 || digits.length > 15) return null;
    const known = await queryMaybeOne<{ id: string }>(manager, `SELECT id FROM whatsapp_messages WHERE wa_message_id = $1`, [wamid]);
    if (known) return null;
    const parsed = normalisePhone(`+${digits}`);
    const phone = parsed.ok ? parsed.e164 : `+${digits}`;
    const profileName = names.get(digits) ?? null;
    const lead = (await leadOwningPhone(manager, phone)) ?? (await this.newLead(manager, phone, profileName));
    const { kind, text } = readInbound(message);
    const at = metaTime(message.timestamp);
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO whatsapp_messages (lead_id, direction, kind, text, profile_name, status, wa_message_id, created_at, status_at)
       VALUES ($1, 'in', $2, $3, $4, 'delivered', $5, $6, now())
       ON CONFLICT (wa_message_id) DO NOTHING RETURNING id`,
      [lead.id, kind, text, profileName, wamid, at],
    );
    if (!row) return null;
    await recordActivity(manager, lead.id, 'whatsapp', null, { direction: 'in', messageId: row.id, kind, ...(text !== null ? { text } : {}) });
    if (kind === 'text' && isStopMessage(text)) {
      const withdrawn = await manager.query(
        `UPDATE leads SET consent_whatsapp = false, version = version + 1, updated_at = now(), updated_by = NULL WHERE id = $1 AND consent_whatsapp RETURNING id`,
        [lead.id],
      );
      if ((withdrawn as unknown[]).length)
        await recordActivity(manager, lead.id, 'consent', null, {
          withdrawn: { whatsapp: true, marketing: false },
          via: 'whatsapp',
          messageId: row.id,
        });
    }
    return { leadId: lead.id, messageId: row.id, direction: 'in', advisorId: lead.advisorId };
  }

  /**
   * Someone we do not know wrote to us: a lead (source WhatsApp, named by their profile name),
   * assigned as intake assigns, with no consent assumed: Meta lets us answer inside the 24 hours
   * their message opened, and nothing more.
   */
  private async newLead(manager: EntityManager, phone: string, profileName: string | null): Promise<{ id: string; advisorId: string | null }> {
    await this.assignment.lock(manager);
    // Another event for the same number may have created it while we waited for the lock.
    const raced = await leadOwningPhone(manager, phone);
    if (raced) return raced;
    const [turn] = await this.assignment.takeTurns(manager, 1);
    const [lead] = await queryRows<{ id: string; advisorId: string | null }>(
      manager,
      `INSERT INTO leads (reference, full_name, phone, source, advisor_id) VALUES ($1, $2, $3, 'whatsapp', $4)
       ON CONFLICT (phone) WHERE phone IS NOT NULL DO UPDATE SET updated_at = leads.updated_at
       RETURNING id, advisor_id AS "advisorId"`,
      [newReference(), profileName ?? `WhatsApp ${phone}`, phone, turn?.advisorId ?? null],
    );
    await recordActivity(manager, lead.id, 'inquiry', null, { source: 'whatsapp' });
    if (turn) {
      const advisor = await queryMaybeOne<{ name: string }>(manager, `SELECT name FROM users WHERE id = $1`, [turn.advisorId]);
      await manager.query(`INSERT INTO activities (lead_id, type, data, created_at) VALUES ($1, 'assignment', $2, $3)`, [
        lead.id,
        JSON.stringify({ to: turn.advisorId, toName: advisor?.name ?? null, automatic: true }),
        turn.at,
      ]);
    }
    return lead;
  }

  /** A status of an outbound message: forward only (a late `delivered` after `read` changes nothing); `failed` keeps Meta's error. */
  private async status(manager: EntityManager, status: MetaStatus, receivedAt: Date): Promise<WhatsappMessageEvent | null> {
    const next = STATUSES.find((s) => s === status?.status);
    const wamid = typeof status?.id === 'string' ? status.id : null;
    if (!next || !wamid) return null;
    const message = await queryMaybeOne<{ id: string; leadId: string; status: WhatsappMessageStatus; advisorId: string | null }>(
      manager,
      `SELECT m.id, m.lead_id AS "leadId", m.status, l.advisor_id AS "advisorId"
         FROM whatsapp_messages m JOIN leads l ON l.id = m.lead_id
        WHERE m.wa_message_id = $1 AND m.direction = 'out' FOR UPDATE OF m`,
      [wamid],
    );
    if (!message) {
      if (Date.now() - receivedAt.getTime() < UNKNOWN_MESSAGE_GRACE_MS)
        throw new StatusForUnknownMessage(`A status for a message not recorded yet (${wamid.slice(0, 40)}): retried`);
      return null;
    }
    if (!statusMovesForward(message.status, next)) return null;
    const error = next === 'failed' && Array.isArray(status.errors) ? status.errors[0] : undefined;
    const code = typeof error?.code === 'number' ? error.code : null;
    const title = typeof error?.title === 'string' ? error.title : typeof error?.message === 'string' ? error.message : null;
    await manager.query(
      `UPDATE whatsapp_messages SET status = $2, status_at = $3, error_code = COALESCE($4, error_code), error_title = COALESCE($5, error_title)
        WHERE id = $1 AND status = $6`,
      [message.id, next, metaTime(status.timestamp), code, title?.slice(0, 500) ?? null, message.status],
    );
    return { leadId: message.leadId, messageId: message.id, direction: 'out', advisorId: message.advisorId };
  }
}

/** Every `value` of a `messages` change in Meta's envelope (`{object, entry: [{changes: [{field, value}]}]}`). */
function changeValues(body: unknown): ChangeValue[] {
  const entries = (body as { entry?: unknown } | null)?.entry;
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry) => {
    const changes = (entry as { changes?: unknown } | null)?.changes;
    if (!Array.isArray(changes)) return [];
    return changes
      .filter((c) => c && typeof c === 'object' && (c as { field?: unknown }).field === 'messages')
      .map((c) => (c as { value?: ChangeValue }).value)
      .filter((v): v is ChangeValue => !!v && typeof v === 'object');
  });
}
