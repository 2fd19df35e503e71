import { Module } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { CatalogueImportService } from './catalogue-import.service';
import { CatalogueImportController, FeeStructuresController, ProgramsController, UniversitiesController } from './catalogue.controller';
import { FeeStructuresService } from './fee-structures.service';
import { ProgramsService } from './programs.service';
import { UniversitiesService } from './universities.service';

/** Universities, programs, exact fee structures, and the CSV import. */
@Module({
  imports: [AuthModule],
  controllers: [UniversitiesController, ProgramsController, FeeStructuresController, CatalogueImportController],
  providers: [UniversitiesService, ProgramsService, FeeStructuresService, CatalogueImportService],
  exports: [ProgramsService, CatalogueImportService],
})
export class CatalogueModule {}
