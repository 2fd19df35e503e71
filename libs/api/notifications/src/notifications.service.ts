import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  kindsFor,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationSettings,
  type NotificationSettingsView,
  type NotificationView as NotificationWire,
} from '@advisordesk/shared';
import { fetchPage, parseListQuery, queryAffected, queryMaybeOne, queryRows, type ListSpec, type Page, type Queryable } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { leadVisibility } from '@advisordesk/api-leads';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from './notifications.config';

export type NotificationView = NotificationWire<Date>;

const COLUMNS = `n.id::text AS id, n.kind, n.title, n.body, n.lead_id AS "leadId", n.link, n.created_at AS "createdAt", n.read_at AS "readAt"`;
const FROM = `notifications n LEFT JOIN leads l ON l.id = n.lead_id`;

const LIST: ListSpec = {
  fields: {
    id: { column: 'n.id', type: 'int', sortable: true, required: true },
    kind: { column: 'n.kind', type: 'enum', values: NOTIFICATION_KINDS },
    unread: { column: '(n.read_at IS NULL)', type: 'bool' },
    createdAt: { column: 'n.created_at', type: 'timestamp', sortable: true, required: true },
  },
  defaultSort: { field: 'id', order: 'desc' },
  tieBreaker: 'n.id',
  maxPageSize: 100,
};

/** A stored settings row as the wire shape: a kind is on when it is in the list. */
interface SettingsRow {
  bell: string[];
  email: string[];
  digest: boolean;
}

/**
 * A user's notifications: their own only, the kinds they keep in the bell, and never one about a
 * lead they may no longer see (reassigned to a colleague, erased): an advisor never learns of
 * another's lead through the bell.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async list(user: AuthUser, query: Record<string, unknown>): Promise<Page<NotificationView>> {
    const list = parseListQuery(query, LIST);
    const mine = await this.mine(user, list.params.length + 1);
    list.where.push(mine.sql);
    list.params.push(...mine.params);
    return fetchPage<NotificationView>(this.dataSource, COLUMNS, FROM, list);
  }

  /** The user's notifications after `afterId` (oldest first), for the stream's replay and its live part. */
  async since(user: AuthUser, afterId: number, limit = 200): Promise<NotificationView[]> {
    const mine = await this.mine(user, 3);
    return queryRows<NotificationView>(this.dataSource, `SELECT ${COLUMNS} FROM ${FROM} WHERE n.id > $1 AND ${mine.sql} ORDER BY n.id LIMIT $2`, [
      afterId,
      limit,
      ...mine.params,
    ]);
  }

  /** Those of the given notifications the user may see now (the stream's live part), oldest first. */
  async byIds(user: AuthUser, ids: string[]): Promise<NotificationView[]> {
    const mine = await this.mine(user, 2);
    return queryRows<NotificationView>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM ${FROM} WHERE n.id = ANY($1::bigint[]) AND ${mine.sql} ORDER BY n.id`,
      [ids, ...mine.params],
    );
  }

  /** Marks the given notifications read (only the user's own), or all of them. */
  async markRead(user: AuthUser, ids?: string[]): Promise<{ read: number }> {
    const read = ids
      ? await queryAffected(
          this.dataSource,
          `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND id = ANY($2::bigint[])`,
          [user.id, ids],
        )
      : await queryAffected(this.dataSource, `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [user.id]);
    return { read };
  }

  async settings(user: AuthUser): Promise<NotificationSettingsView> {
    return { ...toSettings(await this.settingsRow(this.dataSource, user.id), user), emailConnected: this.config.smtpUrl !== null };
  }

  async saveSettings(user: AuthUser, body: NotificationSettings): Promise<NotificationSettingsView> {
    const allowed = kindsFor(user.role);
    const on = (choice: Record<NotificationKind, boolean>) => allowed.filter((kind) => choice[kind]);
    await this.dataSource.query(
      `INSERT INTO notification_settings (user_id, bell, email, digest) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET bell = EXCLUDED.bell, email = EXCLUDED.email, digest = EXCLUDED.digest, updated_at = now()`,
      [user.id, on(body.bell), on(body.email), body.digest],
    );
    return this.settings(user);
  }

  async settingsRow(db: Queryable, userId: string): Promise<SettingsRow | undefined> {
    return queryMaybeOne<SettingsRow>(db, `SELECT bell, email, digest FROM notification_settings WHERE user_id = $1`, [userId]);
  }

  /** The condition "this user's, in their bell, about a lead they may see" on `n` and `l`, from placeholder `next`. */
  private async mine(user: AuthUser, next: number): Promise<{ sql: string; params: unknown[] }> {
    const settings = toSettings(await this.settingsRow(this.dataSource, user.id), user);
    const bell = NOTIFICATION_KINDS.filter((kind) => settings.bell[kind]);
    const visibility = leadVisibility(user, next + 2);
    return {
      sql: `n.user_id = $${next} AND n.kind = ANY($${next + 1}::text[]) AND (n.lead_id IS NULL OR (l.erased_at IS NULL AND ${visibility.sql}))`,
      params: [user.id, bell, ...visibility.params],
    };
  }
}

/** The stored choices (or the defaults), limited to the kinds the user's role receives. */
export function toSettings(row: SettingsRow | undefined, user: Pick<AuthUser, 'role'>): NotificationSettings {
  const allowed = new Set(kindsFor(user.role));
  const pick = (stored: string[] | undefined, fallback: Record<NotificationKind, boolean>) =>
    Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, allowed.has(kind) && (stored ? stored.includes(kind) : fallback[kind])])) as Record<
      NotificationKind,
      boolean
    >;
  return {
    bell: pick(row?.bell, DEFAULT_NOTIFICATION_SETTINGS.bell),
    email: pick(row?.email, DEFAULT_NOTIFICATION_SETTINGS.email),
    digest: row?.digest ?? DEFAULT_NOTIFICATION_SETTINGS.digest,
  };
}
