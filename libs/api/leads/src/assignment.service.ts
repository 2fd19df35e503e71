import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { LeadsErrors } from './leads.errors';
import { recordActivity } from './activity';

type Db = Pick<EntityManager, 'query'>;

/** Advisory-lock key for lead assignment (any constant unique to this purpose). */
const ASSIGNMENT_LOCK = 73_310_001;

interface Waiting {
  leadId: string;
  resolve: (advisorId: string | null) => void;
  reject: (error: unknown) => void;
}

const SWEEP_EVERY_MS = 60_000;

@Injectable()
export class AssignmentService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Assignment');
  private queue: Waiting[] = [];
  private draining = false;
  private sweeper?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap() {
    // Leads left waiting by a crash or a failed batch are picked up at start and every minute.
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
    void this.sweep();
  }

  onApplicationShutdown() {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /**
   * Assigns a new website lead (already committed) and answers its advisor. Requests arriving
   * together share one transaction: under load, many leads are assigned per lock and commit.
   */
  assignNew(leadId: string): Promise<string | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ leadId, resolve, reject });
      void this.drain();
    });
  }

  private async drain() {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, 500);
        try {
          const assigned = await this.assignBatch(batch.map((w) => w.leadId));
          for (const waiting of batch) waiting.resolve(assigned.get(waiting.leadId) ?? null);
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async sweep() {
    try {
      const waiting: { id: string }[] = await this.dataSource.query(`SELECT id FROM leads WHERE awaiting_assignment ORDER BY created_at LIMIT 500`);
      if (waiting.length) await Promise.all(waiting.map((w) => this.assignNew(w.id)));
    } catch (error) {
      this.logger.warn(`Assignment sweep failed: ${(error as Error).message}`);
    }
  }

  /**
   * One transaction for a batch: under the assignment lock, read the advisors' open-lead counts
   * (committed by every earlier batch), give each lead in turn to the least loaded (ties: longest
   * since their last new lead), and record it. `advisor_load.open_leads` follows by trigger.
   */
  private async assignBatch(leadIds: string[]): Promise<Map<string, string | null>> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${ASSIGNMENT_LOCK})`);
      const [{ autoAssign }] = await manager.query(`SELECT COALESCE((SELECT (value->>'autoAssign')::boolean FROM app_settings WHERE key = 'assignment'), true) AS "autoAssign"`);
      const pending: { id: string }[] = await manager.query(
        `SELECT id FROM leads WHERE id = ANY($1::uuid[]) AND awaiting_assignment AND advisor_id IS NULL ORDER BY created_at, id FOR UPDATE`,
        [leadIds],
      );
      const result = new Map<string, string | null>();
      const advisors: { id: string; load: number; last: number }[] = autoAssign
        ? (
            await manager.query(
              `SELECT al.advisor_id AS id, al.open_leads AS load, COALESCE(extract(epoch FROM al.last_assigned_at) * 1000, 0)::float AS last
                 FROM advisor_load al JOIN users u ON u.id = al.advisor_id WHERE u.role = 'advisor' AND u.active`,
            )
          ).map((a: { id: string; load: number; last: number }) => ({ ...a }))
        : [];
      if (!advisors.length) {
        await manager.query(`UPDATE leads SET awaiting_assignment = false WHERE id = ANY($1::uuid[])`, [pending.map((p) => p.id)]);
        return result;
      }
      const now = Date.now();
      const picks = pending.map((lead, i) => {
        advisors.sort((a, b) => a.load - b.load || a.last - b.last || (a.id < b.id ? -1 : 1));
        const advisor = advisors[0];
        advisor.load++;
        advisor.last = now + i;
        result.set(lead.id, advisor.id);
        return { lead: lead.id, advisor: advisor.id, at: new Date(now + i) };
      });
      await manager.query(
        `UPDATE leads l SET advisor_id = p.advisor, awaiting_assignment = false FROM unnest($1::uuid[], $2::uuid[]) AS p(id, advisor) WHERE l.id = p.id`,
        [picks.map((p) => p.lead), picks.map((p) => p.advisor)],
      );
      await manager.query(
        `UPDATE advisor_load al SET last_assigned_at = p.at FROM (SELECT advisor, max(at) AS at FROM unnest($1::uuid[], $2::timestamptz[]) AS x(advisor, at) GROUP BY advisor) p WHERE al.advisor_id = p.advisor`,
        [picks.map((p) => p.advisor), picks.map((p) => p.at)],
      );
      await manager.query(
        `INSERT INTO activities (lead_id, type, data, created_at) SELECT p.id, 'assignment', jsonb_build_object('to', p.advisor, 'automatic', true), p.at FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS p(id, advisor, at)`,
        [picks.map((p) => p.lead), picks.map((p) => p.advisor), picks.map((p) => p.at)],
      );
      return result;
    });
  }

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
