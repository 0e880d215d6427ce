import type { MikroORM } from '@mikro-orm/core';
import express, { type RequestHandler } from 'express';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { config } from '../src/config/config.js';
import { databaseFailureOf } from '../src/db/database-errors.js';
import { openDatabase } from '../src/db/database.js';
import { sqliteBusyTimeoutMs, type DatabaseLimits } from '../src/db/orm-config.js';
import { createScratchPostgres } from '../src/db/scratch-postgres.js';
import { seedDemo } from '../src/seed/demo-seed.js';
import { formatError } from '../src/graphql/error-formatting.js';
import { answerTimeout } from '../src/graphql/timeout-answer.js';
import {
  lateAnswerAfterTimeout,
  RequestDeadlinePassed,
  requestTimeout,
} from '../src/http/request-timeout.js';
import { Favorite } from '../src/model/favorite.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { createServer } from '../src/server.js';
import { loggedIn } from './login.js';
import { startTcpProxy } from './tcp-proxy.js';
import { openTestDatabase, testDialects } from './test-databases.js';

const dialects = await testDialects();
const postgres = dialects.includes('postgresql');

const short: DatabaseLimits = {
  connectMs: 1000,
  statementMs: 300,
  lockMs: 300,
  idleInTransactionMs: 2000,
};

/** A PostgreSQL session of its own, to hold locks the API then runs into. */
async function otherSession(orm: MikroORM): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: orm.config.get('clientUrl') });
  await client.connect();
  return client;
}

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 1500 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
};

