import { firstContactWait } from './speed-to-lead';

describe('speed to lead: how long a new lead has waited', () => {
  const now = new Date('2026-12-04T10:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  const waiting = (minutes: number) => firstContactWait({ status: 'new', createdAt: ago(minutes), firstContactDueAt: null }, now);

  it('says the wait in minutes, hours and minutes, and days and hours', () => {
    expect(waiting(0)).toMatchObject({ text: 'waiting under a minute', short: 'just in' });
    expect(waiting(1)).toMatchObject({ text: 'waiting 1 min', short: '1 min' });
    expect(waiting(12.9)).toMatchObject({ text: 'waiting 12 min' });
    expect(waiting(130)).toMatchObject({ text: 'waiting 2 h 10 min', short: '2 h 10 min' });
    expect(waiting(120)).toMatchObject({ text: 'waiting 2 h' });
    expect(waiting(3 * 24 * 60 + 4 * 60 + 59)).toMatchObject({ text: 'waiting 3 d 4 h', short: '3 d 4 h' });
    expect(waiting(2 * 24 * 60)).toMatchObject({ text: 'waiting 2 d' });
  });

  it('is red once the first-contact due time has passed, not before', () => {
    const lead = { status: 'new' as const, createdAt: ago(130), firstContactDueAt: ago(5) };
    expect(firstContactWait(lead, now)?.late).toBe(true);
    expect(firstContactWait({ ...lead, firstContactDueAt: ago(-5) }, now)?.late).toBe(false);
    // Not computed yet (within a minute of arrival): shown, not late.
    expect(firstContactWait({ ...lead, firstContactDueAt: null }, now)?.late).toBe(false);
  });

  it('shows nothing once the lead has been contacted (any status but new)', () => {
    expect(firstContactWait({ status: 'contacted', createdAt: ago(130), firstContactDueAt: ago(5) }, now)).toBeNull();
  });
});
