import type { EntityManager } from '@mikro-orm/core';
import { logColumns, logTable } from './right-check.sql.js';
import { logger } from '../../logging/logger.js';

/** One log row's values, in the order of `logColumns`, as the dialect stores them. */
export type LogRow = readonly unknown[];

/** Rows wait at most this long, or until this many are queued. */
const flushDelayMs = 50;
const maxBatch = 250;

/**
 * Writes right-check log rows in batches: one multi-row INSERT per few dozen checks instead of
 * a statement (and a commit) per check, which is the right-check's hot path. Rows are kept in
 * memory for at most `flushDelayMs`, and written at shutdown (`flush`); a crash may lose the
 * last ones, which the check answers never depend on.
 */
class RightCheckLogWriter {
  private queue: LogRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly em: EntityManager) {}

  add(row: LogRow): void {
    this.queue.push(row);
    if (this.queue.length >= maxBatch) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), flushDelayMs);
      this.timer.unref();
    }
  }

  /** Writes what is queued; resolves when everything added before the call is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = this.queue;
    this.queue = [];
    if (rows.length > 0) {
      this.writing = this.writing.then(() => this.write(rows));
    }
    return this.writing;
  }

  private async write(rows: LogRow[]): Promise<void> {
    const placeholders = `(${logColumns.map(() => '?').join(', ')})`;
    const sql = `insert into ${logTable} (${logColumns.join(', ')}) values ${rows
      .map(() => placeholders)
      .join(', ')}`;
    try {
      await this.em.getConnection().execute(sql, rows.flat());
    } catch (error) {
      // A log that cannot be written must not take the checks down with it; it is reported.
      logger.error({ err: error, rows: rows.length }, 'right-check log rows could not be written');
    }
  }
}

// One writer per database (tests open several in one process).
const writers = new WeakMap<object, RightCheckLogWriter>();

export function rightCheckLogWriter(em: EntityManager): RightCheckLogWriter {
  const database = em.getDriver();
  let writer = writers.get(database);
  if (!writer) writers.set(database, (writer = new RightCheckLogWriter(em)));
  return writer;
}

/** Stores the queued log rows of this database now (at shutdown, and in tests before reading). */
export function flushRightCheckLog(em: EntityManager): Promise<void> {
  return writers.get(em.getDriver())?.flush() ?? Promise.resolve();
}
