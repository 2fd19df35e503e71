import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import type { ProgramView } from '@advisordesk/shared';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { CatalogueImportService, PROGRAM_COLUMNS, PROGRAM_FROM } from '@advisordesk/api-catalogue';
import { toComparedProgram } from '@advisordesk/api-comparisons';
import { seedApplications } from './demo-applications';
import { seedPrivacy } from './demo-privacy';
import { seedUsers } from './demo-users';
import { generateLead, seededUuid, type GeneratedLead } from './lead-history.generator';
import { writeLeads } from './lead-writer';
import { Random } from './random';

/** The sample catalogue (41 institutions, 54 programs with fee breakdowns, sources cited). */
export const SAMPLE_CATALOGUE_DIR = join(__dirname, '..', 'data');
export const DEMO_LEADS = 420;

/**
 * The demo data, in one place: users of every role, the sample catalogue, and a few hundred leads
 * over six months with believable histories, follow-ups, shortlists, shared comparisons, applications
 * in every status (documents, files, payments) and a few WhatsApp conversations.
 * Runs only into an empty database.
 */
export async function seedDemoIfEmpty(dataSource: DataSource, options: { leads?: number; now?: Date } = {}): Promise<boolean> {
  const { n } = await queryOne<{ n: number }>(dataSource, `SELECT count(*)::int AS n FROM users`);
  if (n > 0) return false;
  await dataSource.transaction(async (manager) => {
    const users = await seedUsers(manager);
    await seedNoticeContact(manager, users.get('admin@advisordesk.local'));
    const report = await new CatalogueImportService(dataSource).run(
      {
        universities: readFileSync(join(SAMPLE_CATALOGUE_DIR, 'universities.csv'), 'utf8'),
        programs: readFileSync(join(SAMPLE_CATALOGUE_DIR, 'programs.csv'), 'utf8'),
        defaultSession: '2026-27',
      },
      manager,
    );
    if (report.errors.length) throw new Error(`The sample catalogue did not import: ${JSON.stringify(report.errors.slice(0, 3))}`);
    const advisors = [...users.entries()].filter(([email]) => !/^(admin|manager|marketing)@/.test(email)).map(([, id]) => id);
    const { generated, shortlists } = await seedLeads(manager, advisors, options.leads ?? DEMO_LEADS, (options.now ?? new Date()).getTime());
    await seedApplications(manager, generated, shortlists, (options.now ?? new Date()).getTime());
    await seedTransferRequest(manager, users, (options.now ?? new Date()).getTime());
    await seedWhatsappConversations(manager, users, (options.now ?? new Date()).getTime());
    await seedPrivacy(manager, users, (options.now ?? new Date()).getTime());
  });
  return true;
}

/**
 * The consent notice needs the operator's contact, which only the operator can name: the demo gets
 * a made-up one, as a new notice version by the demo's admin.
 */
async function seedNoticeContact(manager: EntityManager, adminId: string | undefined) {
  await manager.query(
    `INSERT INTO consent_notices (version, text, url, data, purposes, withdrawal, rights, board, contact, translations, created_by)
     SELECT version + 1, text, url, data, purposes, withdrawal, rights, board, $1, translations, $2
       FROM consent_notices ORDER BY version DESC LIMIT 1`,
    [JSON.stringify({ name: 'Meera Iyer (demo contact)', email: 'privacy@advisordesk.example', phone: '+91 98765 00000' }), adminId ?? null],
  );
}

