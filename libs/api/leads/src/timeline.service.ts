import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ActivityType, ActivityView as ActivityWire, CallBody, CallLoggedView, InquiryView } from '@advisordesk/shared';
import { queryOne, queryRows } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { LeadsService } from './leads.service';
import { TasksService } from './tasks.service';
import { noteData } from './activity';

/** A timeline entry as the API answers it: the leads contract's `ActivityView`, with the database's `Date`s. */
export type ActivityView = ActivityWire<Date>;

type Db = Pick<EntityManager, 'query'>;

@Injectable()
export class TimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
    private readonly tasks: TasksService,
  ) {}

  async timeline(user: AuthUser, leadId: string, limit = 200): Promise<ActivityView[]> {
    await this.leads.assertVisible(user, leadId);
    return queryRows<ActivityView>(
      this.dataSource,
      `SELECT a.id, a.lead_id AS "leadId", a.type, a.author_id AS "authorId", u.name AS "authorName", a.data, a.created_at AS "createdAt"
         FROM activities a LEFT JOIN users u ON u.id = a.author_id
        WHERE a.lead_id = $1 ORDER BY a.created_at DESC, a.id DESC LIMIT $2`,
      [leadId, limit],
    );
  }

  async inquiries(user: AuthUser, leadId: string): Promise<InquiryView<Date>[]> {
    await this.leads.assertVisible(user, leadId);
    return queryRows<InquiryView<Date>>(
      this.dataSource,
      `SELECT id, lead_id AS "leadId", received_at AS "receivedAt", payload, source_url AS "sourceUrl" FROM inquiries WHERE lead_id = $1 ORDER BY received_at DESC LIMIT 100`,
      [leadId],
    );
  }

  async addNote(user: AuthUser, leadId: string, text: string): Promise<ActivityView> {
    return this.append(user, leadId, 'note', noteData(text));
  }

  /**
   * A call, on the timeline; the lead's open follow-ups due by now are closed with its outcome
   * (the call was them) and `next` is scheduled, all in one transaction.
   */
  async logCall(user: AuthUser, leadId: string, call: CallBody): Promise<CallLoggedView<Date>> {
    const { outcome, note, next } = call;
    return this.dataSource.transaction(async (manager) => {
      const activity = await this.append(user, leadId, 'call', { outcome, ...(note?.trim() ? { note: note.trim() } : {}) }, manager);
      // A conversation is the first contact, whatever the pipeline says.
      if (outcome === 'connected')
        await manager.query(`UPDATE leads SET first_contacted_at = COALESCE(first_contacted_at, now()) WHERE id = $1`, [leadId]);
      const followUps = await this.tasks.closeDue(manager, user, leadId, { outcome, next });
      return { ...activity, closedFollowUps: followUps.closed, nextFollowUp: followUps.next };
    });
  }

  async logWhatsapp(user: AuthUser, leadId: string, text: string): Promise<ActivityView> {
    return this.append(user, leadId, 'whatsapp', { text: text.trim() });
  }

  private async append(
    user: AuthUser,
    leadId: string,
    type: ActivityType,
    data: Record<string, unknown>,
    db: Db = this.dataSource,
  ): Promise<ActivityView> {
    await this.leads.assertWritable(user, leadId, db);
    const row = await queryOne<Omit<ActivityView, 'authorName'>>(
      db,
      `INSERT INTO activities (lead_id, type, author_id, data) VALUES ($1, $2, $3, $4)
       RETURNING id, lead_id AS "leadId", type, author_id AS "authorId", data, created_at AS "createdAt"`,
      [leadId, type, user.id, JSON.stringify(data)],
    );
    return { ...row, authorName: user.name };
  }
}
