import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { IsVersion, Optional } from '@advisordesk/api-core';
import { type MergeField, type MergeLeadsBody, type MergeSide } from '@advisordesk/shared';

const SIDES: MergeSide[] = ['this', 'other'];

/** One field's choice: `this` (the survivor's value) or `other`. */
function Side(): PropertyDecorator {
  return (target, property) => {
    ApiPropertyOptional({ enum: SIDES })(target, property);
    Optional()(target, property);
    IsIn(SIDES, { message: `keep.${String(property)} must be "this" or "other"` })(target, property);
  };
}

/** Every mergeable field named (a field added to MERGE_FIELDS does not compile here until it has one); any other key is refused. */
class MergeKeepDto implements Partial<Record<MergeField, MergeSide>> {
  @Side() fullName?: MergeSide;
  @Side() email?: MergeSide;
  @Side() city?: MergeSide;
  @Side() state?: MergeSide;
  @Side() courseInterest?: MergeSide;
  @Side() level?: MergeSide;
  @Side() mode?: MergeSide;
  @Side() budgetPaise?: MergeSide;
  @Side() qualification?: MergeSide;
  @Side() experienceYears?: MergeSide;
  @Side() status?: MergeSide;
  @Side() advisorId?: MergeSide;
  @Side() source?: MergeSide;
  @Side() utmSource?: MergeSide;
  @Side() utmMedium?: MergeSide;
  @Side() utmCampaign?: MergeSide;
  @Side() utmTerm?: MergeSide;
  @Side() utmContent?: MergeSide;
  @Side() landingUrl?: MergeSide;
}

export class MergeLeadsDto implements MergeLeadsBody {
  @ApiProperty({ description: 'the lead merged into this one (it is deleted)' })
  @IsUUID('all', { message: 'otherId must be a lead id' })
  otherId: string;

  @IsVersion()
  version: number;

  @ApiProperty({ description: 'the version of the other lead you last read; a stale one answers 409' })
  @IsVersion()
  otherVersion: number;

  @ApiPropertyOptional({ type: MergeKeepDto, description: 'per field, whose value the survivor keeps' })
  @Optional()
  @IsObject({ message: 'keep must be an object of field: "this" | "other"' })
  @ValidateNested()
  @Type(() => MergeKeepDto)
  keep?: MergeKeepDto;
}
