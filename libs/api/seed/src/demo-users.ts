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

/** Advisors' work mobiles (made up), shown to students as "Talk to your advisor"; Arjun has none, so his students see the service number. */
export const DEMO_ADVISOR_PHONES: Record<string, string> = {
  'Priya Sharma': '+919810000101',
  'Rahul Verma': '+919810000102',
  'Ananya Iyer': '+919810000103',
  'Vikram Singh': '+919810000104',
  'Sneha Reddy': '+919810000105',
};

export async function seedUsers(db: EntityManager): Promise<Map<string, string>> {
  const passwords = new PasswordService();
  const ids = new Map<string, string>();
  for (const login of DEMO_LOGINS) {
    const { id } = await queryOne<{ id: string }>(
      db,
      `INSERT INTO users (name, email, role, password_hash, phone) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [login.name, login.email, login.role, await passwords.hash(login.password), DEMO_ADVISOR_PHONES[login.name] ?? null],
    );
    ids.set(login.email, id);
  }
  const advisorHash = await passwords.hash('Advisor@12345');
  for (const name of DEMO_ADVISORS) {
    const email = `${name.split(' ')[0].toLowerCase()}@advisordesk.local`;
    const { id } = await queryOne<{ id: string }>(
      db,
      `INSERT INTO users (name, email, role, password_hash, phone) VALUES ($1, $2, 'advisor', $3, $4) RETURNING id`,
      [name, email, advisorHash, DEMO_ADVISOR_PHONES[name] ?? null],
    );
    ids.set(email, id);
  }
  return ids;
}
