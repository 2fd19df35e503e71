import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, errorOnField, queryMaybeOne, queryRows } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { LeadsErrors } from './leads.errors';

type Db = Pick<EntityManager, 'query'>;

/** Advisory-lock key for lead assignment (any constant unique to this purpose). */
const ASSIGNMENT_LOCK = 73_310_001;

export interface AdvisorLoad {
  id: string;
  load: number;
  last: number;
}

/** A lead changing hands: from its advisor (if any) to another; with `version`, only if the lead is still at it. */
export interface LeadMove {
  leadId: string;
  from: string | null;
  to: string;
  version?: number;
}

export interface Turn {
  advisorId: string;
  at: Date;
}

/**
 * The active advisors' open-lead counts and last turns as one JSON array (a subquery, so a caller
 * can read them with its own data in one round trip); empty when auto-assignment is off.
 */
export const ADVISOR_LOADS = `
  SELECT COALESCE(json_agg(json_build_object('id', al.advisor_id, 'load', al.open_leads, 'last', COALESCE(extract(epoch FROM al.last_assigned_at) * 1000, 0)::float)), '[]')
    FROM advisor_load al JOIN users u ON u.id = al.advisor_id
   WHERE u.role = 'advisor' AND u.active
     AND COALESCE((SELECT (value->>'autoAssign')::boolean FROM app_settings WHERE key = 'assignment'), true)`;

/**
 * Records the advisors' turns: `turns` is a query answering `(advisor, at)` rows; each advisor's
 * latest one is their last turn (the tie-break of planTurns).
 */
export function recordTurns(turns: string): string {
  return `UPDATE advisor_load al SET last_assigned_at = t.at
            FROM (SELECT advisor, max(at) AS at FROM (${turns}) AS turn(advisor, at) GROUP BY advisor) t
           WHERE al.advisor_id = t.advisor`;
}

/**
 * Recounts every advisor's open leads from the leads themselves, counting as the `leads_advisor_load`
 * trigger does (not enrolled, not lost, not erased): after a bulk load that ran without the trigger.
 */
export async function recountAdvisorLoads(db: Db): Promise<void> {
  await db.query(
    `UPDATE advisor_load al SET open_leads = COALESCE(c.n, 0)
       FROM (SELECT u.id, (SELECT count(*) FROM leads l WHERE l.advisor_id = u.id AND l.status NOT IN ('enrolled', 'lost') AND l.erased_at IS NULL) AS n FROM users u) c
      WHERE c.id = al.advisor_id`,
  );
}

/** Each of `count` new leads in turn to the least loaded advisor (ties: longest since their last new lead). */
export function planTurns(advisors: AdvisorLoad[], count: number): Turn[] {
  if (!advisors.length) return [];
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    advisors.sort((a, b) => a.load - b.load || a.last - b.last || (a.id < b.id ? -1 : 1));
    const advisor = advisors[0];
    advisor.load++;
    advisor.last = now + i;
    return { advisorId: advisor.id, at: new Date(now + i) };
  });
}

