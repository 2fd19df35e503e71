import { registerDecorator, type ValidationOptions } from 'class-validator';
import { normalisePhone, PHONE_MESSAGES } from '@advisordesk/shared';

/** A mobile number in any usual Indian or international form (normalised to E.164 by the service). */
export function IsMobilePhone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isMobilePhone',
      target: object.constructor,
      propertyName,
      options: { message: PHONE_MESSAGES.invalid.replace('phone', propertyName), ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && normalisePhone(value).ok },
    });
}
