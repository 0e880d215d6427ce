// `npx tsx --conditions=@parkeer/source bench/login-flood-bench.ts`: how many wrong-password
// logins one client gets evaluated per minute (against one account, and spread over many), and
// how long a cheap request (`{ __typename }`) takes while such a flood runs. The API is
// src/main.ts in a child process on a fresh demo SQLite file; this process is the one client.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess } from '../test/api-process.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const login = `mutation ($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { expiresAt }
}`;

async function post(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return body.errors?.[0]?.extensions?.code ?? 'OK';
}

/** Wrong-password logins from `connections` loops for `seconds`; answers counted by code. */
async function flood(url: string, email: (i: number) => string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const until = Date.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const code = await post(url, login, {
          email: email(n++),
          password: 'niet-het-wachtwoord-1',
        });
        counts.set(code, (counts.get(code) ?? 0) + 1);
      }
    }),
  );
  return counts;
}

/** Sequential cheap requests for `ms`: their latencies, sorted. */
async function cheapLatencies(url: string, ms: number): Promise<number[]> {
  const latencies: number[] = [];
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const start = performance.now();
    await post(url, '{ __typename }');
    latencies.push(performance.now() - start);
  }
  return latencies.sort((a, b) => a - b);
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
const perMinute = (counts: Map<string, number>) =>
  Math.round(((counts.get('LOGIN_FAILED') ?? 0) * 60) / seconds);

const file = join(tmpdir(), `parkeer-bench-${randomBytes(4).toString('hex')}.db`);
const api = await startApiProcess({ SQLITE_FILE: file, PORT: '0', DEMO_MODE: 'true' });
try {
  await post(api.url, '{ __typename }');
  const idle = await cheapLatencies(api.url, 3000);
  console.log(
    `cheap request, idle: median ${quantile(idle, 0.5)} ms, p95 ${quantile(idle, 0.95)} ms`,
  );

  const one = await flood(api.url, () => 'anna@demo.parkeer.nl');
  console.log(
    `one account: ${perMinute(one)} wrong passwords evaluated per minute`,
    Object.fromEntries(one),
  );

  const [many, during] = await Promise.all([
    flood(api.url, (i) => `persoon${i}@example.nl`),
    new Promise((resolve) => setTimeout(resolve, 2000)).then(() =>
      cheapLatencies(api.url, (seconds - 4) * 1000),
    ),
  ]);
  console.log(
    `many accounts: ${perMinute(many)} wrong passwords evaluated per minute`,
    Object.fromEntries(many),
  );
  console.log(
    `cheap request during the flood: median ${quantile(during, 0.5)} ms, p95 ${quantile(during, 0.95)} ms, max ${quantile(during, 1)} ms (${during.length} requests)`,
  );
} finally {
  await api.stop();
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}
