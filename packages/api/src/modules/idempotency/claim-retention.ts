import type { EntityManager } from '@mikro-orm/core';
import { IdempotencyClaim } from '../../model/idempotency-claim.entity.js';

/**
 * How long a key's answer is kept: retries come within minutes; after a day the same key counts
 * as new (docs/graphql.md, Idempotency keys).
 */
export const claimRetentionMs = 24 * 60 * 60_000;

/** Removes claims made more than `claimRetentionMs` before `now`; answers how many. */
export function removeExpiredClaims(em: EntityManager, now: Date): Promise<number> {
  return em.nativeDelete(IdempotencyClaim, {
    createdAt: { $lte: new Date(now.getTime() - claimRetentionMs) },
  });
}
