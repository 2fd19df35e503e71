import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { canonicalCourse, normalisePhone, stateToStore, type InquiryReceipt, type LeadSource, type WebsiteCourse } from '@advisordesk/shared';
import {
  APP_CONFIG,
  AppError,
  BatchQueue,
  fieldError,
  queryMaybeOne,
  queryRows,
  RateLimits,
  type AppConfig,
  type RateLimit,
} from '@advisordesk/api-core';
import { LeadsErrors } from './leads.errors';
import { ADVISOR_LOADS, AssignmentService, planTurns, recordTurns, type AdvisorLoad } from './assignment.service';
import { WebsiteFormService } from './website-form.service';
import type { CreateInquiryDto } from './dto/create-inquiry.dto';
import { newReference } from './reference';

/** One inquiry as the intake statement takes it (a row of its JSON input). */
export interface IntakeRow {
  reference: string;
  full_name: string;
  phone: string;
  email: string | null;
  city: string | null;
  state: string | null;
  course_interest: string | null;
  level: string | null;
  mode: string | null;
  /** A new lead's source (the form's `website`; an import's column, or `import`). */
  source: LeadSource;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  landing_url: string | null;
  consent_whatsapp: boolean;
  consent_marketing: boolean;
  consent_source: string | null;
  /** How the consent came (`form`, `import`): on an existing lead's consent event. */
  consent_via: 'form' | 'import';
  consent_notice_version: number | null;
  consent_language: string | null;
  is_minor: boolean;
  guardian_name: string | null;
  guardian_phone: string | null;
  referrer: string | null;
  payload: unknown;
  client_hash: string | null;
  idempotency_key: string | null;
  /** The lead import that brought this inquiry, if one did. */
  import_id: string | null;
  timeline: unknown;
}

/** Where an inquiry came from beside what its body says: the form's request, or an import's file. */
export interface IntakeOrigin {
  payload: unknown;
  source: LeadSource;
  consentSource: string | null;
  consentVia: IntakeRow['consent_via'];
  clientHash?: string | null;
  idempotencyKey?: string | null;
  importId?: string | null;
  /** More of the timeline entry (an import's file and who imported it). */
  timeline?: Record<string, unknown>;
}

const clean = (text?: string | null) => (text?.trim() ? text.trim() : null);

/**
 * An inquiry body (validated as `CreateInquiryDto`) as the intake statement takes it. A typed
 * course or state becomes the offered course's or the state's name when it is one; other text is
 * kept as typed. The Quick Inquiry form and the lead import both go through here.
 */
export function toIntakeRow(body: CreateInquiryDto, phone: string, courses: readonly WebsiteCourse[], origin: IntakeOrigin): IntakeRow {
  const utm = body.utm ?? {};
  const course = body.courseInterest?.trim() ? canonicalCourse(body.courseInterest, courses) : null;
  const guardianPhone = body.guardian ? normalisePhone(body.guardian.phone) : null;
  return {
    reference: newReference(),
    full_name: body.fullName.trim(),
    phone,
    email: clean(body.email)?.toLowerCase() ?? null,
    city: clean(body.city),
    state: stateToStore(body.state),
    course_interest: course?.name ?? clean(body.courseInterest),
    level: body.level ?? course?.level ?? null,
    mode: body.mode ?? course?.mode ?? null,
    source: origin.source,
    utm_source: clean(utm.source),
    utm_medium: clean(utm.medium),
    utm_campaign: clean(utm.campaign),
    utm_term: clean(utm.term),
    utm_content: clean(utm.content),
    landing_url: clean(body.sourceUrl),
    consent_whatsapp: body.consent.whatsapp,
    consent_marketing: body.consent.marketing,
    consent_source: origin.consentSource,
    consent_via: origin.consentVia,
    consent_notice_version: body.consentNoticeVersion ?? null,
    consent_language: body.consent.language ?? null,
    is_minor: body.minor === true,
    guardian_name: body.guardian?.fullName.trim() ?? null,
    guardian_phone: guardianPhone?.ok ? guardianPhone.e164 : null,
    referrer: clean(body.referrer),
    payload: origin.payload,
    client_hash: origin.clientHash ?? null,
    idempotency_key: origin.idempotencyKey ?? null,
    import_id: origin.importId ?? null,
    timeline: {
      courseInterest: course?.name ?? clean(body.courseInterest),
      message: clean(body.message),
      utmCampaign: clean(utm.campaign),
      consent: body.consent,
      ...origin.timeline,
    },
  };
}

