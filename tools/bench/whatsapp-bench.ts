/**
 * WhatsApp webhook ingest, measured: autocannon posts Meta-shaped webhook bodies, each signed with
 * `X-Hub-Signature-256` beforehand (so the load generator spends nothing on HMAC), to a server
 * configured with a test app secret. Answers the signed events accepted per second (200s), their
 * p99, every error, and how long the job took to handle everything that was accepted. The bench's
 * traffic is removed afterwards (its leads, their messages and timeline, the stored events).
 */
import autocannon from 'autocannon';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfigModule, queryOne, queryRows } from '@advisordesk/api-core';
import { DatabaseModule } from '@advisordesk/api-database';
import { AuthModule } from '@advisordesk/api-auth';
import { JobsModule, JobsService } from '@advisordesk/api-jobs';
import { LeadsModule } from '@advisordesk/api-leads';
import { WHATSAPP_SEND_QUEUE, WhatsappModule } from '@advisordesk/api-whatsapp';
import { CloudApiStandIn, newWamid, webhookPayloads } from '@advisordesk/api-whatsapp/testing';

export interface WebhookIngestFigures {
  perSecond: number;
  p99: number;
  errors: number;
  connections: number;
  accepted: number;
  /** Seconds from the end of the load until every accepted event was handled (null: not within the wait). */
  drainSeconds: number | null;
}

/** 60xxxxxxxx: valid Indian mobiles neither the seed nor the intake bench uses. */
const BENCH_NUMBERS = Array.from({ length: 200 }, (_, i) => `916${String(100_000_000 + i * 7919).slice(-9)}`);

