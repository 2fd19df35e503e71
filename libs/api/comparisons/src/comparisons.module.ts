import { Module } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { CatalogueModule } from '@advisordesk/api-catalogue';
import { LeadsModule } from '@advisordesk/api-leads';
import { ComparisonsService } from './comparisons.service';
import { PublicComparisonsController, ShortlistController } from './comparisons.controller';
import { ShortlistService } from './shortlist.service';

/** A lead's shortlist, frozen comparisons and their public page. */
@Module({
  imports: [AuthModule, LeadsModule, CatalogueModule],
  controllers: [ShortlistController, PublicComparisonsController],
  providers: [ShortlistService, ComparisonsService],
})
export class ComparisonsModule {}
