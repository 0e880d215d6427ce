import { describe, expect, it } from 'vitest';
import { createLivePubSub } from '../src/graphql/pubsub.js';
import { createServer } from '../src/server.js';
import { openTestDatabase } from './test-databases.js';

describe('health and readiness', () => {
  it('is ready when the database and the pub/sub answer, and says which does not', async () => {
    const database = await openTestDatabase('sqlite');
    const deadRedis = createLivePubSub({ redisUrl: 'redis://127.0.0.1:1', log: () => undefined });
    const healthy = await createServer({ port: 0, orm: database.orm, webDist: null });
    const cutOff = await createServer({
      port: 0,
      orm: database.orm,
      webDist: null,
      pubSub: deadRedis,
    });
    try {
      const ready = await fetch(`${healthy.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        ready: true,
        checks: { database: 'ok', pubsub: 'ok' },
      });
      const notReady = await fetch(`${cutOff.url}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({
        ready: false,
        checks: { database: 'ok', pubsub: 'failing' },
      });
      // Alive all the same: a process that runs is not restarted for a missing dependency.
      expect((await fetch(`${cutOff.url}/healthz`)).status).toBe(200);
    } finally {
      await healthy.close();
      await cutOff.close();
      await deadRedis.close();
      await database.dispose();
    }
  });
});
