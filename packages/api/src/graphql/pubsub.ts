import { randomUUID } from 'node:crypto';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { PubSub as TypeGraphqlPubSub } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { config } from '../config/config.js';
import { logger } from '../logging/logger.js';
import { redisLink, type LinkLog, type RedisLink } from './redis-link.js';
import { SubscriberQueue, type EventsMissed } from './subscriber-queue.js';
import type { Channel, SessionStatus } from '../model/parking-session.entity.js';

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
  /** A town's machine key was rotated, revoked or changed: instances forget their cached copy. */
  PartnerKeyEvents = 'PARTNER_KEY_EVENTS',
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
  startedByAppId: string | null;
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

/** A machine key that changed (partner-key-changes.ts). */
export type PartnerKeyEventPayload = { keyId: string };

export type TopicPayloads = {
  [Topic.SessionEvents]: SessionEventPayload;
  [Topic.BalanceEvents]: BalanceEventPayload;
  [Topic.ZoneEvents]: ZoneEventPayload;
  [Topic.AccessEvents]: AccessEventPayload;
  [Topic.PartnerKeyEvents]: PartnerKeyEventPayload;
};

/** Decides per event whether a subscriber sees it; `key` is the channel it came on. */
export type Accept<T extends Topic> = (payload: TopicPayloads[T], key: string) => boolean;

/** Ends a subscription when its account loses what the subscription was started with. */
export type EndWhen = {
  readonly accountId: string;
  readonly ends: (event: AccessEventPayload) => boolean;
};

/** Whether events reach every instance: Redis answers, does not, or is not used. */
export type RedisStatus = 'up' | 'down' | 'off';

/** The application's typed pub/sub: per topic and key (a product id, or an account id). */
export interface LivePubSub {
  /** Fire and forget: a lost event costs a refetch, never a failed mutation. */
  publish<T extends Topic>(topic: T, key: string, payload: TopicPayloads[T]): void;
  /**
   * One subscriber's stream of the events of `topic` on any of `keys` that `accept` lets
   * through (decided when the event arrives, before it is queued), complete once `endWhen`
   * says so. No keys: a stream that stays open and quiet. `eventsMissed` in the stream means
   * events may have been lost (Redis was away, the subscriber fell behind): fetch again.
   */
  subscribe<T extends Topic>(
    topic: T,
    keys: readonly string[],
    accept: Accept<T>,
    endWhen?: EndWhen,
  ): AsyncIterableIterator<TopicPayloads[T] | EventsMissed>;
  /** Subscriptions open on this instance for the topic and key (tests wait on it). */
  listeners(topic: Topic, key: string): number;
  /** For readiness: `off` in memory, else whether Redis answers now. */
  redisStatus(): Promise<RedisStatus>;
  close(): Promise<void>;
}

export type LivePubSubOptions = {
  /** Unset: in memory (one instance). Set: Redis pub/sub, so events reach every instance. */
  redisUrl?: string;
  /** Redis channel names start with it, so several deployments (or test runs) can share Redis. */
  channelPrefix?: string;
  /** Default: `REDIS_COMMAND_TIMEOUT_MS`. */
  commandTimeoutMs?: number;
  log?: LivePubSubLog;
};

/** Where the pub/sub reports: pino's logger, or a test's. */
export type LivePubSubLog = LinkLog & { error(fields: object, message: string): void };

/** A subscriber on one channel: its own check, then its queue. */
type Delivery = (payload: unknown) => void;

export function createLivePubSub(options: LivePubSubOptions = {}): LivePubSub {
  const log: LivePubSubLog = options.log ?? logger;
  const prefix = options.channelPrefix ?? 'parkeer:';
  // Every subscriber's queue on this instance: each is told when events may have been lost.
  const queues = new Set<{ missed(): void }>();
  const everyoneMissedEvents = () => {
    for (const queue of queues) queue.missed();
  };
  // Instances tell each other on this channel that events may have been lost, with their id so
  // that one does not act on its own word twice.
  const missedChannel = `${prefix}events-missed`;
  const instanceId = randomUUID();
  const link = options.redisUrl
    ? redisLink({
        url: options.redisUrl,
        commandTimeoutMs: options.commandTimeoutMs ?? config().REDIS_COMMAND_TIMEOUT_MS,
        log,
        onRecovered: () => {
          // What this instance published while away reached no other instance, and what they
          // published may not have reached this one.
          everyoneMissedEvents();
          link!.publish(missedChannel, JSON.stringify({ from: instanceId }));
        },
      })
    : null;
  const remote = link ? redisEventTarget(link, log) : null;
  remote?.addEventListener(missedChannel, (event) => {
    const { from } = ((event as CustomEvent<{ from?: string } | null>).detail ?? {}) as {
      from?: string;
    };
    if (from !== instanceId) everyoneMissedEvents();
  });
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
        log.error({ err: error }, 'delivering an event failed');
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
      if (link) link.publish(channel, JSON.stringify(payload));
      // After the current work (the mutation's answer) has gone out, as it would through Redis.
      else setImmediate(() => deliver(channel, payload));
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
      const queue: SubscriberQueue<TopicPayloads[T]> = new SubscriberQueue(() => {
        queues.delete(queue);
        for (const { channel, delivery } of attached) detach(channel, delivery);
      });
      queues.add(queue);
      for (const { channel, delivery } of attached) attach(channel, delivery);
      return queue;
    },
    listeners: (topic, key) => channels.get(channelOf(topic, key))?.deliveries.size ?? 0,
    redisStatus: async () => (link ? link.status() : 'off'),
    async close() {
      await link?.close();
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

/**
 * The Redis event target of graphql-yoga on the link's subscriber connection, its
 * fire-and-forget SUBSCRIBE and UNSUBSCRIBE guarded: their failures are logged instead of
 * surfacing as unhandled rejections that would end the process. Publishing goes through the
 * link, which knows whether Redis is there.
 */
function redisEventTarget(link: RedisLink, log: LivePubSubLog): EventTarget {
  const guarded = new Proxy(link.subscriber, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property !== 'subscribe' && property !== 'unsubscribe') return value.bind(target);
      return (...args: unknown[]) =>
        (value.apply(target, args) as Promise<unknown>).catch((error: unknown) => {
          // While Redis is away this is expected (and reported once); ioredis sends the
          // queued SUBSCRIBE when it is back.
          if (!link.isUp()) return;
          log.error(
            { err: error instanceof Error ? error.message : error },
            `redis ${String(property)} failed`,
          );
        });
    },
  });
  // Its dispatchEvent (the only user of publishClient) is never called.
  return createRedisEventTarget({ publishClient: link.subscriber, subscribeClient: guarded });
}

/** In memory, or on Redis when `REDIS_URL` is set (`REDIS_CHANNEL_PREFIX` names the channels). */
export function livePubSubFromEnv(): LivePubSub {
  const settings = config();
  return createLivePubSub({
    redisUrl: settings.REDIS_URL,
    channelPrefix: settings.REDIS_CHANNEL_PREFIX,
    commandTimeoutMs: settings.REDIS_COMMAND_TIMEOUT_MS,
  });
}
