import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

/** `version`: the version the client last read, sent back with an edit; a stale one answers 409 and changes nothing. */
export function IsVersion(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description: 'the version you last read; a stale one answers 409' }),
    IsInt({ message: 'version must be a whole number (the version you last read)' }),
    Min(1),
  );
}
