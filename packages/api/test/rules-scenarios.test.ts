import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../src/seed/demo-seed.js';
import { Permit } from '../src/model/permit.entity.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { createServer, type RunningServer } from '../src/server.js';
import { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';

/** The sources' session scenarios (docs/rules.md §4, §5), played through GraphQL as a client would. */
const dialects = await testDialects();
const minute = 60_000;

const quoteFields = `start end paidMinutes cost reservation runsToZero coveredUntil segments { date minutes cost }`;
const quote = `query ($input: SessionRequestInput!) { quoteSession(input: $input) {
  __typename ... on SessionQuote { ${quoteFields} }
  ... on SessionRefused { reason params proposal { ${quoteFields} } } } }`;
const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id start end status reservation channel } }
  ... on SessionRefused { reason params proposal { ${quoteFields} } } } }`;
const stop = `mutation ($id: ID!) { stopSession(sessionId: $id) { id status charge stoppedAt channel } }`;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(dialects)('the scenarios of docs/rules.md through GraphQL on %s', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  // Monday 23 November 2026, 10:00 in Amsterdam.
  let now = new Date('2026-11-23T09:00:00Z');
  const permits = new Map<string, string>();
  let key = 0;
  const nextKey = () => `scenario-${++key}`;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await seedDemo(database.orm.em.fork(), now);
    server = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => now });
    for (const permit of await database.orm.em
      .fork()
      .find(Permit, {}, { populate: ['holder', 'productType'] })) {
      if (permit.holder && permit.productType.sessionPolicy) {
        permits.set(permit.holder.email!.split('@')[0]!, permit.id);
      }
    }
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it('docs/rules.md §5 (002): without an end the session lasts the maximum of 3 hours', async () => {
    const carla = await loggedIn(server.url, 'carla@demo.parkeer.nl');
    const result = await carla.request<Data>(quote, {
      input: { productId: permits.get('carla'), plate: 'GB-123-K' },
    });
    expect(result.data?.quoteSession).toMatchObject({
      start: now.toISOString(),
      end: new Date(now.getTime() + 180 * minute).toISOString(),
      paidMinutes: 180,
      cost: 630,
    });
  });

  it('docs/rules.md §4 (002): money at an hourly tariff, 7 minutes at €2.10 cost 25 cents', async () => {
    const carla = await loggedIn(server.url, 'carla@demo.parkeer.nl');
    const started = await carla.request<Data>(start, {
      input: { productId: permits.get('carla'), plate: 'XB-123-K', idempotencyKey: nextKey() },
    });
    const id = started.data?.startSession.session.id as string;
    now = new Date(now.getTime() + 7 * minute);
    const stopped = await carla.request<Data>(stop, { id });
    expect(stopped.data?.stopSession).toMatchObject({ status: 'ended', charge: 25 });
  });

  it('docs/rules.md §5 (004): a visitor staying the night pays only the paid hours of both days', async () => {
    const anna = await loggedIn(server.url, 'anna@demo.parkeer.nl');
    const result = await anna.request<Data>(quote, {
      input: {
        productId: permits.get('anna'),
        plate: 'HT-100-B',
        start: '2026-11-23T19:00:00Z', // Monday 20:00
        end: '2026-11-24T09:00:00Z', // Tuesday 10:00
      },
    });
    expect(result.data?.quoteSession).toMatchObject({
      paidMinutes: 120,
      segments: [
        { date: '2026-11-23', minutes: 60 },
        { date: '2026-11-24', minutes: 60 },
      ],
    });
  });

  it('docs/rules.md §5 (004): when the balance runs out the session may run to zero, no refusal', async () => {
    const bram = await loggedIn(server.url, 'bram@demo.parkeer.nl');
    const result = await bram.request<Data>(quote, {
      input: {
        productId: permits.get('bram'),
        plate: 'HT-100-B',
        end: '2026-11-28T16:00:00Z', // Saturday: far more than 45 hours of paid time
      },
    });
    expect(result.data?.quoteSession).toMatchObject({
      __typename: 'SessionQuote',
      runsToZero: true,
      reservation: 45 * 60,
    });
    const quoted = result.data?.quoteSession;
    expect(new Date(quoted.coveredUntil).getTime()).toBeLessThan(new Date(quoted.end).getTime());
  });

  it('docs/rules.md §5 (003): at most 10 sessions at once; the 11th gets the earliest free start to accept', async () => {
    const anna = await loggedIn(server.url, 'anna@demo.parkeer.nl');
    const productId = permits.get('anna');
    for (let i = 0; i < 10; i++) {
      const result = await anna.request<Data>(start, {
        input: {
          productId,
          plate: `KK${100 + i}B`,
          end: new Date(now.getTime() + (60 + i) * minute).toISOString(),
          idempotencyKey: nextKey(),
        },
      });
      expect(result.data?.startSession.__typename).toBe('SessionAccepted');
    }
    const eleventh = await anna.request<Data>(start, {
      input: {
        productId,
        plate: 'GZ-123-K',
        end: new Date(now.getTime() + 120 * minute).toISOString(),
        idempotencyKey: nextKey(),
      },
    });
    expect(eleventh.data?.startSession).toMatchObject({
      __typename: 'SessionRefused',
      reason: 'SESSION_MAX_CONCURRENT_REACHED',
      params: { max: 10 },
      proposal: { start: new Date(now.getTime() + 60 * minute).toISOString() },
    });
    const proposal = eleventh.data?.startSession.proposal;
    const accepted = await anna.request<Data>(start, {
      input: {
        productId,
        plate: 'GZ-123-K',
        start: proposal.start,
        end: proposal.end,
        idempotencyKey: nextKey(),
      },
    });
    expect(accepted.data?.startSession).toMatchObject({
      __typename: 'SessionAccepted',
      session: { status: 'planned', start: proposal.start },
    });
  });

  it('docs/rules.md §5 (004): a session started in the app can be stopped on the web', async () => {
    const issued = await new TestClient(server.url).request<Data>(
      'mutation ($email: String!, $password: String!) { createAccessToken(email: $email, password: $password) { token } }',
      { email: 'bram@demo.parkeer.nl', password: demoPassword },
    );
    const app = new TestClient(server.url, {
      authorization: `Bearer ${issued.data?.createAccessToken.token}`,
    });
    const started = await app.request<Data>(start, {
      input: {
        productId: permits.get('bram'),
        plate: 'AB-123-C',
        end: new Date(now.getTime() + 60 * minute).toISOString(),
        idempotencyKey: nextKey(),
      },
    });
    expect(started.data?.startSession.session.channel).toBe('app');
    now = new Date(now.getTime() + 5 * minute);
    const web = await loggedIn(server.url, 'bram@demo.parkeer.nl');
    const stopped = await web.request<Data>(stop, { id: started.data?.startSession.session.id });
    expect(stopped.data?.stopSession).toMatchObject({ status: 'ended', charge: 5, channel: 'app' });
  });

  it("docs/rules.md §5 (000): a flexible business registration stops when the zone's paid hours end", async () => {
    const bakkerij = await loggedIn(server.url, 'bakkerij@demo.parkeer.nl');
    const productId = permits.get('bakkerij');
    // Asked first: the permit registers one plate at a time (docs/rules.md §5).
    const later = await bakkerij.request<Data>(start, {
      input: {
        productId,
        plate: 'XB-123-K',
        end: '2026-11-23T19:00:00Z',
        idempotencyKey: nextKey(),
      },
    });
    expect(later.data?.startSession).toMatchObject({
      reason: 'SESSION_PAST_END_OF_PAID_HOURS',
      proposal: { end: '2026-11-23T17:00:00.000Z' },
    });
    const byDefault = await bakkerij.request<Data>(start, {
      input: { productId, plate: 'GB-123-K', idempotencyKey: nextKey() },
    });
    // Zone H is paid until 18:00 in Amsterdam (17:00 UTC in winter).
    expect(byDefault.data?.startSession.session.end).toBe('2026-11-23T17:00:00.000Z');
    const session = await database.orm.em
      .fork()
      .findOneOrFail(ParkingSession, { id: byDefault.data?.startSession.session.id });
    expect(session.status).toBe('running');
  });
});
