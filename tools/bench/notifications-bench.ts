/**
 * Notification fan-out, measured: `streams` event streams held open on instance B (tickets taken on
 * A, as a browser of any instance would), while a manager assigns leads on instance A one at a time;
 * the latency of each is from the assignment's answer (its transaction committed) to its event on
 * the advisor's stream on B. The leads are the bench's own, removed afterwards.
 */
import http from 'node:http';
import { Client } from 'pg';

export interface FanOutFigures {
  streams: number;
  assignments: number;
  p50Ms: number;
  p95Ms: number;
  missed: number;
}

const REFERENCE_PREFIX = 'AD-BENCHFAN';

interface Login {
  email: string;
  password: string;
}

async function signIn(url: string, login: Login): Promise<{ auth: Record<string, string>; id: string }> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: login.email, password: login.password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${login.email}: ${response.status}`);
  const body = (await response.json()) as { accessToken: string; user: { id: string } };
  return { auth: { Authorization: `Bearer ${body.accessToken}` }, id: body.user.id };
}

/** Opens a stream on `url` with a ticket from `ticketUrl`; calls `onEvent(leadId)` for each notification. */
async function openStream(url: string, ticketUrl: string, auth: Record<string, string>, onEvent: (leadId: string) => void): Promise<() => void> {
  const ticket = (await (await fetch(`${ticketUrl}/api/notifications/stream-ticket`, { method: 'POST', headers: auth })).json()) as {
    ticket: string;
  };
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/api/notifications/stream?ticket=${ticket.ticket}`, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream: ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = buffer
            .slice(0, end)
            .split('\n')
            .find((line) => line.startsWith('data:'));
          buffer = buffer.slice(end + 2);
          if (data) onEvent((JSON.parse(data.slice(5)) as { leadId: string }).leadId);
        }
      });
      res.on('error', () => undefined);
      resolve(() => req.destroy());
    });
    req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
  });
}

export async function benchFanOut(
  a: { url: string },
  b: { url: string },
  databaseUrl: string,
  logins: { manager: Login; advisors: Login[] },
  options: { streams?: number; assignments?: number } = {},
): Promise<FanOutFigures> {
  const streams = options.streams ?? 200;
  const assignments = options.assignments ?? 60;
  const manager = await signIn(a.url, logins.manager);
  const advisors = await Promise.all(logins.advisors.map((login) => signIn(a.url, login)));
  const arrived = new Map<string, number>();
  const closers: (() => void)[] = [];
  const raw = new Client({ connectionString: databaseUrl });
  await raw.connect();
  try {
    // Spread over the advisors: each holds several streams (tabs, devices), all on instance B.
    for (let i = 0; i < streams; i++) {
      const advisor = advisors[i % advisors.length];
      closers.push(await openStream(b.url, a.url, advisor.auth, (leadId) => arrived.set(leadId, arrived.get(leadId) ?? performance.now())));
    }
    const { rows: leads } = await raw.query<{ id: string }>(
      `INSERT INTO leads (reference, full_name, phone, created_at)
       SELECT $1 || n, 'Fan-out Lead ' || n, '+9160' || lpad(n::text, 8, '0'), now() FROM generate_series(1, $2) n RETURNING id`,
      [REFERENCE_PREFIX, assignments],
    );
    const latencies: number[] = [];
    for (const [index, lead] of leads.entries()) {
      const advisor = advisors[index % advisors.length];
      const response = await fetch(`${a.url}/api/leads/${lead.id}/assign`, {
        method: 'POST',
        headers: { ...manager.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ advisorId: advisor.id }),
      });
      const committed = performance.now();
      if (!response.ok) throw new Error(`assign: ${response.status}`);
      const deadline = committed + 5000;
      while (!arrived.has(lead.id) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      const at = arrived.get(lead.id);
      if (at !== undefined) latencies.push(Math.max(0, at - committed));
    }
    const sorted = [...latencies].sort((x, y) => x - y);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
    return { streams, assignments, p50Ms: pct(50), p95Ms: pct(95), missed: assignments - latencies.length };
  } finally {
    for (const close of closers) close();
    await raw.query(`DELETE FROM leads WHERE reference LIKE $1`, [`${REFERENCE_PREFIX}%`]);
    await raw.end();
  }
}
