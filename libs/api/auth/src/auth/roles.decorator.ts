import { SetMetadata } from '@nestjs/common';
import type { Role } from '@advisordesk/shared';

export const ROLES_KEY = 'advisordesk:roles';

/** Only these roles may call the route (others get 403). Routes without it: any signed-in user. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
