import { Module } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { BulkActionsController } from './bulk/bulk-actions.controller';
import { BulkActionsService } from './bulk/bulk-actions.service';
import { AssignmentService } from './assignment.service';
import { ConsentService } from './consent.service';
import { IntakeService } from './intake.service';
import { AssignmentSettingsController, LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';
import { MergeController } from './merge/merge.controller';
import { MergeService } from './merge/merge.service';
import { PipelineService } from './pipeline.service';
import { PublicInquiriesController } from './public-inquiries.controller';
import { SearchIndexService } from './search-index.service';
import { HandoverController } from './handover/handover.controller';
import { LeadImportController } from './import/lead-import.controller';
import { LeadImportService } from './import/lead-import.service';
import { HandoverService } from './handover/handover.service';
import { TasksController } from './tasks.controller';
import { TransferRequestsController } from './transfer-requests/transfer-requests.controller';
import { TransferRequestsService } from './transfer-requests/transfer-requests.service';
import { TeamController } from './team.controller';
import { TasksService } from './tasks.service';
import { TimelineService } from './timeline.service';
import { PublicFormConfigController, WebsiteFormSettingsController } from './website-form.controller';
import { WebsiteFormService } from './website-form.service';

/** Intake, leads, the pipeline, the timeline and follow-ups. */
@Module({
  imports: [AuthModule],
  controllers: [
    // Before LeadsController: `leads/bulk/…` is not a lead's id.
    BulkActionsController,
    LeadsController,
    AssignmentSettingsController,
    TasksController,
    TeamController,
    PublicInquiriesController,
    PublicFormConfigController,
    WebsiteFormSettingsController,
    TransferRequestsController,
    HandoverController,
    LeadImportController,
    MergeController,
  ],
  providers: [
    LeadsService,
    IntakeService,
    AssignmentService,
    PipelineService,
    TimelineService,
    TasksService,
    ConsentService,
    WebsiteFormService,
    SearchIndexService,
    TransferRequestsService,
    HandoverService,
    LeadImportService,
    BulkActionsService,
    MergeService,
  ],
  exports: [LeadsService, TimelineService, AssignmentService, ConsentService, IntakeService],
})
export class LeadsModule {}
