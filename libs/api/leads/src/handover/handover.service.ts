import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { REASSIGN_BY_RULE, type DeactivationResult, type UserWorkload } from '@advisordesk/shared';
import { AppError, errorOnField, queryAffected, queryMaybeOne, queryOne, queryRows } from '@advisordesk/api-core';
import { AuthErrors, AuthService, UsersService, type AuthUser } from '@advisordesk/api-auth';
import { AssignmentService, type LeadMove } from '../assignment.service';
import { LeadsErrors } from '../leads.errors';

type Db = Pick<EntityManager, 'query'>;

/** Open leads are the ones the advisor load counts: not enrolled, not lost, not erased. */
const OPEN_LEADS_OF = `l.advisor_id = $1 AND l.status NOT IN ('enrolled', 'lost') AND l.erased_at IS NULL`;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Deactivating a user hands their open leads and follow-ups to someone, in the same transaction:
 * nobody's work is left with an account that can no longer sign in.
 */
@Injectable()
export class HandoverService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly assignment: AssignmentService,
  ) {}

  /** Every deactivation (also `PATCH /api/users/:id {active: false}`) is refused while the user still has open work. */
  onModuleInit() {
    this.users.refuseDeactivationUnless(async (userId, db) => {
      const work = await this.workload(userId, db);
      if (!work.openLeads && !work.openTasks) return;
      const { name } = await queryOne<{ name: string }>(db, `SELECT name FROM users WHERE id = $1`, [userId]);
      const message = `${name} still has ${plural(work.openLeads, 'open lead', 'open leads')} and ${plural(work.openTasks, 'open follow-up', 'open follow-ups')}: hand them to an advisor (reassignTo) before deactivating`;
      throw new AppError(LeadsErrors.openWork, undefined, message, { ...work });
    });
  }

  async workload(userId: string, db: Db = this.dataSource): Promise<UserWorkload> {
    return queryOne<UserWorkload>(
      db,
      `SELECT (SELECT count(*) FROM leads l WHERE ${OPEN_LEADS_OF})::int AS "openLeads",
              (SELECT count(*) FROM tasks WHERE owner_id = $1 AND done_at IS NULL)::int AS "openTasks"`,
      [userId],
    );
  }

  /** 404 for an unknown user; otherwise what they have open. */
  async workloadOf(userId: string): Promise<UserWorkload> {
    await this.users.get(userId);
    return this.workload(userId);
  }

  /**
   * Deactivates the user; with `reassignTo` (an advisor's id, or `auto` for the assignment rule) their
   * open leads move first, each with its open follow-ups and an assignment on its timeline, and any
   * other open follow-up of theirs goes to its lead's advisor (or the one who took their leads).
   */
  async deactivate(actor: AuthUser, userId: string, reassignTo?: string): Promise<DeactivationResult> {
    const result = await this.dataSource.transaction(async (manager) => {
      // The assignment lock first, as everywhere leads are assigned; then the user's row.
      await this.assignment.lock(manager);
      const user = await queryMaybeOne<{ id: string }>(manager, `SELECT id FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      if (!user) throw new AppError(AuthErrors.userNotFound);
      if (userId === actor.id) throw new AppError(AuthErrors.ownDeactivation);
      const moved = reassignTo ? await this.handOver(manager, actor, userId, reassignTo) : { reassignedLeads: 0, reassignedTasks: 0 };
      const { user: view } = await this.users.update(actor, userId, { active: false }, manager);
      return { user: view, ...moved };
    });
    await this.auth.revokeAllSessions(userId);
    return result;
  }

  private async handOver(manager: EntityManager, actor: AuthUser, userId: string, reassignTo: string) {
    if (reassignTo !== REASSIGN_BY_RULE) {
      const advisor = await queryMaybeOne<{ id: string }>(
        manager,
        `SELECT id FROM users WHERE id = $1 AND role = 'advisor' AND active AND id <> $2`,
        [reassignTo, userId],
      );
      if (!advisor) throw errorOnField(LeadsErrors.notAHandoverAdvisor, 'reassignTo');
    }
    const leads = await queryRows<{ id: string }>(manager, `SELECT l.id FROM leads l WHERE ${OPEN_LEADS_OF} ORDER BY l.created_at, l.id FOR UPDATE`, [
      userId,
    ]);
    const { openTasks } = await this.workload(userId, manager);
    let recipients: string[];
    if (reassignTo === REASSIGN_BY_RULE) {
      const turns = await this.assignment.spreadTurns(manager, Math.max(leads.length, openTasks ? 1 : 0), userId);
      if (!turns.length && (leads.length || openTasks)) throw errorOnField(LeadsErrors.noAdvisorToHandTo, 'reassignTo');
      recipients = turns.map((t) => t.advisorId);
    } else {
      recipients = [reassignTo];
    }
    const moves: LeadMove[] = leads.map((lead, i) => ({ leadId: lead.id, from: userId, to: recipients[i] ?? recipients[0] }));
    const { tasks: movedWithLeads } = await this.assignment.moveLeads(manager, actor, moves, 'handover');
    // Follow-ups left on leads that did not move (closed ones, or someone else's): to that lead's active advisor, else to a recipient.
    const others = await queryAffected(
      manager,
      `UPDATE tasks t SET owner_id = COALESCE((SELECT u.id FROM leads l JOIN users u ON u.id = l.advisor_id
                                               WHERE l.id = t.lead_id AND u.active AND u.id <> $1), $2)
        WHERE t.owner_id = $1 AND t.done_at IS NULL`,
      [userId, recipients[0] ?? null],
    );
    return { reassignedLeads: moves.length, reassignedTasks: movedWithLeads + others };
  }
}
