import 'reflect-metadata';
import { SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { dataSourceOptions, prepareDatabase } from '@advisordesk/api-database';
import { bulkSeed } from './bulk-seed';
import { DEMO_LOGINS } from './demo-users';
import { seedDemoIfEmpty } from './demo-seed';

/**
 * `npm run seed`: loads the demo data into the configured database (DATABASE_URL, or the embedded one).
 * `npm run seed -- --leads 1000000`: adds that many generated leads (for benchmarks), with a progress bar.
 */
async function main() {
  const flag = process.argv.indexOf('--leads');
  const bulk = flag >= 0 ? Number(process.argv[flag + 1]) : 0;
  if (flag >= 0 && (!Number.isInteger(bulk) || bulk <= 0)) throw new Error('--leads takes a positive whole number, e.g. --leads 1000000');
  const database = await prepareDatabase(process.env);
  const dataSource = new DataSource(dataSourceOptions(database.url));
  await dataSource.initialize();
  try {
    const seeded = await seedDemoIfEmpty(dataSource);
    console.log(
      seeded
        ? `Demo data loaded into ${database.embedded ? 'the embedded database' : 'DATABASE_URL'}.`
        : 'The database already has users: demo data not loaded again.',
    );
    if (seeded) for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(10)} ${login.email.padEnd(30)} ${login.password}`);
    if (bulk) {
      const bar = new SingleBar({
        format: 'Seeding leads [{bar}] {percentage}% | {value}/{total} | {duration_formatted} elapsed, ETA {eta_formatted}',
      });
      bar.start(bulk, 0);
      const started = Date.now();
      const result = await bulkSeed(dataSource, {
        leads: bulk,
        onProgress: (done) => bar.update(done),
        onIndexing: () => {
          bar.stop();
          console.log('Rebuilding indexes and laying the leads out in order of arrival…');
        },
      });
      console.log(
        `Added ${result.leads.toLocaleString('en-IN')} leads and ${result.activities.toLocaleString('en-IN')} timeline entries in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
      );
    }
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
