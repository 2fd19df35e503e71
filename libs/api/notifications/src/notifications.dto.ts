import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsObject, Matches, ValidateNested } from 'class-validator';
import { Optional } from '@advisordesk/api-core';
import { type MarkReadBody, type NotificationKind, type NotificationSettings } from '@advisordesk/shared';

export class MarkReadDto implements MarkReadBody {
  @ApiPropertyOptional({ type: [String], description: 'none: all' })
  @Optional()
  @IsArray({ message: 'ids must be a list of notification ids' })
  @ArrayMaxSize(500)
  @Matches(/^\d{1,18}$/, { each: true, message: 'ids must be notification ids' })
  ids?: string[];
}

/** One switch per kind, every kind named (a kind added to the contract does not compile here until it has one). */
class KindSwitchesDto implements Record<NotificationKind, boolean> {
  @ApiProperty() @IsBoolean({ message: 'lead.assigned must be true or false' }) 'lead.assigned': boolean;
  @ApiProperty() @IsBoolean({ message: 'followup.due must be true or false' }) 'followup.due': boolean;
  @ApiProperty() @IsBoolean({ message: 'followup.overdue must be true or false' }) 'followup.overdue': boolean;
  @ApiProperty() @IsBoolean({ message: 'whatsapp.reply must be true or false' }) 'whatsapp.reply': boolean;
  @ApiProperty() @IsBoolean({ message: 'application.deadline must be true or false' }) 'application.deadline': boolean;
  @ApiProperty() @IsBoolean({ message: 'document.uploaded must be true or false' }) 'document.uploaded': boolean;
  @ApiProperty() @IsBoolean({ message: 'lead.uncontacted must be true or false' }) 'lead.uncontacted': boolean;
  @ApiProperty() @IsBoolean({ message: 'privacy.request must be true or false' }) 'privacy.request': boolean;
}

export class NotificationSettingsDto implements NotificationSettings {
  @ApiProperty({ type: KindSwitchesDto }) @IsObject() @ValidateNested() @Type(() => KindSwitchesDto) bell: KindSwitchesDto;
  @ApiProperty({ type: KindSwitchesDto }) @IsObject() @ValidateNested() @Type(() => KindSwitchesDto) email: KindSwitchesDto;
  @ApiProperty() @IsBoolean({ message: 'digest must be true or false' }) digest: boolean;
}
