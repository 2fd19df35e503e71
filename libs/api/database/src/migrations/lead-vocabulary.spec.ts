import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing';
import { STATE_KEYS, stateKey } from '@advisordesk/shared';
import { courseFromName, MAP_LEAD_STATES_SQL, STATE_KEY_SQL, STATE_KEYS_AT_MIGRATION } from './1764401400000-lead-vocabulary';

describe('the lead vocabulary migration', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it("maps old leads' free-text states to their current names where they match, and leaves the rest as they are", async () => {
    const states = ['uttar pradesh', 'U.P.', 'Orissa', 'tamilnadu', 'J & K', 'Pondicherry', 'Maharashtra', 'Dubai', 'Near Pune', null];
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO leads (reference, full_name, phone, state, version)
       SELECT 'AD-MIG' || lpad(n::text, 4, '0'), 'Lead ' || n, '+9197' || lpad(n::text, 8, '0'), s, 3
         FROM unnest($1::text[]) WITH ORDINALITY AS x(s, n) RETURNING id`,
      [states],
    );
    await client.query(MAP_LEAD_STATES_SQL);
    const after = await client.query<{ state: string | null; version: number }>(
      `SELECT state, version FROM leads WHERE id = ANY($1) ORDER BY reference`,
      [rows.map((r) => r.id)],
    );
    expect(after.rows.map((r) => r.state)).toEqual([
      'Uttar Pradesh',
      'Uttar Pradesh',
      'Odisha',
      'Tamil Nadu',
      'Jammu and Kashmir',
      'Puducherry',
      'Maharashtra',
      'Dubai',
      'Near Pune',
      null,
    ]);
    expect(after.rows.every((r) => r.version === 3)).toBe(true);
  });

  it('holds the same keys as canonicalState, and its SQL key reads text as stateKey does', async () => {
    const copied = Object.entries(STATE_KEYS_AT_MIGRATION).flatMap(([name, keys]) => keys.map((key) => [key, name] as const));
    expect(new Map(copied)).toEqual(new Map(STATE_KEYS));
    const samples = ['  Uttar   Pradesh ', 'J&K', 'U.P.', 'Tamil-Nadu', 'NCT of Delhi'];
    const { rows } = await client.query<{ key: string }>(
      `SELECT ${STATE_KEY_SQL('s')} AS key FROM unnest($1::text[]) WITH ORDINALITY AS x(s, n) ORDER BY n`,
      [samples],
    );
    expect(rows.map((r) => r.key)).toEqual(samples.map(stateKey));
  });

  it("gives the website form's courses, stored as names, the level and mode their names say", () => {
    expect(courseFromName('Online MBA')).toEqual({ name: 'Online MBA', level: 'PG', mode: 'online' });
    expect(courseFromName('Online B.Com')).toEqual({ name: 'Online B.Com', level: 'UG', mode: 'online' });
    expect(courseFromName('Executive MBA')).toEqual({ name: 'Executive MBA', level: 'PG', mode: null });
    expect(courseFromName('PG Diploma in Management')).toMatchObject({ level: 'diploma' });
    expect(courseFromName('Micro-credential or nano-degree')).toMatchObject({ level: 'micro-credential' });
    expect(courseFromName('Data Science / Analytics')).toEqual({ name: 'Data Science / Analytics', level: null, mode: null });
  });
});
