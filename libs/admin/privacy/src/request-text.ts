import {
  formatIstDateTime,
  istDate,
  type DataRequestKind,
  type DataRequestOutcome,
  type DataRequestStatus,
  type DataRequestVerification,
  type DataRequestView,
} from '@advisordesk/shared';

const DAY_MS = 86_400_000;
/** A request due within this many days reads in amber. */
export const DUE_SOON_DAYS = 3;

const plural = (n: number, word: string) => `${n.toLocaleString('en-IN')} ${word}${n === 1 ? '' : 's'}`;

/** Whether staff still owe the person an answer. */
export const isPending = (status: DataRequestStatus) => status === 'open' || status === 'unverified';

export interface DueInfo {
  text: string;
  /** Past its due time and still not answered. */
  overdue: boolean;
  /** Due within a few days and still not answered. */
  soon: boolean;
}

/**
 * How near a request's due time is, counted in India's calendar days: "Due in 12 days", "Due
 * tomorrow", "Due today", "Overdue by 2 days". An answered request says nothing; one that is not
 * verified yet has no due time (the clock starts with the verification).
 */
export function dueInfo(request: Pick<DataRequestView, 'dueAt' | 'status'>, now: Date = new Date()): DueInfo {
  const none = { overdue: false, soon: false };
  if (!isPending(request.status)) return { text: '', ...none };
  if (!request.dueAt) return { text: 'Starts once verified', ...none };
  const due = new Date(request.dueAt);
  const days = Math.round((Date.parse(istDate(due)) - Date.parse(istDate(now))) / DAY_MS);
  if (due.getTime() <= now.getTime()) return { text: days < 0 ? `Overdue by ${plural(-days, 'day')}` : 'Overdue', overdue: true, soon: false };
  const text = days === 0 ? 'Due today' : days === 1 ? 'Due tomorrow' : `Due in ${plural(days, 'day')}`;
  return { text, overdue: false, soon: days <= DUE_SOON_DAYS };
}

const VERIFICATION_WAYS: Record<DataRequestVerification, { waiting: string; done: string }> = {
  whatsapp: { waiting: 'Waiting for the code sent on WhatsApp', done: 'Verified (a code was sent on WhatsApp)' },
  email: { waiting: 'Waiting for the code sent by email', done: 'Verified (a code was sent by email)' },
  // Staff may verify any request by a call; only a request that had no code to send is known to have been verified so.
  staff: { waiting: 'Waiting for a call from staff', done: 'Verified by a call from staff' },
};

/** How the person proves the phone is theirs, as the queue says it: waiting for what, or verified how. */
export function verificationText(request: Pick<DataRequestView, 'verification' | 'verifiedAt' | 'status'>): string {
  const way = VERIFICATION_WAYS[request.verification] ?? VERIFICATION_WAYS.staff;
  if (request.verifiedAt) return way.done;
  if (request.status === 'refused') return 'Never verified';
  return way.waiting;
}

/** The request's history, oldest first: received, verified, resolved. */
export function requestHistory(request: DataRequestView): { key: string; at: string; text: string }[] {
  const events = [{ key: 'received', at: request.createdAt, text: 'Received on the privacy page' }];
  if (request.verifiedAt) events.push({ key: 'verified', at: request.verifiedAt, text: verificationText(request) });
  if (request.resolvedAt) {
    const outcome = request.outcome === 'refused' ? 'Refused' : 'Resolved as done';
    // No one resolved it when the person gave five wrong codes: the request ended by itself (the note says so).
    const by = request.resolvedById ? ` by ${request.resolvedByName ?? 'a colleague'}` : '';
    events.push({ key: 'resolved', at: request.resolvedAt, text: `${outcome}${by}` });
  }
  return events.map((event) => ({ ...event, at: formatIstDateTime(event.at, { relative: false }) }));
}

/** What staff do for each kind before resolving it. */
export const KIND_STEPS: Record<DataRequestKind, string> = {
  access: 'Open the summary of what we hold, send it to the person, then resolve as done.',
  correction: 'Correct the lead’s details on its page, then resolve as done.',
  erasure: 'Resolving as done erases the lead’s personal data at once.',
  withdrawal: 'Resolving as done withdraws both consents (WhatsApp and marketing).',
  nomination: 'Resolving as done records the nominee on the lead’s timeline.',
};

/**
 * What resolving will do, said before it is done: an erasure or a withdrawal happens on "done"; a
 * refusal changes nothing but closes the request with the note.
 */
export function resolveConsequence(
  request: Pick<DataRequestView, 'kind' | 'leadName' | 'leadId' | 'nominee'>,
  outcome: DataRequestOutcome,
): { text: string; destructive: boolean } {
  if (outcome === 'refused') return { text: 'The request closes as refused. Nothing on the lead changes; the note says why.', destructive: false };
  const who = request.leadName ?? 'the lead';
  if (!request.leadId) return { text: 'No lead holds this phone: the request closes as done and nothing else changes.', destructive: false };
  switch (request.kind) {
    case 'erasure':
      return {
        text: `This erases ${who}’s personal data now, wherever AdvisorDesk holds it. Only anonymous counts remain. It cannot be undone.`,
        destructive: true,
      };
    case 'withdrawal':
      return { text: `This withdraws ${who}’s consent to WhatsApp and to marketing messages now.`, destructive: true };
    case 'nomination':
      return {
        text: `This records ${request.nominee ? `${request.nominee.name} as` : 'the'} nominee on ${who}’s timeline.`,
        destructive: false,
      };
    case 'access':
      return { text: 'Resolve once the summary has been sent to the person.', destructive: false };
    case 'correction':
      return { text: 'Resolve once the lead’s details have been corrected.', destructive: false };
  }
}

/** `2026-11` → `Nov 2026` (the retention report's months, already India's). */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m || m < 1 || m > 12) return month;
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${year}`;
}

/** A summary's field name as a label: `fullName` → `Full name`; a label already in words stays. */
export function fieldLabel(key: string): string {
  if (/\s/.test(key)) return key;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
