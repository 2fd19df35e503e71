import { formatIstDateTime, type BreachView, type NoticeContact } from '@advisordesk/shared';

/** Where the draft needs words only the admin has. */
const TO_COMPLETE = (what: string) => `[to be completed: ${what}]`;

const istTime = (value: Date | string) => `${formatIstDateTime(value, { relative: false })} IST`;

function contactLine(contact: NoticeContact | null): string {
  return contact
    ? `${contact.name}, ${contact.email}, ${contact.phone}`
    : TO_COMPLETE('the contact person’s name, email and phone (set them with the consent notice)');
}

/**
 * The notice to each affected person (DPDP Rules 2025, rule 7(1)), in plain language: what happened
 * (nature, extent, timing and location), its likely consequences for them, what was and is being
 * done, what they can do to protect themselves, and whom to ask. `{name}` is each person's first name.
 */
export function personNotice(breach: BreachView<Date | string>, contact: NoticeContact | null): string {
  return [
    'Dear {name},',
    'We are writing to tell you about a personal data breach that concerns your data. We are sorry that it happened.',
    `What happened: ${breach.description.trim()}`,
    `When: we became aware of it on ${istTime(breach.discoveredAt)}. It concerns the data of ${peopleCount(breach.affectedCount)} who made inquiries with us.`,
    `Your data concerned: ${breach.dataConcerned.trim()}`,
    'What this may mean for you: someone who should not have these details may use them to call, message or email you, pretending to be us or a university, and ask for a payment or for more of your details.',
    `What we have done and are doing: ${breach.measures.trim() || TO_COMPLETE('what was done to contain the breach and what is being done')}`,
    'What you can do: do not share one-time codes (OTPs), passwords or bank details with anyone who calls or messages you, even if they say they are from us; we never ask for fees to be paid into a personal account. If you paid or shared details after an unexpected call, tell your bank at once and report it at cybercrime.gov.in or by calling 1930.',
    `Whom to ask: ${contactLine(contact)}. You may also complain to the Data Protection Board of India.`,
  ].join('\n\n');
}

/**
 * The outline of the report to the Data Protection Board, due within 72 hours of becoming aware
 * (rule 7(2)): the broad facts, mitigation, findings about who caused it, remedial measures, and
 * the report of the notices sent to the affected people.
 */
export function boardReport(breach: BreachView<Date | string>, contact: NoticeContact | null): string {
  const notices =
    breach.status === 'open'
      ? `The notice is to go to ${peopleCount(breach.affectedCount)}. ${TO_COMPLETE('when and how each notice was sent (WhatsApp, email, letter)')}`
      : `Notices to ${peopleCount(breach.affectedCount)}: ${TO_COMPLETE('when and how they were sent, and how many could not be reached')}`;
  return [
    'Report of a personal data breach to the Data Protection Board of India',
    `Became aware: ${istTime(breach.discoveredAt)}. Report due by ${istTime(breach.reportDueAt)} (72 hours).`,
    [
      '1. Broad facts: the events, circumstances and reasons',
      `What happened: ${breach.description.trim()}`,
      `Personal data concerned: ${breach.dataConcerned.trim()}`,
      `People affected: ${breach.affectedCount}`,
      `Reasons: ${TO_COMPLETE('why it happened, as far as known')}`,
    ].join('\n'),
    ['2. Measures implemented or proposed to mitigate the risk', breach.measures.trim() || TO_COMPLETE('what was done to contain it')].join('\n'),
    ['3. Findings about the person who caused the breach', TO_COMPLETE('who caused it, if known, and how it was established')].join('\n'),
    ['4. Remedial measures to prevent a recurrence', TO_COMPLETE('the changes made so that it does not happen again')].join('\n'),
    ['5. Report of the intimations given to the affected people', notices].join('\n'),
    `Contact for the Board: ${contactLine(contact)}`,
  ].join('\n\n');
}

function peopleCount(count: number): string {
  return count === 1 ? '1 person' : `${count.toLocaleString('en-IN')} people`;
}
