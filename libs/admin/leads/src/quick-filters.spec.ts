import type { CrudFilter } from '@refinedev/core';
import { activeQuickFilter, applyQuickFilter, quickFilterFilters } from './quick-filters';

const now = new Date('2026-11-29T20:15:30Z'); // 30 Nov, 01:45 IST

describe('quick filters of the lead list', () => {
  it('turns each quick filter into list filters, on India’s day', () => {
    expect(quickFilterFilters('today', 'me', now)).toEqual([{ field: 'nextFollowUpAt', operator: 'eq', value: '2026-11-30' }]);
    expect(quickFilterFilters('overdue', 'me', now)).toEqual([{ field: 'nextFollowUpAt', operator: 'lte', value: '2026-11-29T20:15:00.000Z' }]);
    expect(quickFilterFilters('mine_new', 'me', now)).toEqual([
      { field: 'advisorId', operator: 'eq', value: 'me' },
      { field: 'status', operator: 'in', value: ['new'] },
    ]);
    expect(quickFilterFilters('no_next_step', 'me', now)).toEqual([
      { field: 'nextFollowUpAt_null', operator: 'eq', value: 'true' },
      { field: 'status', operator: 'in', value: ['new', 'contacted', 'counselled', 'shortlisted', 'applied', 'admitted'] },
    ]);
  });

  it('recognises a quick filter in the address, and nothing else as one', () => {
    expect(activeQuickFilter(quickFilterFilters('mine_new', 'me', now), 'me', now)).toBe('mine_new');
    expect(activeQuickFilter(quickFilterFilters('today', 'me', now), 'me', now)).toBe('today');
    expect(activeQuickFilter([{ field: 'nextFollowUpAt', operator: 'lte', value: '2026-11-01T00:00:00Z' }], 'me', now)).toBe('overdue');
    expect(activeQuickFilter([{ field: 'nextFollowUpAt', operator: 'eq', value: '2026-11-01' }], 'me', now)).toBeUndefined();
    expect(
      activeQuickFilter([...quickFilterFilters('today', 'me', now), { field: 'source', operator: 'eq', value: 'website' }], 'me', now),
    ).toBeUndefined();
    expect(activeQuickFilter([...quickFilterFilters('today', 'me', now), { field: 'q', operator: 'eq', value: 'Anil' }], 'me', now)).toBe('today');
    expect(activeQuickFilter([], 'me', now)).toBeUndefined();
    expect(activeQuickFilter(quickFilterFilters('no_next_step', 'me', now), 'me', now)).toBe('no_next_step');
    expect(quickFilterFilters('replied', 'me', now)).toEqual([{ field: 'whatsappUnanswered', operator: 'eq', value: 'true' }]);
    expect(activeQuickFilter(quickFilterFilters('replied', 'me', now), 'me', now)).toBe('replied');
    expect(activeQuickFilter([{ field: 'whatsappUnanswered', operator: 'eq', value: 'false' }], 'me', now)).toBeUndefined();
    expect(
      activeQuickFilter(
        [
          { field: 'nextFollowUpAt_null', operator: 'eq', value: 'true' },
          { field: 'status', operator: 'in', value: ['new'] },
        ],
        'me',
        now,
      ),
    ).toBeUndefined();
  });

  it('clears the other filters but keeps the search when one is chosen', () => {
    const current: CrudFilter[] = [
      { field: 'source', operator: 'eq', value: 'website' },
      { field: 'q', operator: 'eq', value: 'Anil' },
    ];
    const next = applyQuickFilter(current, 'today', 'me', now);
    expect(next).toEqual([
      { field: 'source', operator: 'eq', value: undefined },
      { field: 'nextFollowUpAt', operator: 'eq', value: '2026-11-30' },
      { field: 'q', operator: 'eq', value: 'Anil' },
    ]);
    expect(applyQuickFilter(next, undefined, 'me', now).filter((f) => f.value !== undefined)).toEqual([
      { field: 'q', operator: 'eq', value: 'Anil' },
    ]);
  });
});
