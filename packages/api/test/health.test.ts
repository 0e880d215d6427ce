import { MikroORM } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { ormOptions } from '../src/db/orm-config.js';
import { createLivePubSub } from '../src/graphql/pubsub.js';
import { readinessCheck } from '../src/health/readiness.js';
import { createServer } from '../src/server.js';
import { openTestDatabase } from './test-databases.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('health and readiness', () => {
  it('is ready while the database answers: Redis away is degraded, not out of rotation', async () => {
    const database = await openTestDatabase('sqlite');
    const deadRedis = createLivePubSub({
      redisUrl: 'redis://127.0.0.1:1',
      commandTimeoutMs: 500,
      log: quiet,
    });
    // A database that cannot be reached (nothing listens there); not connected at start.
    const unreachable = await MikroORM.init({
      ...ormOptions({ databaseUrl: 'postgres://postgres@127.0.0.1:1/parkeer' }),
      connect: false,
    });
    const healthy = await createServer({ port: 0, orm: database.orm, webDist: null });
    const withoutRedis = await createServer({
      port: 0,
      orm: database.orm,
      webDist: null,
      pubSub: deadRedis,
    });
    const withoutDatabase = await createServer({ port: 0, orm: unreachable, webDist: null });
    const readyz = async (url: string) => {
      const response = await fetch(`${url}/readyz`);
      return { status: response.status, body: await response.json() };
    };
    try {
      expect(await readyz(healthy.url)).toEqual({
        status: 200,
        body: { status: 'ok', database: 'up', redis: 'off' },
      });
      expect(await readyz(withoutRedis.url)).toEqual({
        status: 200,
        body: { status: 'degraded', database: 'up', redis: 'down' },
      });
      expect(await readyz(withoutDatabase.url)).toEqual({
        status: 503,
        body: { status: 'unavailable', database: 'down', redis: 'off' },
      });
      // Alive all the same: a process that runs is not restarted for a missing dependency.
      expect((await fetch(`${withoutDatabase.url}/healthz`)).status).toBe(200);
    } finally {
      await healthy.close();
      await withoutRedis.close();
      await withoutDatabase.close();
      await deadRedis.close();
      await unreachable.close(true);
      await database.dispose();
    }
  });

  it('logs a change of the database state once, not at every poll', async () => {
    let answers = true;
    const orm = {
      em: {
        getConnection: () => ({
          execute: () => (answers ? Promise.resolve([]) : Promise.reject(new Error('gone'))),
        }),
      },
    } as unknown as MikroORM;
    const lines: string[] = [];
    const check = readinessCheck({
      orm,
      redisStatus: async () => 'off',
      log: {
        info: (_f: object, m: string) => lines.push(m),
        warn: (_f: object, m: string) => lines.push(m),
      } as never,
    });
    const poll = async (times: number) => {
      for (let i = 0; i < times; i++) await check();
    };
    await poll(3);
    answers = false;
    await poll(5);
    expect((await check()).database).toBe('down');
    answers = true;
    await poll(5);
    expect(lines).toEqual(['database down: not ready', 'database up again: ready']);
  });
});
