import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normalisePhone } from '@advisordesk/shared';
import { APP_CONFIG, fieldError, RateLimiter, type AppConfig } from '@advisordesk/api-core';
import { AssignmentService } from './assignment.service';
import { WebsiteFormService } from './website-form.service';
import type { CreateInquiryDto } from './dto/create-inquiry.dto';
import { newReference } from './reference';

/**
 * The intake in one statement: upsert the lead by phone (the unique index decides, never a
 * read-then-write), then its inquiry as received and the timeline entry. A repeat submission fills
 * gaps in the profile and records newly given consent, never withdraws it.
 */
const UPSERT_INQUIRY = `
  WITH lead AS (
    INSERT INTO leads (reference, full_name, phone, email, city, state, course_interest, level, mode, source,
                       utm_source, utm_medium, utm_campaign, utm_term, utm_content, landing_url,
                       consent_whatsapp, consent_marketing, consent_at, consent_source,
                       consent_notice_version, is_minor, guardian_name, guardian_phone, referrer, awaiting_assignment)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'website', $10, $11, $12, $13, $14, $15, $16, $17,
            CASE WHEN $16 OR $17 THEN now() END, $18, $19, $20, $21, $22, $23, true)
    ON CONFLICT (phone) WHERE phone IS NOT NULL DO UPDATE SET
      email = COALESCE(leads.email, EXCLUDED.email),
      city = COALESCE(leads.city, EXCLUDED.city),
      state = COALESCE(leads.state, EXCLUDED.state),
      course_interest = COALESCE(leads.course_interest, EXCLUDED.course_interest),
      level = COALESCE(leads.level, EXCLUDED.level),
      mode = COALESCE(leads.mode, EXCLUDED.mode),
      consent_whatsapp = leads.consent_whatsapp OR EXCLUDED.consent_whatsapp,
      consent_marketing = leads.consent_marketing OR EXCLUDED.consent_marketing,
      consent_at = CASE WHEN (EXCLUDED.consent_whatsapp AND NOT leads.consent_whatsapp) OR (EXCLUDED.consent_marketing AND NOT leads.consent_marketing)
                        THEN now() ELSE leads.consent_at END,
      consent_source = CASE WHEN (EXCLUDED.consent_whatsapp AND NOT leads.consent_whatsapp) OR (EXCLUDED.consent_marketing AND NOT leads.consent_marketing)
                            THEN EXCLUDED.consent_source ELSE leads.consent_source END,
      consent_notice_version = CASE WHEN (EXCLUDED.consent_whatsapp AND NOT leads.consent_whatsapp) OR (EXCLUDED.consent_marketing AND NOT leads.consent_marketing)
                            THEN EXCLUDED.consent_notice_version ELSE COALESCE(leads.consent_notice_version, EXCLUDED.consent_notice_version) END,
      is_minor = leads.is_minor OR EXCLUDED.is_minor,
      guardian_name = COALESCE(EXCLUDED.guardian_name, leads.guardian_name),
      guardian_phone = COALESCE(EXCLUDED.guardian_phone, leads.guardian_phone),
      referrer = COALESCE(leads.referrer, EXCLUDED.referrer),
      updated_at = now()
    RETURNING id, reference, (xmax = 0) AS created),
  inquiry AS (
    INSERT INTO inquiries (lead_id, payload, source_url, client_hash, idempotency_key)
    SELECT id, $24::jsonb, $15, $25, $26 FROM lead RETURNING id, lead_id),
  timeline AS (
    INSERT INTO activities (lead_id, type, data)
    SELECT i.lead_id, 'inquiry', $27::jsonb || jsonb_build_object('inquiryId', i.id, 'repeat', NOT l.created) FROM inquiry i, lead l)
  SELECT id, reference, created FROM lead`;

export interface InquiryReceipt {
  reference: string;
}

