import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { PubSub as TypeGraphqlPubSub } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { logger } from '../logging/logger.js';
import { SubscriberQueue } from './subscriber-queue.js';
import type { Channel, SessionStatus } from '../modules/session/parking-session.entity.js';

/**
 * Session and balance events are per product: a subscriber listens only to the products it may
 * read. Zone events are per municipality (its admins), access events per account: they end that
 * account's subscriptions.
 */
export enum Topic {
  SessionEvents = 'SESSION_EVENTS',
  BalanceEvents = 'BALANCE_EVENTS',
  ZoneEvents = 'ZONE_EVENTS',
  AccessEvents = 'ACCESS_EVENTS',
}

/**
 * What happened to a session. `autoStopped` and `activated` (planned → running) come from
 * scheduled work, the rest from the session mutations.
 */
export const sessionEventKinds = [
  'started',
  'changed',
  'stopped',
  'deleted',
  'autoStopped',
  'activated',
] as const;
export type SessionEventKind = (typeof sessionEventKinds)[number];

/** A session as it travels: plain JSON (ISO dates), so Redis carries it unchanged. */
export type SessionSnapshot = {
  id: string;
  permitId: string;
  /** Set when a delegate started it: only that delegate (and the owner) may see it. */
  delegationId: string | null;
  plate: string;
  country: string;
  start: string;
  end: string;
  stoppedAt: string | null;
  reservation: number;
  charge: number | null;
  status: SessionStatus;
  channel: Channel;
  startedById: string | null;
  unit: BalanceUnit;
};

export type SessionEventPayload = {
  kind: SessionEventKind;
  /** ISO time of the change. */
  at: string;
  session: SessionSnapshot;
};

/** One pot of a product moved: the permit's own (delegationId null) or a delegation's. */
export type BalanceEventPayload = {
  productId: string;
  delegationId: string | null;
  amount: number;
  unit: BalanceUnit;
  at: string;
};

/** Sessions in a zone of the municipality started or ended at `at`. */
export type ZoneEventPayload = {
  zoneId: string;
  at: string;
};

/** An account lost access that open subscriptions were started with. */
export type AccessEventPayload =
  | { kind: 'loginEnded'; authSessionId: string }
  /** A password reset: every login of the account but `except` (the one that reset it). */
  | { kind: 'allLoginsEnded'; except: string | null }
  | { kind: 'delegationEnded'; delegationId: string };

export type TopicPayloads = {
  [Topic.SessionEvents]: SessionEventPayload;
  [Topic.BalanceEvents]: BalanceEventPayload;
  [Topic.ZoneEvents]: ZoneEventPayload;
  [Topic.AccessEvents]: AccessEventPayload;
};

/** Decides per event whether a subscriber sees it; `key` is the channel it came on. */
export type Accept<T extends Topic> = (payload: TopicPayloads[T], key: string) => boolean;

/** Ends a subscription when its account loses what the subscription was started with. */
export type EndWhen = {
  readonly accountId: string;
  readonly ends: (event: AccessEventPayload) => boolean;
};

/** The application's typed pub/sub: per topic and key (a product id, or an account id). */
export interface LivePubSub {
  /** Fire and forget: a lost event costs a refetch, never a failed mutation. */
  publish<T extends Topic>(topic: T, key: string, payload: TopicPayloads[T]): void;
  /**
   * One subscriber's stream of the events of `topic` on any of `keys` that `accept` lets
   * through (decided when the event arrives, before it is queued), complete once `endWhen`
   * says so. No keys: a stream that stays open and quiet.
   */
  subscribe<T extends Topic>(
    topic: T,
    keys: readonly string[],
    accept: Accept<T>,
    endWhen?: EndWhen,
  ): AsyncIterableIterator<TopicPayloads[T]>;
  /** Subscriptions open on this instance for the topic and key (tests wait on it). */
  listeners(topic: Topic, key: string): number;
  /** Resolves when Redis (if used) answers; rejects otherwise (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type LivePubSubOptions = {
  /** Unset: in memory (one instance). Set: Redis pub/sub, so events reach every instance. */
  redisUrl?: string;
  /** Redis channel names start with it, so several deployments (or test runs) can share Redis. */
  channelPrefix?: string;
  log?: Log;
};

type Log = (message: string, error: unknown) => void;

/** A subscriber on one channel: its own check, then its queue. */
type Delivery = (payload: unknown) => void;

