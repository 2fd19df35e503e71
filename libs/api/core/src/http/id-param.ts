import { ParseUUIDPipe } from '@nestjs/common';
import { AppError, type ErrorCode } from '../errors/app-error';

/** `@Param('id', idOf(LeadsErrors.notFound))`: an id that is not a UUID cannot exist, so it is the same 404 as any unknown id. */
export function idOf(notFound: ErrorCode): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => new AppError(notFound) });
}
