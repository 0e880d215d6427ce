import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationObject, Options } from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { entities } from './entities.js';
import { postgresqlMigrations } from './migrations/postgresql/postgresql-migrations.js';
import { sqliteMigrations } from './migrations/sqlite/sqlite-migrations.js';

export type Dialect = 'sqlite' | 'postgresql';

export interface DatabaseSettings {
  /** postgres://… selects PostgreSQL; anything else, or nothing, the embedded SQLite file. */
  readonly databaseUrl?: string;
  /** The SQLite file; default `data/parkeer.db` at the repository root. */
  readonly sqliteFile?: string;
  readonly debug?: boolean;
  /** Called with every SQL statement (tests count them to catch N+1 queries). */
  readonly onQuery?: (sql: string) => void;
}

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const migrationsFolder = (dialect: Dialect) =>
  fileURLToPath(new URL(`./migrations/${dialect}`, import.meta.url));

export function dialectOf(settings: DatabaseSettings): Dialect {
  return /^postgres(ql)?:\/\//.test(settings.databaseUrl ?? '') ? 'postgresql' : 'sqlite';
}

export function defaultSqliteFile(): string {
  return resolve(repositoryRoot, 'data', 'parkeer.db');
}

function migrationsOptions(dialect: Dialect, list: MigrationObject[]) {
  return {
    path: migrationsFolder(dialect),
    glob: 'Migration*.{js,ts}',
    // Listed statically so they load the same under Vitest, tsx and compiled JS.
    migrationsList: list,
    // Diff against a stored snapshot of the entities: introspecting SQLite reports false changes.
    snapshot: true,
    snapshotName: `.snapshot-${dialect}`,
    transactional: true,
    allOrNothing: true,
    emit: 'ts' as const,
    silent: true,
  };
}

/** MikroORM options for the embedded SQLite file or for PostgreSQL, with the same entities. */
export function ormOptions(settings: DatabaseSettings): Options {
  const dialect = dialectOf(settings);
  const common = {
    entities,
    extensions: [Migrator],
    debug: settings.onQuery ? ['query'] : (settings.debug ?? false),
    ...(settings.onQuery
      ? { colors: false, logger: (message: string) => settings.onQuery!(message) }
      : {}),
    // Entities state their column types; nothing depends on emitted decorator metadata.
    discovery: { requireEntitiesArray: true },
    forceUtcTimezone: true,
    allowGlobalContext: false,
  } satisfies Options;
  if (dialect === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: settings.databaseUrl,
      migrations: migrationsOptions(dialect, postgresqlMigrations),
      pool: { min: 0, max: 10 },
    };
  }
  const file = settings.sqliteFile ?? defaultSqliteFile();
  if (file !== ':memory:')
    mkdirSync(dirname(isAbsolute(file) ? file : resolve(file)), { recursive: true });
  return {
    ...common,
    driver: LibSqlDriver,
    dbName: file,
    migrations: migrationsOptions(dialect, sqliteMigrations),
  };
}
