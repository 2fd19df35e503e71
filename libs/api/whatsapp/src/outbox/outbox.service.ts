import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AppError,
  EventBus,
  RateLimitedError,
  RateLimits,
  errorOnField,
  fieldError,
  queryMaybeOne,
  queryOne,
  queryChanged,
  queryRows,
  type RateLimit,
} from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { JobsService } from '@advisordesk/api-jobs';
import { IntakeService, leadVisibility, LeadsErrors, recordActivity } from '@advisordesk/api-leads';
import { WHATSAPP_MESSAGES_PER_SECOND, type WhatsappMessageKind, type WhatsappQueued, type WhatsappTemplateSend } from '@advisordesk/shared';
import { WhatsappErrors } from '../whatsapp.errors';
import type { SendWhatsappDto } from './send-message.dto';
import { OUTBOX_CLAIM_SECONDS, OutboxSender, type SendOutcome } from './outbox.sender';

export const WHATSAPP_SEND_QUEUE = 'whatsapp.send';
export const WHATSAPP_SWEEP_QUEUE = 'whatsapp.sweep';
/** A token is used only until this long before the end of its second, so that a call counted in one second does not reach Meta in the next. */
const TOKEN_MARGIN_MS = 100;
/** A message still not accepted by Meta this long after it was queued is given up (`failed`). */
export const GIVE_UP_AFTER_HOURS = 24;

/** The lead as the checks before a send read it. */
interface LeadForSending {
  id: string;
  fullName: string | null;
  phone: string | null;
  consentWhatsapp: boolean;
  /** A minor whose guardian's consent is not verified yet: contact-only. */
  unverifiedMinor: boolean;
  erasedAt: Date | null;
  windowEndsAt: Date | null;
}

/** What the outbox row holds, as the worker claims it. */
interface ClaimedMessage {
  id: string;
  leadId: string;
  kind: 'text' | 'template';
  text: string | null;
  template: WhatsappTemplateSend | null;
  /** As text: microseconds that a JavaScript Date would round away, so the claim compares equal. */
  claimedAt: string;
  attempts: number;
  statusAt: Date;
  advisorId: string | null;
  phone: string | null;
  consentWhatsapp: boolean;
  /** A minor whose guardian's consent is not verified yet: contact-only. */
  unverifiedMinor: boolean;
  erased: boolean;
}

/** The first retry within 10 s (2–6 s), doubling up to an hour, each with jitter. */
export function retryDelayMs(attempts: number, random = Math.random()): number {
  const base = Math.min(4_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.5 + random));
}

/**
 * Sending on WhatsApp through a durable outbox in PostgreSQL. A send stores the message `queued`
 * (with its timeline entry) and queues a `whatsapp.send` job; the job claims the row, takes a
 * token from the 80/s limit shared by every instance, calls the Cloud API and stores the `wamid`
 * with status `sent` in the statement that checks the claim is still its own. A sweep each minute
 * queues a job again for rows left `queued` (a job lost to a crash, a claim whose worker died) and
 * gives up those queued for more than 24 hours.
 */
