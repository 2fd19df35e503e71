import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import type { ProgramView } from '@advisordesk/shared';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { CatalogueImportService, PROGRAM_COLUMNS, PROGRAM_FROM } from '@advisordesk/api-catalogue';
import { toComparedProgram } from '@advisordesk/api-comparisons';
import { seedUsers } from './demo-users';
import { generateLead, seededUuid, type GeneratedLead } from './lead-history.generator';
import { writeLeads } from './lead-writer';
import { Random } from './random';

/** The sample catalogue (41 institutions, 54 programs with fee breakdowns, sources cited). */
export const SAMPLE_CATALOGUE_DIR = join(__dirname, '..', 'data');
export const DEMO_LEADS = 420;

/**
 * The demo data, in one place: users of every role, the sample catalogue, and a few hundred leads
 * over six months with believable histories, follow-ups, shortlists and shared comparisons.
 * Runs only into an empty database.
 */
export async function seedDemoIfEmpty(dataSource: DataSource, options: { leads?: number; now?: Date } = {}): Promise<boolean> {
  const { n } = await queryOne<{ n: number }>(dataSource, `SELECT count(*)::int AS n FROM users`);
  if (n > 0) return false;
  await dataSource.transaction(async (manager) => {
    const users = await seedUsers(manager);
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
    await seedLeads(manager, advisors, options.leads ?? DEMO_LEADS, (options.now ?? new Date()).getTime());
    await seedTransferRequest(manager, users, (options.now ?? new Date()).getTime());
  });
  return true;
}

async function seedLeads(manager: EntityManager, advisors: string[], count: number, now: number) {
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
  for (const { lead } of generated.filter((g) => g.lead.maxStage >= 3)) {
    const fitting = programs.filter((p) => p.level === lead.level);
    const pool = fitting.length >= 3 ? fitting : programs;
    const picks = [...new Set([rng.int(0, pool.length - 1), rng.int(0, pool.length - 1), rng.int(0, pool.length - 1)])].map((i) => pool[i]);
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
