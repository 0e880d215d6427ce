import type { EntityManager } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { flushRightCheckLog, rightCheckLogWriter } from './right-check-log-writer.js';

/** A database whose INSERTs finish when the test says so; it records each one's rows. */
function slowDatabase() {
  const inserts: { rows: number; finish: () => void; fail: (error: Error) => void }[] = [];
  const driver = {};
  const connection = {
    execute: (_sql: string, params: unknown[]) =>
      new Promise<void>((finish, fail) => inserts.push({ rows: params.length / 8, finish, fail })),
  };
  // Not PostgreSQL's platform: the writer takes the ORM's `execute`, as on SQLite.
  const em = {
    getDriver: () => driver,
    getConnection: () => connection,
    getPlatform: () => ({}),
  } as never as EntityManager;
  return { em, inserts };
}

const row = (n: number) => [`id-${n}`, 'officer', 0, 0, 'zone', true, null, 0];
const settled = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('the right-check log writer (group commit)', () => {
  it('releases a row only once its INSERT is done, and writes rows that wait in one INSERT', async () => {
    const { em, inserts } = slowDatabase();
    const writer = rightCheckLogWriter(em);
    const done: number[] = [];
    const add = (n: number) => writer.add(row(n)).then(() => done.push(n));

    const first = add(0);
    await settled();
    expect(inserts.map((insert) => insert.rows)).toEqual([1]);
    const waiting = Array.from({ length: 10 }, (_, i) => add(i + 1));
    await settled();
    // Nothing is released while its row is not stored.
    expect(done).toEqual([]);
    expect(inserts).toHaveLength(1);

    inserts[0]!.finish();
    await first;
    expect(done).toEqual([0]);
    await settled();
    expect(inserts.map((insert) => insert.rows)).toEqual([1, 10]);
    expect(done).toEqual([0]);

    inserts[1]!.finish();
    await Promise.all(waiting);
    expect(done).toHaveLength(11);
    await flushRightCheckLog(em);
  });

  it('fails the checks of a batch that could not be written, and goes on with the next', async () => {
    const { em, inserts } = slowDatabase();
    const writer = rightCheckLogWriter(em);
    const lost = writer.add(row(1));
    await settled();
    inserts[0]!.fail(new Error('database gone'));
    await expect(lost).rejects.toThrow('database gone');

    const stored = writer.add(row(2));
    await settled();
    inserts[1]!.finish();
    await expect(stored).resolves.toBeUndefined();
  });
});
