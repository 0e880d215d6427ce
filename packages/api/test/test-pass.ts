import type { Dialect } from '../src/db/orm-config.js';

/**
 * The dialects this run of the suite is for: `API_TEST_DIALECTS` (comma-separated), else both.
 * `npm test` splits the suite in two runs at once, SQLite on Node 20 and PostgreSQL on Node 24
 * (README, Test it); a run of one file tests both.
 */
export function dialectsOfThisRun(): Dialect[] {
  const named = process.env.API_TEST_DIALECTS?.split(',').map((name) => name.trim());
  if (!named?.length || named.every((name) => !name)) return ['sqlite', 'postgresql'];
  for (const name of named) {
    if (name !== 'sqlite' && name !== 'postgresql') {
      throw new Error(`API_TEST_DIALECTS: unknown dialect ${name} (sqlite, postgresql)`);
    }
  }
  return named as Dialect[];
}