/** Writes the leads, their shortlists and shared comparisons; answers the leads and each one's shortlist in rank order. */
async function seedLeads(
  manager: EntityManager,
  advisors: string[],
  count: number,
  now: number,
): Promise<{ generated: GeneratedLead[]; shortlists: Map<string, ProgramView<Date>[]> }> {
  const rng = new Random(20_261_129);
  const generated: GeneratedLead[] = [];
  for (let i = 0; i < count; i++) generated.push(generateLead(rng, i, now, advisors));
  for (let i = 0; i < generated.length; i += 200) await writeLeads(manager, generated.slice(i, i + 200));
  await manager.query(`UPDATE advisor_load al SET last_assigned_at = (SELECT max(created_at) FROM leads WHERE advisor_id = al.advisor_id)`);

  // Shortlists for leads that reached "shortlisted", and a shared comparison for most of them.
  const programs = await queryRows<ProgramView<Date>>(
    manager,
    `SELECT ${PROGRAM_COLUMNS} FROM ${PROGRAM_FROM} WHERE cf.id IS NOT NULL ORDER BY p.name, u.name`,
  );
  let comparisonIndex = 0;
  const shortlists = new Map<string, ProgramView<Date>[]>();
  for (const { lead } of generated.filter((g) => g.lead.maxStage >= 3)) {
    const fitting = programs.filter((p) => p.level === lead.level);
    const pool = fitting.length >= 3 ? fitting : programs;
    const picks = [...new Set([rng.int(0, pool.length - 1), rng.int(0, pool.length - 1), rng.int(0, pool.length - 1)])].map((i) => pool[i]);
    shortlists.set(lead.id, picks);
    for (const [rank, program] of picks.entries()) {
      await manager.query(`INSERT INTO shortlist_items (lead_id, program_id, rank, note, added_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        lead.id,
        program.id,
        rank + 1,
        rank === 0 ? 'Best fit for the budget' : null,
        lead.advisorId,
        lead.firstContactedAt ?? lead.createdAt,
      ]);
    }
    if (picks.length >= 2 && rng.chance(0.7)) {
      const createdAt = new Date((lead.firstContactedAt ?? lead.createdAt).getTime() + 86_400_000);
      const snapshot = {
        firstName: lead.fullName.split(' ')[0],
        advisorName: 'your advisor',
        createdAt: createdAt.toISOString(),
        programs: picks.map(toComparedProgram),
      };
      const token = seededUuid('comparison', comparisonIndex++).replace(/-/g, '').slice(0, 32);
      await manager.query(
        `INSERT INTO comparisons (lead_id, token, snapshot, created_by, created_at, expires_at, view_count) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [lead.id, token, JSON.stringify(snapshot), lead.advisorId, createdAt, new Date(createdAt.getTime() + 30 * 86_400_000), rng.int(0, 4)],
      );
      await manager.query(`INSERT INTO activities (lead_id, type, author_id, data, created_at) VALUES ($1, 'comparison', $2, $3, $4)`, [
        lead.id,
        lead.advisorId,
        JSON.stringify({ programs: picks.map((p) => `${p.name}, ${p.universityName}`), url: `/c/${token}` }),
        createdAt,
      ]);
    }
  }
  return { generated, shortlists };
}

