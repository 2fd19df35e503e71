import { formatIstDateTime, formatMinutes, type BreachView } from '@advisordesk/shared';

/** `ok` more than a day left, `soon` the last day, `overdue` past the 72 hours, `reported` done. */
export type BreachClockTone = 'ok' | 'soon' | 'overdue' | 'reported';

export interface BreachClock {
  text: string;
  tone: BreachClockTone;
}

const MINUTE_MS = 60_000;

/** A span as the clock says it: whole hours (`31 h`), or minutes in the last hour; `precise` adds the minutes (`31 h 5 min`). */
function span(ms: number, precise: boolean): string {
  const minutes = Math.floor(ms / MINUTE_MS);
  return precise || minutes < 60 ? formatMinutes(minutes) : `${Math.floor(minutes / 60)} h`;
}

/**
 * The 72-hour clock of a breach's report to the Board: "report due in 31 h", "overdue by 5 h",
 * or "reported 1 Dec 2026, 3:10 pm" once it went.
 */
export function breachClock(breach: Pick<BreachView, 'reportDueAt' | 'reportedAt'>, now: Date = new Date(), precise = false): BreachClock {
  if (breach.reportedAt) return { text: `reported ${formatIstDateTime(breach.reportedAt, { now })}`, tone: 'reported' };
  const left = Date.parse(breach.reportDueAt) - now.getTime();
  if (left < 0) return { text: `overdue by ${span(-left, precise)}`, tone: 'overdue' };
  return { text: `report due in ${span(left, precise)}`, tone: left <= 24 * 60 * MINUTE_MS ? 'soon' : 'ok' };
}

/** The lead ids in pasted text (one a line, or separated by commas or spaces), each once, and what was not one. */
export function pastedLeadIds(text: string): { ids: string[]; invalid: string[] } {
  const ids = new Set<string>();
  const invalid: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    if (!part) continue;
    if (UUID.test(part)) ids.add(part.toLowerCase());
    else invalid.push(part);
  }
  return { ids: [...ids], invalid };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
