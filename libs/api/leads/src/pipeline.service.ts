import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { checkTransition, PIPELINE, type LeadStatus, type PipelineStage } from '@advisordesk/shared';
import { AppError, errorOnField, queryAffected, queryChanged, type ErrorCode } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import type { ChangeStatusDto } from './dto/lead-actions.dto';
import { leadVisibility } from './lead-access';
import type { LeadView } from './lead.view';
import { LeadsErrors } from './leads.errors';
import { LeadsService } from './leads.service';
import { recordActivity } from './activity';

const REFUSALS: Record<string, ErrorCode> = {
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
      const from = current.status as LeadView['status'];
      const verdict = checkTransition(from, body.status, user.role, body.lostReason);
      if (!verdict.allowed) {
        const error = REFUSALS[verdict.reason];
        throw verdict.reason === 'lost_needs_reason' ? errorOnField(error, 'lostReason') : new AppError(error);
      }
      const stage = body.status === 'lost' ? null : PIPELINE.indexOf(body.status as PipelineStage);
      const params: unknown[] = [id, body.version, body.status, body.status === 'lost' ? body.lostReason : null, stage, user.id];
      const visibility = leadVisibility(user, params.length + 1);
      params.push(...visibility.params);
      const updated = await queryAffected(
        manager,
        `UPDATE leads l SET ${STATUS_SET} WHERE l.id = $1 AND l.version = $2 AND ${visibility.sql}`,
        params,
      );
      if (updated !== 1) throw await this.leads.staleVersion(user, id, manager);
      await recordActivity(manager, id, 'status_change', user.id, {
        from,
        to: body.status,
        ...(body.lostReason && body.status === 'lost' ? { lostReason: body.lostReason } : {}),
        ...(body.note ? { note: body.note.trim() } : {}),
      });
      return this.leads.get(user, id, manager);
    });
  }
}
