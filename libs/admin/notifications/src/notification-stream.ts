import { NOTIFICATION_EVENT, type NotificationView } from '@advisordesk/shared';
import { compareIds } from './day-groups';

/** What the stream needs of the browser's `EventSource` (a fake stands in for it in tests). */
export interface EventSourceLike {
  onopen: ((event: Event) => unknown) | null;
  onerror: ((event: Event) => unknown) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export type StreamState = 'connecting' | 'live' | 'down';

export interface NotificationStreamOptions {
  /** `POST /api/notifications/stream-ticket`: a ticket that opens the stream once. */
  takeTicket: () => Promise<string>;
  /** Opens `GET /api/notifications/stream?ticket=…&lastEventId=…` (the URL never carries the access token). */
  open: (url: string) => EventSourceLike;
  /** The stream's path, e.g. `/api/notifications/stream`. */
  path: string;
  /** Each notification once, whatever the reconnects and replays. */
  onNotification: (notification: NotificationView) => void;
  onStateChange?: (state: StreamState) => void;
  /** Ids the client already has from a loaded list (the first stream replays what came after them). */
  known?: string[];
  /** Runs `task` after `ms` (setTimeout by default); returns what cancels it. */
  schedule?: (task: () => void, ms: number) => () => void;
}

export const FIRST_RETRY_MS = 1_000;
export const LONGEST_RETRY_MS = 30_000;
/** Ids remembered for dedupe: far more than a drawer shows or a replay sends. */
const REMEMBERED_IDS = 1_000;

/** The wait before reconnect attempt `attempt` (0 first): 1 s, 2 s, 4 s … up to 30 s. */
export function retryDelay(attempt: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt));
}

/** The ids a client has seen (from lists and the stream), and the newest of them: what `lastEventId` says. */
export class SeenNotifications {
  private readonly ids = new Set<string>();
  private newestId: string | null = null;

  /** Remembers an id; false when it was already seen. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > REMEMBERED_IDS) this.ids.delete(this.ids.values().next().value as string);
    if (this.newestId === null || compareIds(id, this.newestId) > 0) this.newestId = id;
    return true;
  }

  /**
   * A loaded list says what the client has: its ids are seen, and an empty list still means
   * "nothing before now" (`0`), so a replay after a reconnect sends everything that came since.
   */
  addLoaded(ids: string[]): void {
    for (const id of ids) this.add(id);
    this.newestId ??= '0';
  }

  get newest(): string | null {
    return this.newestId;
  }
}

/** The stream's URL for a ticket, asking for what came after `lastEventId` when there is one. */
export function streamUrl(path: string, ticket: string, lastEventId: string | null): string {
  const query = new URLSearchParams({ ticket });
  if (lastEventId !== null) query.set('lastEventId', lastEventId);
  return `${path}?${query.toString()}`;
}

/**
 * The live notifications of the signed-in user. A ticket works once, so the browser's own
 * reconnect (same URL) cannot be used: on an error the stream is closed, and after a growing wait
 * (1 s → 30 s) a new ticket opens a new stream from the last id seen, which the server replays from.
 */
export function connectNotificationStream(options: NotificationStreamOptions) {
  const schedule =
    options.schedule ??
    ((task, ms) => {
      const timer = setTimeout(task, ms);
      return () => clearTimeout(timer);
    });
  const seen = new SeenNotifications();
  if (options.known) seen.addLoaded(options.known);
  let source: EventSourceLike | null = null;
  let cancelRetry: (() => void) | null = null;
  let attempt = 0;
  let stopped = false;

  const setState = (state: StreamState) => {
    if (!stopped) options.onStateChange?.(state);
  };

  const retryLater = () => {
    if (stopped || cancelRetry) return;
    setState('down');
    cancelRetry = schedule(() => {
      cancelRetry = null;
      void connect();
    }, retryDelay(attempt));
    attempt += 1;
  };

  const connect = async () => {
    if (stopped) return;
    setState('connecting');
    let ticket: string;
    try {
      ticket = await options.takeTicket();
    } catch {
      retryLater();
      return;
    }
    if (stopped) return;
    const opened = options.open(streamUrl(options.path, ticket, seen.newest));
    source = opened;
    opened.onopen = () => {
      attempt = 0;
      setState('live');
    };
    opened.onerror = () => {
      opened.close();
      if (source === opened) source = null;
      retryLater();
    };
    opened.addEventListener(NOTIFICATION_EVENT, (event) => {
      let notification: NotificationView;
      try {
        notification = JSON.parse(event.data) as NotificationView;
      } catch {
        return;
      }
      if (seen.add(notification.id)) options.onNotification(notification);
    });
  };

  void connect();

  return {
    /** Ids the client already has from a list (so the stream does not announce them again, and replays from the newest). */
    remember: (ids: string[]) => seen.addLoaded(ids),
    close: () => {
      stopped = true;
      cancelRetry?.();
      cancelRetry = null;
      source?.close();
      source = null;
    },
  };
}

export type NotificationStream = ReturnType<typeof connectNotificationStream>;
