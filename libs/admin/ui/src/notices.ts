import type { HttpError } from '@refinedev/core';

/**
 * Errors the form already shows beside its fields need no notice; anything else (a 409 "someone
 * else changed this record", a refused role, no network) does. Refine shows `description` as the
 * notice's title and `message` under it.
 */
export const fieldErrorsOnly = (title: string) => (error?: HttpError) =>
  error?.errors && Object.keys(error.errors).length
    ? false
    : { type: 'error' as const, description: title, message: error?.message ?? 'Please try again.' };

export const savedNotice = (title: string, message: string) => () => ({ type: 'success' as const, description: title, message });