/** Rahul asks for one of Priya's new leads (a walk-in who asked for him), so her home shows a transfer request to answer. */
async function seedTransferRequest(manager: EntityManager, users: Map<string, string>, now: number) {
  const priya = users.get('advisor@advisordesk.local');
  const rahul = users.get('rahul@advisordesk.local');
  if (!priya || !rahul) return;
  const [lead] = await queryRows<{ id: string }>(
    manager,
    `SELECT id FROM leads WHERE advisor_id = $1 AND status = 'new' AND erased_at IS NULL ORDER BY created_at DESC, id LIMIT 1`,
    [priya],
  );
  if (!lead) return;
  const at = new Date(now - 2 * 3_600_000);
  const note = 'Walked into the Pune office and asked for me by name';
  const { id } = await queryOne<{ id: string }>(
    manager,
    `INSERT INTO lead_transfer_requests (lead_id, requested_by, note, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
    [lead.id, rahul, note, at],
  );
  await manager.query(`INSERT INTO activities (lead_id, type, author_id, data, created_at) VALUES ($1, 'transfer_request', $2, $3, $4)`, [
    lead.id,
    rahul,
    JSON.stringify({ action: 'requested', requestId: id, note }),
    at,
  ]);
}

interface DemoMessage {
  direction: 'in' | 'out';
  kind: 'text' | 'template' | 'image' | 'location';
  text: string | null;
  template?: { name: string; language: string; variables: string[] };
  status: 'sent' | 'delivered' | 'read' | 'failed';
  error?: { code: number; title: string };
  minutesAgo: number;
}

/**
 * A few WhatsApp conversations on advisors' newest leads, so the lead page shows the panel even
 * with WhatsApp not connected: a reply waiting for Priya inside the window, a message that failed
 * outside it (131047), a photo and a location from students.
 */
async function seedWhatsappConversations(manager: EntityManager, users: Map<string, string>, now: number) {
  const priya = users.get('advisor@advisordesk.local');
  const rahul = users.get('rahul@advisordesk.local');
  if (!priya || !rahul) return;
  const newest = (advisor: string, count: number) =>
    queryRows<{ id: string; fullName: string; phone: string }>(
      manager,
      `SELECT id, full_name AS "fullName", phone FROM leads WHERE advisor_id = $1 AND status IN ('new', 'contacted', 'counselled') AND erased_at IS NULL
        ORDER BY created_at DESC, id LIMIT $2`,
      [advisor, count],
    );
  const [a, b, d] = await newest(priya, 3);
  const [c] = await newest(rahul, 1);
  const first = (lead: { fullName: string }) => lead.fullName.split(' ')[0];
  const conversations: { lead: { id: string; fullName: string }; advisor: string; messages: DemoMessage[] }[] = [];
  if (a)
    conversations.push({
      lead: a,
      advisor: priya,
      messages: [
        {
          direction: 'in',
          kind: 'text',
          text: 'Hi, I filled the form for the Online MBA. Is there an EMI option?',
          status: 'delivered',
          minutesAgo: 190,
        },
        {
          direction: 'out',
          kind: 'text',
          text: `Hello ${first(a)}! Yes, most of them do. I'll send you a comparison now.`,
          status: 'read',
          minutesAgo: 120,
        },
        {
          direction: 'out',
          kind: 'template',
          text: null,
          template: { name: 'comparison_ready', language: 'en', variables: [first(a), 'https://desk.example.in/c/demo', 'Priya'] },
          status: 'delivered',
          minutesAgo: 115,
        },
        { direction: 'in', kind: 'text', text: 'Thanks! Which one has the lower total fee?', status: 'delivered', minutesAgo: 20 },
      ],
    });
  if (b)
    conversations.push({
      lead: b,
      advisor: priya,
      messages: [
        { direction: 'in', kind: 'text', text: 'Please send the details of the distance BCom', status: 'delivered', minutesAgo: 3 * 1440 },
        {
          direction: 'out',
          kind: 'text',
          text: 'Sharing the fee details for the BCom programs now',
          status: 'failed',
          error: { code: 131047, title: 'Re-engagement message' },
          minutesAgo: 2 * 1440,
        },
      ],
    });
  if (c)
    conversations.push({
      lead: c,
      advisor: rahul,
      messages: [
        { direction: 'in', kind: 'image', text: 'My graduation marksheet', status: 'delivered', minutesAgo: 300 },
        { direction: 'out', kind: 'text', text: 'Got it, thank you. The MCA needs 50% in graduation: you qualify.', status: 'read', minutesAgo: 280 },
      ],
    });
  if (d)
    conversations.push({
      lead: d,
      advisor: priya,
      messages: [{ direction: 'in', kind: 'location', text: 'Jayanagar 4th Block, Bengaluru', status: 'delivered', minutesAgo: 45 }],
    });
  let n = 0;
  for (const { lead, advisor, messages } of conversations)
    for (const m of messages) {
      const at = new Date(now - m.minutesAgo * 60_000);
      const { id } = await queryOne<{ id: string }>(
        manager,
        `INSERT INTO whatsapp_messages (lead_id, direction, kind, text, template, status, error_code, error_title, wa_message_id, sent_by, attempts, sent_at, created_at, status_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          lead.id,
          m.direction,
          m.kind,
          m.text,
          m.template ? JSON.stringify(m.template) : null,
          m.status,
          m.error?.code ?? null,
          m.error?.title ?? null,
          `wamid.demo${String(n++).padStart(4, '0')}`,
          m.direction === 'out' ? advisor : null,
          m.direction === 'out' ? 1 : 0,
          m.direction === 'out' ? at : null,
          at,
          new Date(at.getTime() + 60_000),
        ],
      );
      await manager.query(`INSERT INTO activities (lead_id, type, author_id, data, created_at) VALUES ($1, 'whatsapp', $2, $3, $4)`, [
        lead.id,
        m.direction === 'out' ? advisor : null,
        JSON.stringify({
          direction: m.direction,
          messageId: id,
          kind: m.kind,
          ...(m.text ? { text: m.text } : {}),
          ...(m.template ? { template: m.template.name } : {}),
        }),
        at,
      ]);
    }
}
