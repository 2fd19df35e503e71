import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { rolesThatCanWrite, type RetentionStatus } from '@advisordesk/shared';
import { Roles } from '@advisordesk/api-auth';
import { RetentionSettingsDto } from './retention.dto';
import { RetentionService } from './retention.service';

@ApiTags('settings')
@ApiBearerAuth()
@Roles(...rolesThatCanWrite('settings'))
@Controller('settings/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  get(): Promise<RetentionStatus<Date>> {
    return this.retention.status();
  }

  @Put()
  update(@Body() body: RetentionSettingsDto): Promise<RetentionStatus<Date>> {
    return this.retention.update(body);
  }
}
