import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { permitOnlyOperations } from '../src/graphql/permit-only-gate.js';
import { Topic } from '../src/graphql/pubsub.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { AuthSession } from '../src/model/auth-session.entity.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { hashSecret } from '../src/modules/auth/password-hash.js';
import { createSchema } from '../src/schema.js';
import { useDemoApi } from './demo-api.js';
import { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { operations, type OperationKind } from './schema-operations.js';
import { testDialects } from './test-databases.js';
import { Stream, until, wsClient } from './ws-client.js';

const dialects = await testDialects();
const minute = 60_000;

const signIn = `mutation ($number: String!, $pin: String!) {
  loginWithRegistration(input: { registrationNumber: $number, pin: $pin }) {
    productId registrationNumber idleMinutes
  }
}`;
const whoAmI = '{ registrationLogin { productId registrationNumber } me { id } }';
const productQuery = 'query ($id: ID!) { product(id: $id) { id balance { __typename } } }';
const sessionsQuery =
  'query ($id: ID) { sessions(productId: $id) { running { id channel } planned { id } } }';
const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id channel startedByMe } } } }`;
const changePin = `mutation ($input: ChangePinInput!) { changePin(input: $input) }`;

type Answer = Awaited<ReturnType<TestClient['request']>>;
const code = (answer: Answer) => answer.errors?.[0]?.extensions.code;

let trustProxy: string | undefined;
beforeAll(() => {
  // Per-client limits by the address the test names (X-Forwarded-For from loopback).
  trustProxy = process.env.TRUST_PROXY;
  process.env.TRUST_PROXY = 'loopback';
  reloadConfig();
});
afterAll(() => {
  if (trustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = trustProxy;
  reloadConfig();
});

describe.each(dialects)(
  'sign-in with a registration number and PIN on %s (docs/rules.md §6, "Sign-in with registration number and PIN")',
  (dialect) => {
    const api = useDemoApi(dialect);
    let schema: GraphQLSchema;
    let clientNumber = 0;
    /** A browser of its own address, so per-client limits of one test do not reach another. */
    const browser = () =>
      new TestClient(api.url, { 'x-forwarded-for': `203.0.113.${++clientNumber}` });
    const advance = (ms: number) => {
      api.now = new Date(api.now.getTime() + ms);
    };

    let anna: string;
    let holderEmail: string;
    let annaOther: string;
    let uncoupled: string;
    const numbers = new Map<string, string>();

    /** Gives a visitor permit a PIN the test knows; its registration number is remembered. */
    const knownPin = async (permitId: string, pin: string) => {
      const em = api.em();
      const permit = await em.findOneOrFail(Permit, { id: permitId });
      permit.pinHash = await hashSecret(pin);
      await em.flush();
      numbers.set(permitId, permit.productCode.replace(/^PK/, ''));
    };

    const signedIn = async (permitId: string, pin: string) => {
      const client = browser();
      const answer = await client.request(signIn, { number: numbers.get(permitId), pin });
      expect(answer.errors).toBeUndefined();
      return client;
    };

    beforeAll(async () => {
      schema = await createSchema();
      // A visitor permit whose holder has another product: the login must not reach that one.
      const em = api.em();
      const visitorPermits = await em.find(Permit, {
        productType: { kind: 'visitorPermit' },
        holder: { $ne: null },
      });
      for (const permit of visitorPermits) {
        const other = await em.findOne(Permit, {
          holder: permit.holder!.id,
          id: { $ne: permit.id },
        });
        if (other) {
          anna = permit.id;
          annaOther = other.id;
          break;
        }
      }
      holderEmail = (await em.findOneOrFail(Permit, { id: anna }, { populate: ['holder'] })).holder!
        .email!;
      uncoupled = (await em.findOneOrFail(Permit, { addressLabel: 'Phoenixstraat 9, Delft' })).id;
      await knownPin(anna, '4821');
      await knownPin(uncoupled, '7315');
    });

    it('signs in with the letter\'s number and PIN, "PK" and spaces or not, with a browser-session cookie and no account', async () => {
      for (const typed of [
        numbers.get(anna)!,
        `PK${numbers.get(anna)!}`,
        ` ${numbers.get(anna)!.replace(/(\d{3})/, '$1 ')}`,
      ]) {
        const client = browser();
        const answer = await client.request<{ loginWithRegistration: Record<string, unknown> }>(
          signIn,
          {
            number: typed,
            pin: '4821',
          },
        );
        expect(answer.errors, typed).toBeUndefined();
        expect(answer.data!.loginWithRegistration).toEqual({
          productId: anna,
          registrationNumber: numbers.get(anna),
          idleMinutes: 15,
        });
        expect(client.lastSetCookie).toMatch(/HttpOnly/i);
        expect(client.lastSetCookie).not.toMatch(/Expires/i);
        const me = await client.request<{ registrationLogin: unknown; me: unknown }>(whoAmI);
        expect(me.data).toEqual({
          registrationLogin: { productId: anna, registrationNumber: numbers.get(anna) },
          me: null,
        });
      }
      const row = await api
        .em()
        .findOneOrFail(AuthSession, { permit: anna }, { orderBy: { createdAt: 'desc' } });
      expect(row.account).toBeNull();
      expect(row.method).toBe('registration');
      // Audited on the permit, with its holder as the actor; no PIN in it (docs/rules.md §8).
      const audited = await api
        .em()
        .find(
          AuditEntry,
          { action: 'registrationLogin', subjectId: anna },
          { populate: ['actor'] },
        );
      expect(audited).toHaveLength(3);
      expect(audited[0]!.actor.email).toBe(holderEmail);
      expect(JSON.stringify(audited)).not.toContain('4821');
    });

    it('answers a wrong number and a wrong PIN alike, in plain words, and signs in a permit without an account', async () => {
      const wrongPin = await browser().request(signIn, { number: numbers.get(anna), pin: '0000' });
      const wrongNumber = await browser().request(signIn, { number: '99999999', pin: '4821' });
      expect(code(wrongPin)).toBe('REGISTRATION_LOGIN_FAILED');
      expect(code(wrongNumber)).toBe('REGISTRATION_LOGIN_FAILED');
      expect(wrongPin.errors![0]!.extensions.messages.nl).toContain('brief');
      expect(wrongPin.errors![0]!.extensions.stacktrace).toBeUndefined();
      const client = await signedIn(uncoupled, '7315');
      const product = await client.request<{ product: { id: string } }>(productQuery, {
        id: uncoupled,
      });
      expect(product.data?.product.id).toBe(uncoupled);
    });

    it('limits guessing per permit: five wrong PINs from five clients block the permit, the right PIN too', async () => {
      // Past the window of the wrong PIN of the test before.
      advance(16 * minute);
      const number = numbers.get(anna)!;
      for (let i = 0; i < 5; i++) {
        expect(code(await browser().request(signIn, { number, pin: `90${i}7` }))).toBe(
          'REGISTRATION_LOGIN_FAILED',
        );
      }
      const blocked = await browser().request(signIn, { number, pin: '4821' });
      expect(code(blocked)).toBe('RATE_LIMITED');
      advance(16 * minute);
      expect(code(await browser().request(signIn, { number, pin: '4821' }))).toBeUndefined();
    });

    it('limits guessing per client: ten wrong tries on ten numbers block that client for every number', async () => {
      const client = browser();
      for (let i = 0; i < 10; i++) {
        expect(code(await client.request(signIn, { number: `7700${i}`, pin: '5555' }))).toBe(
          'REGISTRATION_LOGIN_FAILED',
        );
      }
      expect(
        code(await client.request(signIn, { number: numbers.get(uncoupled), pin: '7315' })),
      ).toBe('RATE_LIMITED');
      // Another client is not held up by this one.
      expect(
        code(await browser().request(signIn, { number: numbers.get(uncoupled), pin: '7315' })),
      ).toBeUndefined();
      advance(16 * minute);
    });

    it('acts on its one permit only: never another product, even of the same holder', async () => {
      const client = await signedIn(anna, '4821');
      expect(code(await client.request(productQuery, { id: annaOther }))).toBe('NOT_FOUND');
      expect(code(await client.request(sessionsQuery, { id: annaOther }))).toBe('NOT_FOUND');
      const other = await client.request(start, {
        input: { productId: annaOther, plate: 'GB123K', idempotencyKey: `other-${dialect}` },
      });
      expect(code(other)).toBe('NOT_FOUND');
      expect(
        code(
          await client.request('query ($id: ID!) { favorites(permitId: $id) { id } }', {
            id: annaOther,
          }),
        ),
      ).toBe('NOT_FOUND');
      const own = await client.request<{ product: { id: string; balance: number } }>(productQuery, {
        id: anna,
      });
      expect(own.data?.product.id).toBe(anna);
    });

    it('starts, lists and stops a session on its permit, over the web channel and by no account', async () => {
      const client = await signedIn(anna, '4821');
      const started = await client.request<{
        startSession: {
          __typename: string;
          session: { id: string; channel: string; startedByMe: boolean };
        };
      }>(start, {
        input: { productId: anna, plate: 'GB123K', idempotencyKey: `pin-start-${dialect}` },
      });
      expect(started.errors).toBeUndefined();
      expect(started.data!.startSession.__typename).toBe('SessionAccepted');
      const session = started.data!.startSession.session;
      expect(session.channel).toBe('web');
      // Without a product id: its one permit's sessions, and only those.
      const listed = await client.request<{ sessions: { running: { id: string }[] } }>(
        sessionsQuery,
        {
          id: null,
        },
      );
      expect(listed.data!.sessions.running.map((s) => s.id)).toEqual([session.id]);
      const one = await client.request<{ session: { id: string; amountState: string } }>(
        'query ($id: ID!) { session(id: $id) { id amountState } }',
        { id: session.id },
      );
      expect(one.data?.session).toEqual({ id: session.id, amountState: 'reserved' });
      const stored = await api.em().findOneOrFail(ParkingSession, { id: session.id });
      expect(stored.startedBy ?? null).toBeNull();
      const stopped = await client.request(
        'mutation ($id: ID!) { stopSession(sessionId: $id) { status } }',
        { id: session.id },
      );
      expect(stopped.errors).toBeUndefined();
    });

    it("keeps its page live: its own permit's session events arrive, another permit's are NOT_FOUND", async () => {
      const client = await signedIn(anna, '4821');
      const cookie = client.lastSetCookie!.split(';')[0]!;
      const ws = wsClient(api.url, { cookie });
      const events = new Stream(
        ws,
        'subscription ($id: ID) { sessionEvents(productId: $id) { kind session { plate } } }',
        { id: anna },
      );
      const other = new Stream(
        ws,
        'subscription ($id: ID) { balanceEvents(productId: $id) { productId } }',
        { id: annaOther },
      );
      try {
        expect((await other.nth(0)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        await until(
          () => api.pubSub.listeners(Topic.SessionEvents, anna) > 0,
          'the subscription to start',
        );
        const started = await client.request<{
          startSession: { session: { id: string } };
        }>(start, {
          input: { productId: anna, plate: 'KL345N', idempotencyKey: `pin-live-${dialect}` },
        });
        expect(started.errors).toBeUndefined();
        const event = await events.nth(0);
        expect(event.data).toMatchObject({ sessionEvents: { kind: 'started' } });
        await client.request('mutation ($id: ID!) { stopSession(sessionId: $id) { status } }', {
          id: started.data!.startSession.session.id,
        });
      } finally {
        await events.close();
        await other.close();
        await ws.dispose();
      }
    });

    /** A query or mutation over HTTP; a subscription over graphql-ws with the same cookie. */
    const run = async (
      kind: OperationKind,
      document: string,
      client: TestClient,
      quietAfter?: number,
    ) => {
      if (kind !== 'subscription') return client.request(document);
      const cookie = client.lastSetCookie?.split(';')[0];
      const ws = wsClient(api.url, cookie ? { cookie } : {});
      const stream = new Stream(ws, document, {});
      try {
        const first = stream.nth(0, quietAfter).catch((error: unknown) => {
          if (quietAfter !== undefined && stream.isOpen) return {};
          throw error;
        });
        return (await first) as Answer;
      } finally {
        await stream.close();
        await ws.dispose();
      }
    };

    it('answers FORBIDDEN to every operation of the schema outside its allow-list, and lets the listed ones through', async () => {
      const client = await signedIn(anna, '4821');
      const walked = operations(schema);
      // The allow-list names operations that exist: a renamed one would silently leave it.
      for (const kind of ['query', 'mutation', 'subscription'] as const) {
        for (const name of permitOnlyOperations[kind]) {
          expect(
            walked.some((op) => op.kind === kind && op.name === name),
            name,
          ).toBe(true);
        }
      }
      let refused = 0;
      for (const { name, kind, document } of walked) {
        if (permitOnlyOperations[kind].has(name)) continue;
        const answer = await run(kind, document, client);
        expect(code(answer), `${kind} ${name}`).toBe('FORBIDDEN');
        expect(answer.data?.[name as never] ?? null, name).toBeNull();
        refused++;
      }
      expect(refused).toBeGreaterThan(100);
      for (const { name, kind, document } of walked) {
        if (!permitOnlyOperations[kind].has(name) || name === 'logout') continue;
        const answer = await run(kind, document, client, 1000);
        expect(['UNAUTHENTICATED', 'FORBIDDEN'], `${kind} ${name}`).not.toContain(code(answer));
      }
    }, 60_000);

    it('ends after 15 minutes without activity, and after 4 hours however active (docs/rules.md §6)', async () => {
      const client = await signedIn(anna, '4821');
      const alive = async () =>
        ((await client.request<{ registrationLogin: unknown }>(whoAmI)).data?.registrationLogin ??
          null) !== null;
      advance(14 * minute);
      expect(await alive()).toBe(true);
      // Active again: another 14 minutes from the last request.
      advance(14 * minute);
      expect(await alive()).toBe(true);
      advance(15 * minute);
      expect(await alive()).toBe(false);
      expect(code(await client.request(productQuery, { id: anna }))).toBe('UNAUTHENTICATED');

      const busy = await signedIn(anna, '4821');
      for (let elapsed = 0; elapsed < 4 * 60 - 10; elapsed += 10) {
        advance(10 * minute);
        expect(
          (await busy.request(productQuery, { id: anna })).errors,
          `${elapsed}`,
        ).toBeUndefined();
      }
      advance(10 * minute);
      expect(code(await busy.request(productQuery, { id: anna }))).toBe('UNAUTHENTICATED');
    });

    it('changes the PIN with the current one, refuses easy or malformed ones, and signs out the other PIN logins', async () => {
      const client = await signedIn(anna, '4821');
      const elsewhere = await signedIn(anna, '4821');
      const change = (currentPin: string, newPin: string, by = client) =>
        by.request(changePin, { input: { productId: anna, currentPin, newPin } });
      expect(code(await change('4821', '12'))).toBe('PIN_FORMAT');
      expect(code(await change('4821', '12a4'))).toBe('PIN_FORMAT');
      expect(code(await change('4821', '7777'))).toBe('PIN_TOO_SIMPLE');
      expect(code(await change('4821', '3456'))).toBe('PIN_TOO_SIMPLE');
      const wrong = await change('1111', '5902');
      expect(code(wrong)).toBe('PIN_CURRENT_WRONG');
      expect(wrong.errors![0]!.extensions.messages.en).toBe('The current PIN is not correct.');
      expect((await change('4821', '5902')).data).toEqual({ changePin: true });
      // This login stays; the other one, made with the old PIN, has ended.
      expect((await client.request(productQuery, { id: anna })).errors).toBeUndefined();
      expect(code(await elsewhere.request(productQuery, { id: anna }))).toBe('UNAUTHENTICATED');
      expect(
        code(await browser().request(signIn, { number: numbers.get(anna), pin: '4821' })),
      ).toBe('REGISTRATION_LOGIN_FAILED');
      await signedIn(anna, '5902');
      await knownPin(anna, '4821');
    });

    it("counts a wrong current PIN against the permit's guessing limit", async () => {
      advance(5 * 60 * minute);
      const client = await signedIn(anna, '4821');
      for (let i = 0; i < 5; i++) {
        expect(
          code(
            await client.request(changePin, {
              input: { productId: anna, currentPin: `60${i}1`, newPin: '5902' },
            }),
          ),
        ).toBe('PIN_CURRENT_WRONG');
      }
      const blocked = await client.request(changePin, {
        input: { productId: anna, currentPin: '4821', newPin: '5902' },
      });
      expect(code(blocked)).toBe('RATE_LIMITED');
      advance(5 * 60 * minute);
    });

    it("lets the holder's own login change the PIN, and no one else's", async () => {
      const holder = await loggedIn(api.url, holderEmail);
      const answer = await holder.request(changePin, {
        input: { productId: anna, currentPin: '4821', newPin: '2580' },
      });
      expect(answer.errors).toBeUndefined();
      const stranger = await loggedIn(
        api.url,
        holderEmail === 'bram@demo.parkeer.nl' ? 'anna@demo.parkeer.nl' : 'bram@demo.parkeer.nl',
      );
      expect(
        code(
          await stranger.request(changePin, {
            input: { productId: anna, currentPin: '2580', newPin: '8147' },
          }),
        ),
      ).toBe('NOT_FOUND');
      const officer = await loggedIn(api.url, 'handhaving@demo.parkeer.nl');
      expect(
        code(
          await officer.request(changePin, {
            input: { productId: anna, currentPin: '2580', newPin: '8147' },
          }),
        ),
      ).toBe('FORBIDDEN');
      await knownPin(anna, '4821');
    });

    it('signs out', async () => {
      const client = await signedIn(anna, '4821');
      expect((await client.request('mutation { logout }')).data).toEqual({ logout: true });
      expect(
        (await client.request<{ registrationLogin: unknown }>(whoAmI)).data?.registrationLogin,
      ).toBeNull();
    });
  },
);
