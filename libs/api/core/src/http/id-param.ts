import { ParseUUIDPipe } from '@nestjs/common';
import { notFound } from '../errors/app-error';

/** `@Param('id', idOf('Lead'))`: an id that is not a UUID cannot exist, so it is a 404 like any unknown id. */
export function idOf(what: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => notFound(what) });
}
