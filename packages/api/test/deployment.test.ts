// compose.yaml without containers (no images can be pulled here): the image's layout, its start
// script with the API instances' environment from compose.yaml, twice at once on one empty
// PostgreSQL database and one Redis, behind a load-balancing proxy on loopback
// (docs/operations.md, Containers).
import { randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase } from '../src/db/database.js';
import { createScratchPostgres, type ScratchPostgres } from '../src/db/scratch-postgres.js';
import { Topic } from '../src/graphql/pubsub.js';
import { Account } from '../src/model/account.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { seedDemo } from '../src/seed/demo-seed.js';
import { startApiScript, type ApiProcess } from './api-process.js';
import { startBalancingProxy, type BalancingProxy } from './balancing-proxy.js';
import { apiServices, environmentOf, readCompose } from './compose-file.js';
import { TestClient } from './graphql-client.js';
import { redisAnswers, requireServices, sharedRedisUrl } from './redis-available.js';
import { testDialects } from './test-databases.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// PostgreSQL as the other API tests have it (absent: required under CI, else skipped with them);
// Redis likewise.
const runs =
  (await testDialects()).includes('postgresql') &&
  requireServices(
    await redisAnswers(sharedRedisUrl),
    `Redis (${sharedRedisUrl}) for the deployment test`,
  );

/** Production refuses the demo accounts' published password: anna gets this one. */
const password = 'deployment-test-password';

