import type { Client } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { postgresServerUrl } from '../src/db/scratch-postgres.js';
import { useDemoApi } from './demo-api.js';
import { Account } from '../src/model/account.entity.js';
import { actorForAccount } from '../src/modules/admin/admin-scope.js';
import { PartnerKeyService } from '../src/modules/partner-key/partner-key.service.js';
import { useEnvironment } from './environment.js';
import { TestClient, type GraphQLErrorBody } from './graphql-client.js';
import { testDialects } from './test-databases.js';
import { closeSocket, handshake } from './ws-handshake.js';
import { Stream, wsClient } from './ws-client.js';
import { demoSigningKey } from '../src/modules/oauth/oauth-keys.js';

/*
 * Issue 13: in production the schema is not for browsing. Introspection was refused over HTTP
 * only (graphql-ws answered it, a 470-fold amplification), and "Did you mean …?" named fields
 * to whoever guessed.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dialects = await testDialects();

/**
 * What production requires besides NODE_ENV. The server under test runs on the test database;
 * DATABASE_URL is also where the tests make their scratch PostgreSQL databases.
 */
const production = {
  NODE_ENV: 'production',
  DATABASE_URL: postgresServerUrl(),
  PUBLIC_URL: 'https://parkeer.example.nl',
  PAYMENT_PROVIDER: 'mollie',
  MOLLIE_API_KEY: 'test_production_rules',
  IDENTITY_HASH_KEY: 'test-production-rules-identity-hash-key-000',
  OAUTH_COOKIE_KEYS: 'a-production-key-for-oauth-cookies-0123456789',
  OAUTH_SIGNING_KEY: demoSigningKey,
  DEMO_MODE: undefined,
  SEED_DEMO: undefined,
  CLOCK_START: undefined,
  // The tests' cheap argon2 (vitest.config.ts) is refused in production.
  PASSWORD_HASH_MEMORY_KIB: undefined,
  PASSWORD_HASH_TIME_COST: undefined,
  PASSWORD_HASH_PARALLELISM: undefined,
};

const introspection = '{ __schema { queryType { name } } }';
const misspelt = '{ abut { name } }';

for (const mode of ['development', 'production'] as const) {
  describe.each(dialects)(`${mode} rules on %s`, (dialect) => {
    useEnvironment(mode === 'production' ? production : { NODE_ENV: 'development' });
    const api = useDemoApi(dialect);
    const clients: Client[] = [];
    const sockets: WebSocket[] = [];
    afterAll(async () => {
      await Promise.all(clients.map((client) => client.dispose()));
      await Promise.all(sockets.map(closeSocket));
    });
    const overWebSocket = async (query: string) => {
      const client = wsClient(api.url);
      clients.push(client);
      return (await new Stream(client, query, {}).completed()).at(-1)!;
    };

    it(
      mode === 'production'
        ? 'refuses introspection over HTTP and over the WebSocket'
        : 'answers introspection on both paths',
      async () => {
        const http = await new TestClient(api.url).request<Data>(introspection);
        const ws = await overWebSocket(introspection);
        for (const result of [http, ws]) {
          if (mode === 'production') {
            expect(result.data ?? null).toBeNull();
            const error = result.errors![0] as GraphQLErrorBody;
            expect(error.extensions.code).toBe('BAD_USER_INPUT');
            expect(error.extensions.detail).toMatch(/introspection/i);
          } else {
            expect(result.errors).toBeUndefined();
            expect(result.data?.__schema.queryType.name).toBe('Query');
          }
        }
      },
    );

    it(`answers introspection to a town's machine key on both paths (docs/graphql.md, Machine keys)`, async () => {
      const em = api.em();
      const admin = await em.findOneOrFail(
        Account,
        { email: 'beheer@delft.demo.parkeer.nl' },
        { populate: ['municipality'] },
      );
      const actor = actorForAccount(admin.id, api.now);
      const { secret } = await new PartnerKeyService(
        em,
        {
          ...actor,
          viewer: {
            ...actor.viewer!,
            role: 'municipalAdmin',
            municipalityId: admin.municipality!.id,
          },
        },
        api.pubSub,
      ).create({ partnerName: 'Scan BV', label: 'Introspection', scopes: ['readZones'] });
      const http = await new TestClient(api.url, {
        authorization: `Bearer ${secret}`,
      }).request<Data>(introspection);
      const ws = wsClient(api.url, { bearer: secret });
      clients.push(ws);
      const overWs = (await new Stream(ws, introspection, {}).completed()).at(-1)!;
      for (const result of [http, overWs]) {
        expect(result.errors).toBeUndefined();
        expect(result.data?.__schema.queryType.name).toBe('Query');
      }
      // The same document cached from the key's request is still refused to anyone else.
      const anonymous = await new TestClient(api.url).request<Data>(introspection);
      expect(anonymous.errors?.[0]?.extensions.code).toBe(
        mode === 'production' ? 'BAD_USER_INPUT' : undefined,
      );
    });

    it(
      mode === 'production'
        ? 'names no field in its answer to a misspelt one'
        : 'suggests the field meant',
      async () => {
        const http = await new TestClient(api.url).request<Data>(misspelt);
        const ws = await overWebSocket(misspelt);
        for (const result of [http, ws]) {
          const detail = (result.errors![0] as GraphQLErrorBody).extensions.detail;
          expect(detail).toContain('Cannot query field "abut"');
          if (mode === 'production') expect(detail).not.toMatch(/Did you mean|"about"/);
          else expect(detail).toContain('Did you mean "about"?');
        }
      },
    );

    it(
      mode === 'production'
        ? 'lets WebSockets in from the public URL only, not from loopback pages'
        : 'lets WebSockets in from loopback pages (the Vite dev server)',
      async () => {
        const result = await handshake(api.url, { origin: 'http://localhost:5173' });
        if (result.kind === 'acknowledged') sockets.push(result.socket);
        expect(result.kind).toBe(mode === 'production' ? 'refused' : 'acknowledged');
        const own = await handshake(api.url, { origin: production.PUBLIC_URL });
        if (own.kind === 'acknowledged') sockets.push(own.socket);
        expect(own.kind).toBe(mode === 'production' ? 'acknowledged' : 'refused');
      },
    );

    it(
      mode === 'production'
        ? 'has no phone simulator and no phone line without its token: /demo/phone and the webhook answer 404 (docs/operations.md, Phone line)'
        : 'serves the phone simulator in demo mode (docs/operations.md, Phone line)',
      async () => {
        const simulator = await fetch(`${api.url}/demo/phone`);
        const keys = await fetch(`${api.url}/demo/phone`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ callId: 'SIMproduction01', event: 'start' }),
        });
        const about = await new TestClient(api.url).request<Data>('{ about { demoMode } }');
        if (mode === 'production') {
          expect([simulator.status, keys.status]).toEqual([404, 404]);
          const webhook = await fetch(`${api.url}/webhooks/phone/twilio`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: 'CallSid=CAproduction',
          });
          expect(webhook.status).toBe(404);
          // The SPA shows its link only when the API says it runs in demo mode.
          expect(about.data!.about.demoMode).toBe(false);
        } else {
          expect([simulator.status, keys.status]).toEqual([200, 200]);
          expect(about.data!.about.demoMode).toBe(true);
        }
      },
    );
  });
}