export interface IntakeResult {
  id: string;
  reference: string;
  created: boolean;
}

const INPUT_COLUMNS = `ord int, reference text, full_name text, phone text, email text, city text, state text, course_interest text, level text, mode text,
  source text, utm_source text, utm_medium text, utm_campaign text, utm_term text, utm_content text, landing_url text, consent_whatsapp boolean,
  consent_marketing boolean, consent_source text, consent_via text, consent_notice_version int, consent_language text, is_minor boolean,
  guardian_name text, guardian_phone text, referrer text, payload jsonb, client_hash text, idempotency_key text, import_id uuid, timeline jsonb,
  advisor_id uuid, assigned_at timestamptz`;

/**
 * The intake of a batch of inquiries (distinct phones) in one statement: upsert each lead by phone
 * (the unique index decides; rows go in phone order), with the advisor chosen for it if it is new,
 * then each inquiry as received, its timeline entry and the assignment's. Anyone can type a phone
 * number into a public form, so a repeat submission changes nothing the lead holds (profile,
 * consent, minor and guardian data, advisor): it adds an inquiry, and any consent it carries is a
 * consent event on the timeline for the advisor to confirm with the person.
 */
const UPSERT_INQUIRIES = `
  WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${INPUT_COLUMNS})),
  lead AS (
    INSERT INTO leads (reference, full_name, phone, email, city, state, course_interest, level, mode, source,
                       utm_source, utm_medium, utm_campaign, utm_term, utm_content, landing_url,
                       consent_whatsapp, consent_marketing, consent_at, consent_source,
                       consent_notice_version, consent_language, is_minor, guardian_name, guardian_phone, referrer, advisor_id)
    SELECT reference, full_name, phone, email, city, state, course_interest, level, mode, source,
           utm_source, utm_medium, utm_campaign, utm_term, utm_content, landing_url,
           consent_whatsapp, consent_marketing, CASE WHEN consent_whatsapp OR consent_marketing THEN now() END, consent_source,
           consent_notice_version, consent_language, is_minor, guardian_name, guardian_phone, referrer, advisor_id
      FROM input ORDER BY phone
    ON CONFLICT (phone) WHERE phone IS NOT NULL DO UPDATE SET updated_at = now()
    RETURNING id, reference, phone, (xmax = 0) AS created, consent_whatsapp, consent_marketing),
  inquiry AS (
    INSERT INTO inquiries (lead_id, payload, source_url, client_hash, idempotency_key, import_id)
    SELECT lead.id, input.payload, input.landing_url, input.client_hash, input.idempotency_key, input.import_id FROM input JOIN lead USING (phone) ORDER BY input.ord
    RETURNING id, lead_id),
  timeline AS (
    INSERT INTO activities (lead_id, type, data)
    SELECT l.id, 'inquiry', input.timeline || jsonb_build_object('inquiryId', i.id, 'repeat', NOT l.created)
      FROM inquiry i JOIN lead l ON l.id = i.lead_id JOIN input USING (phone)),
  consent_event AS (
    INSERT INTO activities (lead_id, type, data)
    SELECT l.id, 'consent', jsonb_build_object('given', jsonb_build_object('whatsapp', input.consent_whatsapp, 'marketing', input.consent_marketing),
                                               'held', jsonb_build_object('whatsapp', l.consent_whatsapp, 'marketing', l.consent_marketing),
                                               'via', input.consent_via, 'form', input.consent_source, 'noticeVersion', input.consent_notice_version,
                                               'language', input.consent_language, 'applied', false)
      FROM lead l JOIN input USING (phone) WHERE NOT l.created AND (input.consent_whatsapp OR input.consent_marketing)),
  assignment AS (
    INSERT INTO activities (lead_id, type, data, created_at)
    SELECT l.id, 'assignment', jsonb_build_object('to', input.advisor_id, 'automatic', true), input.assigned_at
      FROM lead l JOIN input USING (phone) WHERE l.created AND input.advisor_id IS NOT NULL),
  turns AS (${recordTurns('SELECT advisor_id, assigned_at FROM input WHERE advisor_id IS NOT NULL')})
  SELECT lead.id, lead.reference, lead.created, input.ord FROM lead JOIN input USING (phone) ORDER BY input.ord`;

