import { describeLeadTotal } from './list-total';

describe('describeLeadTotal', () => {
  it('gives a counted total as it is, the Indian way', () => {
    expect(describeLeadTotal(1, false)).toBe('1 lead');
    expect(describeLeadTotal(9_876, false)).toBe('9,876 leads');
  });

  it('says "about" when the total is PostgreSQL’s estimate', () => {
    expect(describeLeadTotal(1_234_567, true)).toBe('about 12,34,567 leads');
    expect(describeLeadTotal(1_001, true)).toBe('about 1,001 leads');
  });
});
