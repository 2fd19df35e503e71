import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { AppError, CommonErrors } from './app-error';

/** Flattens class-validator's tree into `{field: 'utm.campaign', message}` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      if (rule === 'whitelistValidation') out.push({ field, message: `${field} is not a known field` });
      else out.push({ field, message: message.replace(error.property, field) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** Fields whose text holds a NUL character, which PostgreSQL cannot store in text. */
export function fieldsWithNul(value: unknown, path = ''): { field: string; message: string }[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ field: path || 'value', message: `${path || 'value'} contains a NUL character` }] : [];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => fieldsWithNul(item, path ? `${path}.${key}` : key));
}

/** Class-validator's pipe, after refusing text that cannot be stored. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    const fields = metadata.type === 'custom' ? [] : fieldsWithNul(value, metadata.data ?? '');
    if (fields.length) throw new AppError(CommonErrors.validation, fields, fields.map((f) => f.message).join('; '));
    return super.transform(value, metadata);
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
