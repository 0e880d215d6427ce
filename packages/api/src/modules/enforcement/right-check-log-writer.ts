import type { EntityManager } from '@mikro-orm/core';
import { isPostgres } from '../../db/dialect.js';
import { preparedStatement } from '../../db/prepared-statement.js';
import { logColumns, logColumnTypes, logTable } from './right-check.sql.js';

/** One log row's values, in the order of `logColumns`, as the dialect stores them. */
export type LogRow = readonly unknown[];

/**
 * Rows per INSERT: 9 columns each stays far below the bind-parameter limits of PostgreSQL
 * (65,535) and SQLite (32,766); more waiting rows go in the next INSERT.
 */
const maxBatch = 500;

/**
 * PostgreSQL: the rows as one array per column, so one statement text serves every batch size
 * and is planned once per connection. The ORM's `execute` would write each value into the SQL
 * text instead, which the server then parses anew: per check, the largest cost after the lookup.
 */
const preparedInsert = preparedStatement(
  'parkeer_right_check_log_insert',
  `insert into ${logTable} (${logColumns.join(', ')}) select * from unnest(${logColumnTypes
    .map((type) => `cast(? as ${type}[])`)
    .join(', ')})`,
);

interface Pending {
  readonly row: LogRow;
  readonly stored: () => void;
  readonly failed: (error: unknown) => void;
}

/**
 * Group commit for the right-check log: a check's answer waits until its row is committed, so a
 * crash never loses the row of an answered check. Rows that arrive while an INSERT runs wait for
 * the next one, which takes them all: under load one multi-row INSERT (and one commit) serves
 * dozens of checks, when idle a row is written at once, without a timer's delay.
 */
class RightCheckLogWriter {
  private queue: Pending[] = [];
  private writing: Promise<void> | null = null;

  private readonly postgres: boolean;

  constructor(private readonly em: EntityManager) {
    this.postgres = isPostgres(em);
  }

  /** Resolves once the row is committed; rejects when it could not be written. */
  add(row: LogRow): Promise<void> {
    return new Promise((stored, failed) => {
      this.queue.push({ row, stored, failed });
      this.writing ??= this.writeAll();
    });
  }

  /** Resolves when every row added before the call is written (or has failed). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeAll(): Promise<void> {
    // Rows of checks answered in the same turn of the event loop join the first INSERT.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, maxBatch);
      try {
        await this.insert(batch.map((pending) => pending.row));
        for (const pending of batch) pending.stored();
      } catch (error) {
        // The checks fail with it: an answer the log cannot prove is not given.
        for (const pending of batch) pending.failed(error);
      }
    }
    this.writing = null;
  }

  private async insert(rows: LogRow[]): Promise<void> {
    if (this.postgres) {
      await preparedInsert(
        this.em,
        logColumns.map((_, column) => rows.map((row) => row[column])),
      );
      return;
    }
    const placeholders = `(${logColumns.map(() => '?').join(', ')})`;
    const sql = `insert into ${logTable} (${logColumns.join(', ')}) values ${rows
      .map(() => placeholders)
      .join(', ')}`;
    await this.em.getConnection().execute(sql, rows.flat());
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

/** Waits for log rows still being written (at shutdown). */
export function flushRightCheckLog(em: EntityManager): Promise<void> {
  return writers.get(em.getDriver())?.flush() ?? Promise.resolve();
}
