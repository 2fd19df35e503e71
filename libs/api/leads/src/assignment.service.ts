import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { LeadsErrors } from './leads.errors';
import { recordActivity } from './activity';

type Db = Pick<EntityManager, 'query'>;

/** Advisory-lock key for lead assignment (any constant unique to this purpose). */
const ASSIGNMENT_LOCK = 73_310_001;

@Injectable()
export class AssignmentService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async settings(): Promise<{ autoAssign: boolean }> {
    const [row] = await this.dataSource.query(`SELECT value FROM app_settings WHERE key = 'assignment'`);
    return { autoAssign: row?.value?.autoAssign !== false };
  }

  async updateSettings(autoAssign: boolean): Promise<{ autoAssign: boolean }> {
    await this.dataSource.query(
      `INSERT INTO app_settings (key, value) VALUES ('assignment', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [JSON.stringify({ autoAssign })],
    );
    return { autoAssign };
  }

  /**
   * The active advisor with the fewest open leads, ties in turn (longest since their last new
   * lead). `advisor_load` is kept by a trigger on leads. A transaction-scoped advisory lock makes
   * concurrent picks take turns, and under READ COMMITTED each sees the loads the previous one
   * committed, so simultaneous new leads spread evenly. Call it last in the transaction: the lock
   * is held until commit. Null when auto-assignment is off or there is no active advisor.
   */
  async pickAdvisor(db: Db): Promise<string | null> {
    await db.query(`SELECT pg_advisory_xact_lock(${ASSIGNMENT_LOCK})`);
    const [rows] = await db.query(
      `UPDATE advisor_load SET last_assigned_at = clock_timestamp()
        WHERE COALESCE((SELECT (value->>'autoAssign')::boolean FROM app_settings WHERE key = 'assignment'), true)
          AND advisor_id = (
            SELECT al.advisor_id FROM advisor_load al JOIN users u ON u.id = al.advisor_id
             WHERE u.role = 'advisor' AND u.active
             ORDER BY al.open_leads, al.last_assigned_at NULLS FIRST, al.advisor_id
             LIMIT 1)
       RETURNING advisor_id AS "advisorId"`,
    );
    return rows[0]?.advisorId ?? null;
  }

  /** Managers (and admins) hand a lead to an advisor. */
  async assign(user: AuthUser, leadId: string, advisorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [advisor] = await manager.query(`SELECT id FROM users WHERE id = $1 AND role = 'advisor' AND active`, [advisorId]);
      if (!advisor) throw new AppError(LeadsErrors.notAnAdvisor, [{ field: 'advisorId', message: 'advisorId must be an active advisor' }]);
      const [lead] = await manager.query(`SELECT advisor_id AS "advisorId", erased_at AS "erasedAt" FROM leads WHERE id = $1 FOR UPDATE`, [leadId]);
      if (!lead) throw new AppError(LeadsErrors.notFound);
      if (lead.erasedAt) throw new AppError(LeadsErrors.erased);
      if (lead.advisorId === advisorId) return;
      await manager.query(`UPDATE leads SET advisor_id = $2, version = version + 1, updated_at = now() WHERE id = $1`, [leadId, advisorId]);
      // Open follow-ups move with the lead.
      await manager.query(`UPDATE tasks SET owner_id = $2 WHERE lead_id = $1 AND done_at IS NULL`, [leadId, advisorId]);
      await recordActivity(manager, leadId, 'assignment', user.id, { from: lead.advisorId, to: advisorId });
    });
  }
}
