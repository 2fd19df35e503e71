import { describeDue, dueState, followUpPresets, istWallClock, wallClockToIso } from './ist';

describe('India time helpers', () => {
  // 29 Nov 2026, 20:15 UTC = 30 Nov 2026, 01:45 IST
  const lateNight = new Date('2026-11-29T20:15:00Z');

  it('shows and reads a picker on India’s wall clock, whatever the device zone', () => {
    const wall = istWallClock(lateNight);
    expect(wall.format('YYYY-MM-DD HH:mm')).toBe('2026-11-30 01:45');
    expect(wallClockToIso(wall)).toBe('2026-11-30T01:45:00+05:30');
    expect(new Date(wallClockToIso(wall)).toISOString()).toBe(lateNight.toISOString());
  });

  it('tells overdue, today and upcoming apart', () => {
    const now = new Date('2026-11-29T06:00:00Z'); // 11:30 IST
    expect(dueState('2026-11-29T05:00:00Z', now)).toBe('overdue');
    expect(dueState('2026-11-29T12:00:00Z', now)).toBe('today');
    expect(dueState('2026-11-29T18:29:00Z', now)).toBe('today');
    expect(dueState('2026-11-29T18:31:00Z', now)).toBe('upcoming');
  });

  it('says today, tomorrow and yesterday in words', () => {
    const now = new Date('2026-11-29T06:00:00Z');
    expect(describeDue('2026-11-29T11:00:00Z', now)).toMatch(/^Today, 4:30\spm$/i);
    expect(describeDue('2026-11-30T04:30:00Z', now)).toMatch(/^Tomorrow, 10:00\sam$/i);
    expect(describeDue('2026-11-28T04:30:00Z', now)).toMatch(/^Yesterday, 10:00\sam$/i);
    expect(describeDue('2026-12-05T04:30:00Z', now)).toBe('5 Dec 2026, 10:00 am');
  });

  it('offers follow-up presets in the future, on India’s clock', () => {
    const now = new Date('2026-11-29T06:10:00Z'); // Sunday 11:40 IST
    const presets = followUpPresets(now);
    const byLabel = Object.fromEntries(presets.map((p) => [p.label, wallClockToIso(p.value)]));
    expect(byLabel['In 2 hours']).toBe('2026-11-29T13:45:00+05:30');
    expect(byLabel['This evening']).toBe('2026-11-29T18:00:00+05:30');
    expect(byLabel['Tomorrow 10 AM']).toBe('2026-11-30T10:00:00+05:30');
    expect(byLabel['Next Monday']).toBe('2026-11-30T10:00:00+05:30');
    for (const p of presets) expect(new Date(wallClockToIso(p.value)).getTime()).toBeGreaterThan(now.getTime());
    expect(followUpPresets(new Date('2026-11-29T12:00:00Z')).map((p) => p.label)).not.toContain('This evening');
  });
});
