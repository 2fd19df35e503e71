import { HttpStatus } from '@nestjs/common';

/**
 * A typed, user-facing error. Each area declares its codes once (see `*.errors.ts`) and throws
 * `new AppError(LeadsErrors.staleVersion)`; the filter turns it into the one error body.
 */
export interface ErrorCode {
  code: string;
  status: HttpStatus;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly error: ErrorCode,
    readonly fields?: { field: string; message: string }[],
    message?: string,
    /** More of the answer, beside the standard fields (e.g. who owns a lead whose phone is taken). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? error.message);
  }
}

export function defineErrors<T extends Record<string, Omit<ErrorCode, 'code'>>>(prefix: string, errors: T): { [K in keyof T]: ErrorCode } {
  const out = {} as { [K in keyof T]: ErrorCode };
  for (const key of Object.keys(errors) as (keyof T)[]) {
    out[key] = { code: `${prefix}.${String(key)}`, ...errors[key] };
  }
  return out;
}

/** Errors of no one area: the request itself, the database underneath, the server. */
export const CommonErrors = defineErrors('common', {
  notFound: { status: HttpStatus.NOT_FOUND, message: 'Not found' },
  validation: { status: HttpStatus.BAD_REQUEST, message: 'Some fields are not valid' },
  badRequest: { status: HttpStatus.BAD_REQUEST, message: 'A value is not in a valid format' },
  malformedJson: { status: HttpStatus.BAD_REQUEST, message: 'The request body is not valid JSON' },
  badReference: { status: HttpStatus.BAD_REQUEST, message: 'A referenced record does not exist' },
  conflict: { status: HttpStatus.CONFLICT, message: 'This conflicts with an existing record' },
  staleVersion: { status: HttpStatus.CONFLICT, message: 'Someone else changed this record: reload it and try again' },
  forbidden: { status: HttpStatus.FORBIDDEN, message: 'Your role may not do this' },
  payloadTooLarge: { status: HttpStatus.PAYLOAD_TOO_LARGE, message: 'The request body is too large' },
  unsupportedMediaType: { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, message: 'Send the body as UTF-8 JSON' },
  rateLimited: { status: HttpStatus.TOO_MANY_REQUESTS, message: 'Too many requests: try again in a minute' },
  unavailable: { status: HttpStatus.SERVICE_UNAVAILABLE, message: 'The service is not available right now: try again in a moment' },
  databaseUnavailable: { status: HttpStatus.SERVICE_UNAVAILABLE, message: 'The database cannot be reached right now: try again in a few seconds' },
  internal: { status: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Something went wrong on our side; it has been logged' },
});

/** A 400 naming one field, for checks that class-validator cannot express. */
export function fieldError(field: string, message: string): AppError {
  return new AppError(CommonErrors.validation, [{ field, message }], message);
}

/** An area's error that is about one field of the body (a taken name, an advisor who is not one): named in `fields`. */
export function errorOnField(error: ErrorCode, field: string, message = error.message): AppError {
  return new AppError(error, [{ field, message }], message);
}
