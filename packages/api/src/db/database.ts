import { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import {
  databaseLimitsFromConfig,
  dialectOf,
  ormOptions,
  type DatabaseSettings,
} from './orm-config.js';

/** Opens the database and brings its schema up to date; the same migrations run on every start. */
export async function openDatabase(settings: DatabaseSettings): Promise<MikroORM> {
  // PostgreSQL migrates through connections of its own, without the statement time limits.
  const postgres = dialectOf(settings) === 'postgresql';
  if (postgres) await migrate({ ...settings, forMigrations: true });
  const orm = await MikroORM.init(ormOptions(settings));
  if (postgres) return orm;
  try {
    await orm.migrator.up();
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
}

/** PostgreSQL advisory lock key ("park") that instances take in turns to migrate. */
const migrationLock = 0x7061726b;

/**
 * Instances started together (`docker compose up`, a rolling restart) would run the same
 * migrations at once, and all but one fail on the tables the first created. They take turns on
 * an advisory lock, held by a connection of its own (closing it releases the lock, also when the
 * process dies); the later ones find nothing left to do.
 */
async function migrate(settings: DatabaseSettings): Promise<void> {
  const lock = new pg.Client({
    connectionString: settings.databaseUrl,
    connectionTimeoutMillis: (settings.limits ?? databaseLimitsFromConfig()).connectMs,
  });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [migrationLock]);
    const orm = await MikroORM.init(ormOptions(settings));
    try {
      await orm.migrator.up();
    } finally {
      await orm.close(true);
    }
  } finally {
    await lock.end();
  }
}
