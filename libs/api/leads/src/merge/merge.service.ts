import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DUPLICATES_LIMIT,
  MERGE_FIELDS,
  SIMILAR_NAME_THRESHOLD,
  defaultMergeSide,
  type DuplicateReason,
  type DuplicateView,
  type MergeActivityData,
  type MergeField,
  type MergeMoves,
  type MergeSide,
} from '@advisordesk/shared';
import { AppError, columnName, queryAffected, queryMaybeOne, queryRows } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { recordActivity } from '../activity';
import { AssignmentService } from '../assignment.service';
import { leadVisibility } from '../lead-access';
import { LEAD_COLUMNS, LEAD_FROM, type LeadView } from '../lead.view';
import { LeadsErrors } from '../leads.errors';
import { LeadsService } from '../leads.service';
import { staleVersionError } from '../stale-version';
import type { MergeLeadsDto } from './merge.dto';

/** What a merge moves, counted per lead: the suggestions show it, the merge reports it. */
const MOVES_OF = (lead: string) => `json_build_object(
  'inquiries', (SELECT count(*) FROM inquiries WHERE lead_id = ${lead}),
  'activities', (SELECT count(*) FROM activities WHERE lead_id = ${lead}),
  'tasks', (SELECT count(*) FROM tasks WHERE lead_id = ${lead}),
  'shortlist', (SELECT count(*) FROM shortlist_items WHERE lead_id = ${lead}),
  'comparisons', (SELECT count(*) FROM comparisons WHERE lead_id = ${lead}),
  'applications', (SELECT count(*) FROM applications WHERE lead_id = ${lead}),
  'whatsappMessages', (SELECT count(*) FROM whatsapp_messages WHERE lead_id = ${lead}))`;

/** A lead as the merge reads it: its view, plus the columns a merge combines that the view does not show. */
interface MergeRow extends LeadView {
  maxStage: number;
  lostAt: Date | null;
  enrolledAt: Date | null;
  firstContactedAt: Date | null;
  awaitingAssignment: boolean;
  unsubscribeToken: string;
  mergedUnsubscribeTokens: string[];
}

type Db = Pick<EntityManager, 'query'>;

