import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps paths inside the panel, with their query', () => {
    expect(safeReturnPath('/users')).toBe('/users');
    expect(safeReturnPath('/users?filters[0][field]=q&filters[0][value]=Priya')).toBe('/users?filters[0][field]=q&filters[0][value]=Priya');
  });

  it('refuses anything that could leave the panel or loop back to sign-in', () => {
    for (const to of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '',
      undefined,
      ['/users'],
      '/login',
      '/login?to=/users',
    ]) {
      expect(safeReturnPath(to)).toBeNull();
    }
  });
});
