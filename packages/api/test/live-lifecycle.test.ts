import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import { Topic } from '../src/graphql/pubsub.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { useDemoApi } from './demo-api.js';
import { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';
import { Stream, until, wsClient } from './ws-client.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const minute = 60_000;
const sessionEvents = `subscription ($productId: ID) { sessionEvents(productId: $productId) {
  kind session { id status delegated } } }`;
const balanceEvents = `subscription ($productId: ID) { balanceEvents(productId: $productId) {
  balance { amount } } }`;
const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id } } } }`;
const invite = `mutation ($input: InviteDelegationInput!) { inviteDelegation(input: $input) { id } }`;
const accept = `mutation ($token: String!) { acceptDelegation(input: { token: $token }) }`;
const revoke = `mutation ($id: ID!) { revokeDelegation(id: $id) { id } }`;

const dialects = await testDialects();

describe.each(dialects)('live events through a session’s whole life, on %s', (dialect) => {
  const api = useDemoApi(dialect);
  const clients: Client[] = [];
  const streams: Stream[] = [];
  afterAll(async () => {
    await Promise.all(streams.map((stream) => stream.close()));
    await Promise.all(clients.map((client) => client.dispose()));
  });

  /** A subscription over its own connection with `client`'s login cookie. */
  const subscribe = (client: TestClient, query: string, variables: Record<string, unknown>) => {
    const ws = wsClient(api.url, { cookie: client.lastSetCookie!.split(';')[0]! });
    clients.push(ws);
    const stream = new Stream(ws, query, variables);
    streams.push(stream);
    return stream;
  };
  const listening = (key: string, count: number, topic = Topic.SessionEvents) =>
    until(() => api.pubSub.listeners(topic, key) >= count, `${count} listeners on ${key}`);
  const startOn = async (client: TestClient, productId: string, plate: string, end: Date) => {
    const result = await client.request<Data>(start, {
      input: { productId, plate, end: end.toISOString(), idempotencyKey: randomUUID() },
    });
    expect(result.data?.startSession.__typename).toBe('SessionAccepted');
    return result.data!.startSession.session.id as string;
  };
  const latestMailTo = async (recipient: string) =>
    (
      await api.em().find(MailOutbox, { recipient }, { orderBy: { createdAt: 'desc' }, limit: 1 })
    )[0]!;

  it('tells of a session that reached its end when another call on the permit settles it', async () => {
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const permit = await api.permitOf('anna@demo.parkeer.nl');
    const first = await startOn(anna, permit, 'GB123K', new Date(api.now.getTime() + 30 * minute));
    const sessions = subscribe(anna, sessionEvents, { productId: permit });
    const balance = subscribe(anna, balanceEvents, { productId: permit });
    await listening(permit, 1);
    await listening(permit, 1, Topic.BalanceEvents);

    // No scheduled work runs here: the next start finds the first session past its end.
    api.now = new Date(api.now.getTime() + 45 * minute);
    const second = await startOn(anna, permit, 'XB123K', new Date(api.now.getTime() + 30 * minute));
    expect((await sessions.nth(0)).data?.sessionEvents).toMatchObject({
      kind: 'autoStopped',
      session: { id: first, status: 'ended' },
    });
    expect((await sessions.nth(1)).data?.sessionEvents).toMatchObject({
      kind: 'started',
      session: { id: second, status: 'running' },
    });
    // One balance event for the pot both moved, with the balance after both.
    expect((await balance.nth(0)).data?.balanceEvents.balance.amount).toBe(
      await api.balanceOf(permit),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(balance.received).toHaveLength(1);
  });

  it('ends the subscriptions of a login that logs out, and no other', async () => {
    const laptop = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const phone = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const permit = await api.permitOf('anna@demo.parkeer.nl');
    const before = api.pubSub.listeners(Topic.SessionEvents, permit);
    const onLaptop = subscribe(laptop, sessionEvents, {});
    const onPhone = subscribe(phone, sessionEvents, {});
    await listening(permit, before + 2);

    expect((await laptop.request('mutation { logout }')).errors).toBeUndefined();
    expect(await onLaptop.completed()).toEqual([]);
    expect(onPhone.isOpen).toBe(true);
    // The phone still hears what happens.
    const id = await startOn(phone, permit, 'KK100B', new Date(api.now.getTime() + 20 * minute));
    expect((await onPhone.nth(0)).data?.sessionEvents.session.id).toBe(id);
  });

  it('ends every other login’s subscriptions when the password is reset', async () => {
    const elsewhere = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    const permit = await api.permitOf('bram@demo.parkeer.nl');
    const stream = subscribe(elsewhere, sessionEvents, { productId: permit });
    await listening(permit, 1);
    await new TestClient(api.url).request(
      'mutation ($email: String!) { requestPasswordReset(email: $email) }',
      { email: 'bram@demo.parkeer.nl' },
    );
    const token = decodeURIComponent(
      /token=([\w%-]+)/.exec((await latestMailTo('bram@demo.parkeer.nl')).text)![1]!,
    );
    const reset = await new TestClient(api.url).request(
      `mutation ($token: String!, $password: String!) {
        resetPassword(token: $token, password: $password, passwordRepeat: $password) }`,
      { token, password: 'Een nieuw wachtwoord 42!' },
    );
    expect(reset.errors).toBeUndefined();
    expect(await stream.completed()).toEqual([]);
  });

  it('stops a revoked delegate’s sessions in view of both, then ends the delegate’s subscription', async () => {
    const owner = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const delegate = await loggedIn(api.url, 'carla@demo.parkeer.nl');
    const permit = await api.permitOf('anna@demo.parkeer.nl');
    const invited = await owner.request<Data>(invite, {
      input: {
        productId: permit,
        email: 'carla@demo.parkeer.nl',
        amount: 60,
        idempotencyKey: randomUUID(),
      },
    });
    expect(invited.errors).toBeUndefined();
    const token = /token=([\w-]+)/.exec((await latestMailTo('carla@demo.parkeer.nl')).text)?.[1];
    expect((await delegate.request<Data>(accept, { token })).errors).toBeUndefined();
    const session = await startOn(
      delegate,
      permit,
      '99-XYZ-9',
      new Date(api.now.getTime() + 20 * minute),
    );

    const before = api.pubSub.listeners(Topic.SessionEvents, permit);
    const balancesBefore = api.pubSub.listeners(Topic.BalanceEvents, permit);
    const ownerView = subscribe(owner, sessionEvents, { productId: permit });
    const delegateView = subscribe(delegate, sessionEvents, { productId: permit });
    const delegateBalance = subscribe(delegate, balanceEvents, { productId: permit });
    // All three listen before the revoke: a balance stream set up after it is refused instead.
    await listening(permit, before + 2);
    await listening(permit, balancesBefore + 1, Topic.BalanceEvents);

    const revoked = await owner.request<Data>(revoke, { id: invited.data!.inviteDelegation.id });
    expect(revoked.errors).toBeUndefined();
    const stopped = { kind: 'stopped', session: { id: session, status: 'ended', delegated: true } };
    expect((await ownerView.nth(0)).data?.sessionEvents).toMatchObject(stopped);
    const seen = await delegateView.completed();
    expect(seen.map((result) => result.data?.sessionEvents)).toMatchObject([stopped]);
    // The pot's last balance (0: everything went back), then the end.
    const pot = await delegateBalance.completed();
    expect(pot.map((result) => result.data?.balanceEvents.balance.amount)).toEqual([0]);
    expect(ownerView.isOpen).toBe(true);
  });

  it('tells of a paid top-up in the balance, once', async () => {
    const carla = await loggedIn(api.url, 'carla@demo.parkeer.nl');
    const permit = await api.permitOf('carla@demo.parkeer.nl');
    const offers = await carla.request<Data>(
      'query ($permitId: ID!) { topUpOffers(permitId: $permitId) { offers { amount } } }',
      { permitId: permit },
    );
    const amount = offers.data!.topUpOffers.offers[0].amount as number;
    const balance = subscribe(carla, balanceEvents, { productId: permit });
    await listening(permit, 1, Topic.BalanceEvents);
    const before = await api.balanceOf(permit);

    const started = await carla.request<Data>(
      `mutation ($input: StartTopUpInput!) { startTopUp(input: $input) { checkoutUrl } }`,
      { input: { permitId: permit, amount, idempotencyKey: randomUUID() } },
    );
    // The simulated bank's page: paying posts the signed webhook that credits the permit.
    const paid = await fetch(api.url + new URL(started.data!.startTopUp.checkoutUrl).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'paid' }).toString(),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect((await balance.nth(0)).data?.balanceEvents.balance.amount).toBe(before + amount);
    expect(await api.balanceOf(permit)).toBe(before + amount);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(balance.received).toHaveLength(1);
  });
});
