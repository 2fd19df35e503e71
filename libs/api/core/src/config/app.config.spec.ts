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
    expect(() => loadConfig({ ...base, PORT: 'eighty', TRUST_PROXY: 'perhaps', ADMIN_EMAIL: 'me@example.com' })).toThrow(/PORT[\s\S]*TRUST_PROXY[\s\S]*ADMIN_PASSWORD/);
  });

  it('reads the documented variables with their defaults', () => {
    const config = loadConfig({ ...base, CORS_ORIGINS: 'https://www.example.in, https://blog.example.in/' });
    expect(config).toMatchObject({ port: 3000, trustProxy: false, inquiryRateLimit: 10, accessTokenTtlSeconds: 900, corsOrigins: ['https://www.example.in', 'https://blog.example.in'] });
  });
});
