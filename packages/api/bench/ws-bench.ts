// `npm run bench -w @parkeer/api` (second part): 1,000 WebSocket subscribers on loopback, one
// event published, its delivery latency to every subscriber; once with identical subscriptions
// (the server executes the event once for all) and once with a different document each. The API runs as deployed (its own
// process, production mode, in-memory pub/sub); the subscribers live in this process.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { openDatabase } from '../src/db/database.js';
import { createScratchPostgres } from '../src/db/scratch-postgres.js';
import { seedDemo } from '../src/seed/demo-seed.js';
import { Account } from '../src/model/account.entity.js';
import { AuthService } from '../src/modules/auth/auth.service.js';
import { Permit } from '../src/model/permit.entity.js';
import { startApiProcess } from '../test/api-process.js';
import { productionBenchEnv } from './production-env.js';

const subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
const warmUpEvents = 4;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const scratch = await createScratchPostgres();
let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
try {
  const orm = await openDatabase({ databaseUrl: scratch.url });
  await seedDemo(orm.em.fork(), new Date());
  const em = orm.em.fork();
  const anna = await em.findOneOrFail(Account, { email: 'anna@demo.parkeer.nl' });
  const permit = await em.findOneOrFail(Permit, { holder: anna });
  const { token } = await new AuthService(em).issue(anna, 'bearer', false, new Date());
  await orm.close();

  api = await startApiProcess(
    {
      PORT: '0',
      DATABASE_URL: scratch.url,
      ...productionBenchEnv,
      // Every subscriber connects from loopback, which counts as one client like any other.
      WS_MAX_CONNECTIONS_PER_CLIENT: String(subscribers * 2),
    },
    { nodeArgs: process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) },
  );
  const wsUrl = `${api.url.replace(/^http/, 'ws')}/graphql`;

  const graphql = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${api!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: { startSession?: { session: { id: string } } };
    };
    if (!response.ok || !body.data) throw new Error(`mutation failed: ${JSON.stringify(body)}`);
    return body.data;
  };

  let arrivals: number[] = [];
  let sessionId = '';
  // One event: the session started, or the one just started stopped.
  const event = async () => {
    arrivals = [];
    const sent = performance.now();
    if (sessionId) {
      await graphql(
        `
          mutation ($id: ID!) {
            stopSession(sessionId: $id) {
              id
            }
          }
        `,
        {
          id: sessionId,
        },
      );
      sessionId = '';
    } else {
      const data = await graphql(
        `
          mutation ($input: StartSessionInput!) {
            startSession(input: $input) {
              ... on SessionAccepted {
                session {
                  id
                }
              }
            }
          }
        `,
        {
          input: {
            productId: permit.id,
            plate: 'GB123K',
            end: new Date(Date.now() + 60 * 60_000).toISOString(),
            idempotencyKey: randomUUID(),
          },
        },
      );
      sessionId = data.startSession!.session.id;
    }
    const answered = performance.now();
    const deadline = Date.now() + 30_000;
    while (arrivals.length < subscribers && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return {
      latencies: arrivals.map((at) => at - sent).sort((a, b) => a - b),
      answeredAfter: answered - sent,
    };
  };

  // `subscribers` connections, each with one subscription to the product's session events.
  const subscribeAll = async (documentOf: (index: number) => string) => {
    const clients = await Promise.all(
      Array.from({ length: subscribers }, async (_, index) => {
        const client = createClient({
          url: wsUrl,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${token}` },
          lazy: false,
          retryAttempts: 0,
        });
        await new Promise<void>((resolve, reject) => {
          client.on('connected', () => resolve());
          client.on('error', reject);
        });
        client.subscribe(
          { query: documentOf(index), variables: { id: permit.id } },
          {
            next: () => void arrivals.push(performance.now()),
            error: (error) => console.error('subscription failed', error),
            complete: () => undefined,
          },
        );
        return client;
      }),
    );
    // Subscribing is asynchronous on the server: warm-up events, received by all, show that
    // every subscription is in place (and let the JIT settle) before anything is measured.
    for (let i = 0; i < warmUpEvents; i++) {
      const { latencies } = await event();
      if (latencies.length < subscribers) throw new Error(`warm-up: ${latencies.length} delivered`);
    }
    return clients;
  };

  const measure = async (title: string, documentOf: (index: number) => string) => {
    const clients = await subscribeAll(documentOf);
    console.log(`\n${title}`);
    const all: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const { latencies, answeredAfter } = await event();
      all.push(...latencies);
      console.log(
        [
          `  round ${round}:`,
          `${latencies.length}/${subscribers} delivered`,
          `first ${latencies[0]!.toFixed(1)} ms`,
          `p50 ${percentile(latencies, 50).toFixed(1)} ms`,
          `p99 ${percentile(latencies, 99).toFixed(1)} ms`,
          `(mutation answered after ${answeredAfter.toFixed(1)} ms)`,
        ].join('   '),
      );
      if (latencies.length < subscribers) process.exitCode = 1;
    }
    all.sort((a, b) => a - b);
    console.log(
      `  all rounds: p50 ${percentile(all, 50).toFixed(1)} ms   p99 ${percentile(all, 99).toFixed(1)} ms   (target: p99 <= 100 ms)`,
    );
    await Promise.all(clients.map((client) => client.dispose()));
  };

  console.log(
    `\n${subscribers} WebSocket subscribers on loopback, one session event (start or stop) per round; latency from sending the mutation to each subscriber's receipt:`,
  );
  await measure(
    'The same subscription on every connection (one execution per event, shared):',
    () => `subscription ($id: ID) { sessionEvents(productId: $id) { kind } }`,
  );
  // A different alias per connection: nothing to share, every subscriber executes on its own.
  await measure(
    'A different document on every connection (one execution per subscriber):',
    (index) => `subscription ($id: ID) { sessionEvents(productId: $id) { kind${index}: kind } }`,
  );
} finally {
  await api?.stop();
  await scratch.drop();
}