export async function benchWebhookIngest(
  databaseUrl: string,
  startServer: (env: Record<string, string>) => Promise<{ url: string; stop: () => Promise<void> }>,
  options: { seconds?: number; connections?: number } = {},
): Promise<WebhookIngestFigures> {
  const seconds = options.seconds ?? 15;
  const connections = options.connections ?? 32;
  // The stand-in is only the payloads' and signatures' maker here: nothing is sent to Meta.
  const standIn = await CloudApiStandIn.start();
  const server = await startServer({ ...standIn.env('bench-verify-token'), JOBS_POLLING_SECONDS: '1' });
  const raw = new Client({ connectionString: databaseUrl });
  await raw.connect();
  const cleanUp = async () => {
    await raw.query(`DELETE FROM leads WHERE phone = ANY($1::text[])`, [BENCH_NUMBERS.map((n) => `+${n}`)]);
    await raw.query(
      `DELETE FROM whatsapp_webhook_events WHERE body @> '{"entry": [{"changes": [{"value": {"metadata": {"display_phone_number": "bench"}}}]}]}'`,
    );
  };
  try {
    await cleanUp();
    // Enough distinct bodies for the whole run (a repeated body is a replay, stored once).
    const bodies: { body: string; signature: string }[] = [];
    const make = () => {
      const i = bodies.length;
      const payload = webhookPayloads.text(standIn.phoneNumberId, {
        from: BENCH_NUMBERS[i % BENCH_NUMBERS.length],
        text: `Bench message ${i}: is the Online MBA open for the July batch?`,
        id: newWamid(),
        profileName: `Bench Student ${i % BENCH_NUMBERS.length}`,
      });
      (payload.entry[0].changes[0].value.metadata as { display_phone_number: string }).display_phone_number = 'bench';
      const body = JSON.stringify(payload);
      bodies.push({ body, signature: standIn.sign(body) });
    };
    for (let i = 0; i < 60_000; i++) make();
    let next = 0;
    const result = await autocannon({
      url: `${server.url}/api/webhooks/whatsapp`,
      method: 'POST',
      connections,
      duration: seconds,
      requests: [
        {
          setupRequest: (request: autocannon.Request) => {
            if (next >= bodies.length) make();
            const { body, signature } = bodies[next++];
            return { ...request, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body };
          },
        },
      ],
    });
    const loadEnded = Date.now();
    let drainSeconds: number | null = null;
    for (let i = 0; i < 1200; i++) {
      const { rows } = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM whatsapp_webhook_events WHERE processed_at IS NULL`);
      if (rows[0].n === 0) {
        drainSeconds = (Date.now() - loadEnded) / 1000;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return {
      perSecond: result.requests.average,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      connections: result.connections,
      accepted: result['2xx'],
      drainSeconds,
    };
  } finally {
    await server.stop();
    await cleanUp().catch(() => undefined);
    await raw.end();
    await standIn.close();
  }
}

/**
 * Outbox throughput: two app instances (two Nest apps in this process, one database) work the same
 * outbox; `messages` outbound messages are queued at once and sent. Answers the messages per
 * second, the most calls the stand-in received in one second of the clock (the cap is 80) and
 * how many messages reached it more than once (must be 0).
 */
export interface OutboxFigures {
  messages: number;
  messagesPerSecond: number;
  maxInOneSecond: number;
  sentTwice: number;
}

async function instance(): Promise<INestApplication> {
  const app = await NestFactory.create(
    {
      module: class OutboxBenchApp {},
      imports: [AppConfigModule.forRoot(), DatabaseModule.forRoot(), JobsModule.forRoot(), AuthModule, LeadsModule, WhatsappModule],
    },
    { logger: ['error'] },
  );
  await app.init();
  return app;
}

export async function benchOutbox(databaseUrl: string, options: { messages?: number } = {}): Promise<OutboxFigures> {
  const total = options.messages ?? 800;
  const standIn = await CloudApiStandIn.start();
  const saved = { ...process.env };
  Object.assign(process.env, {
    ...standIn.env(),
    DATABASE_URL: databaseUrl,
    JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    JOBS_POLLING_SECONDS: '0.5',
    LOG_LEVEL: 'silent',
  });
  const apps: INestApplication[] = [];
  try {
    apps.push(await instance(), await instance());
    const dataSource = apps[0].get(DataSource);
    const { id: leadId } = await queryOne<{ id: string }>(
      dataSource,
      `INSERT INTO leads (reference, full_name, phone, consent_whatsapp, source)
       VALUES ('AD-BENCHWA1', 'Bench Student', '+919999900001', true, 'whatsapp')
       ON CONFLICT (phone) WHERE phone IS NOT NULL DO UPDATE SET consent_whatsapp = true, erased_at = NULL RETURNING id`,
    );
    const rows = await queryRows<{ id: string }>(
      dataSource,
      `INSERT INTO whatsapp_messages (lead_id, direction, kind, template, status, next_attempt_at, status_at)
       SELECT $1, 'out', 'template', jsonb_build_object('name', 'bench', 'language', 'en', 'variables', jsonb_build_array('message ' || n)), 'queued', now(), now()
         FROM generate_series(1, $2) n RETURNING id`,
      [leadId, total],
    );
    const ids = rows.map((r) => r.id);
    const start = process.hrtime.bigint();
    await apps[0].get(JobsService).sendMany(
      WHATSAPP_SEND_QUEUE,
      ids.map((messageId) => ({ messageId })),
    );
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { left } = await queryOne<{ left: number }>(
        dataSource,
        `SELECT count(*)::int AS left FROM whatsapp_messages WHERE id = ANY($1) AND status = 'queued'`,
        [ids],
      );
      if (left === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const sent = standIn.sent;
    const bodies = sent.map((c) => JSON.stringify(c.body));
    const perSecond = new Map<number, number>();
    for (const call of sent) perSecond.set(Math.floor(call.at.getTime() / 1000), (perSecond.get(Math.floor(call.at.getTime() / 1000)) ?? 0) + 1);
    await dataSource.query(`DELETE FROM whatsapp_messages WHERE lead_id = $1`, [leadId]);
    return {
      messages: total,
      messagesPerSecond: sent.length / seconds,
      maxInOneSecond: Math.max(0, ...perSecond.values()),
      sentTwice: bodies.length - new Set(bodies).size,
    };
  } finally {
    for (const app of apps) await app.close();
    await standIn.close();
    process.env = saved;
  }
}
