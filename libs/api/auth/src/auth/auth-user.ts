import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@advisordesk/shared';

/** Who is acting: taken from the verified token and the users table, never from the body. */
export interface AuthUser {
  id: string;
  role: Role;
  name: string;
  email: string;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest().user);
