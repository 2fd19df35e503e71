import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { rolesThatCanRead } from '@advisordesk/shared';
import { AppError, idOf, Public } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { LeadsErrors } from '@advisordesk/api-leads';
import { renderComparisonPage, renderComparisonProblemPage } from './comparison.page';
import { ComparisonErrors } from './comparisons.errors';
import { ComparisonsService } from './comparisons.service';
import { AddShortlistItemDto, CreateComparisonDto, ReorderShortlistDto, UpdateShortlistItemDto } from './dto/shortlist.dto';
import { ShortlistService } from './shortlist.service';

const leadId = idOf(LeadsErrors.notFound);
const itemId = idOf(ComparisonErrors.itemNotFound);

@ApiTags('shortlists')
@ApiBearerAuth()
@Roles(...rolesThatCanRead('shortlists'))
@Controller('leads/:id')
export class ShortlistController {
  constructor(
    private readonly shortlist: ShortlistService,
    private readonly comparisons: ComparisonsService,
  ) {}

  @Get('shortlist') list(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string) {
    return this.shortlist.list(user, id);
  }
  @Post('shortlist') add(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Body() body: AddShortlistItemDto) {
    return this.shortlist.add(user, id, body);
  }
  @Get('shortlist/suggestions') suggest(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string) {
    return this.shortlist.suggest(user, id);
  }
  @Put('shortlist/order') reorder(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Body() body: ReorderShortlistDto) {
    return this.shortlist.reorder(user, id, body.itemIds);
  }
  @Patch('shortlist/:itemId') update(
    @CurrentUser() user: AuthUser,
    @Param('id', leadId) id: string,
    @Param('itemId', itemId) item: string,
    @Body() body: UpdateShortlistItemDto,
  ) {
    return this.shortlist.update(user, id, item, body);
  }
  @Delete('shortlist/:itemId') remove(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Param('itemId', itemId) item: string) {
    return this.shortlist.remove(user, id, item);
  }
  @Post('comparisons') compare(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Body() body: CreateComparisonDto) {
    return this.comparisons.create(user, id, body.programIds);
  }
  @Get('comparisons') listComparisons(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string) {
    return this.comparisons.listForLead(user, id);
  }
}

@ApiTags('public')
@Public()
@Controller()
export class PublicComparisonsController {
  constructor(private readonly comparisons: ComparisonsService) {}

  /** The data of the public page (JSON). */
  @Get('public/comparisons/:token')
  view(@Param('token') token: string) {
    return this.comparisons.publicView(token);
  }

  /** The page itself, at the short address sent on WhatsApp: `/c/<token>`. */
  @Get('c/:token')
  async page(@Param('token') token: string, @Res() response: Response) {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    try {
      response.type('html').send(renderComparisonPage(await this.comparisons.publicView(token)));
    } catch (error) {
      if (error instanceof AppError && (error.error.status === 404 || error.error.status === 410)) {
        const status = error.error.status;
        response
          .status(status)
          .type('html')
          .send(renderComparisonProblemPage(status, await this.comparisons.contactFor(token)));
        return;
      }
      throw error;
    }
  }
}
