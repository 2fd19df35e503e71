import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { TestApp } from '@advisordesk/api-database/testing';
import type { SignedIn } from '@advisordesk/api-auth/testing';
import type { NotificationView } from '@advisordesk/shared';

let counter = 0;

/** A lead entered by `by` (a manager), assigned to `advisor` when given. */
export async function lead(t: TestApp, by: SignedIn, advisor?: SignedIn, fullName = 'Ananya Gupta'): Promise<string> {
  counter++;
  const phone = `9${String(Date.now() % 100_000_000).padStart(8, '0')}${counter % 10}`;
  const created = await request(t.http).post('/api/leads').set(by.auth).send({ fullName, phone, source: 'phone' }).expect(201);
  if (advisor) await request(t.http).post(`/api/leads/${created.body.id}/assign`).set(by.auth).send({ advisorId: advisor.id }).expect(200);
  return created.body.id;
}

export async function notificationsOf(t: TestApp, who: SignedIn, query = ''): Promise<NotificationView[]> {
  return (await request(t.http).get(`/api/notifications?${query}`).set(who.auth).expect(200)).body;
}

/** The app listening on loopback; answers its base URL. */
export async function listen(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface Stream {
  status: number;
  events: { id: string; event: string; data: NotificationView }[];
  /** Waits until at least `count` events arrived. */
  waitFor(count: number, seconds?: number): Promise<void>;
  close(): void;
}

/** An event-stream client: the HTTP status, and the events parsed as they arrive. */
export function openStream(base: string, query: string, headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/notifications/stream?${query}`, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      const stream: Stream = {
        status: res.statusCode ?? 0,
        events: [],
        waitFor: async (count, seconds = 10) => {
          const deadline = Date.now() + seconds * 1000;
          while (stream.events.length < count) {
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} events (got ${stream.events.length})`);
            await new Promise((r) => setTimeout(r, 25));
          }
        },
        close: () => req.destroy(),
      };
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((line) => line && !line.startsWith(':'))
              .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
          );
          if (fields.data) stream.events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data) });
        }
      });
      res.on('error', () => undefined);
      resolve(stream);
    });
    req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
  });
}
