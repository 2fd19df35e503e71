import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AppError,
  fetchPage,
  fieldError,
  parseListQuery,
  queryMaybeOne,
  queryChanged,
  queryRows,
  type ListSpec,
  type Page,
} from '@advisordesk/api-core';
import { FOLLOW_UP_OUTCOMES, type FollowUpOutcome, NextFollowUpBody, TaskView as TaskWire } from '@advisordesk/shared';
import type { AuthUser } from '@advisordesk/api-auth';
import type { CreateTaskDto, UpdateTaskDto } from './dto/lead-actions.dto';
import { leadVisibility, limitToVisibleLeads } from './lead-access';
import { LeadsErrors } from './leads.errors';
import { LeadsService } from './leads.service';
import { recordActivity } from './activity';

/** A follow-up as the API answers it: the leads contract's `TaskView`, with the database's `Date`s. */
export type TaskView = TaskWire<Date>;

const TASK_COLUMNS = `t.id, t.lead_id AS "leadId", l.full_name AS "leadName", l.phone AS "leadPhone", l.status AS "leadStatus",
  t.owner_id AS "ownerId", o.name AS "ownerName", t.title, t.due_at AS "dueAt", t.done_at AS "doneAt",
  (t.done_at IS NOT NULL) AS done, t.outcome, t.follows_task_id AS "followsTaskId", t.created_at AS "createdAt"`;
const TASK_FROM = `tasks t JOIN leads l ON l.id = t.lead_id JOIN users o ON o.id = t.owner_id`;

/** `done=false&dueAt_lte=<now>` is "overdue"; `dueAt_gte/lte` of a day is "due today". */
export const TASK_LIST: ListSpec = {
  fields: {
    id: { column: 't.id', type: 'uuid' },
    leadId: { column: 't.lead_id', type: 'uuid' },
    ownerId: { column: 't.owner_id', type: 'uuid' },
    title: { column: 't.title', type: 'text', sortable: true, required: true },
    dueAt: { column: 't.due_at', type: 'timestamp', sortable: true, required: true },
    doneAt: { column: 't.done_at', type: 'timestamp', sortable: true },
    done: { column: '(t.done_at IS NOT NULL)', type: 'bool' },
    outcome: { column: 't.outcome', type: 'enum', values: FOLLOW_UP_OUTCOMES },
    createdAt: { column: 't.created_at', type: 'timestamp', sortable: true, required: true },
  },
  defaultSort: { field: 'dueAt', order: 'asc' },
  tieBreaker: 't.id',
  maxPageSize: 200,
  search: (p, q) => ({ sql: `(t.title ILIKE ${p} OR l.full_name ILIKE ${p})`, value: `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%` }),
};