@Injectable()
export class IntakeService {
  private readonly logger = new Logger('Intake');
  private readonly perAddress: RateLimiter;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignment: AssignmentService,
    private readonly websiteForm: WebsiteFormService,
  ) {
    this.perAddress = new RateLimiter(() => config.inquiryRateLimit, 60_000, 'Too many inquiries from this address: please try again in a minute');
  }

  /**
   * One lead per phone, under any concurrency: the unique index on `leads.phone` and an upsert
   * decide, never a read-then-write. A repeat submission adds an inquiry and a timeline entry to
   * the existing lead and answers its reference. With an Idempotency-Key, a retry answers the
   * first result and adds nothing.
   */
  async receive(body: CreateInquiryDto, clientAddress: string, idempotencyKey?: string): Promise<InquiryReceipt> {
    this.perAddress.hit(clientAddress);
    const phone = normalisePhone(body.phone);
    if (!phone.ok) throw fieldError('phone', 'phone must be a valid mobile number');
    if (body.consentNoticeVersion !== undefined && !(await this.websiteForm.noticeExists(body.consentNoticeVersion))) {
      throw fieldError('consentNoticeVersion', 'consentNoticeVersion is not a notice we have published');
    }
    const guardianPhone = body.guardian ? normalisePhone(body.guardian.phone) : null;
    if (body.website) {
      // Honeypot filled: a bot. Answer like a success so it learns nothing; store nothing.
      this.logger.warn('Dropped an inquiry with the honeypot field filled');
      return { reference: newReference() };
    }
    const utm = body.utm ?? {};
    const clean = (text?: string) => (text?.trim() ? text.trim() : null);
    const params = [
      newReference(),
      body.fullName.trim(),
      phone.e164,
      clean(body.email)?.toLowerCase() ?? null,
      clean(body.city),
      clean(body.state),
      clean(body.courseInterest),
      body.level ?? null,
      body.mode ?? null,
      clean(utm.source),
      clean(utm.medium),
      clean(utm.campaign),
      clean(utm.term),
      clean(utm.content),
      clean(body.sourceUrl),
      body.consent.whatsapp,
      body.consent.marketing,
      clean(body.sourceUrl) ?? 'quick-inquiry',
      body.consentNoticeVersion ?? null,
      body.minor === true,
      body.guardian?.fullName.trim() ?? null,
      guardianPhone?.ok ? guardianPhone.e164 : null,
      clean(body.referrer),
      JSON.stringify(body),
      createHash('sha256').update(clientAddress).digest('hex').slice(0, 16),
      idempotencyKey ?? null,
      JSON.stringify({ courseInterest: clean(body.courseInterest), message: clean(body.message), utmCampaign: clean(utm.campaign), consent: body.consent }),
    ];
    let lead: { id: string; reference: string; created: boolean };
    if (!idempotencyKey) {
      // One statement, so atomic without a transaction: lead upsert, inquiry and timeline entry.
      [lead] = await this.dataSource.query(UPSERT_INQUIRY, params);
    } else {
      const outcome = await this.dataSource.transaction(async (manager) => {
        // Blocks on a concurrent first attempt with the same key until it commits.
        const claimed = await manager.query(`INSERT INTO idempotency_keys (scope, key) VALUES ('inquiry', $1) ON CONFLICT DO NOTHING RETURNING key`, [idempotencyKey]);
        if (!claimed.length) {
          const [previous] = await manager.query(`SELECT response FROM idempotency_keys WHERE scope = 'inquiry' AND key = $1`, [idempotencyKey]);
          if (previous?.response) return { replay: previous.response as InquiryReceipt };
        }
        const [row] = await manager.query(UPSERT_INQUIRY, params);
        await manager.query(`UPDATE idempotency_keys SET response = $2 WHERE scope = 'inquiry' AND key = $1`, [idempotencyKey, JSON.stringify({ reference: row.reference })]);
        return { lead: row };
      });
      if ('replay' in outcome) return outcome.replay as InquiryReceipt;
      lead = outcome.lead;
    }
    if (lead.created) {
      // Committed already; if assigning fails now, the assigner's sweep picks the lead up.
      await this.assignment.assignNew(lead.id).catch((error) => this.logger.error(`Assigning lead ${lead.id} failed: ${(error as Error).message}`));
    }
    return { reference: lead.reference };
  }
}
