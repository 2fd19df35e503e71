import type { LoggerService } from '@nestjs/common';
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

/** Nest's start-up chatter (modules loaded, routes mapped) is debug, not info. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);
const isStack = (value: unknown): value is string => typeof value === 'string' && /^.*\n\s+at .+/.test(value);

const isLogRecord = (value: unknown): value is { msg?: unknown } & Record<string, unknown> =>
  typeof value === 'object' && value !== null && 'msg' in value;

/**
 * Nest's logs, and those of every `new Logger(context)`, as lines of the same pino logger. Nest
 * passes `(message, ...params)`, the context last, a stack maybe before it; a `{msg, …}` object
 * gives the line its own fields (the request id, where there is one). No per-request async context:
 * AsyncLocalStorage cost the intake 15 % of its throughput.
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
    const fields = { context, stack };
    if (level === 'info' && context && FRAMEWORK_CONTEXTS.has(context)) level = 'debug';
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'string') this.logger[level](fields, message === stack ? message.split('\n')[0] : message);
    else if (isLogRecord(message)) {
      // `{msg, reqId, …}`: fields of the line itself (the error filter names the request this way).
      const { msg, ...rest } = message;
      this.logger[level]({ ...fields, ...rest }, typeof msg === 'string' ? msg : undefined);
    } else this.logger[level]({ ...fields, details: message });
  }
}
