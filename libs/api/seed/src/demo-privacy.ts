import type { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '@advisordesk/api-core';

const DAY = 86_400_000;

/**
 * What the data-protection screens show on a fresh demo: two minors of Priya's (one guardian
 * verified on a call, one waiting), rights requests in each state (open and due, overdue, waiting
 * for a staff call, answered), and one breach in the register, reported to the Board.
 */
export async function seedPrivacy(manager: EntityManager, users: Map<string, string>, now: number): Promise<void> {
  const priya = users.get('advisor@advisordesk.local');
  const meera = users.get('manager@advisordesk.local');
  const admin = users.get('admin@advisordesk.local');
  if (!priya || !meera || !admin) return;
  const leads = await queryRows<{ id: string; phone: string }>(
    manager,
    `SELECT id, phone FROM leads WHERE advisor_id = $1 AND status IN ('new', 'contacted') AND erased_at IS NULL AND phone IS NOT NULL
      ORDER BY created_at, id LIMIT 8`,
    [priya],
  );
  if (leads.length < 8) return;
  const [verifiedMinor, waitingMinor, access, erasure, withdrawal, correction, ...affected] = leads;

  await manager.query(
    `UPDATE leads SET is_minor = true, guardian_name = 'Suresh Menon', guardian_phone = '+919847012345',
            guardian_verified_at = $2, guardian_verified_by_id = $3 WHERE id = $1`,
    [verifiedMinor.id, new Date(now - 3 * DAY), priya],
  );
  await manager.query(`INSERT INTO activities (lead_id, type, author_id, data, created_at) VALUES ($1, 'privacy', $2, $3, $4)`, [
    verifiedMinor.id,
    priya,
    JSON.stringify({ action: 'guardian', via: 'call', note: 'Spoke to Suresh Menon, his father; he agreed to WhatsApp updates' }),
    new Date(now - 3 * DAY),
  ]);
  await manager.query(`UPDATE leads SET is_minor = true, guardian_name = 'Lata Deshpande', guardian_phone = '+919822045678' WHERE id = $1`, [
    waitingMinor.id,
  ]);

  const requests: [typeof access, string, string, Record<string, unknown>][] = [
    [
      access,
      'DR-DEMO4ACC',
      'access',
      { status: 'open', verified: 4, due: 26, message: 'Please tell me what you hold about me and who you shared it with.' },
    ],
    [erasure, 'DR-DEMO7ERS', 'erasure', { status: 'open', verified: 33, due: -3, message: 'I have joined a college, please delete my details.' }],
    [withdrawal, 'DR-DEMO2WDL', 'withdrawal', { status: 'unverified', verification: 'staff', message: 'Stop the marketing messages please.' }],
    [correction, 'DR-DEMO9COR', 'correction', { status: 'done', verified: 12, due: 18, message: 'My email is wrong.' }],
  ];
  for (const [lead, reference, kind, r] of requests) {
    const createdAt = new Date(now - ((r.verified as number | undefined) ?? 0.2) * DAY - 3_600_000);
    const verifiedAt = r.verified === undefined ? null : new Date(now - (r.verified as number) * DAY);
    const dueAt = r.due === undefined ? null : new Date(now + (r.due as number) * DAY);
    const done = r.status === 'done';
    await manager.query(
      `INSERT INTO data_requests (reference, kind, status, verification, phone, lead_id, message, created_at, verified_at, due_at,
                                  resolved_at, resolved_by_id, outcome, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        reference,
        kind,
        r.status,
        r.verification ?? 'whatsapp',
        lead.phone,
        lead.id,
        r.message,
        createdAt,
        verifiedAt,
        dueAt,
        done ? new Date(now - 10 * DAY) : null,
        done ? meera : null,
        done ? 'done' : null,
        done ? 'Corrected the email address after a call' : null,
      ],
    );
    await manager.query(`INSERT INTO activities (lead_id, type, data, created_at) VALUES ($1, 'privacy', $2, $3)`, [
      lead.id,
      JSON.stringify({ action: 'request', kind, reference }),
      createdAt,
    ]);
  }

  const discoveredAt = new Date(now - 20 * DAY);
  const { id } = await queryOne<{ id: string }>(
    manager,
    `INSERT INTO breaches (discovered_at, description, data_concerned, measures, status, reported_at, created_at, created_by)
     VALUES ($1, $2, $3, $4, 'reported', $5, $1, $6) RETURNING id`,
    [
      discoveredAt,
      "A counsellor's phone with the WhatsApp Business app signed in was stolen at Pune railway station; chats with a few students were on it.",
      'Names, mobile numbers and the WhatsApp messages of the students in those chats',
      'The WhatsApp session was logged out remotely within two hours and the phone wiped; the counsellor now uses the web panel only.',
      new Date(discoveredAt.getTime() + 40 * 3_600_000),
      admin,
    ],
  );
  for (const lead of affected) await manager.query(`INSERT INTO breach_leads (breach_id, lead_id) VALUES ($1, $2)`, [id, lead.id]);
}
