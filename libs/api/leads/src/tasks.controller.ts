import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { rolesThatCanRead } from '@advisordesk/shared';
import { idOf, sendPage } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { CreateTaskDto, UpdateTaskDto } from './dto/lead-actions.dto';
import { LeadsErrors } from './leads.errors';
import { TasksService, type TaskView } from './tasks.service';

const taskId = idOf(LeadsErrors.taskNotFound);

@ApiTags('tasks')
@ApiBearerAuth()
@Roles(...rolesThatCanRead('leads'))
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TaskView[]> {
    return sendPage(response, await this.tasks.list(user, query));
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', taskId) id: string) {
    return this.tasks.get(user, id);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateTaskDto) {
    return this.tasks.create(user, body);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', taskId) id: string, @Body() body: UpdateTaskDto) {
    return this.tasks.update(user, id, body);
  }

  @Delete(':id')
  remove(@CurrentUser() user: AuthUser, @Param('id', taskId) id: string) {
    return this.tasks.remove(user, id);
  }
}
