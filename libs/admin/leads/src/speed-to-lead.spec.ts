import { firstContactWait, waitedFor } from './speed-to-lead';

describe('speed to lead: how long a new lead has waited', () => {
  const now = new Date('2026-12-04T10:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

  it('says the wait in minutes, hours and minutes, and days and hours', () => {
    expect(waitedFor(ago(0), now)).toBe('under a minute');
    expect(waitedFor(ago(1), now)).toBe('1 min');
    expect(waitedFor(ago(12), now)).toBe('12 min');
    expect(waitedFor(ago(130), now)).toBe('2 h 10 min');
    expect(waitedFor(ago(120), now)).toBe('2 h');
    expect(waitedFor(ago(3 * 24 * 60 + 4 * 60 + 59), now)).toBe('3 d 4 h');
    expect(waitedFor(ago(2 * 24 * 60), now)).toBe('2 d');
  });

  it('is red once the first-contact due time has passed, not before', () => {
    const lead = { status: 'new' as const, createdAt: ago(130), firstContactDueAt: ago(5) };
    expect(firstContactWait(lead, now)).toEqual({ text: 'waiting 2 h 10 min', late: true });
    expect(firstContactWait({ ...lead, firstContactDueAt: ago(-5) }, now)).toEqual({ text: 'waiting 2 h 10 min', late: false });
    // Not computed yet (within a minute of arrival): shown, not late.
    expect(firstContactWait({ ...lead, firstContactDueAt: null }, now)?.late).toBe(false);
  });

  it('shows nothing once the lead has been contacted (any status but new)', () => {
    expect(firstContactWait({ status: 'contacted', createdAt: ago(130), firstContactDueAt: ago(5) }, now)).toBeNull();
  });
});
