import type { EntityManager } from 'typeorm';
import type { ActivityType } from '@advisordesk/shared';

/** Appends to a lead's timeline. The timeline is append-only: nothing in the application updates or deletes it (erasure aside). */
export async function recordActivity(db: Pick<EntityManager, 'query'>, leadId: string, type: ActivityType, authorId: string | null, data: Record<string, unknown> = {}): Promise<void> {
  await db.query(`INSERT INTO activities (lead_id, type, author_id, data) VALUES ($1, $2, $3, $4)`, [leadId, type, authorId, JSON.stringify(data)]);
}
