import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';

let destination: DestinationStream | undefined;

/** Sends the lines of loggers created from now on to `stream` (a test reading them), or, given nothing, to standard output. */
export function sendLogsTo(stream: DestinationStream | undefined): void {
  destination = stream;
}

/** The process's one JSON logger: request lines and Nest's own logs. */
export function createLogger(level: string): Logger {
  return pino({ level }, destination);
}

const requestContext = new AsyncLocalStorage<{ reqId: string }>();

/** The id of the request being handled, if any (pino-http gives it; clients see it as `x-request-id`). */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.reqId;
}

/**
 * Express middleware: whatever runs for this request from here on (guards, handlers, the error
 * filter) logs its id. Mounted after the body parsers, so that no stream callback of theirs can lose it.
 */
export function runInRequestContext(req: Request & { id?: unknown }, _res: Response, next: NextFunction): void {
  if (req.id === undefined) return next();
  requestContext.run({ reqId: String(req.id) }, next);
}

/** Nest's start-up chatter (modules loaded, routes mapped) is debug, not info. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);
const isStack = (value: unknown): value is string => typeof value === 'string' && /^.*\n\s+at .+/.test(value);

/**
 * Nest's logs, and those of every `new Logger(context)`, as lines of the same pino logger, with the
 * request id when there is one. Nest passes `(message, ...params)`, the context last, a stack maybe before it.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const last = params.at(-1);
    const context = typeof last === 'string' && !isStack(last) ? last : undefined;
    const stack = params.find(isStack) ?? (isStack(message) ? message : undefined);
    const fields = { context, reqId: currentRequestId(), stack };
    if (level === 'info' && context && FRAMEWORK_CONTEXTS.has(context)) level = 'debug';
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'string') this.logger[level](fields, message === stack ? message.split('\n')[0] : message);
    else this.logger[level]({ ...fields, details: message });
  }
}
