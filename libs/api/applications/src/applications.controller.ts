import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { rolesThatCanRead, rolesThatCanWrite, UPLOAD_FIELD } from '@advisordesk/shared';
import { fileBody, idOf, sendPage } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { LeadsErrors } from '@advisordesk/api-leads';
import { ApplicationErrors } from './applications.errors';
import { ApplicationsService } from './applications.service';
import { ChecklistsService } from './checklists/checklists.service';
import { DocumentsService } from './documents/documents.service';
import {
  AddDocumentDto,
  ApplicationStatusDto,
  ChecklistDto,
  CreateApplicationDto,
  PaymentDto,
  ProgramChecklistDto,
  ReviewDocumentDto,
  UpdateApplicationDto,
} from './dto/applications.dto';
import { PaymentsService } from './payments/payments.service';
import { UploadLinksService } from './upload-links/upload-links.service';

const applicationId = idOf(ApplicationErrors.notFound);
const documentId = idOf(ApplicationErrors.documentNotFound);
const paymentId = idOf(ApplicationErrors.paymentNotFound);
const programId = idOf(ApplicationErrors.programNotFound);

@ApiTags('applications')
@ApiBearerAuth()
@Roles(...rolesThatCanRead('applications'))
@Controller()
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly documents: DocumentsService,
    private readonly payments: PaymentsService,
    private readonly links: UploadLinksService,
  ) {}

  @Get('applications')
  async list(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    return sendPage(response, await this.applications.list(user, query));
  }

  @Post('leads/:id/applications')
  create(@CurrentUser() user: AuthUser, @Param('id', idOf(LeadsErrors.notFound)) leadId: string, @Body() body: CreateApplicationDto) {
    return this.applications.create(user, leadId, body);
  }

  @Get('applications/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', applicationId) id: string) {
    return this.applications.get(user, id);
  }

  @Patch('applications/:id')
  update(@CurrentUser() user: AuthUser, @Param('id', applicationId) id: string, @Body() body: UpdateApplicationDto) {
    return this.applications.update(user, id, body);
  }

  @Post('applications/:id/status')
  @HttpCode(200)
  status(@CurrentUser() user: AuthUser, @Param('id', applicationId) id: string, @Body() body: ApplicationStatusDto) {
    return this.applications.changeStatus(user, id, body);
  }

  @Get('applications/:id/documents')
  documentList(@CurrentUser() user: AuthUser, @Param('id', applicationId) id: string) {
    return this.documents.list(user, id);
  }

  @Post('applications/:id/documents')
  addDocument(@CurrentUser() user: AuthUser, @Param('id', applicationId) id: string, @Body() body: AddDocumentDto) {
    return this.documents.add(user, id, body);
  }

  /** Multipart, field `file`: a PDF, JPEG or PNG (by its bytes), at most 10 MB. */
  @Put('applications/:id/documents/:docId/file')
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody(UPLOAD_FIELD))
  upload(@CurrentUser() user: AuthUser, @Param('id', applicationId) id: string, @Param('docId', documentId) docId: string, @Req() request: Request) {
    return this.documents.upload(user, id, docId, request);
  }

  @Get('applications/:id/documents/:docId/file')
  download(
    @CurrentUser() user: AuthUser,
    @Param('id', applicationId) id: string,
    @Param('docId', documentId) docId: string,
    @Res() response: Response,
  ): Promise<void> {
    return this.documents.download(user, id, docId, response);
  }

  @Post('applications/:id/documents/:docId/review')
  @HttpCode(200)
  review(
    @CurrentUser() user: AuthUser,
    @Param('id', applicationId) id: string,
    @Param('docId', documentId) docId: string,
    @Body() body: ReviewDocumentDto,
  ) {
    return this.documents.review(user, id, docId, body);
  }

  @Post('applications/:id/upload-link')
  uploadLink(@CurrentUser() user: AuthUser, @Param('id', applicationId) id: string) {
    return this.links.create(user, id);
  }

  @Get('applications/:id/payments')
  paymentList(@CurrentUser() user: AuthUser, @Param('id', applicationId) id: string) {
    return this.payments.list(user, id);
  }

  @Post('applications/:id/payments')
  addPayment(@CurrentUser() user: AuthUser, @Param('id', applicationId) id: string, @Body() body: PaymentDto) {
    return this.payments.add(user, id, body);
  }

  @Delete('applications/:id/payments/:paymentId')
  @HttpCode(204)
  @Roles('admin', 'manager')
  removePayment(@CurrentUser() user: AuthUser, @Param('id', applicationId) id: string, @Param('paymentId', paymentId) payment: string) {
    return this.payments.remove(user, id, payment);
  }
}

/** The default checklist and each program's: read with the catalogue, kept by those who edit it. */
@ApiTags('applications')
@ApiBearerAuth()
@Roles(...rolesThatCanRead('catalogue'))
@Controller()
export class ChecklistsController {
  constructor(private readonly checklists: ChecklistsService) {}

  @Get('checklists/default')
  getDefault() {
    return this.checklists.getDefault();
  }

  @Put('checklists/default')
  @Roles(...rolesThatCanWrite('catalogue'))
  putDefault(@Body() body: ChecklistDto) {
    return this.checklists.putDefault(body.items);
  }

  @Get('programs/:id/checklist')
  getForProgram(@Param('id', programId) id: string) {
    return this.checklists.getForProgram(id);
  }

  @Put('programs/:id/checklist')
  @Roles(...rolesThatCanWrite('catalogue'))
  putForProgram(@CurrentUser() user: AuthUser, @Param('id', programId) id: string, @Body() body: ProgramChecklistDto) {
    return this.checklists.putForProgram(user, id, body.items);
  }
}
