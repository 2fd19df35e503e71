import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Optional } from '@advisordesk/api-core';
import {
  SAVED_VIEW_NAME_MAX_LENGTH,
  SAVED_VIEW_QUERY_MAX_LENGTH,
  SAVED_VIEW_RESOURCES,
  type CreateSavedViewBody,
  type SavedViewResource,
} from '@advisordesk/shared';

export class CreateSavedViewDto implements CreateSavedViewBody {
  @ApiProperty({ maxLength: SAVED_VIEW_NAME_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(SAVED_VIEW_NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({ enum: SAVED_VIEW_RESOURCES })
  @IsIn(SAVED_VIEW_RESOURCES)
  resource: SavedViewResource;

  @ApiProperty({ description: 'The list query string: status=new&_sort=createdAt&_order=desc&columns=fullName,status' })
  @IsString()
  @MaxLength(SAVED_VIEW_QUERY_MAX_LENGTH)
  query: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  shared?: boolean;
}

export class SavedViewListQueryDto {
  @ApiProperty({ enum: SAVED_VIEW_RESOURCES })
  @IsIn(SAVED_VIEW_RESOURCES)
  resource: SavedViewResource;
}
