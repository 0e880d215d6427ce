import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, Repeater, type PubSubEventTarget } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import type { PubSub as TypeGraphqlPubSub } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { logger } from '../logging/logger.js';
import type { Channel, SessionStatus } from '../modules/session/parking-session.entity.js';

/** Every topic is per product: a subscriber listens only to the products it may read. */
export enum Topic {
  SessionEvents = 'SESSION_EVENTS',
  BalanceEvents = 'BALANCE_EVENTS',
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

export type TopicPayloads = {
  [Topic.SessionEvents]: SessionEventPayload;
  [Topic.BalanceEvents]: BalanceEventPayload;
};

/** The application's typed pub/sub: per topic and product id. */
export interface LivePubSub {
  /** Fire and forget: a lost event costs a refetch, never a failed mutation. */
  publish<T extends Topic>(topic: T, productId: string, payload: TopicPayloads[T]): void;
  subscribe<T extends Topic>(topic: T, productId: string): AsyncIterableIterator<TopicPayloads[T]>;
  /** Subscriptions open on this instance for the topic and product (tests wait on it). */
  listeners(topic: Topic, productId: string): number;
  /** What type-graphql's buildSchema wants; subscriptions themselves go through `subscribe`. */
  readonly schemaPubSub: TypeGraphqlPubSub;
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

type RawPayloads = Record<string, [string, unknown]>;

export function createLivePubSub(options: LivePubSubOptions = {}): LivePubSub {
  const log: Log = options.log ?? ((message, err) => logger.error({ err }, message));
  const prefix = options.channelPrefix ?? 'parkeer:';
  const redis = options.redisUrl ? redisClients(options.redisUrl, log) : null;
  const inner = createPubSub<RawPayloads>(
    redis ? { eventTarget: redisEventTarget(redis, log) } : {},
  );
  const counts = new Map<string, number>();
  const key = (topic: Topic, productId: string) => `${prefix}${topic}:${productId}`;

  return {
    publish(topic, productId, payload) {
      try {
        inner.publish(`${prefix}${topic}`, productId, payload);
      } catch (error) {
        log(`publishing ${topic} failed`, error);
      }
    },
    subscribe<T extends Topic>(topic: T, productId: string) {
      const channel = key(topic, productId);
      return new Repeater<TopicPayloads[T]>(async (push, stop) => {
        counts.set(channel, (counts.get(channel) ?? 0) + 1);
        const source = inner.subscribe(`${prefix}${topic}`, productId);
        void stop.then(() => {
          const left = (counts.get(channel) ?? 1) - 1;
          if (left > 0) counts.set(channel, left);
          else counts.delete(channel);
          return source.return();
        });
        for await (const payload of source) await push(payload as TopicPayloads[T]);
      });
    },
    listeners: (topic, productId) => counts.get(key(topic, productId)) ?? 0,
    schemaPubSub: {
      publish: (routingKey, ...args) => inner.publish(routingKey, ...(args as [string, unknown])),
      subscribe: (routingKey, id) => inner.subscribe(routingKey, id as string),
    },
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
function redisEventTarget(redis: RedisClients, log: Log): PubSubEventTarget<RawPayloads> {
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
