// Redis goes away and comes back: the instance stays ready (degraded), mutations still succeed,
// the outage is logged once each way, and subscribers are told to fetch again. A redis-server of
// the test's own is killed and restarted; the machine's shared Redis is never touched.
import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo-seed.js';
import { createLivePubSub, Topic, type LivePubSubLog } from '../src/graphql/pubsub.js';
import { eventsMissed } from '../src/graphql/subscriber-queue.js';
import { Permit } from '../src/model/permit.entity.js';
import { createServer } from '../src/server.js';
import { demoMonday } from './demo-api.js';
import { loggedIn } from './login.js';
import { redisServerInstalled, startPrivateRedis } from './private-redis.js';
import { startTcpProxy } from './tcp-proxy.js';
import { openTestDatabase, testDialects } from './test-databases.js';
import { Stream, until, wsClient } from './ws-client.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dialects = await testDialects();
const installed = redisServerInstalled();
if (!installed && process.env.CI === 'true') throw new Error('redis-server is required under CI');

/** Every line the pub/sub logs, as level and message. */
function capturingLog() {
  const lines: { level: string; message: string }[] = [];
  const log: LivePubSubLog = {
    info: (_fields, message) => lines.push({ level: 'info', message }),
    warn: (_fields, message) => lines.push({ level: 'warn', message }),
    error: (_fields, message) => lines.push({ level: 'error', message }),
  };
  return { lines, log };
}

/** Waits until a subscriber of `channel` is registered in Redis itself. */
async function subscribedInRedis(url: string, channel: string): Promise<void> {
  const probe = new Redis(url);
  try {
    for (let i = 0; i < 500; i++) {
      const [, count] = (await probe.pubsub('NUMSUB', channel)) as [string, number];
      if (Number(count) >= 1) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`nobody subscribed to ${channel}`);
  } finally {
    probe.disconnect();
  }
}

