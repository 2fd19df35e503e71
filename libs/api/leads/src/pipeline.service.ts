import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  checkTransition,
  PIPELINE,
  type LeadStatus,
  type PipelineStage,
  type Role,
  type StageMoveRefusal,
  type StatusChangeBody,
} from '@advisordesk/shared';
import { AppError, errorOnField, queryChanged, queryRows, type ErrorCode, type Queryable } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import type { ChangeStatusDto } from './dto/lead-actions.dto';
import { leadVisibility } from './lead-access';
import type { LeadView } from './lead.view';
import { LeadsErrors } from './leads.errors';
import { LeadsService } from './leads.service';
import { recordActivity } from './activity';

const REFUSALS: Record<StageMoveRefusal, ErrorCode> = {
  same_status: LeadsErrors.sameStatus,
  enrolled_is_final: LeadsErrors.enrolledIsFinal,
  backward_needs_manager: LeadsErrors.backwardNeedsManager,
  reopen_needs_manager: LeadsErrors.reopenNeedsManager,
  lost_needs_reason: LeadsErrors.lostNeedsReason,
};

/**
 * What moving a lead to a status sets, whoever moves it ($3 status, $4 lost reason, $5 its stage
 * or null for lost, $6 the user): the stage reached, first contact and enrolment times, the version.
 */
const STATUS_SET = `
  status = $3,
  lost_reason = $4,
  max_stage = CASE WHEN $5::smallint IS NULL THEN max_stage ELSE GREATEST(max_stage, $5::smallint) END,
  first_contacted_at = CASE WHEN $5::smallint >= 1 THEN COALESCE(first_contacted_at, now()) ELSE first_contacted_at END,
  enrolled_at = CASE WHEN $3 = 'enrolled' THEN now() ELSE enrolled_at END,
  lost_at = CASE WHEN $3 = 'lost' THEN now() ELSE NULL END,
  next_follow_up_at = CASE WHEN $3 IN ('enrolled', 'lost') THEN NULL ELSE next_follow_up_at END,
  version = version + 1,
  updated_at = now(),
  updated_by = $6`;

/**
 * Moves a lead forward to `to` because of something else that moved (an application submitted, an
 * offer, an enrolment), inside the caller's transaction: only forward, never out of `lost` (that is
 * a manager's decision), on the timeline as an automatic change. Answers whether it moved.
 */
export async function advanceLeadTo(
  db: EntityManager,
  leadId: string,
  to: PipelineStage,
  actorId: string | null,
  data: Record<string, unknown>,
): Promise<boolean> {
  const stage = PIPELINE.indexOf(to);
  const moved = await queryChanged<{ from: LeadStatus }>(
    db,
    `UPDATE leads l SET ${STATUS_SET}
       FROM (SELECT id, status AS from_status FROM leads WHERE id = $1 FOR UPDATE) old
      WHERE l.id = old.id AND l.erased_at IS NULL AND l.status <> 'lost' AND array_position($2::text[], l.status) - 1 < $5::smallint
      RETURNING old.from_status AS "from"`,
    [leadId, PIPELINE, to, null, stage, actorId],
  );
  if (!moved.length) return false;
  await recordActivity(db, leadId, 'status_change', actorId, { from: moved[0].from, to, automatic: true, ...data });
  return true;
}

/** Where a status move goes: the status, the lost reason when lost, a note for the timeline. */
export type StatusTarget = Pick<StatusChangeBody, 'status' | 'lostReason' | 'note'>;

/** A lead to move: its id, the status it is in and the version that was read. */
export interface StatusMove {
  id: string;
  from: LeadStatus;
  version: number;
}

/** The pipeline rule for this user (`checkTransition`): null when the move is allowed, else why not. */
export function statusMoveRefusal(from: LeadStatus, target: StatusTarget, role: Role): StageMoveRefusal | null {
  const verdict = checkTransition(from, target.status, role, target.lostReason);
  return verdict.allowed ? null : verdict.reason;
}

/**
 * Moves leads (already checked by `statusMoveRefusal`) to `target`, each only if it is still at the
 * version read and visible to the user (`UPDATE … WHERE version = $v`), with one `status_change`
 * entry per lead moved (from → to, the lost reason, the note): what reports count. Answers the ids
 * moved; the rest changed meanwhile. The one-lead action and bulk actions both move leads here.
 */
export async function applyStatusMoves(db: Queryable, user: AuthUser, moves: StatusMove[], target: StatusTarget): Promise<Set<string>> {
  if (!moves.length) return new Set();
  const lost = target.status === 'lost';
  const stage = lost ? null : PIPELINE.indexOf(target.status as PipelineStage);
  const data = {
    to: target.status,
    ...(lost && target.lostReason ? { lostReason: target.lostReason } : {}),
    ...(target.note?.trim() ? { note: target.note.trim() } : {}),
  };
  const params: unknown[] = [moves.map((m) => m.id), moves.map((m) => m.version), target.status, lost ? target.lostReason : null, stage, user.id];
  params.push(
    moves.map((m) => m.from),
    JSON.stringify(data),
  );
  const visibility = leadVisibility(user, params.length + 1);
  params.push(...visibility.params);
  const rows = await queryRows<{ id: string }>(
    db,
    `WITH m AS (SELECT * FROM unnest($1::uuid[], $2::int[], $7::text[]) AS m(id, seen_version, from_status)),
     moved AS (UPDATE leads l SET ${STATUS_SET} FROM m WHERE l.id = m.id AND l.version = m.seen_version AND ${visibility.sql} RETURNING l.id, m.from_status),
     timeline AS (INSERT INTO activities (lead_id, type, author_id, data)
                  SELECT moved.id, 'status_change', $6, jsonb_build_object('from', moved.from_status) || $8::jsonb FROM moved)
     SELECT id FROM moved`,
    params,
  );
  return new Set(rows.map((row) => row.id));
}

@Injectable()
export class PipelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
  ) {}

  /**
   * Moves a lead through the pipeline under the shared transition rules, optimistically:
   * the UPDATE names the version the user read, and a stale one changes nothing (409).
   * The activity records from → to with its time, which is what reports count.
   */
  async changeStatus(user: AuthUser, id: string, body: ChangeStatusDto): Promise<LeadView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.leads.assertWritable(user, id, manager);
      if (current.version !== body.version) throw await this.leads.staleVersion(user, id, manager);
      const from = current.status as LeadStatus;
      const refusal = statusMoveRefusal(from, body, user.role);
      if (refusal) {
        const error = REFUSALS[refusal];
        throw refusal === 'lost_needs_reason' ? errorOnField(error, 'lostReason') : new AppError(error);
      }
      const moved = await applyStatusMoves(manager, user, [{ id, from, version: body.version }], body);
      if (!moved.has(id)) throw await this.leads.staleVersion(user, id, manager);
      return this.leads.get(user, id, manager);
    });
  }
}
