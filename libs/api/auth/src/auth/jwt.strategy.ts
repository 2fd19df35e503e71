import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppError, type AppConfig } from '@advisordesk/api-core';
import { UserEntity } from '../users/user.entity';
import { AuthErrors } from './auth.errors';
import type { AuthUser } from './auth-user';

export const JWT_ISSUER = 'advisordesk';
export const JWT_AUDIENCE = 'advisordesk-api';

interface AccessTokenPayload {
  sub: string;
  role: string;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  /** Looked up on every request, so a deactivated user is refused at once, old tokens too. */
  async validate(payload: AccessTokenPayload): Promise<AuthUser> {
    const user = await this.users.findOne({ where: { id: payload.sub } });
    if (!user) throw new AppError(AuthErrors.unauthenticated);
    if (!user.active) throw new AppError(AuthErrors.inactive);
    return { id: user.id, role: user.role, name: user.name, email: user.email };
  }
}
