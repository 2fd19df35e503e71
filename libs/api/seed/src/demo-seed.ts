import type { DataSource } from 'typeorm';
import { seedUsers } from './demo-users';

/**
 * The demo data, in one place and one transaction: users of every role, then each area's demo
 * records. Runs only into an empty database.
 */
export async function seedDemoIfEmpty(dataSource: DataSource): Promise<boolean> {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM users`);
  if (n > 0) return false;
  await dataSource.transaction(async (manager) => {
    await seedUsers(manager);
  });
  return true;
}
