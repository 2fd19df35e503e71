import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  rolesThatCanRead,
  type DataRequestAccepted,
  type DataRequestVerification,
  type DataRequestVerified,
  type DataRequestView,
  type DataSummary,
} from '@advisordesk/shared';
import { idOf, Public, sendPage } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { PrivacyErrors } from '../privacy.errors';
import { CreateDataRequestDto, ResolveDataRequestDto, StaffVerifyDataRequestDto, VerifyDataRequestDto } from './data-requests.dto';
import { DataRequestsService } from './data-requests.service';
import { DataSummaryService } from './data-summary.service';

const requestId = idOf(PrivacyErrors.requestNotFound);

/** The person's side, from `/privacy`: ask, then prove the number is theirs. */
@ApiTags('public')
@Public()
@Controller('public/data-requests')
export class PublicDataRequestsController {
  constructor(private readonly requests: DataRequestsService) {}

  @Post()
  @HttpCode(202)
  create(@Body() body: CreateDataRequestDto, @Req() request: Request): Promise<DataRequestAccepted> {
    return this.requests.create(body, request.ip ?? 'unknown');
  }

  @Post(':reference/verify')
  @HttpCode(200)
  verify(@Param('reference') reference: string, @Body() body: VerifyDataRequestDto): Promise<DataRequestVerified> {
    return this.requests.verify(reference, body.code);
  }

  @Post(':reference/resend')
  @HttpCode(202)
  resend(@Param('reference') reference: string): Promise<{ verification: DataRequestVerification }> {
    return this.requests.resend(reference);
  }
}

/** The queue of rights requests, for admins and managers. */
@ApiTags('data-requests')
@ApiBearerAuth()
@Roles(...rolesThatCanRead('dataRequests'))
@Controller('data-requests')
export class DataRequestsController {
  constructor(
    private readonly requests: DataRequestsService,
    private readonly summaries: DataSummaryService,
  ) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response): Promise<DataRequestView<Date>[]> {
    return sendPage(response, await this.requests.list(query));
  }

  @Get(':id')
  get(@Param('id', requestId) id: string): Promise<DataRequestView<Date>> {
    return this.requests.get(id);
  }

  /** What is held about the person: the answer to an access request. */
  @Get(':id/summary')
  summary(@Param('id', requestId) id: string): Promise<DataSummary<Date>> {
    return this.summaries.forRequest(id);
  }

  @Post(':id/verify')
  @HttpCode(200)
  verify(@CurrentUser() user: AuthUser, @Param('id', requestId) id: string, @Body() body: StaffVerifyDataRequestDto): Promise<DataRequestView<Date>> {
    return this.requests.verifiedByStaff(user, id, body.note);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@CurrentUser() user: AuthUser, @Param('id', requestId) id: string, @Body() body: ResolveDataRequestDto): Promise<DataRequestView<Date>> {
    return this.requests.resolve(user, id, body);
  }
}
