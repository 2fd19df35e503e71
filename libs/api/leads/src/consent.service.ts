import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, AppError, queryMaybeOne, queryRows, type AppConfig } from '@advisordesk/api-core';
import type { ConsentRecordView } from '@advisordesk/shared';
import type { AuthUser } from '@advisordesk/api-auth';
import { LeadsErrors } from './leads.errors';
import { LeadsService } from './leads.service';
import type { RecordConsentDto } from './dto/lead-actions.dto';
import { ACTIVITY_KEYS_KEPT_ON_ERASURE, recordActivity } from './activity';
import { recordStaffConsent } from './staff-consent';
import { unsubscribeUrl, type LeadDetailView, type LeadView } from './lead.view';

/** India's DPDP Act: consent is specific and withdrawable, and personal data is erased on request. */
/** What a filter naming this person holds: their id, name, email or phone (lower case), or their phone's last 10 digits. */
function personTerms(person: { id: string; fullName: string; email: string | null; phone: string | null }) {
  const names = [person.id, person.fullName, person.email, person.phone].filter((v): v is string => !!v).map((v) => v.trim().toLowerCase());
  return { names, phoneDigits: person.phone ? person.phone.replace(/\D/g, '').slice(-10) : null };
}

@Injectable()
export class ConsentService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
  ) {}

  /** The link in messages: withdraws marketing consent (and WhatsApp too when asked); a merged-away lead's link acts on the lead it was merged into. */
  async withdraw(token: string, channels: { marketing: boolean; whatsapp: boolean }): Promise<{ firstName: string }> {
    return this.dataSource.transaction(async (manager) => {
      const lead = await queryMaybeOne<{ id: string; fullName: string; marketing: boolean; whatsapp: boolean }>(
        manager,
        `SELECT id, full_name AS "fullName", consent_marketing AS "marketing", consent_whatsapp AS "whatsapp" FROM leads
          WHERE (unsubscribe_token = $1 OR merged_unsubscribe_tokens @> ARRAY[$1]::text[]) AND erased_at IS NULL`,
        [token],
      );
      if (!lead) throw new AppError(LeadsErrors.unsubscribeNotFound);
      const withdrawn = { marketing: channels.marketing && lead.marketing, whatsapp: channels.whatsapp && lead.whatsapp };
      if (withdrawn.marketing || withdrawn.whatsapp) {
        await manager.query(
          `UPDATE leads SET consent_marketing = consent_marketing AND NOT $2, consent_whatsapp = consent_whatsapp AND NOT $3, updated_at = now(), updated_by = NULL WHERE id = $1`,
          [lead.id, channels.marketing, channels.whatsapp],
        );
        await recordActivity(manager, lead.id, 'consent', null, { withdrawn, via: 'link' });
      }
      return { firstName: String(lead.fullName).split(/\s+/)[0] };
    });
  }

  /** A rights request to withdraw consent, answered by staff: both consents go, in the caller's transaction. */
  async withdrawAll(manager: EntityManager, leadId: string, actorId: string, reference: string): Promise<void> {
    const [lead] = await queryRows<{ marketing: boolean; whatsapp: boolean }>(
      manager,
      `SELECT consent_marketing AS marketing, consent_whatsapp AS whatsapp FROM leads WHERE id = $1 AND erased_at IS NULL FOR UPDATE`,
      [leadId],
    );
    if (!lead) throw new AppError(LeadsErrors.erased);
    await manager.query(
      `UPDATE leads SET consent_marketing = false, consent_whatsapp = false, version = version + 1, updated_at = now(), updated_by = $2 WHERE id = $1`,
      [leadId, actorId],
    );
    await recordActivity(manager, leadId, 'consent', actorId, {
      withdrawn: { marketing: lead.marketing, whatsapp: lead.whatsapp },
      via: 'request',
      reference,
    });
  }

  /**
   * Consent given to staff in person, by phone or by email: the lead's consent changes (optimistic,
   * `version`) and the timeline gets a `consent` event saying who recorded it, how, and their note.
   */
  async record(user: AuthUser, id: string, body: RecordConsentDto): Promise<LeadDetailView> {
    if (body.whatsapp === undefined && body.marketing === undefined)
      throw new AppError(LeadsErrors.consentNothingGiven, [{ field: 'whatsapp', message: LeadsErrors.consentNothingGiven.message }]);
    const lead = await this.dataSource.transaction(async (manager) => {
      await this.leads.assertWritable(user, id, manager);
      if ((await recordStaffConsent(manager, id, user.id, body, body.version)) !== 1) throw await this.leads.staleVersion(user, id, manager);
      return this.leads.get(user, id, manager);
    });
    return this.detail(lead);
  }

  /** The lead's own page: the lead, the link that stops our messages to them (none once erased), and its latest consent event. */
  async detail(lead: LeadView): Promise<LeadDetailView> {
    const row = await queryMaybeOne<{ token: string }>(
      this.dataSource,
      `SELECT unsubscribe_token AS token FROM leads WHERE id = $1 AND erased_at IS NULL`,
      [lead.id],
    );
    const consentRecord = await queryMaybeOne<ConsentRecordView<Date>>(
      this.dataSource,
      `SELECT COALESCE(a.data->>'via', 'form') AS via, a.data->>'channel' AS channel, a.author_id AS "recordedById", u.name AS "recordedByName",
              a.data->>'note' AS note, a.created_at AS at
         FROM activities a LEFT JOIN users u ON u.id = a.author_id
        WHERE a.lead_id = $1 AND a.type = 'consent' AND a.data->>'applied' IS DISTINCT FROM 'false'
        ORDER BY a.created_at DESC, a.id DESC LIMIT 1`,
      [lead.id],
    );
    return { ...lead, unsubscribeUrl: row ? unsubscribeUrl(this.config.publicUrl, row.token) : null, consentRecord: consentRecord ?? null };
  }

  /**
   * Erases a lead's personal data on request, from every table that holds it (the list, table by
   * table, is in test/erasure.spec.ts), keeping what anonymous counts need: status and its dates,
   * source, campaign, level, mode, state, advisor, and done follow-ups for the advisor's figures.
   */
  async erase(user: AuthUser, id: string): Promise<LeadView> {
    return this.dataSource.transaction(async (manager) => {
      await this.erasePerson(manager, id, user, { via: 'staff' });
      return this.leads.get(user, id, manager);
    });
  }

  /**
   * The erasure itself, in the caller's transaction: by staff (`actor` checked like any write), for a
   * rights request, or by the retention job (`actor` null). `data` goes on the `erasure` timeline entry.
   */
  async erasePerson(
    manager: EntityManager,
    id: string,
    actor: AuthUser | null,
    data: { via: 'staff' | 'request' | 'retention'; reference?: string },
  ): Promise<void> {
    // Locked first, so a second erasure of the same lead waits and then finds it erased (410).
    const [person] = await queryRows<{ fullName: string; email: string | null; phone: string | null; erased: boolean }>(
      manager,
      `SELECT full_name AS "fullName", email, phone, erased_at IS NOT NULL AS erased FROM leads WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (actor) await this.leads.assertWritable(actor, id, manager);
    else if (!person) throw new AppError(LeadsErrors.notFound);
    else if (person.erased) throw new AppError(LeadsErrors.erased);
    await manager.query(
      `UPDATE leads SET full_name = 'Erased lead', phone = NULL, email = NULL, city = NULL, course_interest = NULL,
                qualification = NULL, experience_years = NULL, budget_paise = NULL, landing_url = NULL, utm_term = NULL, utm_content = NULL,
                guardian_name = NULL, guardian_phone = NULL, referrer = NULL, consent_source = NULL, alternate_phones = '{}',
                consent_whatsapp = false, consent_marketing = false, next_follow_up_at = NULL,
                erased_at = now(), version = version + 1, updated_at = now(), updated_by = $2
          WHERE id = $1`,
      [id, actor?.id ?? null],
    );
    await manager.query(
      `UPDATE inquiries SET payload = '{"erased": true}', source_url = NULL, client_hash = NULL, idempotency_key = NULL WHERE lead_id = $1`,
      [id],
    );
    // A retried form's key: its fingerprint is a hash of what the person typed.
    await manager.query(
      `DELETE FROM idempotency_keys WHERE scope = 'inquiry' AND response->>'reference' = (SELECT reference FROM leads WHERE id = $1)`,
      [id],
    );
    // The one exception to an append-only timeline: the law asks for the words to go.
    await manager.query(
      `UPDATE activities a SET data = COALESCE((SELECT jsonb_object_agg(key, value) FROM jsonb_each(a.data) WHERE key = ANY($2::text[])), '{}') || '{"erased": true}'
          WHERE lead_id = $1`,
      [id, ACTIVITY_KEYS_KEPT_ON_ERASURE],
    );
    // Done follow-ups stay, untitled, in the advisor's figures; open ones have nobody to follow up.
    await manager.query(`DELETE FROM tasks WHERE lead_id = $1 AND done_at IS NULL`, [id]);
    await manager.query(`UPDATE tasks SET title = 'Follow up' WHERE lead_id = $1`, [id]);
    await manager.query(`UPDATE shortlist_items SET note = NULL WHERE lead_id = $1`, [id]);
    await manager.query(`UPDATE lead_transfer_requests SET note = NULL, resolution_note = NULL WHERE lead_id = $1`, [id]);
    // A frozen comparison holds the first name: its link answers 404 from now on.
    await manager.query(`DELETE FROM comparisons WHERE lead_id = $1`, [id]);
    // WhatsApp: the words, the profile name and the template's variables; Meta's bodies that named them.
    await manager.query(
      `UPDATE whatsapp_messages SET text = NULL, profile_name = NULL, template = CASE WHEN template IS NULL THEN NULL ELSE template - 'variables' END WHERE lead_id = $1`,
      [id],
    );
    // Events not handled yet (a job still retrying) name no lead: found by the sender's number as Meta writes it.
    await manager.query(
      `UPDATE whatsapp_webhook_events SET body = '{"erased": true}'
          WHERE lead_ids @> ARRAY[$1::uuid] OR ($2::text IS NOT NULL AND processed_at IS NULL AND strpos(body::text, $2) > 0)`,
      [id, person.phone ? `"${person.phone.replace(/\D/g, '')}"` : null],
    );
    // Applications stay (anonymous counts for the report); what names or identifies the person goes:
    // the university's application number, notes, the uploaded files, payments' references, upload links.
    await manager.query(`UPDATE applications SET university_application_no = NULL, note = NULL WHERE lead_id = $1`, [id]);
    // The files themselves (their documents' file_id is set to NULL by the foreign key), then what described them.
    await manager.query(
      `DELETE FROM stored_files WHERE id IN (SELECT d.file_id FROM application_documents d JOIN applications a ON a.id = d.application_id WHERE a.lead_id = $1)`,
      [id],
    );
    await manager.query(
      `UPDATE application_documents d SET file_name = NULL, content_type = NULL, size = NULL, note = NULL FROM applications a WHERE a.id = d.application_id AND a.lead_id = $1`,
      [id],
    );
    await manager.query(`UPDATE payments p SET reference = NULL FROM applications a WHERE a.id = p.application_id AND a.lead_id = $1`, [id]);
    await manager.query(`DELETE FROM upload_links k USING applications a WHERE a.id = k.application_id AND a.lead_id = $1`, [id]);
    // What the bell told staff about them (a title names the person).
    await manager.query(`DELETE FROM notifications WHERE lead_id = $1`, [id]);
    await this.scrubExportLog(manager, { id, ...person });
    // A bulk note or follow-up title still waiting to reach every selected lead may name them.
    await manager.query(`UPDATE bulk_operations SET params = params - 'note' - 'text' WHERE $1 = ANY(lead_ids) AND params ?| ARRAY['note', 'text']`, [
      id,
    ]);
    await this.dropSavedViewsNaming(manager, { id, ...person });
    // Rights requests keep who asked for what and when; the number and their words go.
    await manager.query(`UPDATE data_requests SET phone = NULL, message = NULL, nominee = NULL WHERE lead_id = $1`, [id]);
    await manager.query(`DELETE FROM verification_codes WHERE lead_id = $1 OR data_request_id IN (SELECT id FROM data_requests WHERE lead_id = $1)`, [
      id,
    ]);
    await recordActivity(manager, id, 'erasure', actor?.id ?? null, data);
  }

  /**
   * A saved view of a list may search for this person (`q=98765 43210`, `email=…`): such a view finds
   * nobody once they are erased, and would keep their name or number, so it goes.
   */
  private async dropSavedViewsNaming(
    db: Pick<EntityManager, 'query'>,
    person: { id: string; fullName: string; email: string | null; phone: string | null },
  ) {
    const { names, phoneDigits } = personTerms(person);
    const views = await queryRows<{ id: string; query: string }>(db, `SELECT id, query FROM saved_views WHERE resource <> 'segments'`);
    const naming = views.filter(({ query }) =>
      [...new URLSearchParams(query).values()].some((term) => {
        const digits = term.replace(/\D/g, '');
        return names.includes(term.trim().toLowerCase()) || (!!phoneDigits && digits.length >= 10 && digits.slice(-10) === phoneDigits);
      }),
    );
    if (naming.length) await db.query(`DELETE FROM saved_views WHERE id = ANY($1::uuid[])`, [naming.map((view) => view.id)]);
  }

  /**
   * The export log keeps each export's filters; a manager may have searched for this person
   * (`q=98765 43210`, `email=…`). Filter values naming them become "erased": the record of who
   * exported, when and how many rows stays.
   */
  private async scrubExportLog(
    db: Pick<EntityManager, 'query'>,
    person: { id: string; fullName: string; email: string | null; phone: string | null },
  ) {
    const { names, phoneDigits } = personTerms(person);
    await db.query(
      `WITH hits AS (
         SELECT e.id, f.key
           FROM exports e
           CROSS JOIN LATERAL jsonb_each(e.filters) f
           CROSS JOIN LATERAL jsonb_array_elements_text(CASE jsonb_typeof(f.value) WHEN 'array' THEN f.value ELSE jsonb_build_array(f.value) END) v(term)
          WHERE lower(trim(v.term)) = ANY($1::text[])
             OR (length(regexp_replace(v.term, '\\D', '', 'g')) >= 10 AND right(regexp_replace(v.term, '\\D', '', 'g'), 10) = $2)
          GROUP BY e.id, f.key)
       UPDATE exports e SET filters = e.filters || (SELECT jsonb_object_agg(h.key, 'erased'::text) FROM hits h WHERE h.id = e.id)
        WHERE e.id IN (SELECT id FROM hits)`,
      [names, phoneDigits],
    );
  }
}
