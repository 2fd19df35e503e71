import { HttpException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { AppError, CommonErrors } from './app-error';
import { NOT_NULL_RULE } from './presence';

/** Flattens class-validator's tree into `{field: 'utm.campaign', message}` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // A null where a value is required is one problem, not one per rule the null then also breaks.
    const refusesNull = error.value === null && Object.keys(error.constraints ?? {}).length > 0;
    const constraints = refusesNull ? { [NOT_NULL_RULE]: `${error.property} must not be null` } : (error.constraints ?? {});
    for (const [rule, message] of Object.entries(constraints)) {
      if (rule === 'whitelistValidation') out.push({ field, message: `${field} is not a known field` });
      else out.push({ field, message: message.replace(error.property, field) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

type FieldProblem = { field: string; message: string };

/** Deeper than any body or query we take; deeper input is refused before anything walks it. */
const MAX_DEPTH = 16;

/** A key no body or query has: a built-in object property (`constructor`, `__proto__`, `toString`…). */
export function isBuiltInKey(key: string): boolean {
  return key in Object.prototype || key === 'prototype';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string, field: string): string | null {
  if (text.includes('\u0000')) return `${field} contains a NUL character`;
  // A lone UTF-16 surrogate cannot be encoded as UTF-8 (PostgreSQL, validators and JSON all choke on it).
  if (LONE_SURROGATE.test(text)) return `${field} contains an unpaired UTF-16 surrogate (not valid Unicode text)`;
  return null;
}

/**
 * Input that no validator should be handed: text PostgreSQL cannot store (NUL, unpaired surrogates),
 * keys that are built-in object properties, and nesting deeper than any body we take. Each problem
 * names its field.
 */
export function unusableInput(value: unknown, path = '', depth = 0): FieldProblem[] {
  const field = path || 'value';
  if (typeof value === 'string') {
    const problem = textProblem(value, field);
    return problem ? [{ field, message: problem }] : [];
  }
  if (!value || typeof value !== 'object') return [];
  if (depth >= MAX_DEPTH) return [{ field, message: `${field} is nested too deeply` }];
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(value)) {
    const child = path ? `${path}.${key}` : key;
    const keyProblem = textProblem(key, `the name of ${child}`);
    if (keyProblem) problems.push({ field: path || 'value', message: keyProblem });
    else if (isBuiltInKey(key)) problems.push({ field: child, message: `${child} is not a known field` });
    else problems.push(...unusableInput((value as Record<string, unknown>)[key], child, depth + 1));
    if (problems.length >= 20) break;
  }
  return problems;
}

/** Class-validator's pipe, after refusing input no validator should see; a validator that throws is a 400 too. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const problems = unusableInput(value, metadata.data ?? '');
    if (problems.length) throw new AppError(CommonErrors.validation, problems, problems.map((f) => f.message).join('; '));
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof AppError || error instanceof HttpException) throw error;
      throw new AppError(
        CommonErrors.validation,
        undefined,
        `The ${metadata.type === 'body' ? 'request body' : metadata.type} could not be validated: ${error instanceof Error ? error.message : 'an unreadable value'}`,
      );
    }
  }
}

/** Refuses unknown fields and answers one 400 that names every wrong field. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      return new AppError(CommonErrors.validation, fields, fields.map((f) => f.message).join('; '));
    },
  });
}
