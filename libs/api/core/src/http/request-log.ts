import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger as PinoLogger } from 'pino';
import { redactUrl } from '../logging/redact-url';

/** The caller's `X-Request-Id` when it is a plain token, or a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
}

type Request = IncomingMessage & { id?: string; originalUrl?: string };

/**
 * One line per request once it is answered: method, URL without tokens or search text, status,
 * time, request id; no headers (`request completed`, or `request errored` at level error for a
 * 5xx). The request id is the caller's `X-Request-Id` when plain, else a new one, answered in
 * `x-request-id` (a platform that gave the request an id already answers it itself).
 * pino-http's line, without its two child loggers per request.
 */
export function requestLog(logger: PinoLogger) {
  const ignored = (url: string | undefined) => url === '/api/health';
  return (req: Request, res: ServerResponse, next: () => void) => {
    if (req.id === undefined) {
      req.id = requestIdOf(req);
      res.setHeader('x-request-id', req.id);
    }
    if (ignored(req.url)) return next();
    const start = Date.now();
    // Express rewrites `req.url` inside mounted routers: the line keeps the URL as received.
    const url = req.url ?? '';
    res.once('close', () => {
      const failed = res.statusCode >= 500;
      if (!logger.isLevelEnabled(failed ? 'error' : 'info')) return;
      const line = {
        reqId: req.id,
        req: { method: req.method, url: redactUrl(url) },
        res: { statusCode: res.statusCode },
        responseTime: Date.now() - start,
      };
      if (failed) logger.error({ ...line, err: `failed with status code ${res.statusCode}` }, 'request errored');
      else logger.info(line, 'request completed');
    });
    next();
  };
}
