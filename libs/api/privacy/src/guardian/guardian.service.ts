import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, AppError, fieldError, queryChanged, queryOne, type AppConfig } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import type { GuardianCodeSent } from '@advisordesk/shared';
import { ConsentService, LeadsService, recordActivity, type LeadDetailView } from '@advisordesk/api-leads';
import { CodeSender } from '../codes/code-sender';
import { VerificationCodes } from '../codes/verification-codes';
import { PrivacyErrors } from '../privacy.errors';
import type { GuardianVerifyDto } from './guardian.dto';

/**
 * A minor's lead needs the guardian's verifiable consent (DPDP Act s. 9, Rules 2025 rule 10): a
 * code sent to the guardian's WhatsApp and read back, or a call staff record. Until then the lead
 * is contact-only: no WhatsApp to the student, no export, no comparison sent.
 */
@Injectable()
export class GuardianService {
  private readonly codes: VerificationCodes;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
    private readonly consent: ConsentService,
    private readonly sender: CodeSender,
  ) {
    this.codes = new VerificationCodes(config.jwtSecret);
  }

  /** `POST /api/leads/:id/guardian/code`: a code to the guardian's WhatsApp; Meta's refusal is a 502 saying why. */
  async sendCode(user: AuthUser, leadId: string): Promise<GuardianCodeSent<Date>> {
    const guardian = await this.unverifiedGuardian(user, leadId);
    if (!guardian.phone) throw new AppError(PrivacyErrors.noGuardianPhone);
    if (!this.sender.whatsappConnected) throw new AppError(PrivacyErrors.noGuardianChannel);
    const { code, expiresAt } = await this.codes.issue(this.dataSource, { leadId }, 'whatsapp', user.id);
    const sent = await this.sender.byWhatsapp(guardian.phone, code);
    if (!sent.ok) throw new AppError(PrivacyErrors.codeNotSent, undefined, `${PrivacyErrors.codeNotSent.message}: ${sent.reason}`);
    return { sentVia: 'whatsapp', expiresAt };
  }

  /** `POST /api/leads/:id/guardian/verify`: the code read back, or a recorded call. */
  async verify(user: AuthUser, leadId: string, body: GuardianVerifyDto): Promise<LeadDetailView> {
    if (body.code !== undefined && body.call !== undefined) throw fieldError('call', 'Send either the code or {call: true, note}, not both');
    await this.unverifiedGuardian(user, leadId);
    if (body.code !== undefined) {
      const checked = await this.codes.check(this.dataSource, { leadId }, body.code);
      if (!checked.ok) throw checked.error;
    }
    const lead = await this.dataSource.transaction(async (manager) => {
      const [verified] = await queryChanged<{ id: string }>(
        manager,
        `UPDATE leads SET guardian_verified_at = now(), guardian_verified_by_id = $2, version = version + 1, updated_at = now(), updated_by = $2
          WHERE id = $1 AND is_minor AND guardian_verified_at IS NULL AND erased_at IS NULL RETURNING id`,
        [leadId, user.id],
      );
      if (!verified) throw new AppError(PrivacyErrors.guardianAlreadyVerified);
      await recordActivity(manager, leadId, 'privacy', user.id, {
        action: 'guardian',
        via: body.code !== undefined ? 'code' : 'call',
        ...(body.note && { note: body.note.trim() }),
      });
      return this.leads.get(user, leadId, manager);
    });
    return this.consent.detail(lead);
  }

  /** The lead's guardian, if the user may work the lead and it is a minor whose guardian is not verified yet. */
  private async unverifiedGuardian(user: AuthUser, leadId: string): Promise<{ phone: string | null }> {
    await this.leads.assertWritable(user, leadId);
    const lead = await queryOne<{ isMinor: boolean; verified: boolean; phone: string | null; erased: boolean }>(
      this.dataSource,
      `SELECT is_minor AS "isMinor", guardian_verified_at IS NOT NULL AS verified, guardian_phone AS phone, erased_at IS NOT NULL AS erased
         FROM leads WHERE id = $1`,
      [leadId],
    );
    if (lead.erased) throw new AppError(PrivacyErrors.leadErased);
    if (!lead.isMinor) throw new AppError(PrivacyErrors.notAMinor);
    if (lead.verified) throw new AppError(PrivacyErrors.guardianAlreadyVerified);
    return { phone: lead.phone };
  }
}
