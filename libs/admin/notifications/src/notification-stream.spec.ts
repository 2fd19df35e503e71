import { NOTIFICATION_EVENT, type NotificationView } from '@advisordesk/shared';
import { connectNotificationStream, retryDelay, SeenNotifications, streamUrl, type EventSourceLike, type StreamState } from './notification-stream';

/** Stands in for the browser's EventSource: records its URL, and lets a test open it, fail it, and send events. */
class FakeEventSource implements EventSourceLike {
  onopen: ((event: Event) => unknown) | null = null;
  onerror: ((event: Event) => unknown) | null = null;
  closed = false;
  private readonly listeners: ((event: MessageEvent<string>) => void)[] = [];
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    if (type === NOTIFICATION_EVENT) this.listeners.push(listener);
  }
  close() {
    this.closed = true;
  }
  opened() {
    this.onopen?.({} as Event);
  }
  fail() {
    this.onerror?.({} as Event);
  }
  send(notification: NotificationView) {
    for (const listener of this.listeners) listener({ data: JSON.stringify(notification), lastEventId: notification.id } as MessageEvent<string>);
  }
}

const note = (id: string): NotificationView => ({
  id,
  kind: 'lead.assigned',
  title: `Lead ${id} is yours`,
  body: null,
  leadId: null,
  link: `/leads/${id}`,
  createdAt: '2026-12-04T10:00:00.000Z',
  readAt: null,
});

/** Waits for the ticket's promise (and what follows it) to settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function harness(options: { known?: string[]; ticketFails?: number } = {}) {
  const sources: FakeEventSource[] = [];
  const waits: { ms: number; run: () => void; cancelled: boolean }[] = [];
  const received: string[] = [];
  const states: StreamState[] = [];
  let tickets = 0;
  let failures = options.ticketFails ?? 0;
  const stream = connectNotificationStream({
    path: '/api/notifications/stream',
    known: options.known,
    takeTicket: async () => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('network down');
      }
      tickets += 1;
      return `t${tickets}`;
    },
    open: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    onNotification: (n) => received.push(n.id),
    onStateChange: (state) => states.push(state),
    schedule: (run, ms) => {
      const wait = { ms, run, cancelled: false };
      waits.push(wait);
      return () => {
        wait.cancelled = true;
      };
    },
  });
  const retryNow = async () => {
    const wait = waits[waits.length - 1];
    if (!wait || wait.cancelled) throw new Error('no reconnect is waiting');
    wait.run();
    await settle();
  };
  return { stream, sources, waits, received, states, retryNow, last: () => sources[sources.length - 1] };
}

describe('the notification stream', () => {
  it('waits 1 s, 2 s, 4 s … and never more than 30 s between reconnects', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('opens with a ticket, never a token, and asks to replay after the newest notification the list had', async () => {
    const h = harness({ known: ['7', '12', '9'] });
    await settle();
    expect(h.sources).toHaveLength(1);
    expect(h.last().url).toBe('/api/notifications/stream?ticket=t1&lastEventId=12');
  });

  it('an empty list still replays from the start on the first stream, and an unloaded one asks for nothing old', async () => {
    const empty = harness({ known: [] });
    await settle();
    expect(empty.last().url).toBe('/api/notifications/stream?ticket=t1&lastEventId=0');
    const unknown = harness();
    await settle();
    expect(unknown.last().url).toBe('/api/notifications/stream?ticket=t1');
  });

  it('after an error: closes the stream, waits longer each time, and reopens with a NEW ticket from the last id seen', async () => {
    const h = harness({ known: ['3'] });
    await settle();
    h.last().opened();
    h.last().send(note('4'));
    h.last().send(note('5'));
    const first = h.last();
    first.fail();
    expect(first.closed).toBe(true);
    expect(h.waits.map((w) => w.ms)).toEqual([1000]);
    await h.retryNow();
    expect(h.last().url).toBe('/api/notifications/stream?ticket=t2&lastEventId=5');
    h.last().fail(); // fails again before opening
    expect(h.waits.map((w) => w.ms)).toEqual([1000, 2000]);
    await h.retryNow();
    expect(h.last().url).toBe('/api/notifications/stream?ticket=t3&lastEventId=5');
    h.last().opened(); // a stream that opens starts the waits over
    h.last().fail();
    expect(h.waits.map((w) => w.ms)).toEqual([1000, 2000, 1000]);
    expect(h.states).toEqual(['connecting', 'live', 'down', 'connecting', 'down', 'connecting', 'live', 'down']);
  });

  it('a ticket that cannot be had is retried later, like a stream error', async () => {
    const h = harness({ ticketFails: 2 });
    await settle();
    expect(h.sources).toHaveLength(0);
    expect(h.waits.map((w) => w.ms)).toEqual([1000]);
    await h.retryNow();
    expect(h.waits.map((w) => w.ms)).toEqual([1000, 2000]);
    await h.retryNow();
    expect(h.last().url).toBe('/api/notifications/stream?ticket=t1');
  });

  it('tells of each notification once: a replay after a reconnect, or one the list already had, is not told again', async () => {
    const h = harness({ known: ['10'] });
    await settle();
    h.last().send(note('10'));
    h.last().send(note('11'));
    h.last().fail();
    await h.retryNow();
    h.last().send(note('11'));
    h.last().send(note('12'));
    h.stream.remember(['13']);
    h.last().send(note('13'));
    h.last().send(note('14'));
    expect(h.received).toEqual(['11', '12', '14']);
  });

  it('closing stops the stream and any reconnect that was waiting', async () => {
    const h = harness();
    await settle();
    h.last().fail();
    h.stream.close();
    expect(h.waits[0]?.cancelled).toBe(true);
    const open = harness();
    await settle();
    open.stream.close();
    expect(open.last().closed).toBe(true);
    open.last().fail();
    expect(open.waits).toHaveLength(0);
  });
});

describe('what the client has seen', () => {
  it('knows the newest id by number, not by text ("10" is newer than "9")', () => {
    const seen = new SeenNotifications();
    expect(seen.newest).toBeNull();
    seen.add('9');
    expect(seen.add('10')).toBe(true);
    expect(seen.add('9')).toBe(false);
    expect(seen.newest).toBe('10');
  });

  it('writes the stream URL with the ticket and the last id, nothing else', () => {
    expect(streamUrl('/api/notifications/stream', 'a b', null)).toBe('/api/notifications/stream?ticket=a+b');
    expect(streamUrl('/api/notifications/stream', 'x', '42')).toBe('/api/notifications/stream?ticket=x&lastEventId=42');
  });
});
