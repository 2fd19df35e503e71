import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { STREAM_TICKET_SECONDS, type StreamTicket } from '@advisordesk/shared';
import { AppError, isPublicToken, newPublicToken, queryChanged } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { NotificationErrors } from '../notifications.errors';

const sha256 = (ticket: string) => createHash('sha256').update(ticket).digest();

/**
 * Tickets for the event stream: an `EventSource` cannot send a bearer token, and a token in a URL
 * ends up in logs. A ticket is random, works once, for 60 seconds, on any instance (they are stored
 * in PostgreSQL, as a hash).
 */
@Injectable()
export class StreamTicketsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async issue(user: AuthUser): Promise<StreamTicket> {
    const ticket = newPublicToken();
    const expiresAt = new Date(Date.now() + STREAM_TICKET_SECONDS * 1000);
    await this.dataSource.query(`DELETE FROM notification_stream_tickets WHERE expires_at < now() - interval '1 hour'`);
    await this.dataSource.query(`INSERT INTO notification_stream_tickets (ticket_sha256, user_id, expires_at) VALUES ($1, $2, $3)`, [
      sha256(ticket),
      user.id,
      expiresAt,
    ]);
    return { ticket, expiresAt: expiresAt.toISOString() };
  }

  /** The signed-in user the ticket was issued to, using it up; 401 when unknown, used, expired, or the user was deactivated. */
  async redeem(ticket: unknown): Promise<AuthUser> {
    if (!isPublicToken(ticket)) throw new AppError(NotificationErrors.ticketInvalid);
    const [user] = await queryChanged<AuthUser>(
      this.dataSource,
      `UPDATE notification_stream_tickets t SET used_at = now() FROM users u
        WHERE t.ticket_sha256 = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.id = t.user_id AND u.active
        RETURNING u.id, u.role, u.name, u.email`,
      [sha256(ticket)],
    );
    if (!user) throw new AppError(NotificationErrors.ticketInvalid);
    return user;
  }
}
