import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { rolesThatCanRead, type UserView } from '@advisordesk/shared';
import { idOf, sendPage } from '@advisordesk/api-core';
import { AuthService } from '../auth/auth.service';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { AuthErrors } from '../auth/auth.errors';

const uuid = idOf(AuthErrors.userNotFound);

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Roles(...rolesThatCanRead('users'))
  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response): Promise<UserView[]> {
    return sendPage(response, await this.users.list(query));
  }

  @Roles(...rolesThatCanRead('users'))
  @Get(':id')
  get(@Param('id', uuid) id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Roles('admin')
  @Post()
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(body);
  }

  @Roles('admin')
  @Patch(':id')
  async update(@CurrentUser() actor: AuthUser, @Param('id', uuid) id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    const { user, sessionsEnded } = await this.users.update(actor, id, body);
    if (sessionsEnded) await this.auth.revokeAllSessions(id);
    return user;
  }

  // DELETE /api/users/:id (deactivation with the handover of their open work) is the leads area's: see its handover controller.
}
