import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { rolesThatCanWrite, type GuardianCodeSent } from '@advisordesk/shared';
import { idOf } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { LeadsErrors, type LeadDetailView } from '@advisordesk/api-leads';
import { GuardianVerifyDto } from './guardian.dto';
import { GuardianService } from './guardian.service';

const leadId = idOf(LeadsErrors.notFound);

@ApiTags('leads')
@ApiBearerAuth()
@Roles(...rolesThatCanWrite('guardianVerification'))
@Controller('leads/:id/guardian')
export class GuardianController {
  constructor(private readonly guardian: GuardianService) {}

  @Post('code')
  @HttpCode(202)
  sendCode(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string): Promise<GuardianCodeSent<Date>> {
    return this.guardian.sendCode(user, id);
  }

  @Post('verify')
  @HttpCode(200)
  verify(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Body() body: GuardianVerifyDto): Promise<LeadDetailView> {
    return this.guardian.verify(user, id, body);
  }
}
