import { MikroORM } from '@mikro-orm/core';
import { dialectOf, ormOptions, type DatabaseSettings } from './orm-config.js';

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

async function migrate(settings: DatabaseSettings): Promise<void> {
  const orm = await MikroORM.init(ormOptions(settings));
  try {
    await orm.migrator.up();
  } finally {
    await orm.close(true);
  }
}
