import { redactConnectionUrl, redactUrl } from './redact-url';

describe('URLs in the logs', () => {
  it('tokens of comparison, unsubscribe and upload links are replaced, the rest of the path kept', () => {
    expect(redactUrl('/c/Abc123_-xyz')).toBe('/c/[redacted]');
    expect(redactUrl('/api/public/comparisons/Abc123/programs')).toBe('/api/public/comparisons/[redacted]/programs');
    expect(redactUrl('/api/public/unsubscribe/tok3n')).toBe('/api/public/unsubscribe/[redacted]');
    expect(redactUrl('/api/public/uploads/tok3n')).toBe('/api/public/uploads/[redacted]');
    expect(redactUrl('/u/tok3n?download=1')).toBe('/u/[redacted]?download=1');
  });

  it('a token is replaced however the path is spelled that still reaches the route', () => {
    expect(redactUrl('/API/Public/Comparisons/tok3n')).toBe('/API/Public/Comparisons/[redacted]');
    expect(redactUrl('/C/tok3n/')).toBe('/C/[redacted]/');
  });

  it('search text and a person’s phone, email and name in the query are replaced, with their list operators', () => {
    expect(redactUrl('/api/leads?q=98765&status=new&_start=0')).toBe('/api/leads?q=[redacted]&status=new&_start=0');
    expect(redactUrl('/api/leads?phone=%2B919876543210&email_like=priya&fullName_like=Priya%20S&phone_ne=1')).toBe(
      '/api/leads?phone=[redacted]&email_like=[redacted]&fullName_like=[redacted]&phone_ne=[redacted]',
    );
    expect(redactUrl('/api/leads?phone[]=98765&%71=98765&Q=98765')).toBe('/api/leads?phone[]=[redacted]&%71=[redacted]&Q=[redacted]');
  });

  it('other URLs are logged as they are', () => {
    expect(redactUrl('/api/leads?status=new&advisorId=7&_sort=createdAt')).toBe('/api/leads?status=new&advisorId=7&_sort=createdAt');
    expect(redactUrl('/api/catalogue/programs/12')).toBe('/api/catalogue/programs/12');
    expect(redactUrl('/customers/c/x')).toBe('/customers/c/x');
    expect(redactUrl('/c/')).toBe('/c/');
  });
});

describe('database and Redis addresses in the logs', () => {
  it('keep the host, port and database but not the password', () => {
    expect(redactConnectionUrl('redis://:s3cret@cache.internal:6379/0')).toBe('redis://:[redacted]@cache.internal:6379/0');
    expect(redactConnectionUrl('rediss://app:p%40ss@cache.internal:6380')).toBe('rediss://app:[redacted]@cache.internal:6380');
    expect(redactConnectionUrl('postgres://postgres:pw@127.0.0.1:5432/crm')).toBe('postgres://postgres:[redacted]@127.0.0.1:5432/crm');
    expect(redactConnectionUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
