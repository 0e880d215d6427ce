import { MikroORM } from '@mikro-orm/core';
import { ormOptions, type DatabaseSettings } from './orm-config.js';

/** Opens the database and brings its schema up to date; the same migrations run on every start. */
export async function openDatabase(settings: DatabaseSettings): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(settings));
  try {
    await orm.migrator.up();
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
}
