import { Body, Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { isBulkOperationQueued, rolesThatCanWrite, type BulkOperationQueued, type BulkOperationView, type BulkResult } from '@advisordesk/shared';
import { idOf } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { LeadsErrors } from '../leads.errors';
import { BulkActionDto } from './bulk-actions.dto';
import { BulkActionsService } from './bulk-actions.service';

@ApiTags('leads')
@ApiBearerAuth()
@Roles(...rolesThatCanWrite('bulkActions'))
@Controller('leads/bulk')
export class BulkActionsController {
  constructor(private readonly bulk: BulkActionsService) {}

  /** `200 {updated, skipped}` when done in the request; `202 {operationId, total}` when it runs in the background. */
  @Post()
  async submit(
    @CurrentUser() user: AuthUser,
    @Body() body: BulkActionDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BulkResult | BulkOperationQueued> {
    const answer = await this.bulk.submit(user, body);
    response.status(isBulkOperationQueued(answer) ? HttpStatus.ACCEPTED : HttpStatus.OK);
    return answer;
  }

  @Get(':operationId')
  operation(@CurrentUser() user: AuthUser, @Param('operationId', idOf(LeadsErrors.bulkOperationNotFound)) id: string): Promise<BulkOperationView> {
    return this.bulk.operation(user, id);
  }
}