/** How long a retry with the same `Idempotency-Key` answers the first result (the IETF draft's advice). */
const IDEMPOTENCY_KEY_LIFETIME = '24 hours';

/** JSON with keys in order, so the same body always has the same fingerprint. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The lead phone each of `phones` stands for where it is an alternate phone (a lead merged into
 * another): what intake writes to, and what the import's check counts as a lead already.
 */
export async function mergedLeadPhones(db: Pick<EntityManager, 'query'>, phones: string[]): Promise<Map<string, string>> {
  const merged = await queryRows<{ alternate: string; phone: string }>(
    db,
    // One probe of leads_alternate_phones_idx per phone. (An overlap `&&` with the whole list was
    // planned as a scan of every lead once the list was long: 3.5 s for an intake batch of 200
    // phones under the assignment lock, 7–11 s for an import's 1,000 rows, at a million leads.)
    `SELECT p.alternate, l.phone FROM unnest($1::text[]) AS p(alternate)
      CROSS JOIN LATERAL (SELECT phone FROM leads WHERE alternate_phones @> ARRAY[p.alternate] AND phone IS NOT NULL AND erased_at IS NULL) l`,
    [phones],
  );
  return new Map(merged.map((m) => [m.alternate, m.phone]));
}

/**
 * The living lead a phone number belongs to: its own phone, or an alternate phone of the lead
 * another was merged into (leads_alternate_phones_idx); its own phone first. WhatsApp inbound and
 * rights requests find the person by it.
 */
export function leadOwningPhone(db: Pick<EntityManager, 'query'>, phone: string): Promise<{ id: string; advisorId: string | null } | undefined> {
  return queryMaybeOne<{ id: string; advisorId: string | null }>(
    db,
    `SELECT id, advisor_id AS "advisorId" FROM leads
      WHERE (phone = $1 OR alternate_phones @> ARRAY[$1]::text[]) AND erased_at IS NULL ORDER BY (phone = $1) IS TRUE DESC LIMIT 1`,
    [phone],
  );
}

/**
 * An inquiry from an alternate phone goes to the lead that holds it, by that lead's phone: a repeat
 * inquiry, never a new lead. Read under the assignment lock, which a merge also takes, so a merge
 * committing meanwhile is seen whole (`leads_alternate_phones_idx`).
 */
async function toMergedLeads(manager: EntityManager, rows: IntakeRow[]): Promise<IntakeRow[]> {
  const primary = await mergedLeadPhones(
    manager,
    rows.map((r) => r.phone),
  );
  if (!primary.size) return rows;
  return rows.map((row) => {
    const phone = primary.get(row.phone);
    return phone ? { ...row, phone, timeline: { ...(row.timeline as object), alternatePhone: row.phone } } : row;
  });
}

/** Called with the id of a lead a Quick Inquiry created. */
export type LeadCreatedListener = (leadId: string) => Promise<void>;

/** What the public form gets back (the website form contract's). */
export type { InquiryReceipt };