@Injectable()
export class OutboxService implements OnModuleInit {
  private readonly logger = new Logger('WhatsappOutbox');
  private readonly perSecond: RateLimit;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly events: EventBus,
    private readonly sender: OutboxSender,
    private readonly intake: IntakeService,
    limits: RateLimits,
  ) {
    this.perSecond = limits.limiter('whatsapp-send', {
      points: WHATSAPP_MESSAGES_PER_SECOND,
      durationSec: 1,
      message: 'WhatsApp sending is at its 80 messages a second',
    });
  }

  onModuleInit(): void {
    // The leads library knows nothing of WhatsApp: it calls back once a Quick Inquiry created a lead.
    this.intake.onLeadCreated(async (leadId) => {
      if (this.sender.configured()) await this.welcome([leadId], await this.sender.settings());
    });
    this.jobs.define<{ messageId: string }>({
      queue: WHATSAPP_SEND_QUEUE,
      handler: (job) => this.deliver(job.data.messageId),
      // Our own retries (backoff with jitter, 24 hours) are new jobs; these cover a crash of the handler itself.
      retryLimit: 5,
      retryDelaySeconds: 5,
      // 20 calls in flight per instance: enough for 80/s at Meta's usual latency, few enough not to crowd the shared limit.
      localConcurrency: 4,
      batchSize: 5,
      expireInSeconds: 300,
    });
    this.jobs.define<object>({
      queue: WHATSAPP_SWEEP_QUEUE,
      handler: () => this.sweep(),
      policy: 'singleton',
      retryLimit: 0,
      deadLetter: false,
      schedule: { cron: '* * * * *' },
    });
  }

  /** `POST /api/leads/:id/messages`: checks, then the row, its timeline entry and the job. */
  async send(user: AuthUser, leadId: string, body: SendWhatsappDto): Promise<WhatsappQueued> {
    if (body.text === undefined && body.template === undefined && body.comparisonId === undefined)
      throw fieldError('text', 'text, template or comparisonId is required: send exactly one');
    const lead = await this.checkedLead(user, leadId, body.text !== undefined);
    let kind: 'text' | 'template' = 'template';
    let text: string | null = null;
    let template: WhatsappTemplateSend | null = null;
    if (body.text !== undefined) {
      kind = 'text';
      text = body.text;
    } else if (body.template) {
      template = { name: body.template.name, language: body.template.language, variables: [...body.template.variables] };
    } else {
      template = await this.comparisonTemplate(user, lead, body.comparisonId as string);
    }
    const id = await this.dataSource.transaction((manager) =>
      this.queue(manager, { leadId, kind, text, template, sentBy: user.id }, body.comparisonId ? { comparisonId: body.comparisonId } : {}),
    );
    await this.enqueue(id);
    return { id, status: 'queued' };
  }

  /** `POST /api/leads/:id/messages/:messageId/retry`: a failed message we sent goes back to the outbox (the same checks as a send). */
  async retry(user: AuthUser, leadId: string, messageId: string): Promise<WhatsappQueued> {
    const message = await queryMaybeOne<{ kind: WhatsappMessageKind; status: string; direction: string }>(
      this.dataSource,
      `SELECT m.kind, m.status, m.direction FROM whatsapp_messages m JOIN leads l ON l.id = m.lead_id
        WHERE m.id = $1 AND m.lead_id = $2 AND ${leadVisibility(user, 3).sql}`,
      [messageId, leadId, ...leadVisibility(user, 3).params],
    );
    if (!message) {
      await this.checkedLead(user, leadId, false, { onlyAccess: true });
      throw new AppError(WhatsappErrors.messageNotFound);
    }
    if (message.direction !== 'out' || message.status !== 'failed') throw new AppError(WhatsappErrors.notRetryable);
    await this.checkedLead(user, leadId, message.kind === 'text');
    // A new send: Meta's id of the failed attempt (if any) no longer names this message; its 24 hours start again.
    const requeued = await queryChanged<{ id: string }>(
      this.dataSource,
      `UPDATE whatsapp_messages SET status = 'queued', status_at = now(), error_code = NULL, error_title = NULL, wa_message_id = NULL,
              claimed_at = NULL, next_attempt_at = now(), sent_at = NULL
        WHERE id = $1 AND status = 'failed' AND direction = 'out' RETURNING id`,
      [messageId],
    );
    if (!requeued.length) throw new AppError(WhatsappErrors.notRetryable);
    await this.publish(leadId, messageId);
    await this.enqueue(messageId);
    return { id: messageId, status: 'queued' };
  }

  /**
   * The welcome template for leads a Quick Inquiry just created: those who agreed to WhatsApp,
   * are not minors, and when the admins switched it on with a template.
   */
  async welcome(leadIds: string[], settings: { welcomeEnabled: boolean; welcomeTemplate: { name: string; language: string } | null }): Promise<void> {
    if (!leadIds.length || !settings.welcomeEnabled || !settings.welcomeTemplate) return;
    const welcome = settings.welcomeTemplate;
    const leads = await queryRows<{ id: string; fullName: string }>(
      this.dataSource,
      `SELECT id, full_name AS "fullName" FROM leads
        WHERE id = ANY($1::uuid[]) AND consent_whatsapp AND NOT is_minor AND erased_at IS NULL AND phone IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM whatsapp_messages m WHERE m.lead_id = leads.id AND m.direction = 'out')`,
      [leadIds],
    );
    for (const lead of leads) {
      const template = { name: welcome.name, language: welcome.language, variables: [firstName(lead.fullName)] };
      const id = await this.dataSource.transaction((manager) =>
        this.queue(manager, { leadId: lead.id, kind: 'template', text: null, template, sentBy: null }, { welcome: true }),
      );
      await this.enqueue(id);
    }
  }

  /** The job: claim, take a token, call, store. Answers without sending when the row is someone else's or done. */
  async deliver(messageId: string): Promise<void> {
    const [message] = await queryChanged<ClaimedMessage>(
      this.dataSource,
      `UPDATE whatsapp_messages m SET claimed_at = clock_timestamp(), attempts = m.attempts + 1
         FROM leads l
        WHERE m.id = $1 AND l.id = m.lead_id AND m.direction = 'out' AND m.status = 'queued' AND m.wa_message_id IS NULL
          AND (m.claimed_at IS NULL OR m.claimed_at < now() - make_interval(secs => $2))
          AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= now() + interval '1 second')
        RETURNING m.id, m.lead_id AS "leadId", m.kind, m.text, m.template, m.claimed_at::text AS "claimedAt", m.attempts,
                  COALESCE(m.status_at, m.created_at) AS "statusAt", l.advisor_id AS "advisorId", l.phone,
                  l.consent_whatsapp AS "consentWhatsapp", (l.is_minor AND l.guardian_verified_at IS NULL) AS "unverifiedMinor", (l.erased_at IS NOT NULL) AS erased`,
      [messageId, OUTBOX_CLAIM_SECONDS],
    );
    if (!message) return;
    // What was true when it was queued may not be now: consent withdrawn (STOP), erased, no number.
    const refusal = message.erased
      ? "The lead's personal data was erased"
      : !message.consentWhatsapp
        ? 'The student withdrew consent to WhatsApp messages'
        : message.unverifiedMinor
          ? "The student is a minor without a guardian's verified consent"
          : !message.phone
            ? 'The lead has no phone number'
            : null;
    if (refusal) return this.finish(message, { kind: 'failed', code: null, title: refusal });
    await this.takeToken();
    const outcome = await this.sender.send(message.phone as string, message.kind, message.text, message.template);
    if (outcome.kind === 'retry' && Date.now() - new Date(message.statusAt).getTime() >= GIVE_UP_AFTER_HOURS * 3_600_000) {
      return this.finish(message, { kind: 'failed', code: outcome.code, title: `Not accepted by WhatsApp within 24 hours: ${outcome.title}` });
    }
    return this.finish(message, outcome);
  }

  /** Stores what the call answered, only while the claim is still ours. */
  private async finish(message: ClaimedMessage, outcome: SendOutcome): Promise<void> {
    if (outcome.kind === 'sent') {
      const stored = await queryChanged<{ id: string }>(
        this.dataSource,
        `UPDATE whatsapp_messages SET wa_message_id = $3, status = 'sent', status_at = now(), sent_at = now(), claimed_at = NULL, error_code = NULL, error_title = NULL
          WHERE id = $1 AND claimed_at = $2::timestamptz AND status = 'queued' AND wa_message_id IS NULL RETURNING id`,
        [message.id, message.claimedAt, outcome.waMessageId],
      );
      if (!stored.length) this.logger.warn(`Message ${message.id} was accepted by WhatsApp (${outcome.waMessageId}) after its claim ran out`);
      else await this.publish(message.leadId, message.id, message.advisorId);
      return;
    }
    if (outcome.kind === 'failed') {
      const stored = await queryChanged<{ id: string }>(
        this.dataSource,
        `UPDATE whatsapp_messages SET status = 'failed', status_at = now(), error_code = $3, error_title = $4, claimed_at = NULL, next_attempt_at = NULL
          WHERE id = $1 AND claimed_at = $2::timestamptz AND status = 'queued' RETURNING id`,
        [message.id, message.claimedAt, outcome.code, outcome.title.slice(0, 1000)],
      );
      if (stored.length) await this.publish(message.leadId, message.id, message.advisorId);
      return;
    }
    // Meta's Retry-After, when it sends one, is the least we wait (capped at an hour).
    const delay = Math.max(retryDelayMs(message.attempts), Math.min(outcome.retryAfterMs ?? 0, 3_600_000));
    const released = await queryChanged<{ id: string }>(
      this.dataSource,
      `UPDATE whatsapp_messages SET claimed_at = NULL, next_attempt_at = now() + make_interval(secs => $3), error_code = $4, error_title = $5
        WHERE id = $1 AND claimed_at = $2::timestamptz AND status = 'queued' RETURNING id`,
      [message.id, message.claimedAt, delay / 1000, outcome.code, outcome.title.slice(0, 1000)],
    );
    if (released.length) await this.jobs.send(WHATSAPP_SEND_QUEUE, { messageId: message.id }, { startAfter: new Date(Date.now() + delay) });
  }

  /** One of the 80 sends a second, across every instance; refused, wait for the next second and ask again. */
  private async takeToken(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const second = Math.floor(now / 1000);
      // Near the end of a second a call could reach Meta in the next one: wait for the next second instead.
      if (now - second * 1000 > 1000 - TOKEN_MARGIN_MS) {
        await new Promise((resolve) => setTimeout(resolve, (second + 1) * 1000 - now));
        continue;
      }
      try {
        await this.perSecond.hit(`second:${second}`);
        // A token granted late (a busy pool, a slow database) is spent, not used: the call would land in the next second.
        if (Date.now() <= (second + 1) * 1000 - TOKEN_MARGIN_MS) return;
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        await new Promise((resolve) => setTimeout(resolve, (second + 1) * 1000 - Date.now() + Math.floor(Math.random() * 20)));
      }
    }
  }

  /**
   * Each minute, on one instance: rows `queued` for more than 24 hours are given up; rows still
   * `queued` whose claim ran out (or was never taken) and whose time has come get a job again.
   * A duplicate job is harmless: the claim lets one of them send.
   */
  async sweep(): Promise<void> {
    const givenUp = await queryChanged<{ id: string; leadId: string }>(
      this.dataSource,
      `UPDATE whatsapp_messages SET status = 'failed', status_at = now(), claimed_at = NULL, next_attempt_at = NULL,
              error_title = 'Not accepted by WhatsApp within 24 hours' || COALESCE(': ' || error_title, '')
        WHERE status = 'queued' AND direction = 'out' AND wa_message_id IS NULL
          AND COALESCE(status_at, created_at) < now() - make_interval(hours => $1)
          AND (claimed_at IS NULL OR claimed_at < now() - make_interval(secs => $2))
        RETURNING id, lead_id AS "leadId"`,
      [GIVE_UP_AFTER_HOURS, OUTBOX_CLAIM_SECONDS],
    );
    for (const row of givenUp) await this.publish(row.leadId, row.id);
    const waiting = await queryRows<{ id: string }>(
      this.dataSource,
      `SELECT id FROM whatsapp_messages
        WHERE status = 'queued' AND direction = 'out' AND wa_message_id IS NULL
          AND COALESCE(next_attempt_at, created_at) < now() - interval '30 seconds'
          AND (claimed_at IS NULL OR claimed_at < now() - make_interval(secs => $1))
        ORDER BY next_attempt_at LIMIT 5000`,
      [OUTBOX_CLAIM_SECONDS],
    );
    if (waiting.length) this.logger.log(`Queued ${waiting.length} waiting WhatsApp message(s) again`);
    for (const row of waiting) await this.jobs.send(WHATSAPP_SEND_QUEUE, { messageId: row.id }, { singletonKey: row.id });
  }

  /** The row and its timeline entry, in the caller's transaction. */
  private async queue(
    manager: EntityManager,
    message: { leadId: string; kind: 'text' | 'template'; text: string | null; template: WhatsappTemplateSend | null; sentBy: string | null },
    extra: Record<string, unknown>,
  ): Promise<string> {
    const { id } = await queryOne<{ id: string }>(
      manager,
      `INSERT INTO whatsapp_messages (lead_id, direction, kind, text, template, status, sent_by, next_attempt_at, status_at)
       VALUES ($1, 'out', $2, $3, $4, 'queued', $5, now(), now()) RETURNING id`,
      [message.leadId, message.kind, message.text, message.template ? JSON.stringify(message.template) : null, message.sentBy],
    );
    await recordActivity(manager, message.leadId, 'whatsapp', message.sentBy, {
      direction: 'out',
      messageId: id,
      kind: message.kind,
      ...(message.text !== null && { text: message.text }),
      ...(message.template && { template: message.template }),
      ...extra,
    });
    return id;
  }

  /** The job goes after the commit; if sending it fails the sweep queues it within a minute or two. */
  private async enqueue(messageId: string): Promise<void> {
    await this.jobs
      .send(WHATSAPP_SEND_QUEUE, { messageId }, { singletonKey: messageId })
      .catch((error: Error) => this.logger.warn(`Message ${messageId} waits for the sweep: ${error.message}`));
  }

  private async publish(leadId: string, messageId: string, advisorId?: string | null): Promise<void> {
    const advisor =
      advisorId !== undefined
        ? advisorId
        : ((await queryMaybeOne<{ advisorId: string | null }>(this.dataSource, `SELECT advisor_id AS "advisorId" FROM leads WHERE id = $1`, [leadId]))
            ?.advisorId ?? null);
    await this.events
      .publish('whatsapp.message', { leadId, messageId, direction: 'out', advisorId: advisor })
      .catch((error: Error) => this.logger.warn(`Could not announce message ${messageId}: ${error.message}`));
  }

  /** The lead, if the user may write to it, and the refusals in order: configured, erased, consent, minor, window (text). */
  private async checkedLead(user: AuthUser, leadId: string, freeText: boolean, options: { onlyAccess?: boolean } = {}): Promise<LeadForSending> {
    const visibility = leadVisibility(user, 2);
    const lead = await queryMaybeOne<LeadForSending>(
      this.dataSource,
      `SELECT l.id, l.full_name AS "fullName", l.phone, l.consent_whatsapp AS "consentWhatsapp", (l.is_minor AND l.guardian_verified_at IS NULL) AS "unverifiedMinor",
              l.erased_at AS "erasedAt", l.whatsapp_window_ends_at AS "windowEndsAt"
         FROM leads l WHERE l.id = $1 AND ${visibility.sql}`,
      [leadId, ...visibility.params],
    );
    if (!lead) throw new AppError(LeadsErrors.notFound);
    if (options.onlyAccess) return lead;
    if (!this.sender.configured()) throw new AppError(WhatsappErrors.notConfigured);
    if (lead.erasedAt) throw new AppError(WhatsappErrors.erased);
    if (!lead.consentWhatsapp) throw new AppError(WhatsappErrors.noConsent);
    // A minor gets nothing until the guardian's consent is verified (guardianVerifiedAt).
    if (lead.unverifiedMinor) throw new AppError(WhatsappErrors.minorWithoutGuardian);
    if (!lead.phone) throw new AppError(WhatsappErrors.noPhone);
    if (freeText && !(lead.windowEndsAt && new Date(lead.windowEndsAt).getTime() > Date.now())) throw new AppError(WhatsappErrors.windowClosed);
    return lead;
  }

  /** The admins' comparison template: `{{1}}` first name, `{{2}}` the comparison's link, `{{3}}` the advisor's name. */
  private async comparisonTemplate(user: AuthUser, lead: LeadForSending, comparisonId: string): Promise<WhatsappTemplateSend> {
    const comparison = await queryMaybeOne<{ token: string; expired: boolean }>(
      this.dataSource,
      `SELECT token, expires_at <= now() AS expired FROM comparisons WHERE id = $1 AND lead_id = $2`,
      [comparisonId, lead.id],
    );
    if (!comparison) throw errorOnField(WhatsappErrors.comparisonNotFound, 'comparisonId');
    if (comparison.expired) throw errorOnField(WhatsappErrors.comparisonExpired, 'comparisonId');
    const settings = await this.sender.settings();
    return {
      name: settings.comparisonTemplate.name,
      language: settings.comparisonTemplate.language,
      variables: [firstName(lead.fullName), this.sender.comparisonUrl(comparison.token), user.name],
    };
  }
}

/** The first word of the name, for "Hi {{1}}"; "there" when there is none. */
export function firstName(fullName: string | null): string {
  return fullName?.trim().split(/\s+/)[0] || 'there';
}
