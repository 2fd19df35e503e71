export * from './auth.module';
export * from './auth/auth-user';
export * from './auth/roles.decorator';
export * from './auth/password.service';
export * from './auth/auth.service';
export * from './auth/auth.errors';
export * from './users/user.entity';
export * from './users/users.service';
