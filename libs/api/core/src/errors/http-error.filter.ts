import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@advisordesk/shared';
import type { Request, Response } from 'express';
import { AppError, CommonErrors } from './app-error';
import { isBadValue, isDatabaseUnreachable, isForeignKeyViolation, isNotNullViolation, isUniqueViolation, isUnstorableText } from './database-errors';

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

/** The codes of the framework's own exceptions (an unknown route, Nest's pipes), by status. */
const DEFAULT_CODES: Record<number, string> = {
  400: CommonErrors.badRequest.code,
  401: 'auth.unauthenticated',
  403: CommonErrors.forbidden.code,
  404: CommonErrors.notFound.code,
  409: CommonErrors.conflict.code,
  413: CommonErrors.payloadTooLarge.code,
  429: CommonErrors.rateLimited.code,
  503: CommonErrors.unavailable.code,
};

/** Seconds a caller should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Errors of PostgreSQL that bad input can cause, as 400/409, so they never surface as 500. */
function fromDatabaseError(error: unknown): AppError | null {
  // PostgreSQL's detail quotes the other row's values: never echoed to the caller.
  if (isUniqueViolation(error)) return new AppError(CommonErrors.conflict);
  if (isForeignKeyViolation(error)) return new AppError(CommonErrors.badReference);
  if (isNotNullViolation(error)) return new AppError(CommonErrors.badRequest, undefined, 'A required value is missing');
  if (isBadValue(error)) return new AppError(CommonErrors.badRequest);
  if (isUnstorableText(error)) return new AppError(CommonErrors.badRequest, undefined, 'A value contains a character that cannot be stored');
  return null;
}

export function toErrorBody(exception: unknown): Omit<ApiErrorBody, 'requestId'> {
  if (exception instanceof AppError) {
    const status = exception.error.status;
    return {
      ...exception.details,
      statusCode: status,
      error: STATUS_TEXT[status] ?? 'Error',
      code: exception.error.code,
      message: exception.message,
      ...(exception.fields ? { fields: exception.fields } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
    return { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', code: DEFAULT_CODES[status] ?? `http.${status}`, message };
  }
  if (isDatabaseUnreachable(exception)) return toErrorBody(new AppError(CommonErrors.databaseUnavailable));
  return toErrorBody(fromDatabaseError(exception) ?? new AppError(CommonErrors.internal));
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
    const reqId = request?.id;
    if (body.statusCode === 503)
      this.logger.warn({
        reqId,
        msg: `${request?.method} ${request?.path}: ${body.message} (${exception instanceof Error ? exception.message : String(exception)})`,
      });
    else if (body.statusCode >= 500)
      this.logger.error({ reqId, msg: String(exception), stack: exception instanceof Error ? exception.stack : undefined });
    const retryAfter =
      (exception as { retryAfterSeconds?: number })?.retryAfterSeconds ?? (body.statusCode === 503 ? DATABASE_RETRY_AFTER_SECONDS : undefined);
    if ((body.statusCode === 429 || body.statusCode === 503) && retryAfter) response.setHeader('Retry-After', String(retryAfter));
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(body.statusCode).json({ ...body, requestId: request?.id } satisfies ApiErrorBody);
  }
}

export { HttpStatus };
