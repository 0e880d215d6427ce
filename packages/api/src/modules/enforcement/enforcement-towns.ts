import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../graphql/viewer.js';
import { isPartnerKeyViewer } from '../partner-key/partner-key-auth.js';
import { enforcementTownsSql } from './right-check.sql.js';

/**
 * The towns of an enforcement account, kept briefly per database like a scan car's bearer login
 * (see bearer-cache.ts): a device checking plates all day pays no extra query per check. A town
 * given or taken away counts within `townsCacheTtlMs`, or at once after `forgetEnforcementTowns`.
 */
export const townsCacheTtlMs = 10_000;
const maxAccounts = 10_000;

interface Cached {
  readonly towns: ReadonlySet<string>;
  readonly readAt: number;
}

// Keyed by the ORM's driver: tests open several databases in one process.
const caches = new WeakMap<object, Map<string, Cached>>();

/** The ids of the municipalities whose zones the account may check. */
export async function enforcementTowns(
  em: EntityManager,
  accountId: string,
): Promise<ReadonlySet<string>> {
  const database = em.getDriver();
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new Map()));
  // A process clock: this is about the cache's age, not the business time.
  const clock = performance.now();
  const hit = cache.get(accountId);
  if (hit && clock - hit.readAt < townsCacheTtlMs && clock >= hit.readAt) return hit.towns;
  const rows: { municipality_id: string }[] = await em
    .getConnection()
    .execute(enforcementTownsSql, [accountId]);
  const towns = new Set(rows.map((row) => row.municipality_id));
  if (cache.size >= maxAccounts) cache.delete(cache.keys().next().value!);
  cache.set(accountId, { towns, readAt: clock });
  return towns;
}

/** Call after changing an account's towns, so this instance applies the change at once. */
export function forgetEnforcementTowns(em: EntityManager, accountId: string): void {
  caches.get(em.getDriver())?.delete(accountId);
}

/**
 * The towns whose zones a checker may check: an enforcement account's towns, or the one town of
 * a town's machine key (docs/security.md, "Machine keys").
 */
export function checkerTowns(em: EntityManager, viewer: Viewer): Promise<ReadonlySet<string>> {
  if (isPartnerKeyViewer(viewer)) {
    return Promise.resolve(new Set(viewer.municipalityId ? [viewer.municipalityId] : []));
  }
  return enforcementTowns(em, viewer.accountId);
}
