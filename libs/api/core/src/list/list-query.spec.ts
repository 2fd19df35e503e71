import { parseListQuery, type ListSpec } from './list-query';

const spec: ListSpec = {
  fields: {
    status: { column: 'l.status', type: 'enum', values: ['new', 'contacted'], sortable: true },
    createdAt: { column: 'l.created_at', type: 'timestamp', sortable: true, required: true },
    nextFollowUpAt: { column: 'l.next_follow_up_at', type: 'timestamp', sortable: true },
    city: { column: 'l.city', type: 'text' },
    id: { column: 'l.id', type: 'uuid' },
  },
  defaultSort: { field: 'createdAt', order: 'desc' },
  tieBreaker: 'l.id',
};

describe('simple-rest list queries', () => {
  it('turns filters into parameterised SQL, never concatenated values', () => {
    const parsed = parseListQuery({ status: ['new', 'contacted'], city_like: "O'Neil%", _start: '25', _end: '50' }, spec);
    expect(parsed.where).toEqual(['l.status = ANY($1)', 'l.city ILIKE $2']);
    expect(parsed.params).toEqual([['new', 'contacted'], "%O'Neil\\%%"]);
    expect(parsed).toMatchObject({ limit: 25, offset: 25, orderBy: 'l.created_at DESC, l.id DESC' });
  });

  it('sorts a NOT NULL column as its index does, and puts empty values of a nullable one last', () => {
    expect(parseListQuery({ _sort: 'createdAt', _order: 'asc' }, spec).orderBy).toBe('l.created_at ASC, l.id ASC');
    expect(parseListQuery({ _sort: 'nextFollowUpAt', _order: 'desc' }, spec).orderBy).toBe('l.next_follow_up_at DESC NULLS LAST, l.id DESC');
  });

  it('reads a bare date as a whole day in Asia/Kolkata', () => {
    const parsed = parseListQuery({ createdAt_gte: '2026-04-01', createdAt_lte: '2026-04-30' }, spec);
    expect(parsed.params).toEqual(['2026-03-31T18:30:00.000Z', '2026-04-30T18:29:59.999Z']);
  });

  it('refuses what it does not know, naming it', () => {
    expect(() => parseListQuery({ _sort: 'city' }, spec)).toThrow(/city is not a sortable field/);
    expect(() => parseListQuery({ status: 'won' }, spec)).toThrow(/status must be one of/);
    expect(() => parseListQuery({ colour: 'red' }, spec)).toThrow(/colour is not a known filter/);
    expect(() => parseListQuery({ id: '1 OR 1=1' }, spec)).toThrow(/id must be a UUID/);
    expect(() => parseListQuery({ q: 'x' }, spec)).toThrow(/cannot be searched/);
  });
});
