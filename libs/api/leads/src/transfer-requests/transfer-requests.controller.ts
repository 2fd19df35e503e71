import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { rolesThatCanRead } from '@advisordesk/shared';
import { idOf, sendPage } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { LeadsErrors } from '../leads.errors';
import { TransferDecisionDto, TransferRequestDto } from './transfer-requests.dto';
import { TransferRequestsService, type TransferRequestView } from './transfer-requests.service';

const leadId = idOf(LeadsErrors.notFound);
const requestId = idOf(LeadsErrors.transferNotFound);

@ApiTags('leads')
@ApiBearerAuth()
@Roles(...rolesThatCanRead('leads'))
@Controller()
export class TransferRequestsController {
  constructor(private readonly transfers: TransferRequestsService) {}

  /** Ask the lead's owner and the managers to hand it over: 201 with the new request, 200 with the open one when asked again. */
  @Post('leads/:id/transfer-requests')
  async request(
    @CurrentUser() user: AuthUser,
    @Param('id', leadId) id: string,
    @Body() body: TransferRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TransferRequestView> {
    const { request, created } = await this.transfers.request(user, id, body.note);
    response.status(created ? 201 : 200);
    return request;
  }

  @Get('transfer-requests')
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TransferRequestView[]> {
    return sendPage(response, await this.transfers.list(user, query));
  }

  /** The lead goes to the advisor who asked, with its open follow-ups. */
  @Post('transfer-requests/:id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthUser, @Param('id', requestId) id: string): Promise<TransferRequestView> {
    return this.transfers.resolve(user, id, 'approved');
  }

  @Post('transfer-requests/:id/decline')
  @HttpCode(200)
  decline(@CurrentUser() user: AuthUser, @Param('id', requestId) id: string, @Body() body: TransferDecisionDto): Promise<TransferRequestView> {
    return this.transfers.resolve(user, id, 'declined', body.note);
  }
}