@Injectable()
export class MergeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
    private readonly assignment: AssignmentService,
  ) {}

  /**
   * Leads that are probably the same person as `id`, among those the user may see: the same email,
   * a similar name in the same city, or a phone of one that is an alternate phone of the other.
   * Each arm is answered by an index (a BitmapOr): the email by `leads_email_idx` (emails are
   * stored in lower case), the name by `leads_search_trgm_idx` (word similarity `<%` with its
   * expression `full_name || ' ' || email`, then `similarity` of the names and the city), phones by
   * `leads_phone_key` and `leads_alternate_phones_idx`. On 300,000 leads: under a millisecond for a
   * distinct name, ~85 ms for a name shared by 7,000 leads.
   */
  async duplicates(user: AuthUser, id: string): Promise<DuplicateView<Date>[]> {
    const me = await this.leads.get(user, id);
    if (me.erasedAt) return [];
    const params: unknown[] = [id];
    const param = (value: unknown) => `$${params.push(value)}`;
    const arms: string[] = [];
    let email = 'FALSE';
    let nameCity = 'FALSE';
    const phoneChecks: string[] = [];
    if (me.email) {
      email = `l.email = ${param(me.email)}`;
      arms.push(email);
    }
    if (me.city) {
      const name = param(me.fullName);
      nameCity = `(lower(l.city) = lower(${param(me.city)}) AND similarity(l.full_name, ${name}) >= ${SIMILAR_NAME_THRESHOLD})`;
      arms.push(`(${name} <% (l.full_name || ' ' || COALESCE(l.email, '')) AND ${nameCity})`);
    }
    if (me.alternatePhones.length) phoneChecks.push(`l.phone = ANY(${param(me.alternatePhones)}::text[])`);
    if (me.phone) phoneChecks.push(`l.alternate_phones @> ARRAY[${param(me.phone)}]::text[]`);
    const phone = phoneChecks.length ? `(${phoneChecks.join(' OR ')})` : 'FALSE';
    if (phoneChecks.length) arms.push(phone);
    if (!arms.length) return [];
    const visibility = leadVisibility(user, params.length + 1);
    params.push(...visibility.params);
    const rows = await queryRows<DuplicateView<Date>['lead'] & { email_: boolean; name_: boolean; phone_: boolean; moves: MergeMoves }>(
      this.dataSource,
      `SELECT l.id, l.reference, l.full_name AS "fullName", l.phone, l.email, l.city, l.status, a.name AS "advisorName",
              l.created_at AS "createdAt", l.version, ${email} AS email_, ${nameCity} AS name_, ${phone} AS phone_, ${MOVES_OF('l.id')} AS moves
         FROM ${LEAD_FROM}
        WHERE l.id <> $1 AND l.erased_at IS NULL AND ${visibility.sql} AND (${arms.join(' OR ')})
        ORDER BY (${email})::int + (${nameCity})::int + (${phone})::int DESC, l.created_at DESC
        LIMIT ${DUPLICATES_LIMIT}`,
      params,
    );
    return rows
      .map(({ email_, name_, phone_, moves, ...lead }) => {
        const reasons: DuplicateReason[] = [];
        if (email_) reasons.push('email');
        if (name_) reasons.push('nameCity');
        if (phone_) reasons.push('phone');
        return { lead, reasons, moves };
      })
      .filter((suggestion) => suggestion.reasons.length > 0);
  }

  /**
   * Merges `otherId` into `id` in one transaction (see the lead-merge contract for the rules).
   * The assignment lock first, as intake and staff entry take it before writing a lead: an inquiry
   * from the other lead's phone arriving meanwhile is either in before the merge (and moves with
   * the other lead) or after it (and finds the phone among the survivor's alternate phones). Then
   * both leads, locked in id order.
   */
  async merge(user: AuthUser, id: string, body: MergeLeadsDto): Promise<LeadView> {
    if (body.otherId === id) throw new AppError(LeadsErrors.mergeWithItself, [{ field: 'otherId', message: LeadsErrors.mergeWithItself.message }]);
    return this.dataSource.transaction(async (manager) => {
      await this.assignment.lock(manager);
      const visibility = leadVisibility(user, 2);
      const locked = await queryRows<MergeRow>(
        manager,
        `SELECT ${LEAD_COLUMNS}, l.max_stage AS "maxStage", l.lost_at AS "lostAt", l.enrolled_at AS "enrolledAt",
                l.first_contacted_at AS "firstContactedAt", l.awaiting_assignment AS "awaitingAssignment",
                l.unsubscribe_token AS "unsubscribeToken", l.merged_unsubscribe_tokens AS "mergedUnsubscribeTokens"
           FROM ${LEAD_FROM} WHERE l.id = ANY($1::uuid[]) AND ${visibility.sql} ORDER BY l.id FOR UPDATE OF l`,
        [[id, body.otherId], ...visibility.params],
      );
      const survivor = locked.find((lead) => lead.id === id);
      const other = locked.find((lead) => lead.id === body.otherId);
      if (!survivor || !other) throw new AppError(LeadsErrors.notFound);
      if (survivor.erasedAt || other.erasedAt) {
        throw new AppError(LeadsErrors.mergeErased, [{ field: 'otherId', message: LeadsErrors.mergeErased.message }]);
      }
      if (survivor.version !== body.version) throw await staleVersionError(manager, 'leads', id, user, LeadsErrors);
      if (other.version !== body.otherVersion) throw await staleVersionError(manager, 'leads', other.id, user, LeadsErrors);
      const clash = await queryMaybeOne<unknown>(
        manager,
        `SELECT 1 FROM applications s JOIN applications o ON o.program_id = s.program_id AND o.session = s.session
          WHERE s.lead_id = $1 AND o.lead_id = $2 LIMIT 1`,
        [id, other.id],
      );
      if (clash) throw new AppError(LeadsErrors.mergeApplicationClash);

      const moved = await this.moveRecords(manager, id, other.id);
      const { sets, params, taken, consentTaken } = mergedValues(survivor, other, body.keep ?? {});
      // Placeholders after `$1` (the survivor's id).
      const updatedBy = params.push(user.id) + 1;
      const alternates = params.push([other.phone, ...other.alternatePhones, ...survivor.alternatePhones].filter((p): p is string => !!p)) + 1;
      // Links already sent to the other lead keep working: they withdraw consent here.
      const tokens = params.push([...survivor.mergedUnsubscribeTokens, other.unsubscribeToken, ...other.mergedUnsubscribeTokens]) + 1;
      await manager.query(
        `UPDATE leads l SET ${sets.join(', ')},
                alternate_phones = ARRAY(SELECT DISTINCT p FROM unnest($${alternates}::text[]) p WHERE p IS DISTINCT FROM l.phone ORDER BY p),
                merged_unsubscribe_tokens = $${tokens}::text[],
                next_follow_up_at = (SELECT min(t.due_at) FROM tasks t WHERE t.lead_id = l.id AND t.done_at IS NULL),
                whatsapp_unanswered = COALESCE((SELECT m.direction = 'in' FROM whatsapp_messages m WHERE m.lead_id = l.id ORDER BY m.created_at DESC LIMIT 1), false),
                version = version + 1, updated_at = now(), updated_by = $${updatedBy}
          WHERE l.id = $1`,
        [id, ...params],
      );
      // A lead's open follow-ups are its advisor's (as when a lead is reassigned): the other's now are too.
      await manager.query(
        `UPDATE tasks t SET owner_id = l.advisor_id FROM leads l
          WHERE l.id = $1 AND t.lead_id = l.id AND t.done_at IS NULL AND l.advisor_id IS NOT NULL AND t.owner_id <> l.advisor_id`,
        [id],
      );
      // The other lead's rows have all moved: deleting it cascades to nothing.
      await manager.query(`DELETE FROM leads WHERE id = $1`, [other.id]);
      const data: MergeActivityData = {
        otherId: other.id,
        otherReference: other.reference,
        otherName: other.fullName,
        otherPhone: other.phone,
        taken,
        consentTaken,
        moved,
      };
      await recordActivity(manager, id, 'merge', user.id, { ...data });
      return this.leads.get(user, id, manager);
    });
  }

  /**
   * Every record of the other lead moves to the survivor, each unique constraint settled on
   * purpose: a program shortlisted on both stays once (the survivor's, with the other's note if it
   * had none); an open transfer request by the same advisor on both stays once; two applications to
   * the same program and session were refused before. Notifications keep their dedupe keys (they
   * name the event, not the lead) and now open the survivor. The WhatsApp webhook's log and bulk
   * operations name leads by id: the other's id becomes the survivor's.
   */
  private async moveRecords(manager: Db, id: string, otherId: string): Promise<MergeMoves> {
    const move = (table: string) => queryAffected(manager, `UPDATE ${table} SET lead_id = $1 WHERE lead_id = $2`, [id, otherId]);
    await manager.query(
      `UPDATE shortlist_items s SET note = o.note FROM shortlist_items o
        WHERE s.lead_id = $1 AND o.lead_id = $2 AND o.program_id = s.program_id AND s.note IS NULL AND o.note IS NOT NULL`,
      [id, otherId],
    );
    await manager.query(
      `DELETE FROM shortlist_items o USING shortlist_items s WHERE o.lead_id = $2 AND s.lead_id = $1 AND s.program_id = o.program_id`,
      [id, otherId],
    );
    // The other's shortlist follows the survivor's, in its own order.
    const shortlist = await queryAffected(
      manager,
      `UPDATE shortlist_items SET lead_id = $1, rank = rank + (SELECT COALESCE(max(rank), 0) FROM shortlist_items WHERE lead_id = $1) WHERE lead_id = $2`,
      [id, otherId],
    );
    await manager.query(
      `DELETE FROM lead_transfer_requests o USING lead_transfer_requests s
        WHERE o.lead_id = $2 AND o.resolved_at IS NULL AND s.lead_id = $1 AND s.resolved_at IS NULL AND s.requested_by = o.requested_by`,
      [id, otherId],
    );
    await move('lead_transfer_requests');
    // Rights requests and one-time codes (a guardian's) follow the person; a breach that concerned both concerns the survivor once.
    await move('data_requests');
    await move('verification_codes');
    await manager.query(`DELETE FROM breach_leads o USING breach_leads s WHERE o.lead_id = $2 AND s.lead_id = $1 AND s.breach_id = o.breach_id`, [
      id,
      otherId,
    ]);
    await move('breach_leads');
    await manager.query(`UPDATE notifications SET lead_id = $1::uuid, link = '/leads/' || $1::text WHERE lead_id = $2`, [id, otherId]);
    // A bulk operation naming the other lead now names the survivor (with the other's version, so a
    // pending run skips it as stale); one naming both keeps the other's id (skipped as not found)
    // rather than act on the survivor twice.
    await manager.query(
      `UPDATE bulk_operations SET lead_ids = array_replace(lead_ids, $2::uuid, $1::uuid)
        WHERE lead_ids @> ARRAY[$2::uuid] AND NOT lead_ids @> ARRAY[$1::uuid]`,
      [id, otherId],
    );
    await manager.query(
      `UPDATE whatsapp_webhook_events SET lead_ids = ARRAY(SELECT DISTINCT unnest(array_replace(lead_ids, $2::uuid, $1::uuid)))
        WHERE lead_ids @> ARRAY[$2::uuid]`,
      [id, otherId],
    );
    return {
      inquiries: await move('inquiries'),
      activities: await move('activities'),
      tasks: await move('tasks'),
      shortlist,
      comparisons: await move('comparisons'),
      applications: await move('applications'),
      whatsappMessages: await move('whatsapp_messages'),
    };
  }
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/**
 * The survivor's new values as `SET` clauses on `$2…` (`$1` is its id): each mergeable field from
 * the side chosen (by default the survivor's, or the other's where the survivor's is empty; status
 * by `mergedStatus`), the consent record of whichever is more recent, and the columns that follow
 * from them (the lost reason and times with the status, the furthest stage reached, the first
 * contact).
 */
