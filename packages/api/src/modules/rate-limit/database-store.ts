import type { EntityManager } from '@mikro-orm/core';
import { RateLimiterRes, type IRateLimiterOptions } from 'rate-limiter-flexible';
import RateLimiterStoreAbstract from 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js';

/** Passed as rate-limiter-flexible's per-call `options`: the operation's database and clock. */
export interface StoreOptions {
  readonly em: EntityManager;
  readonly now?: Date;
}

interface CounterRow {
  points: number | string;
  expire: number | string;
}

const table = 'rate_limit_counter';

// One statement, so concurrent attempts on PostgreSQL (and other processes on one SQLite file)
// each see the count their own increment made: none slips under the limit (RateLimiterPostgres's
// upsert). A lapsed window starts again from the new points; `force` sets points and expiry.
const upsertSql = `insert into ${table} (key, points, expire) values (?, ?, ?)
  on conflict (key) do update set
    points = case when ${table}.expire <= ? or ? = 1 then excluded.points
      else ${table}.points + excluded.points end,
    expire = case when ${table}.expire <= ? or ? = 1 then excluded.expire
      else ${table}.expire end
  returning points, expire`;

/**
 * rate-limiter-flexible's store on the application's own database, SQLite or PostgreSQL, through
 * MikroORM's connection. The library's RateLimiterSQLite takes no libsql client and
 * RateLimiterPostgres wants a pool and a table of its own; this one shares the pool and the
 * migrations. Time is the caller's clock (`options.now`), so tests that move the platform clock
 * move the limits with it.
 *
 * Never call it inside a transaction on SQLite: the one connection is the transaction's, and a
 * limit's count must outlive the attempt's rollback anyway.
 */
export class RateLimiterDatabase extends RateLimiterStoreAbstract {
  constructor(opts: IRateLimiterOptions) {
    // The library insists on a client; each call brings its own EntityManager instead.
    super({ ...opts, storeClient: 'per call' });
  }

  async _upsert(
    rlKey: string,
    points: number,
    msDuration: number,
    forceExpire = false,
    options: StoreOptions,
  ): Promise<{ row: CounterRow; now: number }> {
    const now = (options.now ?? new Date()).getTime();
    const force = forceExpire ? 1 : 0;
    const [row] = await options.em
      .getConnection()
      .execute<CounterRow[]>(
        upsertSql,
        [rlKey, points, now + msDuration, now, force, now, force],
        'all',
      );
    return { row: row!, now };
  }

  async _get(
    rlKey: string,
    options: StoreOptions,
  ): Promise<{ row: CounterRow; now: number } | null> {
    const now = (options.now ?? new Date()).getTime();
    const [row] = await options.em
      .getConnection()
      .execute<CounterRow[]>(`select points, expire from ${table} where key = ? and expire > ?`, [
        rlKey,
        now,
      ]);
    return row ? { row, now } : null;
  }

  async _delete(rlKey: string, options: StoreOptions): Promise<boolean> {
    const deleted = await options.em
      .getConnection()
      .execute<{ affectedRows: number }>(`delete from ${table} where key = ?`, [rlKey], 'run');
    return deleted.affectedRows > 0;
  }

  _getRateLimiterRes(
    _rlKey: string,
    changedPoints: number,
    result: { row: CounterRow; now: number },
  ): RateLimiterRes {
    const points = Number(result.row.points);
    return new RateLimiterRes(
      Math.max(this.points - points, 0),
      Math.max(Number(result.row.expire) - result.now, 0),
      points,
      changedPoints === points,
    );
  }
}
