import { AppError } from '@advisordesk/api-core';
import { checkBulkRequest, filterQuery, skippedInOrder } from './bulk-request';

const ID = '7b4e8f0e-4a57-4d5e-9a43-0e1f6c9d2a11';

function refusedField(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as AppError).fields?.[0]?.field;
  }
  return undefined;
}

describe('what a bulk request must say', () => {
  it('takes the ids or a filter, never both nor neither', () => {
    expect(refusedField(() => checkBulkRequest({ action: 'note', text: 'Called' }))).toBe('ids');
    expect(refusedField(() => checkBulkRequest({ ids: [ID], filter: 'status=new', action: 'note', text: 'Called' }))).toBe('ids');
    expect(checkBulkRequest({ filter: 'status=new', action: 'note', text: 'Called' })).toEqual({ text: 'Called' });
  });

  it('wants one version per id, and versions only with ids', () => {
    expect(refusedField(() => checkBulkRequest({ ids: [ID], versions: [1, 2], action: 'note', text: 'x' }))).toBe('versions');
    expect(refusedField(() => checkBulkRequest({ filter: 'status=new', versions: [1], action: 'note', text: 'x' }))).toBe('versions');
  });

  it('names a field that does not go with the action, and one the action needs', () => {
    expect(refusedField(() => checkBulkRequest({ ids: [ID], action: 'note', text: 'x', advisorId: ID }))).toBe('advisorId');
    expect(refusedField(() => checkBulkRequest({ ids: [ID], action: 'assign' }))).toBe('advisorId');
    expect(refusedField(() => checkBulkRequest({ ids: [ID], action: 'status', status: 'lost' }))).toBe('lostReason');
    expect(refusedField(() => checkBulkRequest({ ids: [ID], action: 'status', status: 'contacted', lostReason: 'budget' }))).toBe('lostReason');
    expect(refusedField(() => checkBulkRequest({ ids: [ID], action: 'followUp', text: 'Call back' }))).toBe('dueAt');
    expect(refusedField(() => checkBulkRequest({ ids: [ID], action: 'note', text: '   ' }))).toBe('text');
  });

  it('keeps only what the action uses', () => {
    expect(checkBulkRequest({ ids: [ID], action: 'status', status: 'lost', lostReason: 'budget', note: 'Fees too high' })).toEqual({
      status: 'lost',
      lostReason: 'budget',
      note: 'Fees too high',
    });
  });
});

describe('a selection by filter', () => {
  it('reads the lead list query string, repeated filters as "any of", without paging or sorting', () => {
    expect(filterQuery('?status=new&status=contacted&source=website&_start=0&_end=25&_sort=createdAt&_order=desc')).toEqual({
      status: ['new', 'contacted'],
      source: 'website',
    });
  });

  it('keeps a key named like a built-in property as an ordinary filter name (the list parser refuses it)', () => {
    const query = filterQuery('constructor=x&__proto__=y');
    expect(Object.entries(query)).toEqual([
      ['constructor', 'x'],
      ['__proto__', 'y'],
    ]);
  });
});

it('lists skipped leads in the order they were selected', () => {
  const reasons = new Map([
    ['b', 'stale' as const],
    ['a', 'notFound' as const],
  ]);
  expect(skippedInOrder(['a', 'c', 'b'], reasons)).toEqual([
    { id: 'a', reason: 'notFound' },
    { id: 'b', reason: 'stale' },
  ]);
});
