import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../src/seed/demo-seed.js';
import { createLivePubSub, Topic, type LivePubSub } from '../src/graphql/pubsub.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { createServer, type RunningServer } from '../src/server.js';
import { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';
import { Stream, until, wsClient } from './ws-client.js';

const dialects = await testDialects();

/** Monday 23 November 2026, 10:00 in Amsterdam: inside paid hours. */
const now = new Date('2026-11-23T09:00:00Z');
const hourLater = new Date(now.getTime() + 60 * 60_000).toISOString();

const sessionEvents = `subscription ($productId: ID) { sessionEvents(productId: $productId) {
  kind at session { id productId plate status end delegated startedByMe reservation } } }`;
const balanceEvents = `subscription ($productId: ID) { balanceEvents(productId: $productId) {
  productId at balance { amount unit } } }`;
const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id } } ... on SessionRefused { reason } } }`;
const changeEnd = `mutation ($input: ChangeSessionEndInput!) { changeSessionEnd(input: $input) {
  __typename ... on SessionRefused { reason } } }`;
const stop = `mutation ($id: ID!) { stopSession(sessionId: $id) { status } }`;
const invite = `mutation ($input: InviteDelegationInput!) { inviteDelegation(input: $input) { id } }`;
const accept = `mutation ($token: String!) { acceptDelegation(input: { token: $token }) }`;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
describe.each(dialects)('live session and balance events over graphql-ws on %s', (dialect) => {
  let database: TestDatabase;
  let orm: MikroORM;
  let server: RunningServer;
  let pubSub: LivePubSub;
  let anna: TestClient;
  let bram: TestClient;
  let annaCookie: string;
  let bramToken: string;
  let annaPermit: string;
  let bramPermit: string;
  const clients: Client[] = [];
  const streams: Stream[] = [];

  const subscribe = (client: Client, query: string, variables: Record<string, unknown> = {}) => {
    const stream = new Stream(client, query, variables);
    streams.push(stream);
    return stream;
  };
  const connect = (auth: { cookie?: string; bearer?: string } = {}) => {
    const client = wsClient(server.url, auth);
    clients.push(client);
    return client;
  };
  const listening = (productId: string, count: number, topic = Topic.SessionEvents) =>
    until(() => pubSub.listeners(topic, productId) >= count, `${count} listeners`);
  const startOn = async (client: TestClient, productId: string, plate: string) => {
    const result = await client.request<Data>(start, {
      input: { productId, plate, end: hourLater, idempotencyKey: randomUUID() },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.startSession.__typename).toBe('SessionAccepted');
    return result.data!.startSession.session.id as string;
  };
  const permitOf = async (email: string) =>
    (await orm.em.fork().findOneOrFail(Permit, { holder: { email } }, { fields: ['id'] })).id;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    orm = database.orm;
    await seedDemo(orm.em.fork(), now);
    pubSub = createLivePubSub();
    server = await createServer({ port: 0, orm, webDist: null, clock: () => now, pubSub });
    anna = await loggedIn(server.url, 'anna@demo.parkeer.nl');
    annaCookie = anna.lastSetCookie!.split(';')[0]!;
    bram = await loggedIn(server.url, 'bram@demo.parkeer.nl');
    const token = await new TestClient(server.url).request<Data>(
      'mutation ($email: String!, $password: String!) { createAccessToken(email: $email, password: $password) { token } }',
      { email: 'bram@demo.parkeer.nl', password: demoPassword },
    );
    bramToken = token.data!.createAccessToken.token;
    annaPermit = await permitOf('anna@demo.parkeer.nl');
    bramPermit = await permitOf('bram@demo.parkeer.nl');
  });
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await Promise.all(clients.map((c) => c.dispose()));
    await server?.close();
    await pubSub?.close();
    await database?.dispose();
  });

  it('refuses an anonymous subscription (UNAUTHENTICATED)', async () => {
    const result = await subscribe(connect(), sessionEvents, { productId: annaPermit }).nth(0);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });

  it('refuses roles other than residents and businesses (FORBIDDEN), and a malformed document', async () => {
    const enforcement = await loggedIn(server.url, 'handhaving@demo.parkeer.nl');
    const client = connect({ cookie: enforcement.lastSetCookie!.split(';')[0]! });
    const result = await subscribe(client, sessionEvents, {}).nth(0);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const malformed = await subscribe(client, 'subscription { sessionEvents { nope } }').nth(0);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("refuses someone else's product and an unknown id alike (NOT_FOUND), in the viewer's language", async () => {
    const client = connect({ bearer: bramToken });
    const foreign = await subscribe(client, sessionEvents, { productId: annaPermit }).nth(0);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const unknown = await subscribe(client, balanceEvents, { productId: randomUUID() }).nth(0);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).toBe(
      (unknown.errors?.[0]?.extensions as { messages: { nl: string } }).messages.nl,
    );
  });

  it('delivers a session started over HTTP to its owner, and nothing of it to another resident', async () => {
    const annaSessions = subscribe(connect({ cookie: annaCookie }), sessionEvents, {
      productId: annaPermit,
    });
    const annaBalance = subscribe(connect({ cookie: annaCookie }), balanceEvents, {
      productId: annaPermit,
    });
    // Bram, by bearer token, on all his products.
    const bramAll = subscribe(connect({ bearer: bramToken }), sessionEvents);
    await listening(annaPermit, 1);
    await listening(annaPermit, 1, Topic.BalanceEvents);
    await listening(bramPermit, 1);

    const id = await startOn(anna, annaPermit, 'GB-123-K');
    const event = await annaSessions.nth(0);
    expect(event.errors).toBeUndefined();
    expect(event.data?.sessionEvents).toMatchObject({
      kind: 'started',
      at: now.toISOString(),
      session: {
        id,
        productId: annaPermit,
        plate: 'GB123K',
        status: 'running',
        delegated: false,
        startedByMe: true,
      },
    });
    const reservation = event.data?.sessionEvents.session.reservation as number;
    expect(reservation).toBeGreaterThan(0);
    const balance = await annaBalance.nth(0);
    const stored = await orm.em.fork().findOneOrFail(Permit, { id: annaPermit });
    expect(balance.data?.balanceEvents).toEqual({
      productId: annaPermit,
      at: now.toISOString(),
      balance: { amount: stored.balance, unit: 'minutes' },
    });

    // Bram's own session is the first thing his subscription sees: Anna's never reached him.
    const bramsOwn = await startOn(bram, bramPermit, '12-ABC-3');
    const first = await bramAll.nth(0);
    expect(first.data?.sessionEvents.session).toMatchObject({ id: bramsOwn, startedByMe: true });
    expect(annaSessions.received).toHaveLength(1);

    // A change and a stop follow on Anna's subscription, in order.
    const later = new Date(now.getTime() + 30 * 60_000).toISOString();
    const changed = await anna.request<Data>(changeEnd, {
      input: { sessionId: id, end: later, idempotencyKey: randomUUID() },
    });
    expect(changed.data?.changeSessionEnd.__typename).toBe('SessionAccepted');
    expect((await annaSessions.nth(1)).data?.sessionEvents).toMatchObject({
      kind: 'changed',
      session: { id, end: later },
    });
    expect((await anna.request<Data>(stop, { id })).errors).toBeUndefined();
    expect((await annaSessions.nth(2)).data?.sessionEvents).toMatchObject({
      kind: 'stopped',
      session: { id, status: 'ended' },
    });
    const afterStop = await orm.em.fork().findOneOrFail(Permit, { id: annaPermit });
    await until(() => annaBalance.received.length >= 3, 'three balance events');
    expect(annaBalance.received[2]?.data?.balanceEvents.balance.amount).toBe(afterStop.balance);

    // Completing a subscription unsubscribes it on the server.
    await annaSessions.close();
    await until(() => pubSub.listeners(Topic.SessionEvents, annaPermit) === 0, 'no listeners');
  });

  it("shows a delegate only its own delegation's sessions, and the owner all of them", async () => {
    const invited = await anna.request<Data>(invite, {
      input: {
        productId: annaPermit,
        email: 'bram@demo.parkeer.nl',
        plate: '99-XYZ-9',
        amount: 120,
        idempotencyKey: randomUUID(),
      },
    });
    expect(invited.errors).toBeUndefined();
    const mail = await orm.em
      .fork()
      .findOneOrFail(
        MailOutbox,
        { recipient: 'bram@demo.parkeer.nl' },
        { orderBy: { createdAt: 'desc' } },
      );
    const token = /token=([\w-]+)/.exec(mail.text)?.[1];
    expect((await bram.request<Data>(accept, { token })).data?.acceptDelegation).toBe(annaPermit);

    const before = pubSub.listeners(Topic.SessionEvents, annaPermit);
    const owner = subscribe(connect({ cookie: annaCookie }), sessionEvents, {
      productId: annaPermit,
    });
    const delegate = subscribe(connect({ bearer: bramToken }), sessionEvents, {
      productId: annaPermit,
    });
    const delegateBalance = subscribe(connect({ bearer: bramToken }), balanceEvents, {
      productId: annaPermit,
    });
    await listening(annaPermit, before + 2);
    await listening(annaPermit, 2, Topic.BalanceEvents);

    const annas = await startOn(anna, annaPermit, 'ZZ-999-Z');
    const brams = await startOn(bram, annaPermit, '99-XYZ-9');
    expect((await owner.nth(0)).data?.sessionEvents.session).toMatchObject({
      id: annas,
      delegated: false,
    });
    expect((await owner.nth(1)).data?.sessionEvents.session).toMatchObject({
      id: brams,
      delegated: true,
      startedByMe: false,
    });
    const seen = await delegate.nth(0);
    expect(seen.data?.sessionEvents.session).toMatchObject({
      id: brams,
      delegated: true,
      startedByMe: true,
    });
    // The delegate's balance is its delegation's pot: 120 minus what its session holds.
    const pot = await delegateBalance.nth(0);
    expect(pot.data?.balanceEvents.balance.amount).toBe(
      120 - (seen.data?.sessionEvents.session.reservation as number),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delegate.received).toHaveLength(1);
    expect(delegateBalance.received).toHaveLength(1);
  });
});
