// The guessing limits over graphql-ws, the argon2 gate under a login flood, and /metrics.
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { reloadConfig } from '../src/config/config.js';
import { demoPassword } from '../src/seed/demo-seed.js';
import { passwordHashGate, resetPasswordHashGate } from '../src/modules/auth/password-hash.js';
import { limitPolicies } from '../src/modules/rate-limit/limit-policies.js';
import { useDemoApi } from './demo-api.js';
import { TestClient } from './graphql-client.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const login = `mutation ($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { me { email } }
}`;
const accessToken = `mutation ($email: String!, $password: String!) {
  createAccessToken(email: $email, password: $password) { token }
}`;

type Answer = Awaited<ReturnType<TestClient['request']>>;
const code = (answer: Answer) => answer.errors?.[0]?.extensions.code ?? 'OK';

const saved: Record<string, string | undefined> = {};
function setEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!(name in saved)) saved[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  reloadConfig();
  resetPasswordHashGate();
}
// The request limit is set when the server starts: twelve production-cost hashes two at a time
// (below) may outlast the default 15 s on a loaded CI machine, which is not what they test.
beforeAll(() => setEnv({ TRUST_PROXY: 'loopback', REQUEST_TIMEOUT_MS: '120000' }));

// The gate tests need hashes that take a while, as in production: the tests' cheap cost
// (vitest.config.ts) ends a hash before the next login arrives and nothing would ever queue.
const productionCost = {
  PASSWORD_HASH_MEMORY_KIB: '65536',
  PASSWORD_HASH_TIME_COST: '3',
  PASSWORD_HASH_PARALLELISM: '4',
};
const testCost = () => ({
  PASSWORD_HASH_MEMORY_KIB: saved.PASSWORD_HASH_MEMORY_KIB,
  PASSWORD_HASH_TIME_COST: saved.PASSWORD_HASH_TIME_COST,
  PASSWORD_HASH_PARALLELISM: saved.PASSWORD_HASH_PARALLELISM,
});
afterAll(() => setEnv(saved));

/** A graphql-ws client whose upgrade request comes through the trusted proxy for `address`. */
function wsFrom(url: string, address: string): Client {
  class ForwardedSocket extends WebSocket {
    constructor(target: string, protocols?: string | string[]) {
      super(target, protocols, { headers: { 'x-forwarded-for': address } });
    }
  }
  return createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: ForwardedSocket,
    retryAttempts: 0,
  });
}

async function wsRequest(client: Client, query: string, variables: Record<string, unknown>) {
  const results: { errors?: readonly { extensions?: { code?: unknown } }[] }[] = [];
  for await (const result of client.iterate({ query, variables })) results.push(result);
  return String(results[0]?.errors?.[0]?.extensions?.code ?? 'OK');
}

describe.each(dialects)('guessing limits on every path on %s', (dialect) => {
  const api = useDemoApi(dialect);
  const from = (address: string) => new TestClient(api.url, { 'x-forwarded-for': address });

  it('limits logins and access tokens sent over graphql-ws like those over HTTP', async () => {
    const email = 'anna@demo.parkeer.nl';
    const ws = wsFrom(api.url, '203.0.113.30');
    try {
      const { points } = limitPolicies.login.account;
      for (let i = 0; i < points - 1; i++) {
        expect(await wsRequest(ws, accessToken, { email, password: `fout-${i}` })).toBe(
          'LOGIN_FAILED',
        );
      }
      expect(await wsRequest(ws, login, { email, password: 'fout' })).toBe('LOGIN_FAILED');
      expect(await wsRequest(ws, accessToken, { email, password: demoPassword })).toBe(
        'RATE_LIMITED',
      );
      // The same account over HTTP, from another client: the count is the account's.
      expect(
        code(await from('203.0.113.31').request(login, { email, password: demoPassword })),
      ).toBe('RATE_LIMITED');
    } finally {
      await ws.dispose();
    }
  });

  it('runs at most the configured argon2 hashes at once; a cheap query does not wait for them', async () => {
    setEnv({ PASSWORD_HASH_CONCURRENCY: '2', PASSWORD_HASH_QUEUE: '64', ...productionCost });
    const gate = passwordHashGate();
    const finished: string[] = [];
    const logins = Array.from({ length: 12 }, (_, i) =>
      from(`198.51.100.${100 + i}`)
        .request(login, { email: `vloed${i}@example.nl`, password: 'Geraden-1' })
        .then((answer) => {
          finished.push(`login ${code(answer)}`);
        }),
    );
    // Once logins queue at the gate, a query needing no hash goes past them.
    while (gate.queued === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const cheap = from('198.51.100.99')
      .request('{ __typename }')
      .then((answer) => {
        finished.push(`cheap ${code(answer)}`);
      });
    await Promise.all([...logins, cheap]);
    expect(
      finished.filter((entry) => entry.startsWith('login ')),
      finished.join(', '),
    ).toEqual(Array.from({ length: 12 }, () => 'login LOGIN_FAILED'));
    expect(finished.indexOf('cheap OK')).toBeGreaterThanOrEqual(0);
    expect(finished.indexOf('cheap OK')).toBeLessThan(finished.length - 1);
    expect(gate.peakRunning).toBe(2);
  });

  it('answers BUSY at once, with a retry time, when the hashing queue is full', async () => {
    setEnv({ PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE: '1', ...productionCost });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        from(`198.51.100.${150 + i}`).request(login, {
          email: `druk${i}@example.nl`,
          password: 'Geraden-1',
        }),
      ),
    );
    const busy = answers.filter((answer) => code(answer) === 'BUSY');
    expect(busy.length).toBeGreaterThan(0);
    expect(
      answers.filter((answer) => code(answer) === 'LOGIN_FAILED').length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      (busy[0]!.errors![0]!.extensions as { retryAfterSeconds?: number }).retryAfterSeconds,
    ).toBe(5);
    setEnv({ PASSWORD_HASH_CONCURRENCY: undefined, PASSWORD_HASH_QUEUE: undefined, ...testCost() });
    const metrics = await fetch(`${api.url}/metrics`);
    expect(await metrics.text()).toMatch(/^parkeer_password_hash_busy_total [1-9]/m);
  });

  it('serves /metrics to loopback clients or with METRICS_TOKEN, counting refusals by limit', async () => {
    const local = await fetch(`${api.url}/metrics`);
    expect(local.status).toBe(200);
    // Anna was refused above: the login limit's counter shows it.
    expect(await local.text()).toMatch(/^parkeer_rate_limited_total\{limit="login"\} [1-9]/m);
    const forwarded = await fetch(`${api.url}/metrics`, {
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(forwarded.status).toBe(404);
    setEnv({ METRICS_TOKEN: 'geheim-scrape-token' });
    expect((await fetch(`${api.url}/metrics`)).status).toBe(404);
    const withToken = await fetch(`${api.url}/metrics`, {
      headers: { authorization: 'Bearer geheim-scrape-token', 'x-forwarded-for': '203.0.113.9' },
    });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toContain('# TYPE parkeer_rate_limited_total counter');
    setEnv({ METRICS_TOKEN: undefined });
  });
});
