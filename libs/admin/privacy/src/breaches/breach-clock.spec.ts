import { breachClock, pastedLeadIds } from './breach-clock';

describe('the 72-hour clock of a breach', () => {
  const due = '2026-12-03T04:00:00.000Z'; // 3 Dec 2026, 9:30 am IST
  const at = (iso: string) => new Date(iso);

  it('counts down in whole hours, then minutes in the last hour; the last day is marked', () => {
    expect(breachClock({ reportDueAt: due, reportedAt: null }, at('2026-12-01T20:40:00Z'))).toEqual({ text: 'report due in 31 h', tone: 'ok' });
    expect(breachClock({ reportDueAt: due, reportedAt: null }, at('2026-12-02T10:00:00Z'))).toEqual({ text: 'report due in 18 h', tone: 'soon' });
    expect(breachClock({ reportDueAt: due, reportedAt: null }, at('2026-12-03T03:15:00Z'))).toEqual({ text: 'report due in 45 min', tone: 'soon' });
    expect(breachClock({ reportDueAt: due, reportedAt: null }, at('2026-12-01T20:40:00Z'), true).text).toBe('report due in 31 h 20 min');
  });

  it('says how late it is once the 72 hours pass, and when it was reported once it was', () => {
    expect(breachClock({ reportDueAt: due, reportedAt: null }, at('2026-12-03T09:10:00Z'))).toEqual({ text: 'overdue by 5 h', tone: 'overdue' });
    expect(breachClock({ reportDueAt: due, reportedAt: '2026-12-02T09:40:00Z' }, at('2026-12-20T00:00:00Z'))).toEqual({
      text: 'reported 2 Dec 2026, 3:10 pm',
      tone: 'reported',
    });
  });
});

describe('pasted lead ids', () => {
  it('takes ids one a line or separated by commas, each once, and names what is not an id', () => {
    const a = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
    const b = '6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b';
    expect(pastedLeadIds(`${a}\n${b.toUpperCase()}, ${a};\n  not-an-id  `)).toEqual({ ids: [a, b], invalid: ['not-an-id'] });
    expect(pastedLeadIds('  ')).toEqual({ ids: [], invalid: [] });
  });
});