export function createLivePubSub(options: LivePubSubOptions = {}): LivePubSub {
  const log: Log = options.log ?? ((message, err) => logger.error({ err }, message));
  const prefix = options.channelPrefix ?? 'parkeer:';
  const redis = options.redisUrl ? redisClients(options.redisUrl, log) : null;
  const remote = redis ? redisEventTarget(redis, log) : null;
  // Per channel (topic and product) the deliveries of this instance's subscribers, and the one
  // listener that receives the channel's events from Redis.
  const channels = new Map<
    string,
    { deliveries: Set<Delivery>; listener: (event: Event) => void }
  >();
  const channelOf = (topic: Topic, key: string) => `${prefix}${topic}:${key}`;

  const deliver = (channel: string, payload: unknown) => {
    const deliveries = channels.get(channel)?.deliveries;
    if (!deliveries) return;
    for (const delivery of deliveries) {
      try {
        delivery(payload);
      } catch (error) {
        log('delivering an event failed', error);
      }
    }
  };

  const attach = (channel: string, delivery: Delivery) => {
    let entry = channels.get(channel);
    if (!entry) {
      const listener = (event: Event) => deliver(channel, (event as CustomEvent<unknown>).detail);
      entry = { deliveries: new Set(), listener };
      channels.set(channel, entry);
      remote?.addEventListener(channel, listener);
    }
    entry.deliveries.add(delivery);
  };

  const detach = (channel: string, delivery: Delivery) => {
    const entry = channels.get(channel);
    if (!entry?.deliveries.delete(delivery) || entry.deliveries.size > 0) return;
    channels.delete(channel);
    remote?.removeEventListener(channel, entry.listener);
  };

  return {
    publish(topic, key, payload) {
      const channel = channelOf(topic, key);
      try {
        if (remote) remote.dispatchEvent(new CustomEvent(channel, { detail: payload }));
        // After the current work (the mutation's answer) has gone out, as it would through Redis.
        else setImmediate(() => deliver(channel, payload));
      } catch (error) {
        log(`publishing ${topic} failed`, error);
      }
    },
    subscribe<T extends Topic>(
      topic: T,
      keys: readonly string[],
      accept: Accept<T>,
      endWhen?: EndWhen,
    ) {
      const attached = keys.map((key) => {
        const delivery: Delivery = (payload) => {
          const typed = payload as TopicPayloads[T];
          if (accept(typed, key)) queue.push(typed);
        };
        return { channel: channelOf(topic, key), delivery };
      });
      if (endWhen) {
        const delivery: Delivery = (payload) => {
          if (endWhen.ends(payload as AccessEventPayload)) void queue.return();
        };
        attached.push({ channel: channelOf(Topic.AccessEvents, endWhen.accountId), delivery });
      }
      const queue = new SubscriberQueue<TopicPayloads[T]>(() => {
        for (const { channel, delivery } of attached) detach(channel, delivery);
      });
      for (const { channel, delivery } of attached) attach(channel, delivery);
      return queue;
    },
    listeners: (topic, key) => channels.get(channelOf(topic, key))?.deliveries.size ?? 0,
    async ping() {
      if (redis) await redis.publish.ping();
    },
    async close() {
      if (!redis) return;
      redis.subscribe.disconnect();
      // Lets queued publishes go out, but a Redis that is away must not hold up a shutdown.
      const quit = redis.publish.quit().catch(() => undefined);
      await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      redis.publish.disconnect();
    },
  };
}

/**
 * type-graphql wants a pub/sub for a schema with subscriptions; ours subscribe through
 * `LivePubSub` in their own `subscribe` functions, so a topic-based subscription is a mistake.
 */
export const topicsNotSupported: TypeGraphqlPubSub = {
  publish() {
    throw new Error('publish through LivePubSub');
  },
  subscribe() {
    throw new Error("subscribe through LivePubSub in the subscription's own subscribe function");
  },
};

type RedisClients = { publish: Redis; subscribe: Redis };

function redisClients(url: string, log: Log): RedisClients {
  const client = (maxRetriesPerRequest: number | null) => {
    const connection = new Redis(url, { maxRetriesPerRequest });
    connection.on('error', (error) => log('redis connection error', error));
    return connection;
  };
  // Publishing must not hang on a Redis that is away: it gives up soon (and logs). Subscribing
  // waits for Redis to come back; ioredis then subscribes to the channels again by itself.
  return { publish: client(2), subscribe: client(null) };
}

/**
 * The Redis event target of graphql-yoga, with its fire-and-forget Redis calls guarded: their
 * failures are logged instead of surfacing as unhandled rejections that would end the process.
 */
function redisEventTarget(redis: RedisClients, log: Log): EventTarget {
  const guarded = (client: Redis, methods: readonly string[]) =>
    new Proxy(client, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (!methods.includes(String(property))) return value.bind(target);
        return (...args: unknown[]) =>
          (value.apply(target, args) as Promise<unknown>).catch((error: unknown) =>
            // The message only: a Redis error can carry the command, and so a payload's plate.
            log(`redis ${String(property)} failed`, error instanceof Error ? error.message : error),
          );
      },
    });
  return createRedisEventTarget({
    publishClient: guarded(redis.publish, ['publish']),
    subscribeClient: guarded(redis.subscribe, ['subscribe', 'unsubscribe']),
  });
}

/** In memory, or on Redis when `REDIS_URL` is set (`REDIS_CHANNEL_PREFIX` names the channels). */
export function livePubSubFromEnv(env: NodeJS.ProcessEnv = process.env): LivePubSub {
  return createLivePubSub({
    redisUrl: env.REDIS_URL || undefined,
    channelPrefix: env.REDIS_CHANNEL_PREFIX || undefined,
  });
}
