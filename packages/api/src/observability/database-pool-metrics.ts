import type { MikroORM } from '@mikro-orm/core';
import { gauge, labelledGauge } from './metrics.js';

/** The part of knex's connection pool (tarn) the gauges read. */
interface ConnectionPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

function poolOf(orm: MikroORM): ConnectionPool | undefined {
  const connection = orm.em.getConnection() as unknown as {
    getKnex?: () => { client?: { pool?: ConnectionPool } };
  };
  // knex creates its pool with the first statement.
  return connection.getKnex?.().client?.pool ?? undefined;
}

/**
 * The database pool of this instance, read when scraped: on PostgreSQL its connections in use
 * and idle and the requests waiting for one; on SQLite the same figures of its one connection.
 */
export function registerDatabasePoolGauges(orm: MikroORM): void {
  labelledGauge(
    'parkeer_db_pool_connections',
    'Database connections in the pool of this instance, by state: used (lent to a request or job), idle, or opening.',
    ['state'],
    () => {
      const pool = poolOf(orm);
      if (!pool) return [];
      return [
        [{ state: 'used' }, pool.numUsed()],
        [{ state: 'idle' }, pool.numFree()],
        [{ state: 'opening' }, pool.numPendingCreates()],
      ];
    },
  );
  gauge(
    'parkeer_db_pool_waiting',
    'Requests and jobs of this instance waiting for a database connection.',
    () => poolOf(orm)?.numPendingAcquires() ?? 0,
  );
}
