import {
  formatCalendarDay,
  formatIstDate,
  formatIstDateTime,
  formatIstDay,
  formatIstTime,
  formatIstDayHeading,
  formatMinutes,
  isCalendarDay,
  istDate,
  istDayBounds,
  istDayRange,
  toIstIso,
} from './time';

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

describe('the one date style', () => {
  const now = new Date('2026-12-04T10:00:00Z'); // 3:30 pm on 4 Dec in India
  it('writes a moment as "28 Nov 2026, 1:20 pm": 12-hour, lower-case am/pm, no leading zero, India time', () => {
    expect(formatIstDateTime('2026-11-28T07:50:00Z', { now })).toBe('28 Nov 2026, 1:20 pm');
    expect(formatIstDateTime('2026-04-01T03:35:00Z', { now })).toBe('1 Apr 2026, 9:05 am');
    expect(formatIstDateTime('2026-03-31T18:30:00Z', { now })).toBe('1 Apr 2026, 12:00 am');
    expect(formatIstDateTime('2026-04-01T06:30:00Z', { now })).toBe('1 Apr 2026, 12:00 pm');
  });

  it('says Today, Yesterday and Tomorrow for recent days, on the India calendar', () => {
    expect(formatIstDateTime('2026-12-03T21:04:00Z', { now })).toBe('Today, 2:34 am');
    expect(formatIstDateTime('2026-12-03T18:29:00Z', { now })).toBe('Yesterday, 11:59 pm');
    expect(formatIstDateTime('2026-12-05T04:30:00Z', { now })).toBe('Tomorrow, 10:00 am');
    expect(formatIstDateTime('2026-12-04T09:04:00Z', { now, relative: false })).toBe('4 Dec 2026, 2:34 pm');
  });

  it('writes days the same way as moments, and nothing for no time', () => {
    expect(formatCalendarDay('2026-04-01')).toBe('1 Apr 2026');
    expect(formatIstDay('2026-03-31T19:00:00Z')).toBe('1 Apr 2026');
    expect(formatIstTime('2026-04-01T08:00:00Z')).toBe('1:30 pm');
    expect(formatIstDateTime(null)).toBe('');
    expect(formatIstDateTime('not a time')).toBe('');
  });
});

describe('spans of minutes and day headings', () => {
  it('writes minutes as "42 min", "3 h 5 min" and "3 h"', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(42)).toBe('42 min');
    expect(formatMinutes(185)).toBe('3 h 5 min');
    expect(formatMinutes(180)).toBe('3 h');
    expect(formatMinutes(59.9)).toBe('59 min');
    expect(formatMinutes(3000)).toBe('50 h');
  });

  it('heads a day Today, Yesterday or "Mon 30 Nov", on the India calendar', () => {
    const now = new Date('2026-12-04T10:00:00Z'); // Fri 4 Dec, 3:30 pm in India
    expect(formatIstDayHeading('2026-12-03T18:31:00Z', now)).toBe('Today'); // 12:01 am on 4 Dec in India
    expect(formatIstDayHeading('2026-12-03T18:29:00Z', now)).toBe('Yesterday');
    expect(formatIstDayHeading('2026-11-30T06:00:00Z', now)).toBe('Mon 30 Nov');
    expect(formatIstDayHeading('2025-12-30T06:00:00Z', now)).toBe('Tue 30 Dec 2025');
  });
});
