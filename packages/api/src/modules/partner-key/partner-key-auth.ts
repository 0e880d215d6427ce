import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../graphql/viewer.js';
import { countPartnerKeyRequest } from './partner-key-usage.js';
import { parsePartnerKey, secretMatches } from './partner-key-secret.js';

/** What a request authenticated with a machine key may spend, and where it is counted. */
export interface PartnerKeyGrant {
  readonly keyId: string;
  readonly municipalityId: string;
  readonly timeZone: string;
  /** Per minute; null: the configured default. */
  readonly requestsPerMinute: number | null;
  readonly costPerMinute: number | null;
}

/** A key's row as `keySql` returns it (dates and JSON as the dialect stores them). */
interface KeyRow {
  id: string;
  municipality_id: string;
  time_zone: string;
  scopes: string | string[];
  secret_hash: string;
  previous_secret_hash: string | null;
  previous_secret_expires_at: Date | number | string | null;
  revoked_at: Date | number | string | null;
  requests_per_minute: number | null;
  cost_per_minute: number | null;
}

const keySql = `select k.id, k.municipality_id, m.time_zone, k.scopes, k.secret_hash,
    k.previous_secret_hash, k.previous_secret_expires_at, k.revoked_at,
    k.requests_per_minute, k.cost_per_minute
  from partner_key k join municipality m on m.id = k.municipality_id
  where k.id = ?`;

/**
 * Keys recently read, by id, so a scan car checking plates all day costs no key query per check
 * (as bearer-cache.ts does for logins). A rotation or revocation forgets the key on every
 * instance at once (`partner-key-changes.ts`, through the pub/sub); an entry is never trusted
 * longer than `keyCacheTtlMs`, and the whole cache is dropped when changes may have been missed.
 */
export const keyCacheTtlMs = 10_000;
const maxEntries = 10_000;
const cache = new Map<string, { row: KeyRow; cachedAt: number }>();

/** Drops a key's cached row: the next request reads it anew. */
export function forgetPartnerKey(keyId: string): void {
  cache.delete(keyId);
}

/** Drops every cached key (changes may have been missed while Redis was away). */
export function forgetAllPartnerKeys(): void {
  cache.clear();
}

async function keyRow(em: EntityManager, keyId: string): Promise<KeyRow | null> {
  // A process clock: this is about the cache's age, not the business time.
  const clock = performance.now();
  const hit = cache.get(keyId);
  if (hit && clock - hit.cachedAt < keyCacheTtlMs && clock >= hit.cachedAt) return hit.row;
  const [row] = await em.getConnection().execute<KeyRow[]>(keySql, [keyId]);
  if (!row) return null;
  if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
  cache.set(keyId, { row, cachedAt: clock });
  return row;
}

const grants = new WeakMap<Viewer, PartnerKeyGrant>();

/** Whether the viewer is a town's machine key (role `partner`, no account). */
export function isPartnerKeyViewer(viewer: Viewer | null | undefined): boolean {
  return viewer?.signIn.method === 'partnerKey';
}

/** The key behind a viewer that authenticated with one; null for every other login. */
export function partnerKeyGrantOf(viewer: Viewer | null | undefined): PartnerKeyGrant | null {
  return viewer ? (grants.get(viewer) ?? null) : null;
}

const timeOf = (value: Date | number | string | null) => (value === null ? null : new Date(value));

/**
 * The viewer of a machine key (docs/security.md, "Machine keys"), or null when it is malformed,
 * unknown, revoked or its secret does not match: all alike, so a key cannot be probed. The
 * previous secret of a rotation works until its overlap ends. Counts the request (in batches).
 */
export async function authenticatePartnerKey(
  em: EntityManager,
  token: string,
  now: Date,
): Promise<Viewer | null> {
  const presented = parsePartnerKey(token);
  if (!presented) return null;
  const row = await keyRow(em, presented.keyId);
  if (!row || row.revoked_at !== null) return null;
  const previousUntil = timeOf(row.previous_secret_expires_at);
  const current = secretMatches(presented.secret, row.secret_hash);
  const previous =
    !current &&
    previousUntil !== null &&
    previousUntil > now &&
    secretMatches(presented.secret, row.previous_secret_hash);
  if (!current && !previous) return null;
  const scopes: string[] = typeof row.scopes === 'string' ? JSON.parse(row.scopes) : row.scopes;
  // The key's id stands where an account's would: it names no account, so a check of ownership
  // that forgets machine keys finds nothing (as a registration-number login's permit id).
  const viewer: Viewer = {
    accountId: row.id,
    role: 'partner',
    municipalityId: row.municipality_id,
    language: 'nl',
    authSessionId: row.id,
    via: 'bearer',
    holderAccountId: row.id,
    signIn: { method: 'partnerKey', assurance: null },
    actingFor: null,
    permitOnly: null,
    scopes: new Set(scopes),
  };
  grants.set(viewer, {
    keyId: row.id,
    municipalityId: row.municipality_id,
    timeZone: row.time_zone,
    requestsPerMinute: row.requests_per_minute,
    costPerMinute: row.cost_per_minute,
  });
  countPartnerKeyRequest(em, row.id, row.time_zone, now);
  return viewer;
}