@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
  ) {}

  /** A task is seen by whoever may see its lead, open or done: it moves with the lead when the lead is reassigned. */
  async list(user: AuthUser, query: Record<string, unknown>): Promise<Page<TaskView>> {
    return fetchPage<TaskView>(this.dataSource, TASK_COLUMNS, TASK_FROM, limitToVisibleLeads(parseListQuery(query, TASK_LIST), user));
  }

  async get(user: AuthUser, id: string, db: Pick<EntityManager, 'query'> = this.dataSource): Promise<TaskView> {
    const visibility = leadVisibility(user, 2);
    const task = await queryMaybeOne<TaskView>(db, `SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE t.id = $1 AND ${visibility.sql}`, [
      id,
      ...visibility.params,
    ]);
    if (!task) throw new AppError(LeadsErrors.taskNotFound);
    return task;
  }

  /** A follow-up on a lead; it belongs to the lead's advisor (or to whoever schedules it, if none). */
  async create(user: AuthUser, body: CreateTaskDto): Promise<TaskView> {
    return this.dataSource.transaction(async (manager) => {
      const id = await this.schedule(manager, user, body.leadId, body);
      await this.syncNextFollowUp(manager, body.leadId);
      return this.get(user, id, manager);
    });
  }

  /**
   * A new time or title; `done: true` closes it with its outcome and schedules `next` (one
   * transaction); `done: false` reopens it and cancels the follow-up its completion scheduled.
   */
  async update(user: AuthUser, id: string, body: UpdateTaskDto): Promise<TaskView> {
    if (body.done !== true) {
      for (const field of ['outcome', 'note', 'next'] as const)
        if (body[field] !== undefined) throw fieldError(field, `${field} goes with done: true (how the follow-up ended)`);
    }
    return this.dataSource.transaction(async (manager) => {
      const task = await this.get(user, id, manager);
      await this.leads.assertWritable(user, task.leadId, manager);
      const dueAt = body.dueAt ? new Date(body.dueAt) : null;
      if (dueAt || body.title !== undefined) {
        await manager.query(`UPDATE tasks SET title = COALESCE($2, title), due_at = COALESCE($3, due_at) WHERE id = $1`, [
          id,
          body.title?.trim() ?? null,
          dueAt,
        ]);
        if (dueAt)
          await recordActivity(manager, task.leadId, 'task', user.id, {
            action: 'rescheduled',
            title: body.title ?? task.title,
            dueAt: dueAt.toISOString(),
          });
      }
      if (body.done === true && !task.done) await this.close(manager, user, [{ ...task, title: body.title?.trim() || task.title }], body);
      else if (body.done === false && task.done) await this.reopen(manager, user, task);
      await this.syncNextFollowUp(manager, task.leadId);
      return this.get(user, id, manager);
    });
  }

  /**
   * Closes the lead's open follow-ups due by now with a call's outcome, and schedules `next`, in
   * the caller's transaction (logging a call). Answers the follow-ups closed and the one scheduled.
   */
  async closeDue(
    manager: EntityManager,
    user: AuthUser,
    leadId: string,
    ending: { outcome: FollowUpOutcome; note?: string; next?: NextFollowUpBody },
  ): Promise<{ closed: TaskView[]; next: TaskView | null }> {
    const due = await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM tasks WHERE lead_id = $1 AND done_at IS NULL AND due_at <= now() ORDER BY due_at, id FOR UPDATE`,
      [leadId],
    );
    const closed = await Promise.all(due.map((task) => this.get(user, task.id, manager)));
    const nextId = await this.close(manager, user, closed, ending, leadId);
    await this.syncNextFollowUp(manager, leadId);
    return {
      closed: await Promise.all(closed.map((task) => this.get(user, task.id, manager))),
      next: nextId ? await this.get(user, nextId, manager) : null,
    };
  }

  /**
   * Marks open follow-ups done with how they ended (the timeline says so, with the note) and
   * schedules `next`, pointing back at the first of them so that undoing it cancels the new one.
   */
  private async close(
    manager: EntityManager,
    user: AuthUser,
    tasks: Pick<TaskView, 'id' | 'leadId' | 'title'>[],
    ending: { outcome?: FollowUpOutcome; note?: string; next?: NextFollowUpBody },
    leadId = tasks[0]?.leadId,
  ): Promise<string | null> {
    const outcome = ending.outcome ?? 'done';
    const note = ending.note?.trim();
    for (const task of tasks) {
      // Closed at most once, also when two people press Done at the same moment.
      const [closed] = await queryChanged<{ id: string }>(
        manager,
        `UPDATE tasks SET done_at = now(), outcome = $2 WHERE id = $1 AND done_at IS NULL RETURNING id`,
        [task.id, outcome],
      );
      if (closed)
        await recordActivity(manager, task.leadId, 'task', user.id, { action: 'done', title: task.title, outcome, ...(note ? { note } : {}) });
    }
    if (!ending.next || !leadId) return null;
    return this.schedule(manager, user, leadId, ending.next, tasks[0]?.id ?? null);
  }

  /** Undo of a completion: open again, and the follow-up it scheduled (still open) is cancelled. */
  private async reopen(manager: EntityManager, user: AuthUser, task: TaskView): Promise<void> {
    await manager.query(`UPDATE tasks SET done_at = NULL, outcome = NULL WHERE id = $1`, [task.id]);
    await recordActivity(manager, task.leadId, 'task', user.id, { action: 'reopened', title: task.title });
    const cancelled = await queryChanged<{ title: string }>(
      manager,
      `DELETE FROM tasks WHERE follows_task_id = $1 AND done_at IS NULL RETURNING title`,
      [task.id],
    );
    for (const next of cancelled) await recordActivity(manager, task.leadId, 'task', user.id, { action: 'cancelled', title: next.title });
  }

  private async schedule(
    manager: EntityManager,
    user: AuthUser,
    leadId: string,
    next: NextFollowUpBody,
    followsTaskId: string | null = null,
  ): Promise<string> {
    const lead = await this.leads.assertWritable(user, leadId, manager);
    const [id] = await this.scheduleOnLeads(manager, user, [{ id: leadId, advisorId: lead.advisorId }], next, followsTaskId);
    return id;
  }

  /**
   * A follow-up on each lead (the user may write them), owned by the lead's advisor (or by whoever
   * schedules it, if none), each on its lead's timeline; one statement however many leads. The
   * caller brings `next_follow_up_at` in step (`syncNextFollowUp`). Answers the tasks' ids in order.
   */
  async scheduleOnLeads(
    db: Pick<EntityManager, 'query'>,
    user: AuthUser,
    leads: { id: string; advisorId: string | null }[],
    next: NextFollowUpBody,
    followsTaskId: string | null = null,
  ): Promise<string[]> {
    if (!leads.length) return [];
    const title = next.title?.trim() || 'Follow up';
    const dueAt = new Date(next.dueAt);
    const rows = await queryRows<{ id: string }>(
      db,
      `WITH l AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS l(id, advisor_id, n)),
       task AS (INSERT INTO tasks (lead_id, owner_id, title, due_at, created_by, follows_task_id)
                SELECT l.id, COALESCE(l.advisor_id, $5), $3, $4, $5, $6 FROM l ORDER BY l.n RETURNING id, lead_id),
       timeline AS (INSERT INTO activities (lead_id, type, author_id, data) SELECT lead_id, 'task', $5, $7::jsonb FROM task)
       SELECT task.id FROM task JOIN l ON l.id = task.lead_id ORDER BY l.n`,
      [
        leads.map((lead) => lead.id),
        leads.map((lead) => lead.advisorId),
        title,
        dueAt,
        user.id,
        followsTaskId,
        JSON.stringify({ action: 'scheduled', title, dueAt: dueAt.toISOString() }),
      ],
    );
    return rows.map((row) => row.id);
  }

  async remove(user: AuthUser, id: string): Promise<TaskView> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.get(user, id, manager);
      await this.leads.assertWritable(user, task.leadId, manager);
      await manager.query(`DELETE FROM tasks WHERE id = $1`, [id]);
      await recordActivity(manager, task.leadId, 'task', user.id, { action: 'cancelled', title: task.title });
      await this.syncNextFollowUp(manager, task.leadId);
      return task;
    });
  }

  /** `leads.next_follow_up_at` is the earliest open task, kept in step so lists can filter on it. */
  async syncNextFollowUp(db: Pick<EntityManager, 'query'>, leadIds: string | string[]) {
    await db.query(
      `UPDATE leads l SET next_follow_up_at = (SELECT min(t.due_at) FROM tasks t WHERE t.lead_id = l.id AND t.done_at IS NULL) WHERE l.id = ANY($1::uuid[])`,
      [Array.isArray(leadIds) ? leadIds : [leadIds]],
    );
  }
}
