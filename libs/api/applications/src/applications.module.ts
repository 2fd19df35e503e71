import { Module } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { LeadsModule } from '@advisordesk/api-leads';
import { ApplicationsController, ChecklistsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { ChecklistsService } from './checklists/checklists.service';
import { DocumentsService } from './documents/documents.service';
import { FileStore } from './files/file-store';
import { OrphanFilesJob } from './files/orphan-files.job';
import { PaymentsService } from './payments/payments.service';
import { PublicUploadsController } from './upload-links/public-uploads.controller';
import { UploadLinksService } from './upload-links/upload-links.service';

/**
 * Application assistance: a lead's applications to programs (the lead follows the furthest one),
 * their document checklists and files (in PostgreSQL), the student's upload link and page, payments.
 */
@Module({
  imports: [AuthModule, LeadsModule],
  controllers: [ApplicationsController, ChecklistsController, PublicUploadsController],
  providers: [ApplicationsService, ChecklistsService, DocumentsService, FileStore, OrphanFilesJob, PaymentsService, UploadLinksService],
  exports: [ApplicationsService, FileStore],
})
export class ApplicationsModule {}
