import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryRows } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { NotificationsService, type NotificationView } from '../notifications.service';

/** One open event stream: whose it is, what it was sent, and how to write to it. */
export interface Listener {
  user: AuthUser;
  send(notification: NotificationView): void;
  /** Ends the stream (the instance is stopping: the browser reconnects, with Last-Event-ID, to another). */
  end(): void;
}

/** How often an instance with open streams looks for new notifications of their users. */
export const HUB_POLL_MS = 200;
/**
 * How far back each look reaches. Ids are handed out when a row is written but become visible when
 * its transaction commits, so a lower id can appear after a higher one: looking at a recent window
 * (and remembering what was sent) instead of "after the last id" misses none of them.
 */
const WINDOW_SECONDS = 60;

/**
 * Delivers new notifications to the streams open on this instance, whichever instance (or trigger)
 * wrote them: every 200 ms, while it has streams, one indexed query reads the last minute's
 * notifications of their users; each stream gets those it was not sent yet, through the same
 * visibility rules as the list. No message has to reach this instance for a notification to arrive.
 */
@Injectable()
export class NotificationHub implements OnApplicationShutdown {
  private readonly logger = new Logger('NotificationHub');
  private readonly listeners = new Map<Listener, Map<string, number>>();
  private timer?: NodeJS.Timeout;
  private polling = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** Starts delivering to `listener`; `sent` are the ids it already has (its replay). Answers how to stop. */
  add(listener: Listener, sent: string[]): () => void {
    this.listeners.set(listener, new Map(sent.map((id) => [id, Date.now()])));
    this.timer ??= setInterval(() => void this.poll(), HUB_POLL_MS);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const listener of [...this.listeners.keys()]) listener.end();
    this.listeners.clear();
  }

  private async poll(): Promise<void> {
    if (this.polling || this.listeners.size === 0) return;
    this.polling = true;
    try {
      const users = [...new Set([...this.listeners.keys()].map((l) => l.user.id))];
      const recent = await queryRows<{ id: string; userId: string }>(
        this.dataSource,
        `SELECT id::text AS id, user_id AS "userId" FROM notifications WHERE created_at > now() - make_interval(secs => $2) AND user_id = ANY($1::uuid[])`,
        [users, WINDOW_SECONDS],
      );
      const cutoff = Date.now() - 2 * WINDOW_SECONDS * 1000;
      // Per user, one read of what is new to any of their streams (a user may hold several: tabs, devices).
      const byUser = new Map<string, [Listener, Map<string, number>][]>();
      for (const entry of this.listeners) byUser.set(entry[0].user.id, [...(byUser.get(entry[0].user.id) ?? []), entry]);
      for (const [userId, entries] of byUser) {
        const fresh = new Set<string>();
        for (const [, sent] of entries) {
          for (const [id, at] of sent) if (at < cutoff) sent.delete(id);
          for (const r of recent) if (r.userId === userId && !sent.has(r.id)) fresh.add(r.id);
        }
        if (!fresh.size) continue;
        const visible = await this.notifications.byIds(entries[0][0].user, [...fresh]);
        for (const [listener, sent] of entries) {
          const missing = visible.filter((notification) => !sent.has(notification.id));
          for (const id of fresh) sent.set(id, Date.now());
          for (const notification of missing) listener.send(notification);
        }
      }
    } catch (error) {
      this.logger.warn(`Could not read new notifications: ${(error as Error).message}`);
    } finally {
      this.polling = false;
    }
  }
}
