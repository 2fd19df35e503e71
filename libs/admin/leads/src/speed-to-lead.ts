import { formatMinutes, type LeadView } from '@advisordesk/shared';

const MINUTE_MS = 60_000;

export interface FirstContactWait {
  /** "waiting 2 h 10 min" (since the lead arrived, by the clock). */
  text: string;
  /** Past its `firstContactDueAt` (arrival + the SLA in working hours). */
  late: boolean;
}

/** How long a lead has waited, as people say it: `under a minute`, `12 min`, `2 h 10 min`, and past a day `3 d 4 h`. */
export function waitedFor(since: string | Date, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / MINUTE_MS));
  if (minutes === 0) return 'under a minute';
  if (minutes < 24 * 60) return formatMinutes(minutes);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  return hours ? `${days} d ${hours} h` : `${days} d`;
}

/** For a lead nobody has contacted yet (status `new`): how long it has waited and whether it is late; null otherwise. */
export function firstContactWait(
  lead: Pick<LeadView, 'status' | 'createdAt' | 'firstContactDueAt'>,
  now: Date = new Date(),
): FirstContactWait | null {
  if (lead.status !== 'new') return null;
  const late = lead.firstContactDueAt !== null && new Date(lead.firstContactDueAt).getTime() < now.getTime();
  return { text: `waiting ${waitedFor(lead.createdAt, now)}`, late };
}