const startSession = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id } } } }`;
const sessionEvents = `subscription ($productId: ID) { sessionEvents(productId: $productId) {
  kind session { id } } }`;

describe.skipIf(!installed).each(dialects)('a Redis outage on %s', (dialect) => {
  it('keeps the instance ready (degraded), logs it once each way and has subscribers fetch again', async () => {
    const redis = await startPrivateRedis();
    const prefix = `parkeer-test-${randomUUID()}:`;
    const { lines, log } = capturingLog();
    const pubSub = createLivePubSub({
      redisUrl: redis.url,
      channelPrefix: prefix,
      // Long enough that a ping held up by a busy CI machine does not count as an outage: the
      // assertions below expect exactly one down and one up.
      commandTimeoutMs: 2000,
      log,
    });
    const database = await openTestDatabase(dialect);
    const server = await createServer({
      port: 0,
      orm: database.orm,
      webDist: null,
      clock: () => demoMonday,
      pubSub,
    });
    let client: Client | undefined;
    const readyz = async () => {
      const response = await fetch(`${server.url}/readyz`);
      return { status: response.status, body: (await response.json()) as Data };
    };
    const waitForRedis = async (state: 'up' | 'down') => {
      for (let i = 0; i < 200; i++) {
        const ready = await readyz();
        if (ready.body.redis === state) return ready;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`redis never reported ${state}`);
    };
    try {
      await seedDemo(database.orm.em.fork(), demoMonday);
      const anna = await loggedIn(server.url, 'anna@demo.parkeer.nl');
      const permit = (
        await database.orm.em
          .fork()
          .findOneOrFail(Permit, { holder: { email: 'anna@demo.parkeer.nl' } }, { fields: ['id'] })
      ).id;
      const start = (plate: string) =>
        anna.request<Data>(startSession, {
          input: {
            productId: permit,
            plate,
            end: new Date(demoMonday.getTime() + 60 * 60_000).toISOString(),
            idempotencyKey: randomUUID(),
          },
        });
      expect(await waitForRedis('up')).toEqual({
        status: 200,
        body: { status: 'ok', database: 'up', redis: 'up' },
      });

      client = wsClient(server.url, { cookie: anna.lastSetCookie!.split(';')[0]! });
      const stream = new Stream(client, sessionEvents, { productId: permit });
      await until(() => pubSub.listeners(Topic.SessionEvents, permit) >= 1, 'the subscription');
      await subscribedInRedis(redis.url, `${prefix}${Topic.SessionEvents}:${permit}`);

      await redis.stop();
      // Serving on, out of nobody's rotation: the database answers.
      expect(await waitForRedis('down')).toEqual({
        status: 200,
        body: { status: 'degraded', database: 'up', redis: 'down' },
      });
      // The change is committed; only its event is lost.
      expect((await start('GB-123-K')).data?.startSession.__typename).toBe('SessionAccepted');
      // ioredis keeps trying to reconnect meanwhile, several times.
      await new Promise((resolve) => setTimeout(resolve, 1500));

      await redis.start();
      const missed = await stream.nth(0, 10_000);
      expect(missed.data ?? null).toBeNull();
      expect(missed.errors?.[0]?.extensions?.code).toBe('EVENTS_MISSED');
      expect(missed.errors?.[0]?.message).toMatch(/opnieuw op/);
      expect((await waitForRedis('up')).body.status).toBe('ok');

      // The same subscription carries events again.
      expect((await start('ZT-34-PR')).data?.startSession.__typename).toBe('SessionAccepted');
      expect((await stream.nth(1)).data?.sessionEvents.kind).toBe('started');
      expect(stream.isOpen).toBe(true);

      expect(lines.filter((line) => /^redis (down|up)/.test(line.message))).toEqual([
        { level: 'warn', message: expect.stringMatching(/^redis down/) },
        { level: 'info', message: expect.stringMatching(/^redis up again/) },
      ]);
    } finally {
      await client?.dispose();
      await server.close();
      await pubSub.close();
      await database.dispose();
      await redis.stop();
    }
  }, 60_000);
});

describe.skipIf(!installed)('an instance cut off from Redis', () => {
  it('has the subscribers of every instance fetch again once it is back, each told once', async () => {
    const redis = await startPrivateRedis();
    const target = new URL(redis.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const prefix = `parkeer-test-${randomUUID()}:`;
    const quiet = capturingLog().log;
    // A reaches Redis through the proxy, B directly: only A loses it.
    const a = createLivePubSub({
      redisUrl: `redis://127.0.0.1:${proxy.port}`,
      channelPrefix: prefix,
      commandTimeoutMs: 2000,
      log: quiet,
    });
    const b = createLivePubSub({
      redisUrl: redis.url,
      channelPrefix: prefix,
      commandTimeoutMs: 2000,
      log: quiet,
    });
    try {
      const onA = a.subscribe(Topic.BalanceEvents, ['p'], () => true);
      const onB = b.subscribe(Topic.BalanceEvents, ['p'], () => true);
      await subscribedInRedis(redis.url, `${prefix}${Topic.BalanceEvents}:p`);
      for (let i = 0; i < 100 && (await a.redisStatus()) !== 'up'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      proxy.cut();
      for (let i = 0; i < 100 && (await a.redisStatus()) !== 'down'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await a.redisStatus()).toBe('down');
      // Published by A while it cannot reach Redis: B never sees it.
      a.publish(Topic.BalanceEvents, 'p', {
        productId: 'p',
        delegationId: null,
        amount: 1,
        unit: 'minutes',
        at: new Date().toISOString(),
      });

      proxy.restore();
      expect((await onB.next()).value).toBe(eventsMissed);
      expect((await onA.next()).value).toBe(eventsMissed);
      // Once each: A does not act on its own notice as well.
      const more = await Promise.race([
        onA.next().then(() => 'more'),
        new Promise((resolve) => setTimeout(() => resolve('none'), 300)),
      ]);
      expect(more).toBe('none');
    } finally {
      await a.close();
      await b.close();
      await proxy.close();
      await redis.stop();
    }
  }, 60_000);
});
