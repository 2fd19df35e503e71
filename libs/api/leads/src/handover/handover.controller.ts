import { Controller, Delete, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeactivationResult, UserWorkload } from '@advisordesk/shared';
import { idOf } from '@advisordesk/api-core';
import { AuthErrors, CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { DeactivateUserQuery } from './handover.dto';
import { HandoverService } from './handover.service';

const userId = idOf(AuthErrors.userNotFound);

/** Deactivating a user with the handover of their open leads and follow-ups (admins). */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class HandoverController {
  constructor(private readonly handover: HandoverService) {}

  /** What deactivating them would leave without an owner: the admin sees it before confirming. */
  @Get(':id/workload')
  workload(@Param('id', userId) id: string): Promise<UserWorkload> {
    return this.handover.workloadOf(id);
  }

  /** Users are never deleted (their history stays attributed): DELETE deactivates, handing their open work to `reassignTo`. */
  @Delete(':id')
  deactivate(@CurrentUser() actor: AuthUser, @Param('id', userId) id: string, @Query() query: DeactivateUserQuery): Promise<DeactivationResult> {
    return this.handover.deactivate(actor, id, query.reassignTo);
  }
}
