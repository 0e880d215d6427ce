import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One rate-limit key's points in its current window (rate-limiter-flexible's row: key, points,
 * expire), for instances that share the database and no Redis. Written only by
 * `RateLimiterDatabase`'s atomic upserts; the key names a limit and a hashed subject, never an
 * e-mail address, plate or PIN.
 */
@Entity({ tableName: 'rate_limit_counter' })
export class RateLimitCounter {
  @PrimaryKey({ type: 'string', length: 255 })
  key!: string;

  @Property({ type: 'integer' })
  points!: number;

  /** Epoch milliseconds at which the window (or lockout) ends and the points lapse. */
  @Index()
  @Property({ type: 'bigint' })
  expire!: number;
}