@Injectable()
export class AssignmentService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Assignment');
  private startup: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * New leads are assigned in the transaction that creates them. Leads an earlier version left
   * waiting (`awaiting_assignment`) are assigned once, at start.
   */
  onApplicationBootstrap() {
    this.startup = this.dataSource
      .transaction((manager) => this.assignWaiting(manager))
      .catch((error) => this.logger.warn(`Assigning waiting leads failed: ${(error as Error).message}`));
  }

  async onApplicationShutdown() {
    await this.startup;
  }

  /**
   * Takes the assignment lock, held to the end of the caller's transaction. Whoever creates a
   * lead takes it before inserting, so lock order is the same everywhere (no deadlock) and each
   * batch reads the loads every earlier one committed.
   */
  async lock(manager: Db): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(${ASSIGNMENT_LOCK})`);
  }

  /**
   * Under the lock: advisors for `count` new leads, in order, and the turns recorded. Empty when
   * auto-assignment is off or no advisor is active. `advisor_load.open_leads` follows by trigger
   * when the leads are written.
   */
  async takeTurns(manager: Db, count: number): Promise<Turn[]> {
    if (count === 0) return [];
    const [{ advisors }] = await queryRows<{ advisors: AdvisorLoad[] }>(manager, `SELECT (${ADVISOR_LOADS}) AS advisors`);
    const turns = planTurns(advisors, count);
    if (turns.length) {
      await manager.query(recordTurns(`SELECT * FROM unnest($1::uuid[], $2::timestamptz[])`), [
        turns.map((t) => t.advisorId),
        turns.map((t) => t.at),
      ]);
    }
    return turns;
  }

  /** Under the lock, every lead still waiting gets an advisor in turn (or stops waiting when auto-assignment is off). */
  private async assignWaiting(manager: Db): Promise<void> {
    await this.lock(manager);
    const waiting = (
      await queryRows<{ id: string }>(
        manager,
        `SELECT id FROM leads WHERE awaiting_assignment AND advisor_id IS NULL ORDER BY created_at, id FOR UPDATE`,
      )
    ).map((r) => r.id);
    if (!waiting.length) return;
    const turns = await this.takeTurns(manager, waiting.length);
    await manager.query(
      `WITH p AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS p(id, advisor, at)),
       assigned AS (UPDATE leads l SET advisor_id = p.advisor, awaiting_assignment = false FROM p WHERE l.id = p.id)
       INSERT INTO activities (lead_id, type, data, created_at)
       SELECT p.id, 'assignment', jsonb_build_object('to', p.advisor, 'automatic', true), p.at FROM p WHERE p.advisor IS NOT NULL`,
      [waiting, waiting.map((_, i) => turns[i]?.advisorId ?? null), waiting.map((_, i) => turns[i]?.at ?? new Date())],
    );
    this.logger.log(`Assigned ${waiting.length} lead(s) left waiting`);
  }

  async settings(): Promise<{ autoAssign: boolean }> {
    const row = await queryMaybeOne<{ value: { autoAssign?: boolean } }>(this.dataSource, `SELECT value FROM app_settings WHERE key = 'assignment'`);
    return { autoAssign: row?.value?.autoAssign !== false };
  }

  async updateSettings(autoAssign: boolean): Promise<{ autoAssign: boolean }> {
    await this.dataSource.query(
      `INSERT INTO app_settings (key, value) VALUES ('assignment', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [JSON.stringify({ autoAssign })],
    );
    return { autoAssign };
  }

  /** Managers (and admins) hand a lead to an advisor; also an owner approving a colleague's transfer request (in their transaction). */
  async assign(user: AuthUser, leadId: string, advisorId: string, db?: EntityManager): Promise<void> {
    if (!db) return this.dataSource.transaction((manager) => this.assign(user, leadId, advisorId, manager));
    await this.assertActiveAdvisor(db, advisorId);
    const lead = await queryMaybeOne<{ advisorId: string | null; erasedAt: Date | null }>(
      db,
      `SELECT advisor_id AS "advisorId", erased_at AS "erasedAt" FROM leads WHERE id = $1 FOR UPDATE`,
      [leadId],
    );
    if (!lead) throw new AppError(LeadsErrors.notFound);
    if (lead.erasedAt) throw new AppError(LeadsErrors.erased);
    if (lead.advisorId === advisorId) return;
    await this.moveLeads(db, user, [{ leadId, from: lead.advisorId, to: advisorId }]);
  }

  /** 400 naming `advisorId` unless it is an active advisor: whom a lead may be handed to. */
  async assertActiveAdvisor(db: Db, advisorId: string): Promise<void> {
    const advisor = await queryMaybeOne<{ id: string }>(db, `SELECT id FROM users WHERE id = $1 AND role = 'advisor' AND active`, [advisorId]);
    if (!advisor) throw errorOnField(LeadsErrors.notAnAdvisor, 'advisorId');
  }

  /**
   * Each lead to its new advisor, with its open follow-ups and an `assignment` entry on its timeline
   * (`via` says why, e.g. `handover`). A move with a `version` happens only if the lead is still at
   * it (`UPDATE … WHERE version = $v`). Answers the leads moved and how many follow-ups moved with them.
   */
  async moveLeads(db: Db, user: AuthUser, moves: LeadMove[], via?: string): Promise<{ moved: string[]; tasks: number }> {
    if (!moves.length) return { moved: [], tasks: 0 };
    const [result] = await queryRows<{ moved: string[]; tasks: number }>(
      db,
      `WITH m AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $6::int[]) AS m(id, from_advisor, to_advisor, version)),
       moved AS (UPDATE leads l SET advisor_id = m.to_advisor, version = l.version + 1, updated_at = now(), updated_by = $4
                   FROM m WHERE l.id = m.id AND (m.version IS NULL OR l.version = m.version)
                 RETURNING l.id, m.from_advisor, m.to_advisor),
       moved_tasks AS (UPDATE tasks t SET owner_id = moved.to_advisor FROM moved WHERE t.lead_id = moved.id AND t.done_at IS NULL RETURNING t.id),
       timeline AS (INSERT INTO activities (lead_id, type, author_id, data)
                    SELECT moved.id, 'assignment', $4,
                           jsonb_strip_nulls(jsonb_build_object('from', moved.from_advisor, 'fromName', f.name, 'to', moved.to_advisor, 'toName', t.name, 'via', $5::text))
                      FROM moved LEFT JOIN users f ON f.id = moved.from_advisor LEFT JOIN users t ON t.id = moved.to_advisor)
       SELECT COALESCE((SELECT array_agg(id) FROM moved), '{}') AS moved, (SELECT count(*) FROM moved_tasks)::int AS tasks`,
      [moves.map((m) => m.leadId), moves.map((m) => m.from), moves.map((m) => m.to), user.id, via ?? null, moves.map((m) => m.version ?? null)],
    );
    return result;
  }

  /**
   * `count` leads spread over the active advisors other than `except` by the assignment rule (least
   * loaded first, ties in turn), whatever the auto-assignment setting: an admin asked for it. Under the lock.
   */
  async spreadTurns(db: Db, count: number, except: string): Promise<Turn[]> {
    const advisors = await queryRows<AdvisorLoad>(
      db,
      `SELECT al.advisor_id AS id, al.open_leads AS load, COALESCE(extract(epoch FROM al.last_assigned_at) * 1000, 0)::float AS last
         FROM advisor_load al JOIN users u ON u.id = al.advisor_id
        WHERE u.role = 'advisor' AND u.active AND u.id <> $1`,
      [except],
    );
    const turns = planTurns(advisors, count);
    if (turns.length) {
      await db.query(recordTurns(`SELECT * FROM unnest($1::uuid[], $2::timestamptz[])`), [turns.map((t) => t.advisorId), turns.map((t) => t.at)]);
    }
    return turns;
  }
}
