import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { idOf, sendPage } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { rolesThatCanRead, type BreachDetail, type BreachView } from '@advisordesk/shared';
import { CreateBreachDto, UpdateBreachDto } from './breaches.dto';
import { BreachErrors } from './breaches.errors';
import { BreachesService } from './breaches.service';

const breachId = idOf(BreachErrors.notFound);

@ApiTags('privacy')
@ApiBearerAuth()
@Roles(...rolesThatCanRead('breaches'))
@Controller('breaches')
export class BreachesController {
  constructor(private readonly breaches: BreachesService) {}

  /** Simple-rest list: `status`, `discoveredAt_gte|_lte`, `_sort=discoveredAt|createdAt|status`. */
  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response): Promise<BreachView<Date>[]> {
    return sendPage(response, await this.breaches.list(query));
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateBreachDto): Promise<BreachDetail<Date>> {
    return this.breaches.create(user, body);
  }

  /** The breach, its first 500 affected people (`affectedCount` is all of them) and the drafts of the notices. */
  @Get(':id')
  detail(@Param('id', breachId) id: string): Promise<BreachDetail<Date>> {
    return this.breaches.detail(id);
  }

  @Patch(':id')
  update(@Param('id', breachId) id: string, @Body() body: UpdateBreachDto): Promise<BreachDetail<Date>> {
    return this.breaches.update(id, body);
  }
}
