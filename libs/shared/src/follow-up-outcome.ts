import type { FollowUpOutcome } from './contracts/leads';
import { IST_OFFSET_MINUTES, istDate } from './time';

/**
 * What comes after a follow-up ends, by how it ended: the one rule behind the outcome dialog,
 * the call composer and the API's defaults.
 * - `again`: schedule the next follow-up at `dueAt` (editable);
 * - `pick`: the advisor picks a time, `dueAt` is the suggestion;
 * - `lost`: the lead is marked lost, with a reason;
 * - `none`: nothing to schedule.
 */
export type NextStep =
  { kind: 'again'; dueAt: Date; title: string } | { kind: 'pick'; dueAt: Date; title: string } | { kind: 'lost' } | { kind: 'none' };

/** "Again in 2 hours" after no answer, busy or switched off. */
export const RETRY_AFTER_MS = 2 * 3_600_000;
/** A suggested follow-up the next day is at this hour in India. */
export const NEXT_DAY_HOUR_IST = 11;

/** The next day in India at 11:00 (IST), as an instant. */
export function tomorrowInIndiaAt(now: Date, hour = NEXT_DAY_HOUR_IST): Date {
  const today = Date.parse(`${istDate(now)}T00:00:00Z`);
  return new Date(today + 86_400_000 + hour * 3_600_000 - IST_OFFSET_MINUTES * 60_000);
}

/** `now` plus `ms`, on the minute. */
function later(now: Date, ms: number): Date {
  return new Date(Math.ceil((now.getTime() + ms) / 60_000) * 60_000);
}

export function nextStepFor(outcome: FollowUpOutcome, now: Date = new Date()): NextStep {
  switch (outcome) {
    case 'no_answer':
    case 'busy':
    case 'switched_off':
      return { kind: 'again', dueAt: later(now, RETRY_AFTER_MS), title: 'Call again' };
    case 'call_back_later':
      return { kind: 'pick', dueAt: later(now, RETRY_AFTER_MS), title: 'Call back as asked' };
    case 'connected':
    case 'done':
      return { kind: 'pick', dueAt: tomorrowInIndiaAt(now), title: 'Follow up' };
    case 'not_interested':
      return { kind: 'lost' };
    case 'wrong_number':
      return { kind: 'none' };
  }
}
