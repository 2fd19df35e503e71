import { formatInr, formatInrShort, formatInrWithShort, inrShortIfDifferent, rupeesToPaise, sumPaise } from './money';

describe('money in rupees, read the Indian way', () => {
  it('groups digits in lakhs and crores', () => {
    expect(formatInr(20_000_000)).toBe('₹2,00,000');
    expect(formatInr(17_500_000)).toBe('₹1,75,000');
    expect(formatInr(123_456_789_00)).toBe('₹12,34,56,789');
    expect(formatInr(99_900)).toBe('₹999');
    expect(formatInr(4_375_050)).toBe('₹43,750.50');
    expect(formatInr(0)).toBe('₹0');
    expect(formatInr(null)).toBe('—');
  });

  it('reads large sums as lakh and crore', () => {
    expect(formatInrShort(15_000_000)).toBe('₹1.5 lakh');
    expect(formatInrShort(225_000_000_0)).toBe('₹2.25 crore');
    expect(formatInrShort(4_500_000)).toBe('₹45,000');
  });

  it('turns typed rupees into integer paise without float drift', () => {
    expect(rupeesToPaise('1,75,000')).toBe(17_500_000);
    expect(rupeesToPaise('0.29')).toBe(29);
    expect(rupeesToPaise(43750.5)).toBe(4_375_050);
    expect(() => rupeesToPaise('12.345')).toThrow();
    expect(() => rupeesToPaise('lots')).toThrow();
    expect(sumPaise([4_375_000, 4_375_000, 4_375_000, 4_375_000])).toBe(17_500_000);
  });
});

describe('an amount with its short reading', () => {
  it('shows an amount below a lakh once', () => {
    expect(formatInrWithShort(5_830_000)).toBe('₹58,300');
    expect(inrShortIfDifferent(5_830_000)).toBeNull();
    expect(formatInrWithShort(0)).toBe('₹0');
  });
  it('adds the lakh or crore reading where it reads differently', () => {
    expect(formatInrWithShort(15_830_000)).toBe('₹1,58,300 (₹1.58 lakh)');
    expect(formatInrWithShort(10_000_000)).toBe('₹1,00,000 (₹1 lakh)');
    expect(formatInrWithShort(250_000_000)).toBe('₹25,00,000 (₹25 lakh)');
    expect(formatInrWithShort(2_250_000_000)).toBe('₹2,25,00,000 (₹2.25 crore)');
  });
  it('has no reading for no amount', () => {
    expect(formatInrWithShort(null)).toBe('—');
    expect(inrShortIfDifferent(undefined)).toBeNull();
  });
});
