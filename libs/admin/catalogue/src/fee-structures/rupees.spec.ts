import { amountToPaise, groupIndianDigits, runningTotal, toFeeComponents, toFeeRows, ungroupDigits } from './rupees';

describe('the fee components editor', () => {
  it('groups what is typed the Indian way, keeping a decimal being typed', () => {
    expect(groupIndianDigits('175000')).toBe('1,75,000');
    expect(groupIndianDigits('17500000')).toBe('1,75,00,000');
    expect(groupIndianDigits('999')).toBe('999');
    expect(groupIndianDigits('43750.')).toBe('43,750.');
    expect(groupIndianDigits('43750.5')).toBe('43,750.5');
    expect(groupIndianDigits('')).toBe('');
    expect(ungroupDigits('₹1,75,000.50')).toBe('175000.50');
  });

  it('adds up the rows typed so far in paise, ignoring a row not yet an amount', () => {
    expect(runningTotal([{ amount: '43,750' }, { amount: '43750.5' }, { amount: '' }, { amount: 'abc' }, undefined])).toBe(8750050);
    expect(amountToPaise('0.1')).toBe(10);
    expect(amountToPaise('1.234')).toBeNull();
  });

  it('sends integer paise and a total computed from the same figures', () => {
    const { components, totalPaise } = toFeeComponents([
      { label: ' Registration ', amount: '5000', due: 'at admission' },
      { label: 'Tuition', amount: '1,20,000.10', due: ' ' },
    ]);
    expect(components).toEqual([
      { label: 'Registration', amountPaise: 500000, due: 'at admission' },
      { label: 'Tuition', amountPaise: 12000010 },
    ]);
    expect(totalPaise).toBe(12500010);
    expect(toFeeRows(components)).toEqual([
      { label: 'Registration', amount: '5000', due: 'at admission' },
      { label: 'Tuition', amount: '120000.10', due: '' },
    ]);
  });
});
