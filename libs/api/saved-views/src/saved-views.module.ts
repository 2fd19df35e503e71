import { Module } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { SavedViewsController } from './saved-views.controller';
import { SavedViewsService } from './saved-views.service';

/** Saved views of the lead, application and follow-up lists, and marketing's saved segments. */
@Module({
  imports: [AuthModule],
  controllers: [SavedViewsController],
  providers: [SavedViewsService],
})
export class SavedViewsModule {}
