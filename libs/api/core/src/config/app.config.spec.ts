import { loadConfig } from './app.config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', JWT_SECRET: 'Zx8#kQ2!mP9vL4@rT7wY1^bN6&cF3*hJ5' };

describe('configuration at start', () => {
  it('a missing JWT_SECRET stops the app with a message naming it', () => {
    expect(() => loadConfig({ DATABASE_URL: base.DATABASE_URL })).toThrow(/JWT_SECRET is required/);
  });

  it('a short or placeholder JWT_SECRET is refused', () => {
    expect(() => loadConfig({ ...base, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET is too weak/);
    expect(() => loadConfig({ ...base, JWT_SECRET: 'changeme-changeme-changeme-changeme-1234' })).toThrow(/JWT_SECRET looks like a placeholder/);
    expect(() => loadConfig({ ...base, JWT_SECRET: 'a'.repeat(40) })).toThrow(/JWT_SECRET/);
  });

  it('names each bad variable', () => {
    expect(() => loadConfig({ ...base, PORT: 'eighty', TRUST_PROXY: 'perhaps', ADMIN_EMAIL: 'me@example.com' })).toThrow(
      /PORT[\s\S]*TRUST_PROXY[\s\S]*ADMIN_PASSWORD/,
    );
  });

  it('reads the documented variables with their defaults', () => {
    const config = loadConfig({ ...base, CORS_ORIGINS: 'https://www.example.in, https://blog.example.in/' });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      trustProxy: false,
      inquiryRateLimit: 10,
      accessTokenTtlSeconds: 900,
      corsOrigins: ['https://www.example.in', 'https://blog.example.in'],
    });
  });

  it('SUPPORT_PHONE is a mobile number in any usual form, kept as E.164; anything else stops the app naming it', () => {
    expect(loadConfig({ ...base, SUPPORT_PHONE: '98123 45678' }).supportPhone).toBe('+919812345678');
    expect(loadConfig(base).supportPhone).toBeUndefined();
    expect(() => loadConfig({ ...base, SUPPORT_PHONE: '1800-123' })).toThrow(/SUPPORT_PHONE must be a mobile number/);
  });

  it('TRUST_PROXY takes what Express takes: true or false, a hop count, or proxy addresses, ranges and names', () => {
    const trustProxy = (TRUST_PROXY: string) => loadConfig({ ...base, TRUST_PROXY }).trustProxy;
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('FALSE')).toBe(false);
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
    expect(trustProxy('192.0.2.10,2001:db8::/32,uniquelocal')).toEqual(['192.0.2.10', '2001:db8::/32', 'uniquelocal']);
  });

  it('a TRUST_PROXY Express would not understand stops the app, named', () => {
    for (const TRUST_PROXY of ['yes', '10.0.0.0/33', '10.0.0.1,', 'proxy.example.in', '-1', '1.5']) {
      expect(() => loadConfig({ ...base, TRUST_PROXY })).toThrow(/TRUST_PROXY must be true, false, a hop count/);
    }
  });

  it('HOST is loopback unless set, and must be an address or host name', () => {
    expect(loadConfig({ ...base, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ ...base, HOST: '::' }).host).toBe('::');
    expect(() => loadConfig({ ...base, HOST: 'http://0.0.0.0' })).toThrow(/HOST must be an address/);
  });

  it('REDIS_URL is a redis:// or rediss:// URL; unset, the instances share through PostgreSQL', () => {
    expect(loadConfig(base)).toMatchObject({ redisUrl: undefined, redisPrefix: 'advisordesk:' });
    expect(loadConfig({ ...base, REDIS_URL: 'rediss://:pw@cache.internal:6380/2', REDIS_PREFIX: 'crm-prod:' })).toMatchObject({
      redisUrl: 'rediss://:pw@cache.internal:6380/2',
      redisPrefix: 'crm-prod:',
    });
    expect(() => loadConfig({ ...base, REDIS_URL: 'http://cache.internal:6379' })).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(() => loadConfig({ ...base, REDIS_URL: 'cache.internal' })).toThrow(/REDIS_URL must be/);
    expect(() => loadConfig({ ...base, REDIS_PREFIX: 'has space' })).toThrow(/REDIS_PREFIX/);
  });
});
