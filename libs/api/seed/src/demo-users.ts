import type { EntityManager } from 'typeorm';
import type { Role } from '@advisordesk/shared';
import { queryOne } from '@advisordesk/api-core';
import { PasswordService } from '@advisordesk/api-auth';

/** The demo's sign-ins (embedded demo database only; listed in the README and printed at start). */
export const DEMO_LOGINS: { role: Role; name: string; email: string; password: string }[] = [
  { role: 'admin', name: 'Asha Admin', email: 'admin@advisordesk.local', password: 'Admin@12345' },
  { role: 'manager', name: 'Meera Manager', email: 'manager@advisordesk.local', password: 'Manager@12345' },
  { role: 'advisor', name: 'Priya Sharma', email: 'advisor@advisordesk.local', password: 'Advisor@12345' },
  { role: 'marketing', name: 'Kabir Marketing', email: 'marketing@advisordesk.local', password: 'Marketing@12345' },
];

/** More advisors, so queues, assignment and reports look like a real team's. */
export const DEMO_ADVISORS = ['Rahul Verma', 'Ananya Iyer', 'Vikram Singh', 'Sneha Reddy', 'Arjun Nair'];

export async function seedUsers(db: EntityManager): Promise<Map<string, string>> {
  const passwords = new PasswordService();
  const ids = new Map<string, string>();
  for (const login of DEMO_LOGINS) {
    const { id } = await queryOne<{ id: string }>(db, `INSERT INTO users (name, email, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`, [
      login.name,
      login.email,
      login.role,
      await passwords.hash(login.password),
    ]);
    ids.set(login.email, id);
  }
  const advisorHash = await passwords.hash('Advisor@12345');
  for (const name of DEMO_ADVISORS) {
    const email = `${name.split(' ')[0].toLowerCase()}@advisordesk.local`;
    const { id } = await queryOne<{ id: string }>(
      db,
      `INSERT INTO users (name, email, role, password_hash) VALUES ($1, $2, 'advisor', $3) RETURNING id`,
      [name, email, advisorHash],
    );
    ids.set(email, id);
  }
  return ids;
}
