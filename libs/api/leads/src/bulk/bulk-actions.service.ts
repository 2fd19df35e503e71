import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  BULK_CHUNK_SIZE,
  BULK_MAX_LEADS,
  canRunBulkAction,
  type BulkAction,
  type BulkActionBody,
  type BulkOperationQueued,
  type BulkOperationView,
  type BulkResult,
  type BulkSkipReason,
  type LeadStatus,
  type Role,
} from '@advisordesk/shared';
import { AppError, fieldError, queryMaybeOne, queryOne, queryRows, whereClause } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { JobsService } from '@advisordesk/api-jobs';
import { noteData, recordActivities } from '../activity';
import { AssignmentService } from '../assignment.service';
import { leadVisibility } from '../lead-access';
import { LEAD_FROM } from '../lead.view';
import { LeadsErrors } from '../leads.errors';
import { leadListQuery } from '../leads.service';
import { applyStatusMoves, statusMoveRefusal, type StatusTarget } from '../pipeline.service';
import { TasksService } from '../tasks.service';
import { checkBulkRequest, filterQuery, skippedInOrder, type BulkParams } from './bulk-request';

export const BULK_QUEUE = 'leads.bulk';

/** A selected lead as a chunk reads it, locked until the chunk commits. */
interface SelectedLead {
  id: string;
  status: LeadStatus;
  version: number;
  advisorId: string | null;
}

interface OperationRow {
  id: string;
  userId: string;
  action: BulkAction;
  params: BulkParams;
  total: number;
  processed: number;
  status: BulkOperationView['status'];
}

/**
 * Bulk actions from the leads table: the same rules, permissions and timeline entries as the
 * one-lead actions (the pipeline's `applyStatusMoves`, `AssignmentService.moveLeads`,
 * `TasksService.scheduleOnLeads`), one chunk of at most BULK_CHUNK_SIZE leads per transaction.
 * Up to one chunk of ids runs in the request; more, or a filter, runs as a background operation
 * (`bulk_operations`, queue `leads.bulk`) that moves one chunk at a time and carries on from there
 * when retried.
 */
