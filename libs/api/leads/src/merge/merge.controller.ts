import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { rolesThatCanRead, rolesThatCanWrite, type DuplicateView } from '@advisordesk/shared';
import { idOf } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import type { LeadView } from '../lead.view';
import { LeadsErrors } from '../leads.errors';
import { MergeLeadsDto } from './merge.dto';
import { MergeService } from './merge.service';

const leadId = idOf(LeadsErrors.notFound);

/** Likely duplicates of a lead, and merging two leads of one person. */
@ApiTags('leads')
@ApiBearerAuth()
@Controller('leads')
export class MergeController {
  constructor(private readonly merges: MergeService) {}

  /** Among the leads the user may see (an advisor: their own). */
  @Roles(...rolesThatCanRead('leads'))
  @Get(':id/duplicates')
  duplicates(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string): Promise<DuplicateView<Date>[]> {
    return this.merges.duplicates(user, id);
  }

  /** `:id` survives; `otherId` moves into it and then answers 404. */
  @Roles(...rolesThatCanWrite('leadMerge'))
  @Post(':id/merge')
  @HttpCode(200)
  merge(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Body() body: MergeLeadsDto): Promise<LeadView> {
    return this.merges.merge(user, id, body);
  }
}
