import type { NotificationView } from '@advisordesk/shared';
import { compareIds, groupByDay } from './day-groups';

const at = (id: string, createdAt: string): NotificationView => ({
  id,
  kind: 'followup.due',
  title: `n${id}`,
  body: null,
  leadId: null,
  link: null,
  createdAt,
  readAt: null,
});

describe('the drawer groups notifications by day in India', () => {
  const now = new Date('2026-12-04T10:00:00Z'); // Fri 4 Dec 2026, 3:30 pm in India

  it('newest first, under Today, Yesterday and "Mon 30 Nov"', () => {
    const groups = groupByDay(
      [
        at('3', '2026-11-30T06:00:00Z'),
        at('9', '2026-12-04T09:00:00Z'),
        at('5', '2026-12-03T12:00:00Z'),
        at('10', '2026-12-04T09:30:00Z'),
        at('4', '2026-11-30T07:00:00Z'),
      ],
      now,
    );
    expect(groups.map((g) => [g.heading, g.notifications.map((n) => n.id)])).toEqual([
      ['Today', ['10', '9']],
      ['Yesterday', ['5']],
      ['Mon 30 Nov', ['4', '3']],
    ]);
  });

  it('splits days at midnight in India, not UTC', () => {
    // 18:29 UTC is 11:59 pm on the 3rd in India; 18:31 is 12:01 am on the 4th.
    const groups = groupByDay([at('1', '2026-12-03T18:29:00Z'), at('2', '2026-12-03T18:31:00Z')], now);
    expect(groups.map((g) => [g.heading, g.notifications.map((n) => n.id)])).toEqual([
      ['Today', ['2']],
      ['Yesterday', ['1']],
    ]);
  });

  it('nothing, no groups; ids compare as numbers', () => {
    expect(groupByDay([], now)).toEqual([]);
    expect(compareIds('10', '9')).toBeGreaterThan(0);
    expect(compareIds('9', '9')).toBe(0);
  });
});
