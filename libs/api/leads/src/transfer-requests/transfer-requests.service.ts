import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { accessOf, type TransferOutcome, type TransferRequestView as TransferRequestWire } from '@advisordesk/shared';
import { AppError, fetchPage, parseListQuery, queryMaybeOne, type ListSpec, type Page } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { recordActivity } from '../activity';
import { AssignmentService } from '../assignment.service';
import { leadVisibility } from '../lead-access';
import { LeadsErrors } from '../leads.errors';

export type TransferRequestView = TransferRequestWire<Date>;

type Db = Pick<EntityManager, 'query'>;

/** `$1` is the viewer's id (an advisor sees the lead's name only once it is theirs). */
const COLUMNS = (visible: string) => `r.id, r.lead_id AS "leadId", l.reference AS "leadReference",
  CASE WHEN ${visible} THEN l.full_name END AS "leadName", l.advisor_id AS "ownerId", o.name AS "ownerName",
  r.requested_by AS "requestedById", q.name AS "requestedByName", r.note, r.created_at AS "createdAt",
  r.resolved_at AS "resolvedAt", r.resolved_by AS "resolvedById", r.outcome, r.resolution_note AS "resolutionNote"`;
const FROM = `lead_transfer_requests r JOIN leads l ON l.id = r.lead_id LEFT JOIN users o ON o.id = l.advisor_id JOIN users q ON q.id = r.requested_by`;

/** `GET /api/transfer-requests`: open ones, oldest first; `leadId=` narrows to one lead. */
const TRANSFER_LIST: ListSpec = {
  fields: {
    leadId: { column: 'r.lead_id', type: 'uuid' },
    createdAt: { column: 'r.created_at', type: 'timestamp', sortable: true, required: true },
  },
  defaultSort: { field: 'createdAt', order: 'asc' },
  tieBreaker: 'r.id',
  maxPageSize: 100,
};

/**
 * An advisor asks for a colleague's lead (found by its phone, so they usually cannot open it);
 * the owner or a manager approves (the lead and its follow-ups move) or declines.
 */
@Injectable()
export class TransferRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignment: AssignmentService,
  ) {}

  /**
   * Not behind the lead's 404-if-invisible rule: the 409 on the phone already told the advisor the
   * lead exists. An unknown id is still a 404. Asking again answers the open request (`created: false`).
   */
  async request(user: AuthUser, leadId: string, note?: string): Promise<{ request: TransferRequestView; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const lead = await queryMaybeOne<{ advisorId: string | null; erasedAt: Date | null }>(
        manager,
        `SELECT advisor_id AS "advisorId", erased_at AS "erasedAt" FROM leads WHERE id = $1 FOR UPDATE`,
        [leadId],
      );
      if (!lead) throw new AppError(LeadsErrors.notFound);
      if (lead.erasedAt) throw new AppError(LeadsErrors.erased);
      if (user.role !== 'advisor') throw new AppError(LeadsErrors.transferForAdvisors);
      if (lead.advisorId === user.id) throw new AppError(LeadsErrors.alreadyYours);
      const open = await queryMaybeOne<{ id: string }>(
        manager,
        `SELECT id FROM lead_transfer_requests WHERE lead_id = $1 AND requested_by = $2 AND resolved_at IS NULL`,
        [leadId, user.id],
      );
      if (open) return { request: await this.view(manager, user, open.id), created: false };
      const text = note?.trim() || null;
      const created = await queryMaybeOne<{ id: string }>(
        manager,
        `INSERT INTO lead_transfer_requests (lead_id, requested_by, note) VALUES ($1, $2, $3) RETURNING id`,
        [leadId, user.id, text],
      );
      const id = created?.id as string;
      await recordActivity(manager, leadId, 'transfer_request', user.id, { action: 'requested', requestId: id, ...(text ? { note: text } : {}) });
      return { request: await this.view(manager, user, id), created: true };
    });
  }

  /** Managers and admins: every open request; an advisor: those on their leads and their own. */
  async list(user: AuthUser, query: Record<string, unknown>): Promise<Page<TransferRequestView>> {
    const list = parseListQuery(query, TRANSFER_LIST);
    list.where.push('r.resolved_at IS NULL');
    const visible = leadVisibility(user, list.params.length + 1);
    list.params.push(...visible.params);
    // An advisor's visibility is `l.advisor_id = <their id>`: the same parameter finds the requests they made.
    if (!this.resolvesAll(user)) list.where.push(`(${visible.sql} OR r.requested_by = $${list.params.length})`);
    return fetchPage<TransferRequestView>(this.dataSource, COLUMNS(visible.sql), FROM, list);
  }

  /** The owner or a manager/admin answers; to anyone else the request does not exist (404). */
  async resolve(user: AuthUser, id: string, outcome: TransferOutcome, note?: string): Promise<TransferRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await queryMaybeOne<{
        leadId: string;
        ownerId: string | null;
        requestedBy: string;
        resolvedAt: Date | null;
        requesterActive: boolean;
      }>(
        manager,
        `SELECT r.lead_id AS "leadId", l.advisor_id AS "ownerId", r.requested_by AS "requestedBy", r.resolved_at AS "resolvedAt",
                (q.active AND q.role = 'advisor') AS "requesterActive"
           FROM lead_transfer_requests r JOIN leads l ON l.id = r.lead_id JOIN users q ON q.id = r.requested_by
          WHERE r.id = $1 FOR UPDATE OF r, l`,
        [id],
      );
      if (!request || !(this.resolvesAll(user) || request.ownerId === user.id)) throw new AppError(LeadsErrors.transferNotFound);
      if (request.resolvedAt) throw new AppError(LeadsErrors.transferResolved);
      if (outcome === 'approved') {
        if (!request.requesterActive) throw new AppError(LeadsErrors.requesterInactive);
        await this.assignment.assign(user, request.leadId, request.requestedBy, manager);
      }
      const text = note?.trim() || null;
      await manager.query(
        `UPDATE lead_transfer_requests SET resolved_at = now(), resolved_by = $2, outcome = $3, resolution_note = $4 WHERE id = $1`,
        [id, user.id, outcome, text],
      );
      await recordActivity(manager, request.leadId, 'transfer_request', user.id, {
        action: outcome,
        requestId: id,
        requestedBy: request.requestedBy,
        ...(text ? { note: text } : {}),
      });
      return this.view(manager, user, id);
    });
  }

  private resolvesAll(user: AuthUser): boolean {
    return accessOf('leadAssignment', user.role) === 'all';
  }

  private async view(db: Db, user: AuthUser, id: string): Promise<TransferRequestView> {
    const visible = leadVisibility(user, 2);
    const row = await queryMaybeOne<TransferRequestView>(db, `SELECT ${COLUMNS(visible.sql)} FROM ${FROM} WHERE r.id = $1`, [id, ...visible.params]);
    if (!row) throw new AppError(LeadsErrors.transferNotFound);
    return row;
  }
}
