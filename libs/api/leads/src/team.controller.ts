import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LEAD_STATUSES, OPEN_STATUSES, rolesThatCanWrite, type LeadStatus, type TeamMemberSummary } from '@advisordesk/shared';
import { queryRows } from '@advisordesk/api-core';
import { Roles } from '@advisordesk/api-auth';

const OPEN = `l.status <> ALL('{enrolled,lost}') AND l.erased_at IS NULL`;

/**
 * The team at a glance for managers and admins, as of now: each active advisor's open leads by
 * status, those with no next step and their overdue follow-ups. Each count is the one the lead
 * list or the follow-ups page shows with the same filter (the dashboard links to them).
 */
@ApiTags('team')
@ApiBearerAuth()
@Roles(...rolesThatCanWrite('leadAssignment'))
@Controller('team')
export class TeamController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('summary')
  async summary(): Promise<TeamMemberSummary[]> {
    const rows = await queryRows<Omit<TeamMemberSummary, 'openByStatus' | 'openLeads'> & { byStatus: Partial<Record<LeadStatus, number>> | null }>(
      this.dataSource,
      `SELECT u.id AS "advisorId", u.name AS "advisorName",
              (SELECT json_object_agg(s.status, s.n) FROM (SELECT l.status, count(*)::int AS n FROM leads l WHERE l.advisor_id = u.id AND ${OPEN} GROUP BY l.status) s) AS "byStatus",
              (SELECT count(*)::int FROM leads l WHERE l.advisor_id = u.id AND l.next_follow_up_at IS NULL AND ${OPEN}) AS "noNextStep",
              (SELECT count(*)::int FROM tasks t WHERE t.owner_id = u.id AND t.done_at IS NULL AND t.due_at <= now()) AS "overdueFollowUps"
         FROM users u WHERE u.role = 'advisor' AND u.active ORDER BY u.name, u.id`,
    );
    return rows.map(({ byStatus, ...row }) => {
      const openByStatus = Object.fromEntries(LEAD_STATUSES.map((status) => [status, byStatus?.[status] ?? 0])) as Record<LeadStatus, number>;
      return { ...row, openByStatus, openLeads: OPEN_STATUSES.reduce((sum, status) => sum + openByStatus[status], 0) };
    });
  }
}
