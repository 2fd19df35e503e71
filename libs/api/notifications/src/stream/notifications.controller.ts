import { Body, Controller, Get, Headers, HttpCode, Logger, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { NOTIFICATION_EVENT } from '@advisordesk/shared';
import { fieldError, Public, queryMaybeOne, sendPage } from '@advisordesk/api-core';
import { CurrentUser, type AuthUser } from '@advisordesk/api-auth';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MarkReadDto, NotificationSettingsDto } from '../notifications.dto';
import { NotificationsService, type NotificationView } from '../notifications.service';
import { NotificationHub } from './notification-hub';
import { StreamTicketsService } from './stream-tickets.service';

/** A comment line every 25 s keeps proxies from closing an idle stream, and checks the user is still active. */
const HEARTBEAT_MS = 25_000;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  private readonly logger = new Logger('NotificationStream');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly tickets: StreamTicketsService,
    private readonly hub: NotificationHub,
  ) {}

  @Get('notifications')
  async list(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    return sendPage(response, await this.notifications.list(user, query));
  }

  @Post('notifications/read')
  @HttpCode(200)
  read(@CurrentUser() user: AuthUser, @Body() body: MarkReadDto) {
    return this.notifications.markRead(user, body.ids);
  }

  @Post('notifications/stream-ticket')
  ticket(@CurrentUser() user: AuthUser) {
    return this.tickets.issue(user);
  }

  /**
   * `text/event-stream`: one `notification` event per new notification, with its id. Opened with a
   * ticket (not a token: URLs are logged); `Last-Event-ID` (the header a browser sends when it
   * reconnects, or `lastEventId` in the query when the client opens a new stream with a new ticket)
   * first replays what came after it.
   */
  @Public()
  @Get('notifications/stream')
  async stream(
    @Query('ticket') ticket: unknown,
    @Query('lastEventId') lastEventQuery: unknown,
    @Headers('last-event-id') lastEventHeader: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const lastEventId = parseLastEventId(lastEventHeader ?? lastEventQuery);
    const user = await this.tickets.redeem(ticket);
    const replay = lastEventId === null ? [] : await this.notifications.since(user, lastEventId);
    // What the client has already: everything up to its Last-Event-ID (or, new, everything so far).
    const alreadyThere = await this.recentIds(user, lastEventId);

    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write('retry: 3000\n\n');
    const send = (notification: NotificationView) =>
      response.write(`id: ${notification.id}\nevent: ${NOTIFICATION_EVENT}\ndata: ${JSON.stringify(notification)}\n\n`);
    for (const notification of replay) send(notification);

    const stop = this.hub.add({ user, send, end: () => response.end() }, [...replay.map((n) => n.id), ...alreadyThere]);
    const heartbeat = setInterval(() => {
      response.write(': ping\n\n');
      // A user deactivated meanwhile is cut off (the stream outlives the ticket).
      queryMaybeOne<{ active: boolean }>(this.dataSource, `SELECT active FROM users WHERE id = $1`, [user.id])
        .then((row) => {
          if (!row?.active) response.end();
        })
        .catch((error: Error) => this.logger.warn(`Could not check a stream's user: ${error.message}`));
    }, HEARTBEAT_MS);
    request.on('close', () => {
      clearInterval(heartbeat);
      stop();
    });
  }

  /** The user's recent notifications up to `upTo` (all of them when null): the live part must not send them again. */
  private async recentIds(user: AuthUser, upTo: number | null): Promise<string[]> {
    const rows = await this.dataSource.query(
      `SELECT id::text AS id FROM notifications WHERE user_id = $1 AND created_at > now() - interval '2 minutes' AND ($2::bigint IS NULL OR id <= $2)`,
      [user.id, upTo],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  @Get('me/notification-settings')
  settings(@CurrentUser() user: AuthUser) {
    return this.notifications.settings(user);
  }

  @Put('me/notification-settings')
  saveSettings(@CurrentUser() user: AuthUser, @Body() body: NotificationSettingsDto) {
    return this.notifications.saveSettings(user, body);
  }
}

function parseLastEventId(value: unknown): number | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^\d{1,18}$/.test(value)) throw fieldError('Last-Event-ID', 'Last-Event-ID must be the id of a notification');
  return Number(value);
}
