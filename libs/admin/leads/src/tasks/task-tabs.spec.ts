import { isTaskTab, taskTabQuery } from './task-tabs';

const now = new Date('2026-11-29T06:00:00.000Z'); // 11:30 IST

describe('follow-up tabs', () => {
  it('bounds today by India’s day and keeps to open follow-ups of the owner', () => {
    expect(taskTabQuery('today', 'me', now)).toEqual({
      filters: [
        { field: 'ownerId', operator: 'eq', value: 'me' },
        { field: 'done', operator: 'eq', value: 'false' },
        { field: 'dueAt', operator: 'gte', value: '2026-11-28T18:30:00.000Z' },
        { field: 'dueAt', operator: 'lte', value: '2026-11-29T18:29:59.999Z' },
      ],
      sorters: [{ field: 'dueAt', order: 'asc' }],
    });
  });

  it('calls overdue whatever is open and past due, upcoming what falls after today', () => {
    expect(taskTabQuery('overdue', undefined, now).filters).toEqual([
      { field: 'done', operator: 'eq', value: 'false' },
      { field: 'dueAt', operator: 'lte', value: '2026-11-29T06:00:00.000Z' },
    ]);
    expect(taskTabQuery('upcoming', undefined, now).filters[1]).toEqual({ field: 'dueAt', operator: 'gte', value: '2026-11-29T18:30:00.000Z' });
  });

  it('lists done follow-ups latest first', () => {
    expect(taskTabQuery('done', 'me', now)).toEqual({
      filters: [
        { field: 'ownerId', operator: 'eq', value: 'me' },
        { field: 'done', operator: 'eq', value: 'true' },
      ],
      sorters: [{ field: 'doneAt', order: 'desc' }],
    });
  });

  it('knows its tab names', () => {
    expect(isTaskTab('overdue')).toBe(true);
    expect(isTaskTab('later')).toBe(false);
  });
});