@Injectable()
export class IntakeService implements OnApplicationShutdown {
  private readonly logger = new Logger('Intake');
  private readonly perAddress: RateLimit;
  /** Inquiries arriving together share one transaction (one commit); one phone per batch. */
  private readonly batches = new BatchQueue<IntakeRow, IntakeResult>({
    maxBatch: 200,
    concurrency: 2,
    key: (row) => row.phone,
    retryAlone: true,
    run: (rows) => this.dataSource.transaction((manager) => this.intakeWithin(manager, rows)),
  });

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignment: AssignmentService,
    private readonly websiteForm: WebsiteFormService,
    limits: RateLimits,
  ) {
    this.perAddress = limits.limiter('inquiry', {
      points: config.inquiryRateLimit,
      durationSec: 60,
      message: 'Too many inquiries from this address: please try again in a minute',
    });
  }

  /** Inquiries already received are stored before the process stops. */
  onApplicationShutdown() {
    return this.batches.idle();
  }

  /**
   * One lead per phone, under any concurrency: the unique index on `leads.phone` and an upsert
   * decide, never a read-then-write. A repeat submission adds an inquiry and a timeline entry to
   * the existing lead and answers its reference. With an Idempotency-Key, a retry answers the
   * first result and adds nothing.
   */
  async receive(body: CreateInquiryDto, clientAddress: string, idempotencyKey?: string): Promise<InquiryReceipt> {
    await this.perAddress.hit(clientAddress);
    const phone = normalisePhone(body.phone);
    if (!phone.ok) throw fieldError('phone', 'phone must be a valid mobile number');
    if (body.consentNoticeVersion !== undefined && !(await this.websiteForm.noticeExists(body.consentNoticeVersion))) {
      throw fieldError('consentNoticeVersion', 'consentNoticeVersion is not a notice we have published');
    }
    const language = body.consent.language;
    if (language !== undefined) {
      const languages = await this.websiteForm.noticeLanguages(body.consentNoticeVersion);
      if (!languages.includes(language))
        throw fieldError('consent.language', `consent.language must be one of the notice's languages: ${languages.join(', ')}`);
    }
    if (body.website) {
      // Honeypot filled: a bot. Answer like a success so it learns nothing; store nothing.
      this.logger.warn('Dropped an inquiry with the honeypot field filled');
      return { reference: newReference() };
    }
    const courses = body.courseInterest?.trim() ? await this.websiteForm.courses() : [];
    const row = toIntakeRow(body, phone.e164, courses, {
      payload: body,
      source: 'website',
      consentSource: clean(body.sourceUrl) ?? 'quick-inquiry',
      consentVia: 'form',
      clientHash: createHash('sha256').update(clientAddress).digest('hex').slice(0, 16),
      idempotencyKey: idempotencyKey ?? null,
    });
    if (!idempotencyKey) {
      const stored = await this.batches.submit(row);
      if (stored.created) this.announceCreated(stored.id);
      return { reference: stored.reference };
    }
    const fingerprint = createHash('sha256').update(stableJson(body)).digest('hex');
    let created: string | undefined;
    const receipt = await this.dataSource.transaction(async (manager) => {
      // Keys live 24 hours: this one, and a few others, are forgotten once expired.
      await manager.query(
        `DELETE FROM idempotency_keys WHERE ctid = ANY(
           ARRAY(SELECT ctid FROM idempotency_keys WHERE scope = 'inquiry' AND key = $1 AND created_at < now() - $2::interval) ||
           ARRAY(SELECT ctid FROM idempotency_keys WHERE created_at < now() - $2::interval ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED))`,
        [idempotencyKey, IDEMPOTENCY_KEY_LIFETIME],
      );
      // Blocks on a concurrent first attempt with the same key until it commits.
      const claimed = await queryRows<{ key: string }>(
        manager,
        `INSERT INTO idempotency_keys (scope, key, fingerprint) VALUES ('inquiry', $1, $2) ON CONFLICT DO NOTHING RETURNING key`,
        [idempotencyKey, fingerprint],
      );
      if (!claimed.length) {
        const previous = await queryMaybeOne<{ response: InquiryReceipt | null; fingerprint: string }>(
          manager,
          `SELECT response, fingerprint FROM idempotency_keys WHERE scope = 'inquiry' AND key = $1`,
          [idempotencyKey],
        );
        if (previous && previous.fingerprint !== fingerprint) throw new AppError(LeadsErrors.idempotencyKeyReused);
        if (previous?.response) return previous.response;
      }
      const [lead] = await this.intakeWithin(manager, [row]);
      if (lead.created) created = lead.id;
      await manager.query(`UPDATE idempotency_keys SET response = $2 WHERE scope = 'inquiry' AND key = $1`, [
        idempotencyKey,
        JSON.stringify({ reference: lead.reference }),
      ]);
      return { reference: lead.reference };
    });
    if (created) this.announceCreated(created);
    return receipt;
  }

  private readonly createdListeners: LeadCreatedListener[] = [];

  /**
   * Work another area does once a Quick Inquiry has created a lead (the WhatsApp welcome): called
   * after the commit, on the instance that received it; its failure is logged, never the inquiry's.
   */
  onLeadCreated(listener: LeadCreatedListener): void {
    this.createdListeners.push(listener);
  }

  private announceCreated(leadId: string): void {
    for (const listener of this.createdListeners) {
      Promise.resolve()
        .then(() => listener(leadId))
        .catch((error: unknown) => this.logger.error(`After creating lead ${leadId}: ${(error as Error)?.message ?? error}`));
    }
  }

  /**
   * A batch in the caller's transaction, in three round trips: the assignment lock; one read of
   * the phones that already have a lead and of the advisors' loads; one statement writing leads
   * (each new one once, with its advisor: no second row version), inquiries, timeline entries and
   * the advisors' turns. A lead someone entered meanwhile without the lock (an advisor's own
   * entry) is updated, not created, and keeps its advisor.
   */
  async intakeWithin(manager: EntityManager, rows: IntakeRow[]): Promise<IntakeResult[]> {
    await this.assignment.lock(manager);
    return this.upsertInRounds(manager, await toMergedLeads(manager, rows));
  }

  /**
   * The statement takes each phone once, yet a merged lead's phone and its alternate phone are one
   * lead's: the first row of each phone goes in this round, the rows repeating one in the next.
   */
  private async upsertInRounds(manager: EntityManager, rows: IntakeRow[]): Promise<IntakeResult[]> {
    const phones = new Set<string>();
    const later = new Set<number>();
    rows.forEach((row, i) => (phones.has(row.phone) ? later.add(i) : phones.add(row.phone)));
    if (!later.size) return this.upsert(manager, rows);
    const firsts = await this.upsert(
      manager,
      rows.filter((_, i) => !later.has(i)),
    );
    const repeats = await this.upsertInRounds(
      manager,
      rows.filter((_, i) => later.has(i)),
    );
    return rows.map((_, i) => (later.has(i) ? repeats : firsts).shift() as IntakeResult);
  }

  private async upsert(manager: EntityManager, rows: IntakeRow[]): Promise<IntakeResult[]> {
    const [{ known, advisors }] = await queryRows<{ known: string[]; advisors: AdvisorLoad[] }>(
      manager,
      `SELECT (SELECT COALESCE(json_agg(phone), '[]') FROM leads WHERE phone = ANY($1::text[])) AS known, (${ADVISOR_LOADS}) AS advisors`,
      [rows.map((r) => r.phone)],
    );
    const existing = new Set(known);
    const fresh = rows.filter((row) => !existing.has(row.phone));
    const turns = planTurns(advisors, fresh.length);
    const assigned = new Map(fresh.map((row, i) => [row.phone, turns[i]]));
    const input = rows.map((row, ord) => ({
      ...row,
      ord,
      advisor_id: assigned.get(row.phone)?.advisorId ?? null,
      assigned_at: assigned.get(row.phone)?.at ?? null,
    }));
    return queryRows<IntakeResult>(manager, UPSERT_INQUIRIES, [JSON.stringify(input)]);
  }
}
