import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
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

@Injectable()
export class UsersService {
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

  /** Admins edit users; nobody changes their own role or deactivates themselves. */
  async update(actor: AuthUser, id: string, body: UpdateUserDto): Promise<{ user: UserView; sessionsEnded: boolean }> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw new AppError(AuthErrors.userNotFound);
    if (id === actor.id && body.role !== undefined && body.role !== user.role) throw new AppError(AuthErrors.ownRole);
    if (id === actor.id && body.active === false) throw new AppError(AuthErrors.ownDeactivation);
    if (body.email && body.email.toLowerCase() !== user.email.toLowerCase()) await this.assertEmailFree(body.email, id);
    const changes: Partial<UserEntity> = {};
    if (body.name !== undefined) changes.name = body.name.trim();
    if (body.email !== undefined) changes.email = body.email.trim().toLowerCase();
    if (body.role !== undefined) changes.role = body.role;
    if (body.phone !== undefined) changes.phone = e164(body.phone);
    if (body.active !== undefined) changes.active = body.active;
    if (body.password !== undefined) changes.passwordHash = await this.passwords.hash(body.password);
    if (Object.keys(changes).length) await this.users.update({ id }, { ...changes, version: () => 'version + 1' } as never);
    const endSessions = body.active === false || body.password !== undefined || (body.role !== undefined && body.role !== user.role);
    return { user: await this.get(id), sessionsEnded: endSessions };
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
