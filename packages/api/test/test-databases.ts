import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { inject } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import type { DatabaseSettings, Dialect } from '../src/db/orm-config.js';
import { createScratchPostgres, postgresServerUrl } from '../src/db/scratch-postgres.js';
import { postgresAvailable } from './postgres-available.js';
import { dialectsOfThisRun } from './test-pass.js';

/**
 * The dialects the API tests run on: SQLite and PostgreSQL, or those of this run
 * (`API_TEST_DIALECTS`). PostgreSQL when it answers: under CI a missing PostgreSQL is a failure,
 * never a skip.
 */
export async function testDialects(): Promise<Dialect[]> {
  const dialects = dialectsOfThisRun();
  if (!dialects.includes('postgresql') || (await postgresAvailable())) return dialects;
  if (process.env.CI === 'true') {
    throw new Error(
      `PostgreSQL is required under CI but does not answer at ${postgresServerUrl()}`,
    );
  }
  console.warn('PostgreSQL does not answer: API tests run on SQLite only');
  return dialects.filter((dialect) => dialect !== 'postgresql');
}

export interface TestDatabase {
  readonly orm: MikroORM;
  dispose(): Promise<void>;
}

/**
 * A new, migrated database of the dialect; `dispose` closes and removes it. On PostgreSQL a copy
 * of the run's migrated template (postgres-template.ts); its migrations find nothing left to do.
 */
export async function openTestDatabase(
  dialect: Dialect,
  options: Pick<DatabaseSettings, 'onQuery' | 'limits'> & { fromEmpty?: boolean } = {},
): Promise<TestDatabase> {
  const { fromEmpty, ...settings } = options;
  if (dialect === 'postgresql') {
    const template = fromEmpty ? undefined : (inject('postgresTemplate') ?? undefined);
    const scratch = await createScratchPostgres(template);
    const orm = await openDatabase({ ...settings, databaseUrl: scratch.url });
    return {
      orm,
      dispose: async () => {
        await orm.close(true);
        await scratch.drop();
      },
    };
  }
  const file = join(tmpdir(), `parkeer-test-${randomBytes(6).toString('hex')}.db`);
  const orm = await openDatabase({ ...settings, sqliteFile: file });
  return {
    orm,
    dispose: async () => {
      await orm.close(true);
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    },
  };
}

/**
 * Runs `work` on a new, migrated database of the dialect, removed afterwards; `fromEmpty` runs
 * every migration on it rather than copying the run's template.
 */
export async function withDatabase<T>(
  dialect: Dialect,
  work: (orm: MikroORM) => Promise<T>,
  options: { fromEmpty?: boolean } = {},
): Promise<T> {
  const database = await openTestDatabase(dialect, options);
  try {
    return await work(database.orm);
  } finally {
    await database.dispose();
  }
}
