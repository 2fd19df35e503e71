import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, fetchPage, parseListQuery, queryMaybeOne, queryOne, type ListSpec, type Page } from '@advisordesk/api-core';
import type { TaskView as TaskWire } from '@advisordesk/shared';
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
  (t.done_at IS NOT NULL) AS done, t.created_at AS "createdAt"`;
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
      const lead = await this.leads.assertWritable(user, body.leadId, manager);
      const title = body.title?.trim() || 'Follow up';
      const { id } = await queryOne<{ id: string }>(
        manager,
        `INSERT INTO tasks (lead_id, owner_id, title, due_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [body.leadId, lead.advisorId ?? user.id, title, new Date(body.dueAt), user.id],
      );
      await recordActivity(manager, body.leadId, 'task', user.id, { action: 'scheduled', title, dueAt: new Date(body.dueAt).toISOString() });
      await this.syncNextFollowUp(manager, body.leadId);
      return this.get(user, id, manager);
    });
  }

  async update(user: AuthUser, id: string, body: UpdateTaskDto): Promise<TaskView> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.get(user, id, manager);
      await this.leads.assertWritable(user, task.leadId, manager);
      const dueAt = body.dueAt ? new Date(body.dueAt) : null;
      await manager.query(
        `UPDATE tasks SET title = COALESCE($2, title), due_at = COALESCE($3, due_at),
                done_at = CASE WHEN $4::boolean IS NULL THEN done_at WHEN $4 THEN COALESCE(done_at, now()) ELSE NULL END
          WHERE id = $1`,
        [id, body.title?.trim() ?? null, dueAt, body.done ?? null],
      );
      if (body.done === true && !task.done) await recordActivity(manager, task.leadId, 'task', user.id, { action: 'done', title: task.title });
      else if (dueAt)
        await recordActivity(manager, task.leadId, 'task', user.id, {
          action: 'rescheduled',
          title: body.title ?? task.title,
          dueAt: dueAt.toISOString(),
        });
      await this.syncNextFollowUp(manager, task.leadId);
      return this.get(user, id, manager);
    });
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
  private async syncNextFollowUp(db: Pick<EntityManager, 'query'>, leadId: string) {
    await db.query(`UPDATE leads SET next_follow_up_at = (SELECT min(due_at) FROM tasks WHERE lead_id = $1 AND done_at IS NULL) WHERE id = $1`, [
      leadId,
    ]);
  }
}
