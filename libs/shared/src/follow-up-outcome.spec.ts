import { FOLLOW_UP_OUTCOMES } from './contracts/leads';
import { nextStepFor, tomorrowInIndiaAt } from './follow-up-outcome';

describe('what a follow-up proposes next, by how it ended', () => {
  // 4 Dec 2026, 3:15 pm in India.
  const now = new Date('2026-12-04T09:45:00Z');

  it('no answer, busy or switched off: again in 2 hours', () => {
    for (const outcome of ['no_answer', 'busy', 'switched_off'] as const)
      expect(nextStepFor(outcome, now)).toEqual({ kind: 'again', dueAt: new Date('2026-12-04T11:45:00Z'), title: 'Call again' });
  });

  it('asked to call back later: the advisor picks the time', () => {
    expect(nextStepFor('call_back_later', now)).toMatchObject({ kind: 'pick', title: 'Call back as asked' });
  });

  it('connected (or done some other way): pick a time, suggested tomorrow at 11 am in India', () => {
    expect(nextStepFor('connected', now)).toEqual({ kind: 'pick', dueAt: new Date('2026-12-05T05:30:00Z'), title: 'Follow up' });
    expect(nextStepFor('done', now)).toMatchObject({ kind: 'pick', dueAt: new Date('2026-12-05T05:30:00Z') });
  });

  it('"tomorrow" is tomorrow in India, also late in the evening when the UTC date is still today', () => {
    // 5 Dec 2026, 1:00 am in India is still 4 Dec in UTC.
    expect(tomorrowInIndiaAt(new Date('2026-12-04T19:30:00Z'))).toEqual(new Date('2026-12-06T05:30:00Z'));
  });

  it('not interested: lost with a reason; wrong number: no follow-up', () => {
    expect(nextStepFor('not_interested', now)).toEqual({ kind: 'lost' });
    expect(nextStepFor('wrong_number', now)).toEqual({ kind: 'none' });
  });

  it('every outcome has a next step', () => {
    for (const outcome of FOLLOW_UP_OUTCOMES) expect(nextStepFor(outcome, now).kind).toMatch(/again|pick|lost|none/);
  });
});