@Injectable()
export class BulkActionsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('BulkActions');
  /** Operations this instance runs itself (it works no jobs): awaited at shutdown. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignment: AssignmentService,
    private readonly tasks: TasksService,
    @Optional() private readonly jobs?: JobsService,
  ) {}

  onModuleInit() {
    this.jobs?.define<{ operationId: string }>({
      queue: BULK_QUEUE,
      retryLimit: 3,
      retryDelaySeconds: 5,
      expireInSeconds: 600,
      pollingSeconds: 1,
      handler: async (job) => {
        try {
          await this.run(job.data.operationId);
        } catch (error) {
          // The last try tells the user why; earlier ones are retried from the last chunk done.
          if (job.retryCount >= 3) await this.fail(job.data.operationId, error);
          throw error;
        }
      },
    });
  }

  async onApplicationShutdown() {
    await Promise.allSettled([...this.running]);
  }

  /** `POST /api/leads/bulk`: the result, or a queued operation to follow. */
  async submit(user: AuthUser, body: BulkActionBody): Promise<BulkResult | BulkOperationQueued> {
    if (!canRunBulkAction(body.action, user.role)) throw new AppError(LeadsErrors.bulkAssignNeedsManager);
    const params = checkBulkRequest(body);
    if (params.advisorId) await this.assignment.assertActiveAdvisor(this.dataSource, params.advisorId);
    if (body.ids && body.ids.length <= BULK_CHUNK_SIZE) {
      const ids = body.ids;
      return this.dataSource.transaction((manager) => this.applyChunk(manager, user, body.action, params, ids, body.versions ?? null));
    }
    // What runs is what was counted: the leads and the versions seen are fixed now.
    const selection =
      body.filter !== undefined ? await this.resolveFilter(user, body.filter) : { ids: body.ids ?? [], versions: body.versions ?? null };
    const { id } = await queryOne<{ id: string }>(
      this.dataSource,
      `INSERT INTO bulk_operations (user_id, action, params, lead_ids, lead_versions, total, status, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 = 0 THEN 'done' ELSE 'queued' END, CASE WHEN $6 = 0 THEN now() END) RETURNING id`,
      [user.id, body.action, JSON.stringify(params), selection.ids, selection.versions, selection.ids.length],
    );
    if (selection.ids.length) await this.start(id);
    return { operationId: id, total: selection.ids.length };
  }

  /** `GET /api/leads/bulk/:operationId`: the user's own operation, else 404. */
  async operation(user: AuthUser, id: string): Promise<BulkOperationView> {
    const operation = await queryMaybeOne<BulkOperationView>(
      this.dataSource,
      `SELECT id, action, status, total, processed, updated, skipped, error FROM bulk_operations WHERE id = $1 AND user_id = $2`,
      [id, user.id],
    );
    if (!operation) throw new AppError(LeadsErrors.bulkOperationNotFound);
    return operation;
  }

  /**
   * Runs an operation's chunks that are not done yet, one transaction each with the operation's row
   * locked, so two runners (a retry, an instance that runs it itself) never do a chunk twice.
   */
  async run(operationId: string): Promise<void> {
    while (await this.dataSource.transaction((manager) => this.runNextChunk(manager, operationId))) {
      // Each chunk commits on its own: the panel's progress bar moves with `processed`.
    }
  }

  /** The leads a filter of the lead list matches for this user (their row-level access), with their versions now. */
  private async resolveFilter(user: AuthUser, filter: string): Promise<{ ids: string[]; versions: number[] }> {
    const list = leadListQuery(user, filterQuery(filter));
    const rows = await queryRows<{ id: string; version: number }>(
      this.dataSource,
      `SELECT l.id, l.version FROM ${LEAD_FROM} ${whereClause(list.where)} ORDER BY l.id LIMIT ${BULK_MAX_LEADS + 1}`,
      list.params,
    );
    if (rows.length > BULK_MAX_LEADS) throw fieldError('filter', `filter matches more than ${BULK_MAX_LEADS} leads: narrow it down`);
    return { ids: rows.map((row) => row.id), versions: rows.map((row) => row.version) };
  }

  /** Queued for the instances that work jobs; an instance that works none (JOBS_ENABLED=false, or no jobs at all) also runs it itself. */
  private async start(operationId: string): Promise<void> {
    if (this.jobs) await this.jobs.send(BULK_QUEUE, { operationId });
    if (this.jobs?.config.enabled) return;
    const running: Promise<void> = this.run(operationId)
      .catch((error) => this.fail(operationId, error))
      .finally(() => this.running.delete(running));
    this.running.add(running);
  }

  private async fail(operationId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(`Bulk operation ${operationId} failed: ${message}`);
    await this.dataSource
      .query(
        `UPDATE bulk_operations SET status = 'failed', error = $2, finished_at = now(), params = params - 'note' - 'text'
          WHERE id = $1 AND status IN ('queued', 'running')`,
        [operationId, message],
      )
      .catch((failed: Error) => this.logger.warn(`Could not record the failure of bulk operation ${operationId}: ${failed.message}`));
  }

  /** The next chunk of an operation, in the caller's transaction; answers whether more remain. */
  private async runNextChunk(manager: EntityManager, operationId: string): Promise<boolean> {
    const operation = await queryMaybeOne<OperationRow>(
      manager,
      `SELECT id, user_id AS "userId", action, params, total, processed, status FROM bulk_operations WHERE id = $1 FOR UPDATE`,
      [operationId],
    );
    if (!operation || operation.status === 'done' || operation.status === 'failed') return false;
    const user = await queryMaybeOne<AuthUser>(manager, `SELECT id, role, name, email FROM users WHERE id = $1 AND active`, [operation.userId]);
    if (!user) throw new Error('The user who started this operation was deactivated');
    if (operation.action === 'note' && !operation.params.text) throw new AppError(LeadsErrors.bulkNoteErased);
    const from = operation.processed;
    const [chunk] = await queryRows<{ ids: string[]; versions: number[] | null }>(
      manager,
      `SELECT lead_ids[$2:$3] AS ids, lead_versions[$2:$3] AS versions FROM bulk_operations WHERE id = $1`,
      [operationId, from + 1, from + BULK_CHUNK_SIZE],
    );
    const result = await this.applyChunk(manager, user, operation.action, operation.params, chunk.ids, chunk.versions);
    const processed = from + chunk.ids.length;
    const done = processed >= operation.total;
    await manager.query(
      `UPDATE bulk_operations
          SET processed = $2, updated = updated + $3, skipped = skipped || $4::jsonb,
              status = CASE WHEN $5 THEN 'done' ELSE 'running' END, finished_at = CASE WHEN $5 THEN now() END,
              -- The notes are on the leads' timelines now (where erasure finds them).
              params = CASE WHEN $5 THEN params - 'note' - 'text' ELSE params END
        WHERE id = $1`,
      [operationId, processed, result.updated, JSON.stringify(result.skipped), done],
    );
    return !done;
  }

  /**
   * One chunk: the selected leads the user may write, locked in id order; those missing are
   * `notFound`, those whose version moved `stale`; the rest get the action as one lead would.
   */
  private async applyChunk(
    manager: EntityManager,
    user: AuthUser,
    action: BulkAction,
    params: BulkParams,
    ids: string[],
    versions: number[] | null,
  ): Promise<BulkResult> {
    const visibility = leadVisibility(user, 2);
    const leads = await queryRows<SelectedLead>(
      manager,
      `SELECT l.id, l.status, l.version, l.advisor_id AS "advisorId" FROM leads l
        WHERE l.id = ANY($1::uuid[]) AND l.erased_at IS NULL AND ${visibility.sql} ORDER BY l.id FOR UPDATE`,
      [ids, ...visibility.params],
    );
    const byId = new Map(leads.map((lead) => [lead.id, lead]));
    const reasons = new Map<string, BulkSkipReason>();
    const ready: SelectedLead[] = [];
    ids.forEach((id, i) => {
      const lead = byId.get(id);
      if (!lead) reasons.set(id, 'notFound');
      else if (versions && versions[i] !== lead.version) reasons.set(id, 'stale');
      else ready.push(lead);
    });
    const changed = await this.apply(manager, user, action, params, ready, reasons);
    // Written with `UPDATE … WHERE version = $v`: a lead not written changed meanwhile.
    for (const lead of ready) if (!reasons.has(lead.id) && !changed.has(lead.id)) reasons.set(lead.id, 'stale');
    return { updated: changed.size, skipped: skippedInOrder(ids, reasons) };
  }

  /** The action on the leads that may take it; answers the ids changed and notes why others were not. */
  private async apply(
    manager: EntityManager,
    user: AuthUser,
    action: BulkAction,
    params: BulkParams,
    leads: SelectedLead[],
    reasons: Map<string, BulkSkipReason>,
  ): Promise<Set<string>> {
    const ids = leads.map((lead) => lead.id);
    switch (action) {
      case 'assign': {
        const to = params.advisorId as string;
        const moving = leads.filter((lead) => (lead.advisorId === to ? !reasons.set(lead.id, 'unchanged') : true));
        const { moved } = await this.assignment.moveLeads(
          manager,
          user,
          moving.map((lead) => ({ leadId: lead.id, from: lead.advisorId, to, version: lead.version })),
        );
        return new Set(moved);
      }
      case 'status': {
        const target = params as StatusTarget;
        const moving = leads.filter((lead) => {
          const refusal = statusMoveRefusal(lead.status, target, user.role as Role);
          if (refusal) reasons.set(lead.id, refusal === 'same_status' ? 'unchanged' : 'notAllowed');
          return !refusal;
        });
        return applyStatusMoves(
          manager,
          user,
          moving.map((lead) => ({ id: lead.id, from: lead.status, version: lead.version })),
          target,
        );
      }
      case 'followUp':
        await this.tasks.scheduleOnLeads(manager, user, leads, { dueAt: params.dueAt as string, title: params.text });
        await this.tasks.syncNextFollowUp(manager, ids);
        return new Set(ids);
      case 'note':
        await recordActivities(manager, ids, 'note', user.id, noteData(params.text as string));
        return new Set(ids);
    }
  }
}
