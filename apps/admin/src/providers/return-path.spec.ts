import { returnPathOf, safeReturnPath, signInPathFrom } from './return-path';

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

describe('signInPathFrom and returnPathOf', () => {
  it('sends a deep link to sign-in and back to the same page with its query', () => {
    const signIn = signInPathFrom('/leads?filters[0][field]=status&filters[0][value]=new');
    expect(signIn).toBe('/login?to=%2Fleads%3Ffilters%5B0%5D%5Bfield%5D%3Dstatus%26filters%5B0%5D%5Bvalue%5D%3Dnew');
    expect(returnPathOf(signIn.slice(signIn.indexOf('?')))).toBe('/leads?filters[0][field]=status&filters[0][value]=new');
  });

  it('asks nothing of the dashboard or of the sign-in page itself, and never returns to another site', () => {
    expect(signInPathFrom('/')).toBe('/login');
    expect(signInPathFrom('/login?to=%2Fusers')).toBe('/login');
    expect(returnPathOf('')).toBe('/');
    expect(returnPathOf('?to=%2F%2Fevil.example')).toBe('/');
  });
});
