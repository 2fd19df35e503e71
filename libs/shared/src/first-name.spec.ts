import { firstNameOf } from './contracts/leads';

describe('first name', () => {
  it('is the first word of the full name, without a trailing comma', () => {
    expect(firstNameOf('Ananya Gupta')).toBe('Ananya');
    expect(firstNameOf('  Rohit   Kumar Sharma ')).toBe('Rohit');
    expect(firstNameOf('Sharma, Rohit')).toBe('Sharma');
    expect(firstNameOf('Priya')).toBe('Priya');
    expect(firstNameOf('')).toBe('');
    expect(firstNameOf(null)).toBe('');
  });
});
