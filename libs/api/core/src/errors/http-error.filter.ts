import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@advisordesk/shared';
import type { Request, Response } from 'express';
import { AppError } from './app-error';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const DEFAULT_CODES: Record<number, string> = {
  503: 'common.unavailable',
  400: 'common.badRequest',
  401: 'auth.unauthenticated',
  403: 'common.forbidden',
  404: 'common.notFound',
  409: 'common.conflict',
  413: 'common.payloadTooLarge',
  429: 'common.rateLimited',
};

/** Seconds a caller should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300']);
const UNREACHABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|the database system is (starting up|shutting down)/i;

/**
 * True when an error says the database cannot be reached (refused, reset, shut down, starting,
 * out of connections, timed out), as opposed to refusing a statement. Such a request may succeed
 * when retried: it answers 503 with `Retry-After`, never 500.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { code, name, message, driverError, cause } = current as { code?: unknown; name?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    // TypeORM drops a transaction's connection when it breaks; the commit then finds it released.
    if (name === 'QueryRunnerAlreadyReleasedError' || name === 'QueryRunnerProviderAlreadyReleasedError') return true;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message)) return true;
    current = driverError ?? cause;
  }
  return false;
}

/** Maps PostgreSQL errors that bad input can cause to 400/409, so they never surface as 500. */
function fromDatabaseError(error: unknown): Omit<ApiErrorBody, 'requestId' | 'error'> | null {
  const driverError = (error as { driverError?: { code?: string; detail?: string; constraint?: string } })?.driverError;
  const code = driverError?.code ?? (error as { code?: string })?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  switch (code) {
    case '23505':
      // PostgreSQL's detail quotes the other row's values: never echoed to the caller.
      return { statusCode: 409, code: 'common.conflict', message: 'This conflicts with an existing record' };
    case '23503':
      return { statusCode: 400, code: 'common.badReference', message: 'A referenced record does not exist' };
    case '23502':
      return { statusCode: 400, code: 'common.badRequest', message: 'A required value is missing' };
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return { statusCode: 400, code: 'common.badRequest', message: 'A value is not in a valid format' };
    case '22021':
    case '22P05':
      return { statusCode: 400, code: 'common.badRequest', message: 'A value contains a character that cannot be stored' };
    default:
      return null;
  }
}

export function toErrorBody(exception: unknown): Omit<ApiErrorBody, 'requestId'> {
  if (exception instanceof AppError) {
    const status = exception.error.status;
    return { ...exception.details, statusCode: status, error: STATUS_TEXT[status] ?? 'Error', code: exception.error.code, message: exception.message, ...(exception.fields ? { fields: exception.fields } : {}) };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
    return { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', code: DEFAULT_CODES[status] ?? `http.${status}`, message };
  }
  if (isDatabaseUnreachable(exception)) {
    return { statusCode: 503, error: STATUS_TEXT[503], code: 'common.databaseUnavailable', message: 'The database cannot be reached right now: try again in a few seconds' };
  }
  const fromDb = fromDatabaseError(exception);
  if (fromDb) return { ...fromDb, error: STATUS_TEXT[fromDb.statusCode] };
  return { statusCode: 500, error: STATUS_TEXT[500], code: 'common.internal', message: 'Something went wrong on our side; it has been logged' };
}

/** The one error shape of the API: `{statusCode, error, code, message, fields?, requestId}`. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request & { id?: string }>();
    const body = toErrorBody(exception);
    if (body.statusCode === 503) this.logger.warn(`${request?.method} ${request?.path}: ${body.message} (${exception instanceof Error ? exception.message : String(exception)})`);
    else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const retryAfter = (exception as { retryAfterSeconds?: number })?.retryAfterSeconds ?? (body.statusCode === 503 ? DATABASE_RETRY_AFTER_SECONDS : undefined);
    if ((body.statusCode === 429 || body.statusCode === 503) && retryAfter) response.setHeader('Retry-After', String(retryAfter));
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(body.statusCode).json({ ...body, requestId: request?.id } satisfies ApiErrorBody);
  }
}

export { HttpStatus };
