import type { EntityManager } from 'typeorm';
import type { ConsentChannel } from '@advisordesk/shared';
import { queryAffected } from '@advisordesk/api-core';
import { recordActivity } from './activity';

export interface StaffConsent {
  whatsapp?: boolean;
  marketing?: boolean;
  channel: ConsentChannel;
  note?: string;
}

/**
 * Consent given to staff (in person, by phone, by email): the lead's consent changes and a `consent`
 * event records who took it, how, and their note. `true` gives (and dates it), `false` withdraws,
 * left out keeps. With `version`, only that version of the lead is changed: answers the rows changed (0 = stale).
 */
export async function recordStaffConsent(
  db: Pick<EntityManager, 'query'>,
  leadId: string,
  authorId: string,
  consent: StaffConsent,
  version?: number,
): Promise<number> {
  const given = consent.whatsapp === true || consent.marketing === true;
  const updated = await queryAffected(
    db,
    `UPDATE leads SET consent_whatsapp = COALESCE($3, consent_whatsapp), consent_marketing = COALESCE($4, consent_marketing),
            consent_at = CASE WHEN $5 THEN now() ELSE consent_at END, consent_source = CASE WHEN $5 THEN $6 ELSE consent_source END,
            consent_notice_version = CASE WHEN $5 THEN NULL ELSE consent_notice_version END,
            version = version + 1, updated_at = now(), updated_by = $7
      WHERE id = $1 AND ($2::int IS NULL OR version = $2)`,
    [leadId, version ?? null, consent.whatsapp ?? null, consent.marketing ?? null, given, consent.channel, authorId],
  );
  if (updated !== 1) return updated;
  const recorded = Object.fromEntries((['whatsapp', 'marketing'] as const).filter((k) => consent[k] !== undefined).map((k) => [k, consent[k]]));
  const note = consent.note?.trim();
  await recordActivity(db, leadId, 'consent', authorId, { recorded, via: 'staff', channel: consent.channel, ...(note ? { note } : {}) });
  return updated;
}
