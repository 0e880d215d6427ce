import pg from 'pg';
import { postgresServerUrl } from '../src/db/scratch-postgres.js';

/** Whether the tests' PostgreSQL server answers. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: postgresServerUrl(),
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
