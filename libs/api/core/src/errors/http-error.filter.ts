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
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const DEFAULT_CODES: Record<number, string> = {
  400: 'common.badRequest',
  401: 'auth.unauthenticated',
  403: 'common.forbidden',
  404: 'common.notFound',
  409: 'common.conflict',
  413: 'common.payloadTooLarge',
  429: 'common.rateLimited',
};

/** Maps PostgreSQL errors that bad input can cause to 400/409, so they never surface as 500. */
function fromDatabaseError(error: unknown): Omit<ApiErrorBody, 'requestId' | 'error'> | null {
  const driverError = (error as { driverError?: { code?: string; detail?: string; constraint?: string } })?.driverError;
  const code = driverError?.code ?? (error as { code?: string })?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  switch (code) {
    case '23505':
      return { statusCode: 409, code: 'common.conflict', message: 'This conflicts with an existing record' + (driverError?.detail ? `: ${driverError.detail}` : '') };
    case '23503':
      return { statusCode: 400, code: 'common.badReference', message: 'A referenced record does not exist' + (driverError?.detail ? `: ${driverError.detail}` : '') };
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
    return { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', code: exception.error.code, message: exception.message, ...(exception.fields ? { fields: exception.fields } : {}) };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
    return { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', code: DEFAULT_CODES[status] ?? `http.${status}`, message };
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
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const retryAfter = (exception as { retryAfterSeconds?: number })?.retryAfterSeconds;
    if (body.statusCode === 429 && retryAfter) response.setHeader('Retry-After', String(retryAfter));
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(body.statusCode).json({ ...body, requestId: request?.id } satisfies ApiErrorBody);
  }
}

export { HttpStatus };
