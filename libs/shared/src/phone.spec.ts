import { formatPhone, normalisePhone, waDigits } from './phone';

describe('phone numbers', () => {
  it.each(['98765 43210', '+91-98765-43210', '098765 43210', '+91 98765 43210', '919876543210', '(+91) 98765-43210'])(
    '%s is the same Indian mobile',
    (input) => {
      expect(normalisePhone(input)).toEqual({ ok: true, e164: '+919876543210' });
    },
  );

  it.each(['', '12345', '98765', 'abcdefghij', '+91 12345 67890', '011 2345 6789', '98765 43210 99', '=cmd|calc'])('%s is refused', (input) => {
    expect(normalisePhone(input).ok).toBe(false);
  });

  it('accepts other countries in international form', () => {
    expect(normalisePhone('+44 7911 123456')).toEqual({ ok: true, e164: '+447911123456' });
  });

  it('gives wa.me digits and a readable form', () => {
    expect(waDigits('+919876543210')).toBe('919876543210');
    expect(formatPhone('+919876543210')).toBe('+91 98765 43210');
  });
});
