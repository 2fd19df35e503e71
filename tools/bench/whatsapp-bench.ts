/**
 * WhatsApp, measured against the stand-in of Meta's Cloud API (never the internet).
 *
 * Outbox throughput: two app instances (two Nest apps in this process, one database) work the same
 * outbox; `messages` outbound messages are queued at once and sent. Answers the messages per
 * second, the most calls the stand-in received in one second of the clock (the cap is 80) and
 * how many messages reached it more than once (must be 0).
 */
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
import { CloudApiStandIn } from '@advisordesk/api-whatsapp/testing';

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
