import { Module } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { BreachesController } from './breaches.controller';
import { BreachesService } from './breaches.service';

/** The breach register: what happened, whose data it concerned, and the drafts of the notices to them and to the Board. */
@Module({
  imports: [AuthModule],
  controllers: [BreachesController],
  providers: [BreachesService],
})
export class BreachesModule {}
