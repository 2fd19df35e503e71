import { formatMinutes, type LeadView } from '@advisordesk/shared';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

export interface FirstContactWait {
  /** "waiting 2 h 10 min" (since the lead arrived, by the clock). */
  text: string;
  /** For a board card: "2 h 10 min", "just in". */
  short: string;
  /** Past its `firstContactDueAt` (arrival + the SLA in working hours). */
  late: boolean;
}

/** A wait as people say it: `12 min`, `2 h 10 min`, and past a day `3 d 4 h` (whole minutes, at least one). */
export function formatWait(minutes: number): string {
  if (minutes < DAY_MINUTES) return formatMinutes(minutes);
  const days = Math.floor(minutes / DAY_MINUTES);
  const hours = Math.floor((minutes % DAY_MINUTES) / 60);
  return hours ? `${days} d ${hours} h` : `${days} d`;
}

/** For a lead nobody has contacted yet (status `new`): how long it has waited and whether it is late; null otherwise. */
export function firstContactWait(
  lead: Pick<LeadView, 'status' | 'createdAt' | 'firstContactDueAt'>,
  now: Date = new Date(),
): FirstContactWait | null {
  if (lead.status !== 'new') return null;
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(lead.createdAt).getTime()) / MINUTE_MS));
  const late = lead.firstContactDueAt !== null && new Date(lead.firstContactDueAt).getTime() < now.getTime();
  if (minutes === 0) return { text: 'waiting under a minute', short: 'just in', late };
  return { text: `waiting ${formatWait(minutes)}`, short: formatWait(minutes), late };
}
