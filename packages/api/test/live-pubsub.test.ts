import { describe, expect, it } from 'vitest';
import { createLivePubSub, Topic, type BalanceEventPayload } from '../src/graphql/pubsub.js';
import { eventsMissed } from '../src/graphql/subscriber-queue.js';

const balance = (productId: string, amount: number): BalanceEventPayload => ({
  productId,
  delegationId: null,
  amount,
  unit: 'minutes',
  at: '2026-11-23T09:00:00.000Z',
});

describe('the in-memory pub/sub', () => {
  it('delivers a subscriber the events of its products that it accepts, in order', async () => {
    const pubSub = createLivePubSub();
    const events = pubSub.subscribe(Topic.BalanceEvents, ['a', 'b'], (payload, productId) => {
      expect(payload.productId).toBe(productId);
      return payload.amount !== 13;
    });
    expect(pubSub.listeners(Topic.BalanceEvents, 'a')).toBe(1);
    expect(pubSub.listeners(Topic.BalanceEvents, 'b')).toBe(1);

    pubSub.publish(Topic.BalanceEvents, 'a', balance('a', 1));
    pubSub.publish(Topic.BalanceEvents, 'c', balance('c', 2));
    pubSub.publish(Topic.BalanceEvents, 'b', balance('b', 13));
    pubSub.publish(Topic.BalanceEvents, 'b', balance('b', 3));
    // Another topic on the same product is another channel.
    pubSub.publish(Topic.SessionEvents, 'a', {} as never);

    expect((await events.next()).value).toEqual(balance('a', 1));
    expect((await events.next()).value).toEqual(balance('b', 3));

    await events.return!();
    expect(pubSub.listeners(Topic.BalanceEvents, 'a')).toBe(0);
    expect(pubSub.listeners(Topic.BalanceEvents, 'b')).toBe(0);
    expect(await events.next()).toEqual({ value: undefined, done: true });
  });

  it('publishes after the current work, and gives every subscriber the same payload', async () => {
    const pubSub = createLivePubSub();
    const first = pubSub.subscribe(Topic.BalanceEvents, ['a'], () => true);
    const second = pubSub.subscribe(Topic.BalanceEvents, ['a'], () => true);
    const payload = balance('a', 5);
    let delivered = false;
    const firstEvent = first.next().then((event) => {
      delivered = true;
      return event;
    });
    pubSub.publish(Topic.BalanceEvents, 'a', payload);
    await Promise.resolve();
    expect(delivered).toBe(false);
    const [one, two] = await Promise.all([firstEvent, second.next()]);
    expect(delivered).toBe(true);
    expect(one.value).toBe(two.value);
  });

  it('tells a subscriber that stopped reading that it missed events, instead of dropping them silently', async () => {
    const pubSub = createLivePubSub();
    const events = pubSub.subscribe(Topic.BalanceEvents, ['a'], () => true);
    for (let amount = 0; amount < 300; amount++) {
      pubSub.publish(Topic.BalanceEvents, 'a', balance('a', amount));
    }
    await new Promise((resolve) => setImmediate(resolve));
    // The 256 it had not taken gave way to one notice; what came after it is kept.
    expect((await events.next()).value).toBe(eventsMissed);
    const rest: unknown[] = [];
    for (let amount = 256; amount < 300; amount++) rest.push((await events.next()).value);
    expect(rest).toEqual(Array.from({ length: 44 }, (_, i) => balance('a', 256 + i)));
  });

  it('keeps a subscription without products open and quiet', async () => {
    const pubSub = createLivePubSub();
    const events = pubSub.subscribe(Topic.SessionEvents, [], () => true);
    const next = events.next();
    const outcome = await Promise.race([
      next.then(() => 'event'),
      new Promise((resolve) => setTimeout(() => resolve('quiet'), 20)),
    ]);
    expect(outcome).toBe('quiet');
    await events.return!();
    expect(await next).toEqual({ value: undefined, done: true });
  });
});
