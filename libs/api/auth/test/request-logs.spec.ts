import { Controller, Module, Post } from '@nestjs/common';
import request from 'supertest';
import { createLogger, NestPinoLogger, Public, sendLogsTo } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { AuthModule } from '../src';

@Controller('failing')
class FailingController {
  @Public()
  @Post()
  fail(): never {
    throw new Error('the database fell over');
  }
}

@Module({ controllers: [FailingController] })
class FailingModule {}

describe('the logs', () => {
  let t: TestApp;
  const written: string[] = [];
  const lines = () => written.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    sendLogsTo({ write: (line: string) => void written.push(line) });
    t = await createTestApp([AuthModule, FailingModule], { LOG_LEVEL: 'info' });
    t.app.useLogger(new NestPinoLogger(createLogger('info')));
  });
  afterAll(async () => {
    sendLogsTo(undefined);
    await t.close();
  });

  it('a request line has the method, status, time and request id, but no token, search text or response headers', async () => {
    const token = 'k9Xw2QpL7mZr4TnBv8Hc';
    await request(t.http).get(`/api/public/comparisons/${token}?q=98765&_start=0`).set('X-Request-Id', 'logs-1');
    const line = lines().find((l) => l.reqId === 'logs-1');
    expect(line).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', url: '/api/public/comparisons/[redacted]?q=[redacted]&_start=0' },
      res: { statusCode: 404 },
      responseTime: expect.any(Number),
    });
    const all = written.join('');
    expect(all).not.toContain(token);
    expect(all).not.toContain('98765');
    expect(all.toLowerCase()).not.toContain('content-security-policy');
  });

  it('an error on our side is logged as JSON with the request id, beside its request line', async () => {
    await request(t.http).post('/api/failing').set('X-Request-Id', 'logs-2').send({ note: 'a body, read before the handler runs' }).expect(500);
    const ofRequest = lines().filter((l) => l.reqId === 'logs-2');
    expect(ofRequest).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 50,
          context: 'HttpErrorFilter',
          msg: 'Error: the database fell over',
          stack: expect.stringContaining('FailingController'),
        }),
        expect.objectContaining({ level: 50, msg: 'request errored', res: { statusCode: 500 } }),
      ]),
    );
  });
});
