// Two API processes on one PostgreSQL database and one Redis: a session started through
// instance A reaches a subscriber connected to instance B. Each instance is `src/main.ts` in a
// child process of its own (as in production), so nothing is shared but the database and Redis.
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase } from '../src/db/database.js';
import { createScratchPostgres, type ScratchPostgres } from '../src/db/scratch-postgres.js';
import { seedDemo } from '../src/seed/demo-seed.js';
import { Topic } from '../src/graphql/pubsub.js';
import { Permit } from '../src/model/permit.entity.js';
import type { TestClient } from './graphql-client.js';
import { startApiProcess, type ApiProcess } from './api-process.js';
import { redisAnswers, requireServices, sharedRedisUrl } from './redis-available.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const redisUrl = sharedRedisUrl;

// PostgreSQL as the other API tests have it (absent: required under CI, else skipped with them);
// Redis likewise.
const runs =
  (await testDialects()).includes('postgresql') &&
  requireServices(await redisAnswers(redisUrl), `Redis (${redisUrl}) for the multi-instance test`);

describe.skipIf(!runs)('two API instances on one PostgreSQL and one Redis', () => {
  // A channel prefix of this run alone: parallel runs on one Redis do not see each other.
  const channelPrefix = `parkeer-test-${randomUUID()}:`;
  let scratch: ScratchPostgres;
  let instances: ApiProcess[] = [];
  let redis: Redis;
  let annaPermit: string;
  let client: Client | undefined;
  let closeCode: number | undefined;

  beforeAll(async () => {
    scratch = await createScratchPostgres();
    // Migrated and seeded here, before the instances start, so they do not race to migrate.
    const orm = await openDatabase({ databaseUrl: scratch.url });
    try {
      await seedDemo(orm.em.fork(), new Date());
      annaPermit = (
        await orm.em
          .fork()
          .findOneOrFail(Permit, { holder: { email: 'anna@demo.parkeer.nl' } }, { fields: ['id'] })
      ).id;
    } finally {
      await orm.close(true);
    }
    const env = {
      PORT: '0',
      DATABASE_URL: scratch.url,
      REDIS_URL: redisUrl,
      REDIS_CHANNEL_PREFIX: channelPrefix,
      // Both sign payment webhooks alike, as instances behind one load balancer must.
      PAYMENT_WEBHOOK_SECRET: randomUUID(),
      SEED_DEMO: 'false',
    };
    instances = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    redis = new Redis(redisUrl);
  }, 120_000);

  afterAll(async () => {
    // Stopped with the subscription still open: SIGTERM closes it with 1001 Going Away, and a
    // graceful shutdown (WebSockets, HTTP, Redis, database) ends with 0.
    const codes = await Promise.all(instances.map((instance) => instance.stop()));
    await client?.dispose();
    redis?.disconnect();
    await scratch?.drop();
    expect(codes).toEqual([0, 0]);
    expect(closeCode).toBe(1001);
  }, 60_000);

  it('delivers a session started through instance A to a subscriber on instance B', async () => {
    const [a, b] = instances as [ApiProcess, ApiProcess];
    const anna: TestClient = await loggedIn(a.url, 'anna@demo.parkeer.nl');
    const cookie = anna.lastSetCookie!.split(';')[0]!;
    class CookieSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie } });
      }
    }
    client = createClient({
      url: `${b.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: CookieSocket,
      retryAttempts: 0,
      on: { closed: (event) => (closeCode = (event as { code: number }).code) },
    });
    const events = client.iterate<Data>({
      query: `subscription ($productId: ID) { sessionEvents(productId: $productId) {
        kind session { id productId plate } } }`,
      variables: { productId: annaPermit },
    });
    const first = events.next();

    // B has subscribed in Redis once the channel has a subscriber.
    const channel = `${channelPrefix}${Topic.SessionEvents}:${annaPermit}`;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      if (Number(count) >= 1) break;
      if (Date.now() > deadline) throw new Error('instance B never subscribed in Redis');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // A planned session next week: accepted whatever the hour the test runs at.
    const start = new Date(Date.now() + 7 * 24 * 60 * 60_000);
    start.setUTCHours(9, 0, 0, 0);
    const started = await anna.request<Data>(
      `mutation ($input: StartSessionInput!) { startSession(input: $input) {
        __typename ... on SessionAccepted { session { id } } ... on SessionRefused { reason } } }`,
      {
        input: {
          productId: annaPermit,
          plate: 'GB-123-K',
          start: start.toISOString(),
          end: new Date(start.getTime() + 60 * 60_000).toISOString(),
          idempotencyKey: randomUUID(),
        },
      },
    );
    expect(started.errors).toBeUndefined();
    expect(started.data?.startSession.__typename).toBe('SessionAccepted');

    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no event on instance B within 10 s')), 10_000),
    );
    const received = await Promise.race([first, timeout]);
    expect(received.done).toBe(false);
    expect(received.value?.data?.sessionEvents).toEqual({
      kind: 'started',
      session: {
        id: started.data?.startSession.session.id,
        productId: annaPermit,
        plate: 'GB123K',
      },
    });
  }, 60_000);
});
