import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/db/database.js';
import { createScratchPostgres } from '../src/db/scratch-postgres.js';
import { demoPassword, seedDemo } from '../src/seed/demo-seed.js';
import { Account } from '../src/model/account.entity.js';
import {
  hashSecret,
  resetPasswordHashGate,
  verifySecret,
} from '../src/modules/auth/password-hash.js';
import { createServer, type RunningServer } from '../src/server.js';
import { startApiProcess } from './api-process.js';
import { TestClient } from './graphql-client.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';
import { demoSigningKey } from '../src/modules/oauth/oauth-keys.js';

const dialects = await testDialects();
const productionEnv = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  PUBLIC_URL: 'https://parkeren.example.nl',
  PAYMENT_PROVIDER: 'mollie',
  MOLLIE_API_KEY: 'test_production_defaults',
  IDENTITY_HASH_KEY: 'test-production-defaults-identity-hash-key',
  OAUTH_COOKIE_KEYS: 'a-production-key-for-oauth-cookies-0123456789',
  OAUTH_SIGNING_KEY: demoSigningKey,
  // Empty is unset: production's own argon2 cost instead of the tests' cheap one.
  PASSWORD_HASH_MEMORY_KIB: '',
  PASSWORD_HASH_TIME_COST: '',
  PASSWORD_HASH_PARALLELISM: '',
};
const login = `mutation ($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { me { email } }
}`;

/** Runs the rest of the test with `env` on top of the process environment. */
function withEnvironment(env: Record<string, string>): void {
  Object.assign(process.env, env);
  reloadConfig();
}
const original = { ...process.env };
afterEach(() => {
  process.env = { ...original };
  reloadConfig();
});

describe.each(dialects)('deployment defaults on %s', (dialect) => {
  let database: TestDatabase;
  let webDist: string;
  const servers: RunningServer[] = [];
  const serve = async () => {
    const server = await createServer({ port: 0, orm: database.orm, webDist, pubSub: undefined });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await seedDemo(database.orm.em.fork(), new Date());
    webDist = mkdtempSync(join(tmpdir(), 'parkeer-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Parkeer</title>');
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });
  afterAll(async () => {
    await database?.dispose();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('never lets the published demo password in, in production, even on an account that has it', async () => {
    const development = await serve();
    const before = await new TestClient(development.url).request(login, {
      email: 'anna@demo.parkeer.nl',
      password: demoPassword,
    });
    expect(before.errors).toBeUndefined();

    withEnvironment(productionEnv);
    const production = await serve();
    const after = await new TestClient(production.url).request(login, {
      email: 'anna@demo.parkeer.nl',
      password: demoPassword,
    });
    expect(after.errors?.[0]?.extensions.code).toBe('LOGIN_FAILED');
  });

  it('says whether it is a demo: yes in development, never in production', async () => {
    const about = '{ about { demoMode } }';
    expect((await new TestClient((await serve()).url).request(about)).data).toEqual({
      about: { demoMode: true },
    });
    withEnvironment(productionEnv);
    expect((await new TestClient((await serve()).url).request(about)).data).toEqual({
      about: { demoMode: false },
    });
  });

  it('sends security headers with the SPA and the API, and HSTS once the address is https', async () => {
    const server = await serve();
    for (const path of ['/', '/sessies', '/healthz']) {
      const response = await fetch(server.url + path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
    const graphql = await new TestClient(server.url).request('{ __typename }');
    expect(graphql.status).toBe(200);

    withEnvironment(productionEnv);
    const https = await serve();
    const response = await fetch(`${https.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(response.headers.get('content-security-policy')).toContain('wss://parkeren.example.nl');
  });

  it('makes the login cookie Secure behind a TLS proxy, and takes the proxy word only when trusted', async () => {
    const forwarded = { 'x-forwarded-proto': 'https' };
    const untrusted = new TestClient((await serve()).url, forwarded);
    await untrusted.request(login, { email: 'bram@demo.parkeer.nl', password: demoPassword });
    expect(untrusted.lastSetCookie).not.toMatch(/Secure/i);

    withEnvironment({ TRUST_PROXY: 'loopback' });
    const behindProxy = new TestClient((await serve()).url, forwarded);
    await behindProxy.request(login, { email: 'bram@demo.parkeer.nl', password: demoPassword });
    expect(behindProxy.lastSetCookie).toMatch(/; Secure/i);

    // An https address means Secure cookies even when the proxy does not say how it was reached.
    withEnvironment({ PUBLIC_URL: 'https://parkeren.example.nl', TRUST_PROXY: 'false' });
    const https = new TestClient((await serve()).url);
    await https.request(login, { email: 'bram@demo.parkeer.nl', password: demoPassword });
    expect(https.lastSetCookie).toMatch(/; Secure/i);
  });
});

const postgres = dialects.includes('postgresql');

describe('password hashing in production', () => {
  afterEach(() => resetPasswordHashGate());

  it("hashes passwords and PINs with argon2id at argon2's own cost, whatever the tests use", async () => {
    const cheap = await hashSecret('Geheim-wachtwoord-1');
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    withEnvironment(productionEnv);
    resetPasswordHashGate();
    const hash = await hashSecret('Geheim-wachtwoord-1');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
    expect(await verifySecret(hash, 'Geheim-wachtwoord-1')).toBe(true);
  });
});

describe('starting the API process', () => {
  it('stops on a bad value with one line per problem and no stack trace', async () => {
    // The run's build of the API (test/api-layout-setup.ts): tsx took most of the 30 s on a busy CI.
    const { main } = inject('apiLayout');
    const child = fork(main, [], {
      cwd: dirname(dirname(main)),
      // Not the worker's own (its source conditions would load TypeScript).
      execArgv: [],
      env: { ...process.env, PORT: 'http', TRUST_PROXY: 'the proxy', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Parkeer cannot start; fix the environment:');
    expect(stderr).toMatch(/- PORT: .*\(got "http"\)/);
    expect(stderr).toMatch(/- TRUST_PROXY: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it.skipIf(!postgres)(
    'never seeds demo data in production',
    async () => {
      const scratch = await createScratchPostgres();
      try {
        const api = await startApiProcess({
          ...productionEnv,
          PORT: '0',
          DATABASE_URL: scratch.url,
          PUBLIC_URL: 'https://parkeren.example.nl',
        });
        await api.stop();
        const orm = await openDatabase({ databaseUrl: scratch.url });
        expect(await orm.em.fork().count(Account, {})).toBe(0);
        await orm.close(true);
        await expect(
          startApiProcess({
            ...productionEnv,
            PORT: '0',
            DATABASE_URL: scratch.url,
            SEED_DEMO: 'true',
          }),
        ).rejects.toThrow(/SEED_DEMO: demo data is never seeded in production/);
      } finally {
        await scratch.drop();
      }
      // Two API processes start (tsx) and migrate an empty PostgreSQL: 30 s is tight on a busy CI.
    },
    90_000,
  );
});
