import type { EntityManager } from 'typeorm';
import type { ActivityType } from '@advisordesk/shared';

/** Appends to a lead's timeline. The timeline is append-only: nothing in the application updates or deletes it (erasure aside). */
export async function recordActivity(
  db: Pick<EntityManager, 'query'>,
  leadId: string,
  type: ActivityType,
  authorId: string | null,
  data: Record<string, unknown> = {},
): Promise<void> {
  await db.query(`INSERT INTO activities (lead_id, type, author_id, data) VALUES ($1, $2, $3, $4)`, [leadId, type, authorId, JSON.stringify(data)]);
}

/** The same entry on each lead's timeline, in one statement (bulk actions). */
export async function recordActivities(
  db: Pick<EntityManager, 'query'>,
  leadIds: string[],
  type: ActivityType,
  authorId: string | null,
  data: Record<string, unknown> = {},
): Promise<void> {
  if (!leadIds.length) return;
  await db.query(`INSERT INTO activities (lead_id, type, author_id, data) SELECT id, $2, $3, $4 FROM unnest($1::uuid[]) AS id`, [
    leadIds,
    type,
    authorId,
    JSON.stringify(data),
  ]);
}

/** What a note says on the timeline (one note, or the same note on many leads). */
export function noteData(text: string): { text: string } {
  return { text: text.trim() };
}

/**
 * What a timeline entry keeps when the person's data is erased: the keys that say what happened
 * (a move from → to, an assignment, a call's outcome), never who or in whose words. Every other
 * key goes, also ones added later (a note on a status change, a task's title, a link).
 */
export const ACTIVITY_KEYS_KEPT_ON_ERASURE: readonly string[] = [
  'action',
  'from',
  'to',
  'lostReason',
  'automatic',
  'outcome',
  'source',
  'repeat',
  'withdrawn',
  'via',
  'channel',
  'recorded',
];
