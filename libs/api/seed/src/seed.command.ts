import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, prepareDatabase } from '@advisordesk/api-database';
import { DEMO_LOGINS } from './demo-users';
import { seedDemoIfEmpty } from './demo-seed';

/** `npm run seed`: loads the demo data into the configured database (DATABASE_URL, or the embedded one). */
async function main() {
  const database = await prepareDatabase(process.env);
  const dataSource = new DataSource(dataSourceOptions(database.url));
  await dataSource.initialize();
  try {
    const seeded = await seedDemoIfEmpty(dataSource);
    console.log(seeded ? `Demo data loaded into ${database.embedded ? 'the embedded database' : 'DATABASE_URL'}.` : 'The database already has users: nothing seeded.');
    if (seeded) for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(10)} ${login.email.padEnd(30)} ${login.password}`);
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