function mergedValues(survivor: MergeRow, other: MergeRow, keep: Partial<Record<MergeField, MergeSide>>) {
  const sets: string[] = [];
  const params: unknown[] = [];
  const set = (column: string, value: unknown) => sets.push(`${column} = $${params.push(value) + 1}`);
  const taken: MergeField[] = [];
  for (const field of MERGE_FIELDS) {
    const side = keep[field] ?? defaultMergeSide(survivor, other, field);
    if (side === 'this' || survivor[field] === other[field]) continue;
    taken.push(field);
    set(columnName(field), other[field]);
    if (field === 'status') {
      set('lost_reason', other.lostReason);
      set('lost_at', other.lostAt);
      set('enrolled_at', other.enrolledAt);
    }
  }
  const advisorId = taken.includes('advisorId') ? other.advisorId : survivor.advisorId;
  set('awaiting_assignment', advisorId === null && (survivor.awaitingAssignment || other.awaitingAssignment));
  set('max_stage', Math.max(survivor.maxStage, other.maxStage));
  const contacted = [survivor.firstContactedAt, other.firstContactedAt].filter((t): t is Date => !!t);
  set('first_contacted_at', contacted.length ? new Date(Math.min(...contacted.map((t) => t.getTime()))) : null);
  // Never chosen by hand: the more recent record of what the person agreed to, taken whole.
  const consentTaken = !!other.consentAt && (!survivor.consentAt || other.consentAt > survivor.consentAt);
  if (consentTaken) {
    set('consent_whatsapp', other.consentWhatsapp);
    set('consent_marketing', other.consentMarketing);
    set('consent_at', other.consentAt);
    set('consent_source', other.consentSource);
    set('consent_notice_version', other.consentNoticeVersion);
  }
  set('is_minor', survivor.isMinor || other.isMinor);
  // A guardian verified on either record verified the same person's guardian.
  for (const field of ['guardianName', 'guardianPhone', 'guardianVerifiedAt', 'guardianVerifiedById', 'referrer', 'firstContactDueAt'] as const) {
    if (isEmpty(survivor[field]) && !isEmpty(other[field])) set(columnName(field), other[field]);
  }
  const windowEnds = [survivor.whatsappWindowEndsAt, other.whatsappWindowEndsAt].filter((t): t is Date => !!t);
  if (windowEnds.length) set('whatsapp_window_ends_at', new Date(Math.max(...windowEnds.map((t) => t.getTime()))));
  return { sets, params, taken, consentTaken };
}
