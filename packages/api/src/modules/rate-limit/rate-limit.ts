import type { EntityManager } from '@mikro-orm/core';
import { RateLimitHit } from './rate-limit-hit.entity.js';

/** At most `max` counted attempts per subject within any `windowMs` (a sliding window). */
export interface RateLimit {
  /** Names what is counted; also the `bucket` column (at most 40 characters). */
  readonly bucket: string;
  readonly max: number;
  readonly windowMs: number;
}

/**
 * How long the subject must wait before the next attempt counts as allowed: 0 when it may go
 * ahead now, else the time until the oldest hit that keeps it at the limit leaves the window.
 */
export async function rateLimitWait(
  em: EntityManager,
  limit: RateLimit,
  subject: string,
  now: Date,
): Promise<number> {
  const recent = await em.find(
    RateLimitHit,
    { bucket: limit.bucket, subject, at: { $gt: new Date(now.getTime() - limit.windowMs) } },
    { orderBy: { at: 'desc' }, limit: limit.max, fields: ['at'] },
  );
  const oldestCounted = recent[limit.max - 1];
  if (!oldestCounted) return 0;
  return Math.max(0, oldestCounted.at.getTime() + limit.windowMs - now.getTime());
}

/**
 * Counts one attempt, persisted by the caller's flush. Hits that have left the window are
 * removed at once, so the table holds only what a limit still needs.
 */
export async function recordRateLimitHit(
  em: EntityManager,
  limit: RateLimit,
  subject: string,
  now: Date,
): Promise<RateLimitHit> {
  await em.nativeDelete(RateLimitHit, {
    bucket: limit.bucket,
    subject,
    at: { $lte: new Date(now.getTime() - limit.windowMs) },
  });
  return em.create(RateLimitHit, { bucket: limit.bucket, subject, at: now });
}

/** Whole minutes to wait, rounded up: "try again in 0 minutes" would be wrong. */
export function waitMinutes(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 60_000));
}

/**
 * Takes one attempt before it is judged, so attempts sent at once cannot all slip under the
 * limit: the hit is written and committed first, then counted with everyone else's. Over the
 * limit, the hit is taken back and the wait returned. Under it, the caller keeps the hit (a
 * failed attempt) or gives it back with `releaseRateLimitHit` (a successful one).
 */
export async function claimRateLimitAttempt(
  em: EntityManager,
  limit: RateLimit,
  subject: string,
  now: Date,
): Promise<
  | { readonly hit: RateLimitHit; readonly waitMs: 0 }
  | { readonly hit: null; readonly waitMs: number }
> {
  const hit = await recordRateLimitHit(em, limit, subject, now);
  await em.flush();
  const counted = await em.count(RateLimitHit, {
    bucket: limit.bucket,
    subject,
    at: { $gt: new Date(now.getTime() - limit.windowMs) },
  });
  if (counted <= limit.max) return { hit, waitMs: 0 };
  await releaseRateLimitHit(em, hit);
  return { hit: null, waitMs: Math.max(1, await rateLimitWait(em, limit, subject, now)) };
}

/** Gives back an attempt that should not count. */
export async function releaseRateLimitHit(em: EntityManager, hit: RateLimitHit): Promise<void> {
  await em.nativeDelete(RateLimitHit, { id: hit.id });
  em.getUnitOfWork().unsetIdentity(hit);
}
