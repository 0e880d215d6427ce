// `npm run bench -w @parkeer/api` (second part): 1,000 WebSocket subscribers on loopback, one
// event published, its delivery latency to every subscriber. The API runs as deployed (its own
// process, production mode, in-memory pub/sub); the subscribers live in this process.
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { openDatabase } from '../src/db/database.js';
import { createScratchPostgres } from '../src/db/scratch-postgres.js';
import { seedDemo } from '../src/db/seed/demo-seed.js';
import { Account } from '../src/modules/account/account.entity.js';
import { AuthService } from '../src/modules/auth/auth.service.js';
import { Permit } from '../src/modules/permit/permit.entity.js';
import { startApiProcess } from '../test/api-process.js';

const subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const rounds = 3;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const scratch = await createScratchPostgres();
const clients: Client[] = [];
let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
try {
  const orm = await openDatabase({ databaseUrl: scratch.url });
  await seedDemo(orm.em.fork(), new Date());
  const em = orm.em.fork();
  const anna = await em.findOneOrFail(Account, { email: 'anna@demo.parkeer.nl' });
  const permit = await em.findOneOrFail(Permit, { holder: anna });
  const { token } = await new AuthService(em).issue(anna, 'bearer', false, new Date());
  await orm.close();

  api = await startApiProcess({
    PORT: '0',
    DATABASE_URL: scratch.url,
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    PAYMENT_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
  });
  const wsUrl = `${api.url.replace(/^http/, 'ws')}/graphql`;

  // Every subscriber: one connection, one subscription to the product's session events.
  const arrivals: number[][] = Array.from({ length: rounds }, () => []);
  let round = -1;
  let subscribed = 0;
  await Promise.all(
    Array.from({ length: subscribers }, async () => {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        lazy: false,
        retryAttempts: 0,
      });
      clients.push(client);
      await new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.on('error', reject);
      });
      client.subscribe(
        {
          query: `subscription ($id: ID) { sessionEvents(productId: $id) { kind } }`,
          variables: { id: permit.id },
        },
        {
          next: () => {
            if (round >= 0) arrivals[round]!.push(performance.now());
          },
          error: (error) => console.error('subscription failed', error),
          complete: () => undefined,
        },
      );
      subscribed++;
    }),
  );
  // Subscribing is asynchronous on the server: give it a moment to register every listener.
  await new Promise((resolve) => setTimeout(resolve, 1000));

  console.log(
    `\n${subscribers} WebSocket subscribers (${subscribed} subscribed) on loopback; one session event per round, latency from the mutation's request:`,
  );
  for (round = 0; round < rounds; round++) {
    const sent = performance.now();
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation ($input: StartSessionInput!) { startSession(input: $input) { __typename } }`,
        variables: {
          input: {
            productId: permit.id,
            plate: ['GB123K', 'XB123K', 'KK100B'][round],
            end: new Date(Date.now() + 60 * 60_000).toISOString(),
            idempotencyKey: randomUUID(),
          },
        },
      }),
    });
    const answered = performance.now();
    if (!response.ok) throw new Error(`start failed: ${await response.text()}`);
    const deadline = Date.now() + 10_000;
    while (arrivals[round]!.length < subscribers && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const latencies = arrivals[round]!.map((at) => at - sent).sort((a, b) => a - b);
    console.log(
      [
        `round ${round + 1}:`,
        `${latencies.length}/${subscribers} delivered`,
        `p50 ${percentile(latencies, 50).toFixed(1)} ms`,
        `p99 ${percentile(latencies, 99).toFixed(1)} ms`,
        `max ${latencies.at(-1)!.toFixed(1)} ms`,
        `(mutation answered after ${(answered - sent).toFixed(1)} ms)`,
      ].join('   '),
    );
    if (latencies.length < subscribers) process.exitCode = 1;
  }
} finally {
  await Promise.all(clients.map((client) => client.dispose()));
  await api?.stop();
  await scratch.drop();
}
