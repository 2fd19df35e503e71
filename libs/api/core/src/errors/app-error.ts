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

export const CommonErrors = defineErrors('common', {
  notFound: { status: HttpStatus.NOT_FOUND, message: 'Not found' },
  validation: { status: HttpStatus.BAD_REQUEST, message: 'Some fields are not valid' },
  conflict: { status: HttpStatus.CONFLICT, message: 'This conflicts with an existing record' },
  staleVersion: { status: HttpStatus.CONFLICT, message: 'Someone else changed this record: reload it and try again' },
  forbidden: { status: HttpStatus.FORBIDDEN, message: 'Your role may not do this' },
});

/** A 400 naming one field, for checks that class-validator cannot express. */
export function fieldError(field: string, message: string): AppError {
  return new AppError(CommonErrors.validation, [{ field, message }], message);
}

export function notFound(what = 'Record'): AppError {
  return new AppError(CommonErrors.notFound, undefined, `${what} not found`);
}
