import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { rolesThatCanRead, type SavedView } from '@advisordesk/shared';
import { idOf } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { CreateSavedViewDto, SavedViewListQueryDto } from './saved-views.dto';
import { SavedViewErrors } from './saved-views.errors';
import { SavedViewsService } from './saved-views.service';

const viewId = idOf(SavedViewErrors.notFound);

@ApiTags('saved-views')
@ApiBearerAuth()
@Roles(...rolesThatCanRead('savedViews'))
@Controller('saved-views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  /** `?resource=leads`: the user's own views of that list, then the shared ones. */
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: SavedViewListQueryDto): Promise<SavedView[]> {
    return this.views.list(user, query.resource);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSavedViewDto): Promise<SavedView> {
    return this.views.create(user, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', viewId) id: string): Promise<void> {
    return this.views.remove(user, id);
  }
}
