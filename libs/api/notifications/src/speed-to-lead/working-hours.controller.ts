import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, Matches, Max, Min } from 'class-validator';
import { WORKING_TIME_PATTERN, type WorkingHours } from '@advisordesk/shared';
import { Roles } from '@advisordesk/api-auth';
import { WorkingHoursService } from './working-hours.service';

export class WorkingHoursDto implements WorkingHours {
  @ApiProperty({ example: [1, 2, 3, 4, 5, 6], description: 'ISO weekdays: 1 = Monday … 7 = Sunday' })
  @IsArray({ message: 'days must be a list of weekdays (1 = Monday … 7 = Sunday)' })
  @ArrayMinSize(1, { message: 'days must have at least one working day' })
  @ArrayMaxSize(7)
  @IsInt({ each: true, message: 'days must be weekdays 1 to 7' })
  @Min(1, { each: true, message: 'days must be weekdays 1 to 7' })
  @Max(7, { each: true, message: 'days must be weekdays 1 to 7' })
  days: number[];
  @ApiProperty({ example: '09:00' }) @Matches(WORKING_TIME_PATTERN, { message: 'start must be a time like 09:00' }) start: string;
  @ApiProperty({ example: '20:00' }) @Matches(WORKING_TIME_PATTERN, { message: 'end must be a time like 20:00' }) end: string;
}

/** Working hours for speed to lead: admins change them, managers read them. */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings/working-hours')
export class WorkingHoursController {
  constructor(private readonly hours: WorkingHoursService) {}

  @Get()
  @Roles('admin', 'manager')
  get() {
    return this.hours.get();
  }

  @Put()
  @Roles('admin')
  put(@Body() body: WorkingHoursDto) {
    return this.hours.put(body);
  }
}
