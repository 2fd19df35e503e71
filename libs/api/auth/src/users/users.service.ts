import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { normalisePhone, ROLES, type UserView } from '@advisordesk/shared';
import { AppError, errorOnField, fetchPage, parseListQuery, queryRows, type ListSpec, type Page } from '@advisordesk/api-core';
import { AuthErrors } from '../auth/auth.errors';
import { PasswordService } from '../auth/password.service';
import type { AuthUser } from '../auth/auth-user';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { toUserView, UserEntity } from './user.entity';

export const USER_LIST: ListSpec = {
  fields: {
    id: { column: 'id', type: 'uuid' },
    name: { column: 'name', type: 'text', sortable: true, required: true },
    email: { column: 'email', type: 'text', sortable: true, required: true },
    role: { column: 'role', type: 'enum', values: ROLES, sortable: true, required: true },
    active: { column: 'active', type: 'bool', sortable: true, required: true },
    createdAt: { column: 'created_at', type: 'timestamp', sortable: true, required: true },
  },
  defaultSort: { field: 'name', order: 'asc' },
  tieBreaker: 'id',
  search: (p, q) => ({ sql: `(name ILIKE ${p} OR email ILIKE ${p})`, value: `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%` }),
};

/** A phone as validated by the DTO, in E.164; empty or null: none. */
const e164 = (phone: string | null | undefined): string | null => {
  const check = normalisePhone(phone);
  return check.ok ? check.e164 : null;
};

/**
 * Another area's reason not to deactivate a user yet (the leads area: open leads would be left with
 * nobody); it throws to refuse. Runs in the deactivating transaction, with the user's row locked.
 */
export type DeactivationCheck = (userId: string, db: EntityManager) => Promise<void>;

@Injectable()
export class UsersService {
  private readonly deactivationChecks: DeactivationCheck[] = [];

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
  ) {}

  async list(query: Record<string, unknown>): Promise<Page<UserView>> {
    const page = await fetchPage<UserView & { createdAt: Date; updatedAt: Date }>(
      this.dataSource,
      `id, name, email, role, phone, active, created_at AS "createdAt", updated_at AS "updatedAt"`,
      'users',
      parseListQuery(query, USER_LIST),
    );
    return { ...page, rows: page.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() })) };
  }

  async get(id: string): Promise<UserView> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw new AppError(AuthErrors.userNotFound);
    return toUserView(user);
  }

  async create(body: CreateUserDto): Promise<UserView> {
    await this.assertEmailFree(body.email);
    const user = await this.users.save(
      this.users.create({
        name: body.name.trim(),
        email: body.email.trim().toLowerCase(),
        role: body.role,
        phone: e164(body.phone),
        active: body.active ?? true,
        passwordHash: await this.passwords.hash(body.password),
      }),
    );
    return this.get(user.id);
  }

  /** Areas that own users' work register here, so no path deactivates someone whose work would be orphaned. */
  refuseDeactivationUnless(check: DeactivationCheck): void {
    this.deactivationChecks.push(check);
  }

  /**
   * Admins edit users; nobody changes their own role or deactivates themselves. A deactivation runs
   * in a transaction (the caller's, when given) with the user's row locked, after every area's check.
   */
  async update(actor: AuthUser, id: string, body: UpdateUserDto, db?: EntityManager): Promise<{ user: UserView; sessionsEnded: boolean }> {
    if (!db && body.active === false) return this.dataSource.transaction((manager) => this.update(actor, id, body, manager));
    const users = db ? db.getRepository(UserEntity) : this.users;
    const user = await users.findOne({ where: { id }, ...(db ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!user) throw new AppError(AuthErrors.userNotFound);
    if (id === actor.id && body.role !== undefined && body.role !== user.role) throw new AppError(AuthErrors.ownRole);
    if (id === actor.id && body.active === false) throw new AppError(AuthErrors.ownDeactivation);
    if (body.active === false && user.active && db) for (const check of this.deactivationChecks) await check(id, db);
    if (body.email && body.email.toLowerCase() !== user.email.toLowerCase()) await this.assertEmailFree(body.email, id);
    const changes: Partial<UserEntity> = {};
    if (body.name !== undefined) changes.name = body.name.trim();
    if (body.email !== undefined) changes.email = body.email.trim().toLowerCase();
    if (body.role !== undefined) changes.role = body.role;
    if (body.phone !== undefined) changes.phone = e164(body.phone);
    if (body.active !== undefined) changes.active = body.active;
    if (body.password !== undefined) changes.passwordHash = await this.passwords.hash(body.password);
    if (Object.keys(changes).length) await users.update({ id }, { ...changes, version: () => 'version + 1' } as never);
    const endSessions = body.active === false || body.password !== undefined || (body.role !== undefined && body.role !== user.role);
    const updated = await users.findOne({ where: { id } });
    return { user: toUserView(updated ?? user), sessionsEnded: endSessions };
  }

  private async assertEmailFree(email: string, exceptId?: string) {
    const taken = await queryRows<unknown>(
      this.dataSource,
      `SELECT 1 FROM users WHERE lower(email) = lower($1) AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [email.trim(), exceptId ?? null],
    );
    if (taken.length) throw errorOnField(AuthErrors.emailTaken, 'email');
  }
}
