import { inertCell } from './csv-cells';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['Priya Sharma', 'Priya Sharma'],
    ['a=b', 'a=b'],
  ])('%j is written as %j', (input, output) => {
    expect(inertCell(input)).toBe(output);
  });

  it('writes times in Asia/Kolkata and booleans as yes/no', () => {
    expect(inertCell(new Date('2026-04-01T04:00:00Z'))).toBe('2026-04-01T09:30:00+05:30');
    expect(inertCell(true)).toBe('yes');
    expect(inertCell(null)).toBe('');
  });
});
