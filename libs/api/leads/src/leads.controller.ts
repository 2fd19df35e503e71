import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { rolesThatCanRead, rolesThatCanWrite } from '@advisordesk/shared';
import { idOf, sendPage } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { AssignmentService } from './assignment.service';
import { ConsentService } from './consent.service';
import { AssignDto, AssignmentSettingsDto, CallDto, ChangeStatusDto, NoteDto, RecordConsentDto, WhatsappLogDto } from './dto/lead-actions.dto';
import { CreateLeadDto, UpdateLeadDto } from './dto/update-lead.dto';
import type { LeadDetailView, LeadView } from './lead.view';
import { LeadsErrors } from './leads.errors';
import { LeadsService } from './leads.service';
import { PipelineService } from './pipeline.service';
import { TimelineService } from './timeline.service';

const leadId = idOf(LeadsErrors.notFound);

@ApiTags('leads')
@ApiBearerAuth()
@Roles(...rolesThatCanRead('leads'))
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly pipeline: PipelineService,
    private readonly assignment: AssignmentService,
    private readonly timeline: TimelineService,
    private readonly consent: ConsentService,
  ) {}

  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LeadView[]> {
    return sendPage(response, await this.leads.list(user, query));
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateLeadDto): Promise<LeadView> {
    return this.leads.create(user, body);
  }

  @Get(':id')
  async get(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string): Promise<LeadDetailView> {
    return this.consent.detail(await this.leads.get(user, id));
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Body() body: UpdateLeadDto): Promise<LeadView> {
    return this.leads.update(user, id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  changeStatus(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Body() body: ChangeStatusDto): Promise<LeadView> {
    return this.pipeline.changeStatus(user, id, body);
  }

  @Roles(...rolesThatCanWrite('leadAssignment'))
  @Post(':id/assign')
  @HttpCode(200)
  async assign(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Body() body: AssignDto): Promise<LeadView> {
    await this.leads.assertVisible(user, id);
    await this.assignment.assign(user, id, body.advisorId);
    return this.leads.get(user, id);
  }

  @Post(':id/notes')
  addNote(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Body() body: NoteDto) {
    return this.timeline.addNote(user, id, body.text);
  }

  @Post(':id/calls')
  logCall(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Body() body: CallDto) {
    return this.timeline.logCall(user, id, body);
  }

  @Post(':id/whatsapp')
  logWhatsapp(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Body() body: WhatsappLogDto) {
    return this.timeline.logWhatsapp(user, id, body.text);
  }

  /** Consent given to staff in person, by phone or by email (same access as editing the lead). */
  @Post(':id/consent')
  @HttpCode(200)
  recordConsent(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Body() body: RecordConsentDto): Promise<LeadDetailView> {
    return this.consent.record(user, id, body);
  }

  @Get(':id/timeline')
  getTimeline(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string) {
    return this.timeline.timeline(user, id);
  }

  @Get(':id/inquiries')
  getInquiries(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string) {
    return this.timeline.inquiries(user, id);
  }

  /** Erase personal data on the person's request (DPDP); anonymous counts remain. */
  @Roles(...rolesThatCanWrite('leadAssignment'))
  @Post(':id/erase')
  @HttpCode(200)
  erase(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string): Promise<LeadView> {
    return this.consent.erase(user, id);
  }
}

@ApiTags('settings')
@ApiBearerAuth()
@Roles(...rolesThatCanWrite('leadAssignment'))
@Controller('settings/assignment')
export class AssignmentSettingsController {
  constructor(private readonly assignment: AssignmentService) {}

  @Get()
  get() {
    return this.assignment.settings();
  }

  @Patch()
  update(@Body() body: AssignmentSettingsDto) {
    return this.assignment.updateSettings(body.autoAssign);
  }
}
