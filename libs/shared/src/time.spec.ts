import { formatCalendarDay, formatIstDate, isCalendarDay, istDate, istDayBounds, istDayRange, toIstIso } from './time';

describe('India time', () => {
  it('the day in India starts at 18:30 UTC the evening before', () => {
    expect(istDate(new Date('2026-03-31T18:29:59.999Z'))).toBe('2026-03-31');
    expect(istDate(new Date('2026-03-31T18:30:00.000Z'))).toBe('2026-04-01');
    expect(istDayBounds('2026-04-01')).toEqual({ start: new Date('2026-03-31T18:30:00.000Z'), end: new Date('2026-04-01T18:29:59.999Z') });
    expect(istDayRange(new Date('2026-04-01T12:00:00Z'))).toEqual(istDayBounds('2026-04-01'));
  });

  it('writes times with the +05:30 offset and days in words', () => {
    expect(toIstIso(new Date('2026-04-01T04:00:00Z'))).toBe('2026-04-01T09:30:00+05:30');
    expect(formatIstDate(new Date('2026-03-31T19:00:00Z'))).toBe('1 April 2026');
    expect(formatCalendarDay('2026-04-06')).toBe('6 Apr 2026');
  });

  it('a calendar day is YYYY-MM-DD and a real date', () => {
    expect(isCalendarDay('2026-04-01')).toBe(true);
    expect(isCalendarDay('2026-4-1')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay(20260401)).toBe(false);
  });
});
