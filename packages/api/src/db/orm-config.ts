import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationObject, Options } from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { config } from '../config/config.js';
import { entities } from '../model/entities.js';
import { RequestDeadlineGuard } from './request-deadline-guard.js';
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
  /** PostgreSQL's time limits; default from the configuration (`DB_*_TIMEOUT_MS`). */
  readonly limits?: DatabaseLimits;
  /** For running migrations: no statement time limit (see `postgresLimits`). */
  readonly forMigrations?: boolean;
}

/** How long PostgreSQL work may take before it is given up, in milliseconds. */
export interface DatabaseLimits {
  /** Opening a connection, and waiting for one from the pool. */
  readonly connectMs: number;
  readonly statementMs: number;
  readonly lockMs: number;
  readonly idleInTransactionMs: number;
}

export function databaseLimitsFromConfig(): DatabaseLimits {
  const settings = config();
  return {
    connectMs: settings.DB_CONNECT_TIMEOUT_MS,
    statementMs: settings.DB_STATEMENT_TIMEOUT_MS,
    lockMs: settings.DB_LOCK_TIMEOUT_MS,
    idleInTransactionMs: settings.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}

/**
 * knex and pg options that bound every wait on PostgreSQL. The session settings travel in the
 * connection's startup packet, so every pooled connection has them from its first statement,
 * without an extra round trip. Without the connect limits a database that stops answering held
 * each request for knex's 60-second acquire timeout.
 */
function postgresLimits(limits: DatabaseLimits, forMigrations: boolean) {
  return {
    acquireConnectionTimeout: limits.connectMs,
    pool: {
      // A connection whose statement got no answer (below) still waits for it: never reuse it.
      validate: (connection: { readyForQuery?: boolean }) => connection.readyForQuery !== false,
    },
    connection: {
      connectionTimeoutMillis: limits.connectMs,
      lock_timeout: limits.lockMs,
      idle_in_transaction_session_timeout: limits.idleInTransactionMs,
      // A peer that vanished without closing (a failover, a cut cable) is noticed by TCP.
      keepAlive: true,
      // A migration may rewrite or index a large table: the limits meant for requests would
      // stop it halfway (its lock waits stay bounded, so it cannot queue every request behind it).
      ...(forMigrations
        ? {}
        : {
            statement_timeout: limits.statementMs,
            // The server cancels a statement at statement_timeout; a server that said nothing for
            // longer is gone (a network that stopped carrying): the client gives up too.
            query_timeout: limits.statementMs + limits.connectMs,
          }),
    },
  };
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

/**
 * SQLite's busy timeout (libsql's default is none): a write that finds the file locked by another
 * process (a backup, the sqlite3 shell) waits this long before failing with DATABASE_TIMEOUT.
 * Short, because libsql waits synchronously: the whole process stands still meanwhile. Within
 * one process the pool's single connection already puts statements in turn.
 */
export const sqliteBusyTimeoutMs = 200;

/** MikroORM options for the embedded SQLite file or for PostgreSQL, with the same entities. */
export function ormOptions(settings: DatabaseSettings): Options {
  const dialect = dialectOf(settings);
  const common = {
    entities,
    extensions: [Migrator],
    debug: settings.onQuery ? ['query'] : (settings.debug ?? false),
    // Never ANSI colours: MikroORM keeps this setting in an environment variable, so one ORM
    // opened with its default (colours on) would colour the query log of every other one in the
    // process, and a test that reads that log (`[query] …`) would no longer find its lines.
    colors: false,
    ...(settings.onQuery ? { logger: (message: string) => settings.onQuery!(message) } : {}),
    // Entities state their column types; nothing depends on emitted decorator metadata.
    discovery: { requireEntitiesArray: true },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    subscribers: [new RequestDeadlineGuard()],
  } satisfies Options;
  if (dialect === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: settings.databaseUrl,
      migrations: migrationsOptions(dialect, postgresqlMigrations),
      pool: { min: 0, max: 10 },
      driverOptions: postgresLimits(
        settings.limits ?? databaseLimitsFromConfig(),
        settings.forMigrations ?? false,
      ),
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
    driverOptions: { connection: { timeout: sqliteBusyTimeoutMs } },
  };
}
