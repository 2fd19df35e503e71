import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { LeadsErrors } from './leads.errors';
import { LeadsService } from './leads.service';
import { recordActivity } from './activity';
import type { LeadView } from './lead.view';

/** India's DPDP Act: consent is specific and withdrawable, and personal data is erased on request. */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
  ) {}

  /** The link in messages: withdraws marketing consent (and WhatsApp too when asked). */
  async withdraw(token: string, channels: { marketing: boolean; whatsapp: boolean }): Promise<{ firstName: string }> {
    return this.dataSource.transaction(async (manager) => {
      const [lead] = await manager.query(`SELECT id, full_name AS "fullName", consent_marketing AS "marketing", consent_whatsapp AS "whatsapp" FROM leads WHERE unsubscribe_token = $1 AND erased_at IS NULL`, [token]);
      if (!lead) throw new AppError(LeadsErrors.unsubscribeNotFound);
      const withdrawn = { marketing: channels.marketing && lead.marketing, whatsapp: channels.whatsapp && lead.whatsapp };
      if (withdrawn.marketing || withdrawn.whatsapp) {
        await manager.query(
          `UPDATE leads SET consent_marketing = consent_marketing AND NOT $2, consent_whatsapp = consent_whatsapp AND NOT $3, updated_at = now() WHERE id = $1`,
          [lead.id, channels.marketing, channels.whatsapp],
        );
        await recordActivity(manager, lead.id, 'consent', null, { withdrawn, via: 'link' });
      }
      return { firstName: String(lead.fullName).split(/\s+/)[0] };
    });
  }

  /**
   * Erases a lead's personal data on request, keeping what anonymous counts need (status and its
   * dates, source, campaign, level, mode, state, advisor). Notes and messages are blanked too.
   */
  async erase(user: AuthUser, id: string): Promise<LeadView> {
    return this.dataSource.transaction(async (manager) => {
      await this.leads.assertWritable(user, id, manager);
      await manager.query(
        `UPDATE leads SET full_name = 'Erased lead', phone = NULL, email = NULL, city = NULL, course_interest = NULL,
                qualification = NULL, experience_years = NULL, budget_paise = NULL, landing_url = NULL, utm_term = NULL, utm_content = NULL,
                guardian_name = NULL, guardian_phone = NULL, referrer = NULL,
                consent_whatsapp = false, consent_marketing = false, next_follow_up_at = NULL,
                erased_at = now(), version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id],
      );
      await manager.query(`UPDATE inquiries SET payload = '{"erased": true}', source_url = NULL, client_hash = NULL WHERE lead_id = $1`, [id]);
      // The one exception to an append-only timeline: the law asks for the words to go.
      await manager.query(`UPDATE activities SET data = jsonb_build_object('erased', true) WHERE lead_id = $1 AND type IN ('note', 'call', 'whatsapp', 'inquiry', 'profile', 'comparison')`, [id]);
      await manager.query(`DELETE FROM tasks WHERE lead_id = $1`, [id]);
      await recordActivity(manager, id, 'erasure', user.id, {});
      return this.leads.get(user, id, manager);
    });
  }
}
