import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Optional, Nullable } from '@advisordesk/api-core';
import {
  COMPARISON_MAX_PROGRAMS,
  COMPARISON_MIN_PROGRAMS,
  SHORTLIST_NOTE_MAX_LENGTH,
  type AddShortlistItemBody,
  type CreateComparisonBody,
  type ReorderShortlistBody,
  type UpdateShortlistItemBody,
} from '@advisordesk/shared';

export class AddShortlistItemDto implements AddShortlistItemBody {
  @ApiProperty() @IsUUID('all', { message: 'programId must be a program id' }) programId: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(SHORTLIST_NOTE_MAX_LENGTH) note?: string;
}

export class UpdateShortlistItemDto implements UpdateShortlistItemBody {
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsString() @MaxLength(SHORTLIST_NOTE_MAX_LENGTH) note?: string | null;
  @ApiPropertyOptional({ description: '1 is the top' })
  @Optional()
  @IsInt({ message: 'rank must be a whole number' })
  @Min(1, { message: 'rank must be at least 1' })
  rank?: number;
}

export class ReorderShortlistDto implements ReorderShortlistBody {
  @ApiProperty({ type: [String], description: 'every item id of the shortlist, in the new order' })
  @IsArray({ message: 'itemIds must be a list' })
  @ArrayUnique({ message: 'itemIds must not repeat' })
  @IsUUID('all', { each: true, message: 'itemIds must be shortlist item ids' })
  itemIds: string[];
}

export class CreateComparisonDto implements CreateComparisonBody {
  @ApiProperty({ type: [String], minItems: COMPARISON_MIN_PROGRAMS, maxItems: COMPARISON_MAX_PROGRAMS })
  @IsArray({ message: 'programIds must be a list' })
  @ArrayMinSize(COMPARISON_MIN_PROGRAMS, { message: `programIds must have ${COMPARISON_MIN_PROGRAMS} to ${COMPARISON_MAX_PROGRAMS} programs` })
  @ArrayMaxSize(COMPARISON_MAX_PROGRAMS, { message: `programIds must have ${COMPARISON_MIN_PROGRAMS} to ${COMPARISON_MAX_PROGRAMS} programs` })
  @ArrayUnique({ message: 'programIds must not repeat' })
  @IsUUID('all', { each: true, message: 'programIds must be program ids' })
  programIds: string[];
}
