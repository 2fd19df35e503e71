import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { rolesThatCanRead, rolesThatCanWrite } from '@advisordesk/shared';
import { AppError, idOf, sendPage, type Page } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { CatalogueImportService, type ImportReport } from './catalogue-import.service';
import { CatalogueErrors } from './catalogue.errors';
import {
  CatalogueImportDto,
  FeeStructureDto,
  ProgramDto,
  UniversityDto,
  UpdateFeeStructureDto,
  UpdateProgramDto,
  UpdateUniversityDto,
} from './dto/catalogue.dto';
import { FeeStructuresService } from './fee-structures.service';
import { ProgramsService } from './programs.service';
import { UniversitiesService } from './universities.service';

const READERS = rolesThatCanRead('catalogue');
const universityId = idOf(CatalogueErrors.universityNotFound);
const programId = idOf(CatalogueErrors.programNotFound);
const feeId = idOf(CatalogueErrors.feeNotFound);
const EDITORS = rolesThatCanWrite('catalogue');

async function page<T>(response: Response, work: Promise<Page<T>>): Promise<T[]> {
  return sendPage(response, await work);
}

@ApiTags('catalogue')
@ApiBearerAuth()
@Roles(...READERS)
@Controller('universities')
export class UniversitiesController {
  constructor(private readonly universities: UniversitiesService) {}

  @Get() list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    return page(response, this.universities.list(query));
  }
  @Get(':id') get(@Param('id', universityId) id: string) {
    return this.universities.get(id);
  }
  @Roles(...EDITORS) @Post() create(@Body() body: UniversityDto) {
    return this.universities.create(body);
  }
  @Roles(...EDITORS) @Patch(':id') update(@Param('id', universityId) id: string, @Body() body: UpdateUniversityDto) {
    return this.universities.update(id, body);
  }
  @Roles(...EDITORS) @Delete(':id') remove(@Param('id', universityId) id: string) {
    return this.universities.deactivate(id);
  }
}

@ApiTags('catalogue')
@ApiBearerAuth()
@Roles(...READERS)
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Get() list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    return page(response, this.programs.list(query));
  }
  @Get(':id') get(@Param('id', programId) id: string) {
    return this.programs.get(id);
  }
  @Roles(...EDITORS) @Post() create(@Body() body: ProgramDto) {
    return this.programs.create(body);
  }
  @Roles(...EDITORS) @Patch(':id') update(@Param('id', programId) id: string, @Body() body: UpdateProgramDto) {
    return this.programs.update(id, body);
  }
  @Roles(...EDITORS) @Delete(':id') remove(@Param('id', programId) id: string) {
    return this.programs.deactivate(id);
  }
}

@ApiTags('catalogue')
@ApiBearerAuth()
@Roles(...READERS)
@Controller('fee-structures')
export class FeeStructuresController {
  constructor(private readonly fees: FeeStructuresService) {}

  @Get() list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    return page(response, this.fees.list(query));
  }
  @Get(':id') get(@Param('id', feeId) id: string) {
    return this.fees.get(id);
  }
  @Get(':id/revisions') revisions(@Param('id', feeId) id: string) {
    return this.fees.revisions(id);
  }
  @Roles(...EDITORS) @Post() create(@Body() body: FeeStructureDto) {
    return this.fees.create(body);
  }
  @Roles(...EDITORS) @Patch(':id') update(@CurrentUser() user: AuthUser, @Param('id', feeId) id: string, @Body() body: UpdateFeeStructureDto) {
    return this.fees.update(id, body, user.id);
  }
}

@ApiTags('catalogue')
@ApiBearerAuth()
@Roles(...EDITORS)
@Controller('catalogue/import')
export class CatalogueImportController {
  constructor(private readonly importer: CatalogueImportService) {}

  /** `{universities, programs}` as CSV text; `dryRun: true` reports and writes nothing. Any bad row: 400 with the report, nothing written. */
  @Post()
  @HttpCode(200)
  async run(@Body() body: CatalogueImportDto): Promise<ImportReport> {
    if (!body.universities && !body.programs)
      throw new AppError(
        CatalogueErrors.importInvalid,
        [{ field: 'universities', message: 'send universities and/or programs as CSV text' }],
        'Nothing to import: send universities and/or programs as CSV text',
      );
    const report = await this.importer.run(body);
    if (report.errors.length) {
      const fields = report.errors.map((e) => ({ field: `${e.file}:${e.line}:${e.field}`, message: e.message }));
      throw new AppError(
        CatalogueErrors.importInvalid,
        fields,
        `${report.errors.length} problem${report.errors.length > 1 ? 's' : ''} found: nothing was written`,
      );
    }
    return report;
  }
}
