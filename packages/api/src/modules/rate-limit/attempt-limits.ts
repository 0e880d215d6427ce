import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { config } from '../../config/config.js';
import { AppError } from '../../graphql/app-error.js';
import { logger } from '../../logging/logger.js';
import { counter } from '../../observability/metrics.js';
import { RateLimiterDatabase } from './database-store.js';
import {
  limitPolicies,
  lockoutMemorySeconds,
  lockoutSeconds,
  type KindOf,
  type LimitName,
  type LimitPolicy,
  type SubjectKind,
} from './limit-policies.js';

export interface Subject<Kind extends SubjectKind = SubjectKind> {
  readonly kind: Kind;
  /** An account id, an e-mail address, a client address, …: hashed before use. */
  readonly id: string;
}

/** Where and when an attempt is counted: the request's EntityManager and clock. */
export interface AttemptScope {
  readonly em: EntityManager;
  readonly now: Date;
}

/** An attempt let through; the caller says how it went (doing nothing: it counts). */
export interface Attempt {
  /**
   * It succeeded: it does not count, and the subjects of the kinds in `reset` start afresh
   * (their counts and lockout history).
   */
  succeeded(reset?: readonly SubjectKind[]): Promise<void>;
  /** It was no attempt after all (e.g. a replay): nothing counts. */
  giveBack(): Promise<void>;
}

const rateLimitedTotal = counter(
  'parkeer_rate_limited_total',
  'Attempts refused with RATE_LIMITED, by limit.',
  ['limit'],
);
const lockoutsTotal = counter(
  'parkeer_rate_limit_lockouts_total',
  'Keys locked out for reaching a limit, by limit and what the key counts.',
  ['limit', 'key'],
);

/** Refused: try again after `waitMs`. */
export function rateLimited(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError('RATE_LIMITED', { minutes: Math.max(1, Math.ceil(seconds / 60)) }, [], {
    retryAfterSeconds: seconds,
  });
}

/** A subject's key part: no e-mail address, plate or client address reaches the store or log. */
function hashed(subject: Subject): string {
  return createHash('sha256')
    .update(`${subject.kind}:${subject.id}`)
    .digest('base64url')
    .slice(0, 22);
}

interface Counted {
  readonly subject: Subject;
  readonly key: string;
  readonly policy: LimitPolicy;
  readonly limiter: RateLimiterAbstract;
  readonly lockouts: RateLimiterAbstract;
}

/**
 * The limits of limit-policies.ts on rate-limiter-flexible: on Redis when REDIS_URL is set (one
 * count for all instances; the database takes over while Redis fails), else on the database, which
 * instances share. An attempt takes a point from every subject at once; if any is over its limit
 * the attempt is refused with RATE_LIMITED and the others get their point back.
 */
export class AttemptLimits {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(
    private readonly redis: Redis | null,
    /** Keeps test runs apart on one Redis. */
    private readonly prefix = 'parkeer',
  ) {}

