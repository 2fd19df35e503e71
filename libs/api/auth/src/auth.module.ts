import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { PasswordService } from './auth/password.service';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { RolesGuard } from './auth/roles.guard';
import { AdminBootstrapService } from './users/admin-bootstrap.service';
import { UserEntity } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** Sign-in, tokens, the global JWT and roles guards, and user management. */
@Module({
  imports: [PassportModule, JwtModule.register({}), TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity])],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    PasswordService,
    UsersService,
    JwtStrategy,
    AdminBootstrapService,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService, PasswordService, UsersService, TypeOrmModule],
})
export class AuthModule {}
