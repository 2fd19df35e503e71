import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '@advisordesk/api-core';

export const AuthErrors = defineErrors('auth', {
  badCredentials: { status: HttpStatus.UNAUTHORIZED, message: 'The email or password is wrong' },
  inactive: { status: HttpStatus.UNAUTHORIZED, message: 'This account is deactivated' },
  badRefreshToken: { status: HttpStatus.UNAUTHORIZED, message: 'The session has ended: sign in again' },
  unauthenticated: { status: HttpStatus.UNAUTHORIZED, message: 'Sign in to continue' },
  forbidden: { status: HttpStatus.FORBIDDEN, message: 'Your role may not do this' },
  ownRole: { status: HttpStatus.FORBIDDEN, message: 'Nobody can change their own role' },
  ownDeactivation: { status: HttpStatus.FORBIDDEN, message: 'You cannot deactivate your own account' },
  userNotFound: { status: HttpStatus.NOT_FOUND, message: 'User not found' },
  emailTaken: { status: HttpStatus.CONFLICT, message: 'A user with this email already exists' },
});
