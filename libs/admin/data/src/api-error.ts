import type { AxiosError } from 'axios';
import type { HttpError, ValidationErrors } from '@refinedev/core';
import type { ApiErrorBody } from '@advisordesk/shared';

/** Refine's `HttpError` (whose `Record<string, any>` any class satisfies), carrying what the API said: `{message, statusCode, errors: {field: [messages]}}`. */
export class ApiRequestError extends Error implements HttpError {
  readonly statusCode: number;
  readonly errors?: ValidationErrors;
  readonly code?: string;
  readonly requestId?: string;
  /** From `Retry-After` on a 429. */
  readonly retryAfterSeconds?: number;
  /** What some errors say beyond the message: whose lead a taken phone is (`leads.phoneTaken`), how much work a user still has (`leads.openWork`). */
  readonly details?: ApiErrorDetails;

  constructor(init: {
    message: string;
    statusCode: number;
    errors?: ValidationErrors;
    code?: string;
    requestId?: string;
    retryAfterSeconds?: number;
    details?: ApiErrorDetails;
  }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.statusCode = init.statusCode;
    if (init.errors) this.errors = init.errors;
    this.code = init.code;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    if (init.details) this.details = init.details;
  }
}

export type ApiErrorDetails = Pick<ApiErrorBody, 'owner' | 'leadId' | 'transferLeadId' | 'openLeads' | 'openTasks'>;

export const NETWORK_ERROR_MESSAGE = 'Cannot reach AdvisorDesk: check your internet connection and try again';

/** Maps an axios failure (or anything thrown) to an `ApiRequestError`. */
export function toHttpError(error: unknown): ApiRequestError {
  if (error instanceof ApiRequestError) return error;
  const response = (error as AxiosError<Partial<ApiErrorBody> | string> | undefined)?.response;
  if (!response) return new ApiRequestError({ message: NETWORK_ERROR_MESSAGE, statusCode: 0, code: 'network' });
  const body: Partial<ApiErrorBody> = response.data && typeof response.data === 'object' ? response.data : {};
  let errors: ValidationErrors | undefined;
  for (const { field, message } of body.fields ?? []) {
    errors ??= {};
    const list = (errors[field] as string[] | undefined) ?? [];
    list.push(message);
    errors[field] = list;
  }
  const retryAfter = Number(response.headers?.['retry-after']);
  const details: ApiErrorDetails = {};
  if (body.owner !== undefined) details.owner = body.owner;
  if (typeof body.leadId === 'string') details.leadId = body.leadId;
  if (typeof body.transferLeadId === 'string') details.transferLeadId = body.transferLeadId;
  if (typeof body.openLeads === 'number') details.openLeads = body.openLeads;
  if (typeof body.openTasks === 'number') details.openTasks = body.openTasks;
  return new ApiRequestError({
    message: body.message ?? `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    statusCode: response.status,
    errors,
    code: body.code,
    requestId: body.requestId,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    details: Object.keys(details).length ? details : undefined,
  });
}