  private limiter(name: string, policy: { points: number; windowSeconds: number }) {
    const found = this.limiters.get(name);
    if (found) return found;
    const options = {
      keyPrefix: `${this.prefix}:${name}`,
      points: policy.points,
      duration: policy.windowSeconds,
    };
    // The EntityManager comes with each call's options (see database-store.ts).
    const database = new RateLimiterDatabase(options);
    const limiter = this.redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: this.redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: database,
        })
      : database;
    this.limiters.set(name, limiter);
    return limiter;
  }

  private counted(name: LimitName, subject: Subject): Counted {
    const policy = (limitPolicies[name] as Record<string, LimitPolicy | undefined>)[subject.kind];
    if (!policy) throw new Error(`no ${subject.kind} limit for ${name}`);
    return {
      subject,
      key: hashed(subject),
      policy,
      limiter: this.limiter(`${name}:${subject.kind}`, policy),
      lockouts: this.limiter(`${name}:${subject.kind}:lockouts`, {
        points: Number.MAX_SAFE_INTEGER,
        windowSeconds: lockoutMemorySeconds,
      }),
    };
  }

  /**
   * Counts one attempt against every subject, or throws RATE_LIMITED (with the longest wait)
   * when any of them is over its limit. Never call it inside a transaction: SQLite's one
   * connection would be the transaction's, and the count must survive a rollback.
   */
  async take<Name extends LimitName>(
    name: Name,
    subjects: readonly Subject<KindOf<Name>>[],
    scope: AttemptScope,
  ): Promise<Attempt> {
    await this.redisConnected();
    const entries = subjects.map((subject) => this.counted(name, subject));
    const options = { now: scope.now, em: scope.em };
    const results = await Promise.allSettled(
      entries.map((entry) => entry.limiter.consume(entry.key, 1, options)),
    );
    const taken = entries.filter((_, i) => results[i]!.status === 'fulfilled');
    const failure = results.find(
      (result) => result.status === 'rejected' && !(result.reason instanceof RateLimiterRes),
    ) as PromiseRejectedResult | undefined;
    const refused = entries.flatMap((entry, i) => {
      const result = results[i]!;
      return result.status === 'rejected' && result.reason instanceof RateLimiterRes
        ? [{ entry, res: result.reason }]
        : [];
    });
    if (failure || refused.length > 0) {
      await Promise.all(taken.map((entry) => entry.limiter.reward(entry.key, 1, options)));
    }
    if (failure) throw failure.reason;
    if (refused.length > 0) {
      let waitMs = 0;
      for (const { entry, res } of refused) {
        // Of attempts sent at once exactly one crosses the limit: it starts the lockout.
        const crossed = res.consumedPoints === entry.policy.points + 1;
        const ms = crossed ? await this.lockOut(name, entry, options) : res.msBeforeNext;
        waitMs = Math.max(waitMs, ms);
      }
      rateLimitedTotal.inc({ limit: name });
      throw rateLimited(waitMs);
    }
    return {
      succeeded: async (reset = []) => {
        await Promise.all(
          entries.map(async (entry) => {
            if (!reset.includes(entry.subject.kind)) {
              await entry.limiter.reward(entry.key, 1, options);
              return;
            }
            await entry.limiter.delete(entry.key, options);
            await entry.lockouts.delete(entry.key, options);
          }),
        );
      },
      giveBack: async () => {
        await Promise.all(entries.map((entry) => entry.limiter.reward(entry.key, 1, options)));
      },
    };
  }

  /**
   * A plain count per key over a fixed window, with no limit of its own: for budgets whose size
   * differs per key (a machine key's requests and cost per minute), which the caller compares.
   * On the same store as the limits (Redis, else the database).
   */
  async counter(name: string, windowSeconds: number): Promise<RateLimiterAbstract> {
    await this.redisConnected();
    return this.limiter(name, { points: Number.MAX_SAFE_INTEGER, windowSeconds });
  }

  /**
   * Waits (up to REDIS_COMMAND_TIMEOUT_MS) for a Redis connection still being made: counted in
   * the database meanwhile, the first attempts after a start would escape the shared count.
   */
  private async redisConnected(): Promise<void> {
    const redis = this.redis;
    if (!redis || !['wait', 'connecting', 'connect'].includes(redis.status)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, config().REDIS_COMMAND_TIMEOUT_MS);
      redis.once('ready', done);
    });
  }

  private async lockOut(
    name: LimitName,
    entry: Counted,
    options: { now: Date; em: EntityManager },
  ): Promise<number> {
    let seconds = entry.policy.windowSeconds;
    let lockout = 0;
    if (entry.policy.lockout) {
      lockout = (await entry.lockouts.penalty(entry.key, 1, options)).consumedPoints;
      seconds = lockoutSeconds(entry.policy, lockout);
      await entry.limiter.block(entry.key, seconds, options);
    }
    lockoutsTotal.inc({ limit: name, key: entry.subject.kind });
    logger.warn(
      {
        limit: name,
        key: entry.subject.kind,
        keyHash: entry.key.slice(0, 8),
        lockout,
        retryAfterSeconds: seconds,
      },
      'rate limit reached',
    );
    return seconds * 1000;
  }
}

let shared: { limits: AttemptLimits; redis: Redis | null } | undefined;

/** The process's limits, on Redis when REDIS_URL is set, else on the database. */
export function attemptLimits(): AttemptLimits {
  if (!shared) {
    const { REDIS_URL, REDIS_COMMAND_TIMEOUT_MS, REDIS_CHANNEL_PREFIX } = config();
    const redis = REDIS_URL
      ? new Redis(REDIS_URL, {
          commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
        })
      : null;
    // While Redis fails the database counts; ioredis reconnects by itself. One line per outage.
    let down = false;
    redis?.on('error', (error: Error) => {
      if (!down)
        logger.warn({ err: error }, 'rate limits: Redis unavailable, counting in the database');
      down = true;
    });
    redis?.on('ready', () => (down = false));
    shared = { limits: new AttemptLimits(redis, REDIS_CHANNEL_PREFIX ?? 'parkeer'), redis };
  }
  return shared.limits;
}

/** Ends the Redis connection, if any (shutdown; tests that change REDIS_URL). */
export async function closeAttemptLimits(): Promise<void> {
  const closing = shared;
  shared = undefined;
  await closing?.redis?.quit().catch(() => undefined);
}
