import { applyDecorators } from '@nestjs/common';
import { IsOptional, ValidateBy, ValidateIf } from 'class-validator';

/**
 * Every field of a body says whether it may be left out and whether it may be `null`, so a `null`
 * never reaches a NOT NULL column as a 500. Use these instead of class-validator's `IsOptional`,
 * which lets both through.
 */

/** The rule `Optional()` adds; a refused null is reported under it alone (see `flattenValidationErrors`). */
export const NOT_NULL_RULE = 'notNull';

/** May be left out; when given it must not be `null` (a lead keeps its name and phone). */
export function Optional(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_, value) => value !== undefined),
    ValidateBy({
      name: NOT_NULL_RULE,
      validator: {
        validate: (value) => value !== null,
        defaultMessage: (args) => `${args?.property} must not be null`,
      },
    }),
  );
}

/** May be left out or `null` (`null` clears the value). */
export function Nullable(): PropertyDecorator {
  return IsOptional();
}
