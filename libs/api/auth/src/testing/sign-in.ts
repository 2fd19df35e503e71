import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '@advisordesk/shared';
import { queryOne } from '@advisordesk/api-core';
import { PasswordService } from '../auth/password.service';

export interface SignedIn {
  id: string;
  email: string;
  password: string;
  role: Role;
  accessToken: string;
  refreshToken: string;
  auth: { Authorization: string };
}

let counter = 0;
const passwords = new PasswordService();
let cachedHash: Promise<string> | undefined;
const TEST_PASSWORD = 'correct horse battery';

/** For integration tests: creates a user of `role` and signs in through the real login route. */
export async function createUserAndSignIn(http: Parameters<typeof request>[0], dataSource: DataSource, role: Role, name?: string): Promise<SignedIn> {
  counter++;
  const email = `${role}${counter}.${Date.now()}@example.test`;
  cachedHash ??= passwords.hash(TEST_PASSWORD);
  const { id } = await queryOne<{ id: string }>(
    dataSource,
    `INSERT INTO users (name, email, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
    [name ?? `Test ${role} ${counter}`, email, role, await cachedHash],
  );
  const response = await request(http).post('/api/auth/login').send({ email, password: TEST_PASSWORD });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return {
    id,
    email,
    password: TEST_PASSWORD,
    role,
    accessToken: response.body.accessToken,
    refreshToken: response.body.refreshToken,
    auth: { Authorization: `Bearer ${response.body.accessToken}` },
  };
}