describe.each(dialects)('database time limits on %s', (dialect) => {
  it('gives every pooled connection the configured limits', async () => {
    const database = await openTestDatabase(dialect);
    try {
      const connection = database.orm.em.getConnection();
      if (dialect === 'sqlite') {
        const [row] = await connection.execute<{ timeout: number }[]>('pragma busy_timeout');
        expect(row!.timeout).toBe(sqliteBusyTimeoutMs);
        return;
      }
      const settings = config();
      const expected = {
        statement_timeout: settings.DB_STATEMENT_TIMEOUT_MS,
        lock_timeout: settings.DB_LOCK_TIMEOUT_MS,
        idle_in_transaction_session_timeout: settings.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      };
      // Each transaction holds its connection until all four have one, so four pooled
      // connections answer even when the machine is too slow to overlap them by chance.
      let arrived = 0;
      let allArrived!: () => void;
      const barrier = new Promise<void>((resolve) => (allArrived = resolve));
      const seen = await Promise.all(
        Array.from({ length: 4 }, () =>
          database.orm.em.fork().transactional(async (em) => {
            const query = <T>(sql: string) =>
              em.getConnection().execute<T>(sql, [], 'all', em.getTransactionContext());
            const rows = await query<{ name: string; setting: string }[]>(
              `select name, setting from pg_settings where name in
                ('statement_timeout', 'lock_timeout', 'idle_in_transaction_session_timeout')`,
            );
            const [{ pid }] = (await query<{ pid: number }[]>(
              'select pg_backend_pid() as pid',
            )) as [{ pid: number }];
            if (++arrived === 4) allArrived();
            await barrier;
            return {
              pid,
              settings: Object.fromEntries(
                rows.map((row: { name: string; setting: string }) => [
                  row.name,
                  Number(row.setting),
                ]),
              ),
            };
          }),
        ),
      );
      expect(new Set(seen.map((session) => session.pid)).size).toBe(4);
      for (const session of seen) expect(session.settings).toEqual(expected);
    } finally {
      await database.dispose();
    }
  });

  it('answers TIMEOUT to a request over its limit, and its late work does not commit', async () => {
    const database = await openTestDatabase(dialect);
    const em = () => database.orm.em.fork();
    await em().getConnection().execute('create table deadline_probe (id varchar(36))');
    const releases: (() => void)[] = [];
    const finished: Promise<void>[] = [];
    const app = express();
    app.use(
      '/work',
      requestTimeout(200, answerTimeout),
      ((request, response, next) => {
        const late = new Promise<void>((resolve) => releases.push(resolve))
          .then(() =>
            em().transactional((tx) =>
              tx
                .getConnection()
                .execute(
                  'insert into deadline_probe (id) values (?)',
                  [String(request.query.id)],
                  'run',
                  tx.getTransactionContext(),
                ),
            ),
          )
          .then(() => void response.json({ done: true }));
        finished.push(late.catch(() => undefined));
        late.catch(next);
      }) satisfies RequestHandler,
      lateAnswerAfterTimeout,
    );
    const server = app.listen(0);
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/work`;
    const stored = async () =>
      (await em().getConnection().execute<{ id: string }[]>('select id from deadline_probe')).map(
        (row: { id: string }) => row.id,
      );
    try {
      // Work that finishes in time commits.
      const inTime = fetch(`${url}?id=in-time`);
      await until(() => releases.length === 1, 'the first request');
      releases[0]!();
      expect((await inTime).status).toBe(200);

      const late = await fetch(`${url}?id=late`, { headers: { 'accept-language': 'en' } });
      expect(late.status).toBe(503);
      const body = (await late.json()) as {
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(body.errors[0]!.extensions.code).toBe('TIMEOUT');
      expect(body.errors[0]!.message).toMatch(/took too long/);
      // The caller has its answer; now the work tries to commit, and is rolled back.
      releases[1]!();
      await Promise.all(finished);
      expect(await stored()).toEqual(['in-time']);
    } finally {
      server.close();
      await database.dispose();
    }
  });
});

describe.skipIf(!postgres)('PostgreSQL time limits', () => {
  it('stops a statement over statement_timeout with DATABASE_TIMEOUT, not INTERNAL_ERROR', async () => {
    const database = await openTestDatabase('postgresql', { limits: short });
    try {
      const failure = await database.orm.em
        .getConnection()
        .execute('select pg_sleep(2)')
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(databaseFailureOf(failure)).toBe('DATABASE_TIMEOUT');
      const formatted = formatError({ message: 'x' }, failure, () => undefined);
      expect(formatted.extensions?.code).toBe('DATABASE_TIMEOUT');
      expect(JSON.stringify(formatted)).not.toMatch(/pg_sleep|stack/);
    } finally {
      await database.dispose();
    }
  });

  it('answers DATABASE_TIMEOUT when a request waits on a lock over lock_timeout', async () => {
    const database = await openTestDatabase('postgresql', { limits: short });
    const other = await otherSession(database.orm);
    const server = await createServer({ port: 0, orm: database.orm, webDist: null });
    try {
      await seedDemo(database.orm.em.fork(), new Date());
      const anna = await loggedIn(server.url, 'anna@demo.parkeer.nl');
      const permit = await database.orm.em
        .fork()
        .findOneOrFail(Permit, { holder: { email: 'anna@demo.parkeer.nl' } }, { fields: ['id'] });
      await other.query('begin');
      await other.query('lock table favorite in access exclusive mode');
      const result = await anna.request(
        `mutation ($input: AddFavoriteInput!) { addFavorite(input: $input) { id } }`,
        { input: { permitId: permit.id, plate: 'GB-123-K', name: 'Oma' } },
      );
      expect(result.status).toBe(200);
      expect(result.errors?.[0]?.extensions.code).toBe('DATABASE_TIMEOUT');
      expect(result.errors?.[0]?.extensions.stacktrace).toBeUndefined();
    } finally {
      await other.query('rollback').catch(() => undefined);
      await other.end();
      await server.close();
      await database.dispose();
    }
  });

  it('rolls back a GraphQL mutation that was answered with TIMEOUT while it waited', async () => {
    const statements: string[] = [];
    const database = await openTestDatabase('postgresql', {
      limits: { ...short, lockMs: 10_000, statementMs: 20_000 },
      onQuery: (sql) => statements.push(sql),
    });
    const other = await otherSession(database.orm);
    const server = await createServer({
      port: 0,
      orm: database.orm,
      webDist: null,
      // Long enough for a login (argon2) on a busy machine.
      requestTimeoutMs: 3000,
    });
    try {
      await seedDemo(database.orm.em.fork(), new Date());
      const anna = await loggedIn(server.url, 'anna@demo.parkeer.nl');
      const permit = await database.orm.em
        .fork()
        .findOneOrFail(Permit, { holder: { email: 'anna@demo.parkeer.nl' } }, { fields: ['id'] });
      await other.query('begin');
      await other.query('lock table favorite in access exclusive mode');
      const result = await anna.request(
        `mutation ($input: AddFavoriteInput!) { addFavorite(input: $input) { id } }`,
        { input: { permitId: permit.id, plate: 'GB-123-K', name: 'Oma' } },
      );
      expect(result.status).toBe(503);
      expect(result.errors?.[0]?.extensions.code).toBe('TIMEOUT');

      // The lock goes; the mutation's statements run on and reach their commit, too late.
      const before = statements.length;
      await other.query('rollback');
      await until(
        () => statements.slice(before).some((sql) => /\[query\] \S*rollback/i.test(sql)),
        'the late transaction to end',
      );
      expect(await database.orm.em.fork().count(Favorite, { permit: permit.id })).toBe(0);
    } finally {
      await other.end();
      await server.close();
      await database.dispose();
    }
  });

  /** The API on a scratch database reached through a proxy the test can cut. */
  const behindProxy = async (limits?: DatabaseLimits) => {
    const scratch = await createScratchPostgres();
    const target = new URL(scratch.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const viaProxy = new URL(scratch.url);
    viaProxy.port = String(proxy.port);
    const orm = await openDatabase({ databaseUrl: viaProxy.toString(), limits });
    const server = await createServer({ port: 0, orm, webDist: null });
    await seedDemo(orm.em.fork(), new Date());
    const anna = await loggedIn(server.url, 'anna@demo.parkeer.nl');
    return {
      proxy,
      server,
      anna,
      close: async () => {
        await server.close();
        await orm.close(true);
        await proxy.close();
        await scratch.drop();
      },
    };
  };
  const me = '{ me { email } }';
  const timed = async <T>(work: () => Promise<T>) => {
    const started = performance.now();
    const result = await work();
    return { result, ms: Math.round(performance.now() - started) };
  };

  it('answers DATABASE_UNAVAILABLE when PostgreSQL is gone and new connections get no answer', async () => {
    // The configured limits (DB_CONNECT_TIMEOUT_MS), as in production.
    const api = await behindProxy();
    try {
      expect((await api.anna.request(me)).errors).toBeUndefined();
      api.proxy.cut();
      const answers = [];
      // The first may meet a pooled connection that was reset; the next wait for a new one.
      for (let i = 0; i < 3; i++) answers.push(await timed(() => api.anna.request(me)));
      for (const { result } of answers) {
        // Its login cannot be read: refused before it runs, as unavailable (not a 500).
        expect(result.status).toBe(503);
        expect(result.errors?.[0]?.extensions.code).toBe('DATABASE_UNAVAILABLE');
        expect(result.errors?.[0]?.extensions.messages.en).toMatch(/cannot be reached/);
      }
      // Without a login the operation runs, and its resolver meets the same outage.
      const login = await timed(() =>
        loggedIn(api.server.url, 'anna@demo.parkeer.nl').catch((error: Error) => error),
      );
      expect(String(login.result)).toMatch(/DATABASE_UNAVAILABLE/);
      console.info(
        `DATABASE_UNAVAILABLE after ${answers.map((answer) => answer.ms).join(', ')} ms; login after ${login.ms} ms`,
      );
    } finally {
      await api.close();
    }
  }, 60_000);

  it('gives up on connections of a PostgreSQL that went silent, and serves again once it is back', async () => {
    const api = await behindProxy(short);
    try {
      expect((await api.anna.request(me)).errors).toBeUndefined();
      // The pooled connection's next statement gets no answer, nor does a new connection.
      api.proxy.silence();
      const silent = await timed(() => api.anna.request(me));
      expect(silent.result.errors?.[0]?.extensions.code).toBe('DATABASE_UNAVAILABLE');
      console.info(`DATABASE_UNAVAILABLE after ${silent.ms} ms on a silent connection`);

      api.proxy.restore();
      // A connection left waiting for its answer is not handed out again. Others that sat idle in
      // the pool through the silence are dead too (this proxy never revives a link): each fails
      // once, typed, and is dropped; then the API serves again.
      const failures: string[] = [];
      let back = await api.anna.request(me);
      while (back.errors && failures.length < 5) {
        failures.push(String(back.errors[0]?.extensions.code));
        back = await api.anna.request(me);
      }
      expect(back.data).toEqual({ me: { email: 'anna@demo.parkeer.nl' } });
      expect(failures.every((code) => code === 'DATABASE_UNAVAILABLE')).toBe(true);
    } finally {
      await api.close();
    }
  }, 60_000);
});

describe('late work of a timed-out request', () => {
  it('answers its refused commit as TIMEOUT, not as an unexpected error', () => {
    const logged: unknown[] = [];
    const formatted = formatError({ message: 'x' }, new RequestDeadlinePassed(), (error) =>
      logged.push(error),
    );
    expect(formatted.extensions?.code).toBe('TIMEOUT');
    expect(logged).toEqual([]);
  });
});
