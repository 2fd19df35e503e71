import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN, type RetentionSettings } from '@advisordesk/shared';

const months = (field: string) => `${field} must be a whole number of months from ${RETENTION_MONTHS_MIN} to ${RETENTION_MONTHS_MAX}`;

export class RetentionSettingsDto implements RetentionSettings {
  @ApiProperty({ example: 36, description: 'months with no inquiry, message or activity before a lead that did not enrol is erased' })
  @IsInt({ message: months('inactiveMonths') })
  @Min(RETENTION_MONTHS_MIN, { message: months('inactiveMonths') })
  @Max(RETENTION_MONTHS_MAX, { message: months('inactiveMonths') })
  inactiveMonths: number;

  @ApiProperty({ example: 84, description: "months with no activity before an enrolled student's record is erased" })
  @IsInt({ message: months('enrolledMonths') })
  @Min(RETENTION_MONTHS_MIN, { message: months('enrolledMonths') })
  @Max(RETENTION_MONTHS_MAX, { message: months('enrolledMonths') })
  enrolledMonths: number;

  @ApiProperty({ description: 'the daily job warns and erases only when on' })
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled: boolean;

  @ApiProperty({ example: 30, description: 'days to answer a rights request' })
  @IsInt({ message: 'requestDueDays must be a whole number of days from 1 to 90' })
  @Min(1, { message: 'requestDueDays must be a whole number of days from 1 to 90' })
  @Max(90, { message: 'requestDueDays must be a whole number of days from 1 to 90' })
  requestDueDays: number;
}
