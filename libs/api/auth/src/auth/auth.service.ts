import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { AuthTokens } from '@advisordesk/shared';
import {
  APP_CONFIG,
  AppError,
  queryAffected,
  RateLimits,
  type AppConfig,
  type FailureLockout,
  type RateLimit,
  type LockoutPolicy,
} from '@advisordesk/api-core';
import { toUserView, UserEntity } from '../users/user.entity';
import { AuthErrors } from './auth.errors';
import { JWT_AUDIENCE, JWT_ISSUER } from './jwt.strategy';
import { PasswordService } from './password.service';
import { RefreshTokenEntity } from './refresh-token.entity';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** 5 failed sign-ins to one account from one address lock that pair for 1 minute, doubling per further failure up to 15. */
export const SIGN_IN_LOCKOUT: LockoutPolicy = { lockAfter: 5, firstLockMs: 60_000, maxLockMs: 15 * 60_000, forgetAfterMs: 15 * 60_000 };

@Injectable()
export class AuthService {
  /** Per address: `LOGIN_RATE_LIMIT` attempts a minute. Per account and address: `SIGN_IN_LOCKOUT`. */
  private readonly loginsPerAddress: RateLimit;
  private readonly failuresPerAccountAndAddress: FailureLockout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly jwt: JwtService,
    limits: RateLimits,
  ) {
    this.loginsPerAddress = limits.limiter('sign-in', {
      points: config.loginRateLimit,
      durationSec: 60,
      message: 'Too many sign-in attempts from this address: try again in a minute',
    });
    this.failuresPerAccountAndAddress = limits.lockout(
      'sign-in-lockout',
      SIGN_IN_LOCKOUT,
      'Too many failed sign-ins for this account from this address: try again later',
    );
  }

  async login(email: string, password: string, clientAddress: string): Promise<AuthTokens> {
    await this.loginsPerAddress.hit(clientAddress);
    const account = email.trim().toLowerCase();
    const lockoutKey = `${account} ${clientAddress}`;
    await this.failuresPerAccountAndAddress.assertNotLocked(lockoutKey);
    const user = await this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('lower(u.email) = :email', { email: account }).getOne();
    const valid = user ? await this.passwords.verify(user.passwordHash, password) : await this.passwords.verifyAgainstNothing(password);
    if (!user || !valid) {
      await this.failuresPerAccountAndAddress.recordFailure(lockoutKey);
      throw new AppError(AuthErrors.badCredentials);
    }
    if (!user.active) throw new AppError(AuthErrors.inactive);
    await this.failuresPerAccountAndAddress.clear(lockoutKey);
    return this.issueTokens(user, randomUUID());
  }

  /**
   * Rotation: a refresh token works once. Using a spent one again (a stolen copy, most likely)
   * revokes its whole family, so both the thief and the owner must sign in again.
   */
  async refresh(refreshToken: string): Promise<AuthTokens> {
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError(AuthErrors.badRefreshToken);
    const outcome = await this.dataSource.transaction(async (manager): Promise<AuthTokens | { reusedFamily: string }> => {
      const token = await manager.findOne(RefreshTokenEntity, { where: { id } });
      if (!token) throw new AppError(AuthErrors.badRefreshToken);
      const given = Buffer.from(sha256(secret));
      const stored = Buffer.from(token.tokenHash);
      if (given.length !== stored.length || !timingSafeEqual(given, stored)) throw new AppError(AuthErrors.badRefreshToken);
      if (token.revokedAt) return { reusedFamily: token.familyId };
      if (token.expiresAt.getTime() <= Date.now()) throw new AppError(AuthErrors.badRefreshToken);
      const user = await manager.findOne(UserEntity, { where: { id: token.userId } });
      if (!user || !user.active) throw new AppError(AuthErrors.badRefreshToken);
      const nextId = randomUUID();
      // Conditional update: of two concurrent refreshes with the same token, only one wins.
      const spent = await queryAffected(
        manager,
        `UPDATE refresh_tokens SET revoked_at = now(), replaced_by = $2 WHERE id = $1 AND revoked_at IS NULL`,
        [id, nextId],
      );
      if (spent !== 1) throw new AppError(AuthErrors.badRefreshToken);
      return this.issueTokens(user, token.familyId, nextId, manager.getRepository(RefreshTokenEntity));
    });
    if ('reusedFamily' in outcome) {
      await this.dataSource.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [outcome.reusedFamily]);
      throw new AppError(AuthErrors.badRefreshToken);
    }
    return outcome;
  }

  /** Ends one session (the given refresh token's family) or, without it, every session of the user. */
  async logout(userId: string, refreshToken?: string): Promise<void> {
    const id = refreshToken?.split('.')[0];
    if (id && /^[0-9a-f-]{36}$/.test(id)) {
      await this.dataSource.query(
        `UPDATE refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE id = $1 AND user_id = $2)`,
        [id, userId],
      );
      return;
    }
    await this.revokeAllSessions(userId);
  }

  async revokeAllSessions(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  private async issueTokens(
    user: UserEntity,
    familyId: string,
    id: string = randomUUID(),
    repository = this.dataSource.getRepository(RefreshTokenEntity),
  ): Promise<AuthTokens> {
    const secret = randomBytes(32).toString('base64url');
    await repository.insert({
      id,
      userId: user.id,
      familyId,
      tokenHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
    });
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, role: user.role },
      { algorithm: 'HS256', expiresIn: this.config.accessTokenTtlSeconds, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, secret: this.config.jwtSecret },
    );
    return { accessToken, refreshToken: `${id}.${secret}`, user: toUserView(user) };
  }
}