describe.skipIf(!runs)('compose.yaml: two instances of the image behind a proxy', () => {
  const [[, service]] = apiServices(readCompose().services) as [[string, Record<string, any>]]; // eslint-disable-line @typescript-eslint/no-explicit-any
  const composed = environmentOf(service);
  let scratch: ScratchPostgres | undefined;
  let instances: ApiProcess[] = [];
  let proxy: BalancingProxy | undefined;
  let through: string;
  let client: Client | undefined;
  const channelPrefix = `parkeer-test-${randomUUID()}:`;
  const redis = new Redis(sharedRedisUrl, { lazyConnect: true });
  const subscribersOf = async (channel: string) =>
    Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]);

  beforeAll(async () => {
    scratch = await createScratchPostgres();
    // The image's /app, built for this run (test/api-layout-setup.ts).
    const { startScript } = inject('apiLayout');
    const env = {
      ...composed,
      // Where this machine has them, instead of compose's service names.
      DATABASE_URL: scratch.url,
      REDIS_URL: sharedRedisUrl,
      // The proxy is on loopback here, as it is at its own address in compose.
      TRUST_PROXY: 'loopback',
      // Each instance on a free port of its own (one port per container in compose).
      PORT: '0',
      // Nothing here sends mail or pays: a mail server and a payment provider that are not there.
      SMTP_URL: 'smtp://127.0.0.1:9',
      MOLLIE_API_URL: 'http://127.0.0.1:9/v2',
      // This run's channels only: other runs share the machine's Redis.
      REDIS_CHANNEL_PREFIX: channelPrefix,
    };
    // Both at once on an empty database, as `docker compose up` starts them: they migrate in
    // turn, so the second listens only after every migration ran (on a busy machine, a minute).
    instances = await Promise.all([
      startApiScript(startScript, env, { startSeconds: 120 }),
      startApiScript(startScript, env, { startSeconds: 120 }),
    ]);
    proxy = await startBalancingProxy(
      instances.map((instance) => ({
        host: '127.0.0.1',
        port: Number(new URL(instance.url).port),
      })),
    );
    through = `http://127.0.0.1:${proxy.port}`;
  }, 180_000);

  afterAll(async () => {
    await client?.dispose();
    const codes = await Promise.all(instances.map((instance) => instance.stop()));
    await proxy?.close();
    await scratch?.drop();
    redis.disconnect();
    expect(codes).toEqual([0, 0]);
  }, 60_000);

  /** A GET through the proxy on a connection of its own. */
  const get = (path: string) => fetch(through + path, { headers: { connection: 'close' } });

  it('answers ready on both instances, in production mode', async () => {
    expect(composed.NODE_ENV).toBe('production');
    // As the proxy's health check does: ask until each instance has answered ready. An instance
    // that has just started may still be connecting to Redis ("degraded" for a moment).
    const ready = new Set<number>();
    const until = Date.now() + 30_000;
    while (ready.size < 2) {
      if (Date.now() > until) expect({ ready: [...ready].sort() }).toEqual({ ready: [0, 1] });
      const asked = proxy!.routed.length;
      const response = await get('/readyz');
      const answer: unknown = await response.json();
      const ok = { status: 'ok', database: 'up', redis: 'up' };
      if (response.status === 200 && JSON.stringify(answer) === JSON.stringify(ok)) {
        ready.add(proxy!.routed[asked]!);
      } else if (Date.now() > until) {
        expect(answer).toEqual(ok);
      } else {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    expect(new Set(proxy!.routed)).toEqual(new Set([0, 1]));
    const about = await new TestClient(through, { connection: 'close' }).request<Data>(
      '{ about { demoMode } }',
    );
    expect(about.data?.about).toEqual({ demoMode: false });
  });

  it('delivers a change made through one instance to a subscriber on the other', async () => {
    const orm = await openDatabase({ databaseUrl: scratch!.url });
    let permitId: string;
    try {
      // Production seeds nothing: the demo towns are written here, and anna's password changed.
      await seedDemo(orm.em.fork(), new Date());
      const em = orm.em.fork();
      const anna = await em.findOneOrFail(Account, { email: 'anna@demo.parkeer.nl' });
      anna.passwordHash = await argon2.hash(password);
      await em.flush();
      permitId = (await em.findOneOrFail(Permit, { holder: anna }, { fields: ['id'] })).id;
    } finally {
      await orm.close(true);
    }

    const anna = new TestClient(through, { connection: 'close' });
    const login = await anna.request(
      `mutation ($email: String!, $password: String!) {
        login(input: { email: $email, password: $password }) { expiresAt } }`,
      { email: 'anna@demo.parkeer.nl', password },
    );
    expect(login.errors).toBeUndefined();
    const cookie = anna.lastSetCookie!.split(';')[0]!;
    class BrowserSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie, origin: composed.PUBLIC_URL! } });
      }
    }
    const opened = proxy!.routed.length;
    client = createClient({
      url: `${through.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: BrowserSocket,
      retryAttempts: 0,
      lazy: false,
    });
    const events = client.iterate<Data>({
      query: `subscription ($productId: ID) { sessionEvents(productId: $productId) {
        kind session { plate } } }`,
      variables: { productId: permitId },
    });
    const first = events.next();
    await new Promise<void>((resolve) => client!.on('connected', () => resolve()));
    const subscriber = proxy!.routed[opened]!;
    // Until the subscription is in Redis, the event would reach nobody: wait for it.
    const channel = `${channelPrefix}${Topic.SessionEvents}:${permitId}`;
    const deadline = Date.now() + 10_000;
    while (!(await subscribersOf(channel))) {
      if (Date.now() > deadline) throw new Error('the subscription never reached Redis');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    // The WebSocket stays open on the subscriber's instance: the next connection goes to the other.
    const start = new Date(Date.now() + 7 * 24 * 60 * 60_000);
    start.setUTCHours(9, 0, 0, 0);
    const changedAt = proxy!.routed.length;
    const started = await anna.request<Data>(
      `mutation ($input: StartSessionInput!) { startSession(input: $input) {
        __typename } }`,
      {
        input: {
          productId: permitId,
          plate: 'GB-123-K',
          start: start.toISOString(),
          end: new Date(start.getTime() + 60 * 60_000).toISOString(),
          idempotencyKey: randomUUID(),
        },
      },
    );
    expect(started.errors).toBeUndefined();
    expect(started.data?.startSession.__typename).toBe('SessionAccepted');
    expect(proxy!.routed[changedAt]).not.toBe(subscriber);

    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no event on the other instance within 10 s')), 10_000),
    );
    const received = await Promise.race([first, timeout]);
    expect(received.value?.data?.sessionEvents).toEqual({
      kind: 'started',
      session: { plate: 'GB123K' },
    });
  });
});
