import type { ZoneShape } from '@parkeer/domain/zone-shape/zone-shape';

/**
 * Zones (id and town) by municipality and zone code, kept briefly per database: every
 * right-check needs one and zones change rarely. A zone added shows up at once (misses are not
 * kept); a removed one is forgotten within `zoneCacheTtlMs`.
 */
export const zoneCacheTtlMs = 60_000;

/** A zone as the right-check needs it: its id and the town it belongs to. */
export interface CachedZone {
  readonly zoneId: string;
  readonly municipalityId: string;
}

interface Cached extends CachedZone {
  readonly expiresAt: number;
}

// Keyed by the ORM's driver: tests open several databases in one process, each with its own zones.
const caches = new WeakMap<object, Map<string, Cached>>();

export async function cachedZone(
  database: object,
  municipalityCode: string,
  zoneCode: string,
  load: () => Promise<CachedZone | null>,
): Promise<CachedZone | null> {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new Map()));
  const key = `${municipalityCode}\u0000${zoneCode}`;
  // A process clock, not the request's: this is about the cache's age, not the business time.
  const clock = performance.now();
  const hit = cache.get(key);
  if (hit && hit.expiresAt > clock) return hit;
  const zone = await load();
  if (zone) cache.set(key, { ...zone, expiresAt: clock + zoneCacheTtlMs });
  else cache.delete(key);
  return zone;
}

/**
 * Forgets a database's cached zone codes: after a zone's code changed, a right-check must not
 * find the zone under its old code, nor miss it under its new one, for the cache's lifetime.
 * One instance forgets at once; other instances within `zoneCacheTtlMs`.
 */
export function forgetCachedZones(database: object): void {
  caches.delete(database);
  townCaches.delete(database);
}

/** A zone with its shape, to place a device's position (docs/rules.md §9). */
export interface ShapedTownZone extends CachedZone {
  readonly code: string;
  readonly shape: ZoneShape | null;
}

interface CachedTown {
  readonly zones: readonly ShapedTownZone[];
  readonly expiresAt: number;
}

const townCaches = new WeakMap<object, Map<string, CachedTown>>();

/** A town's zones with their shapes, kept like the zone codes (a shape changes rarely). */
export async function cachedTownZones(
  database: object,
  municipalityCode: string,
  load: () => Promise<readonly ShapedTownZone[]>,
): Promise<readonly ShapedTownZone[]> {
  const towns = await cachedTownsZones(database, [municipalityCode], async () => {
    return new Map([[municipalityCode, await load()]]);
  });
  return towns.get(municipalityCode) ?? [];
}

/**
 * The zones of several towns at once (a scan car's batch): the towns not kept are loaded
 * together by `loadMissing`, so a batch costs at most one query for them.
 */
export async function cachedTownsZones(
  database: object,
  municipalityCodes: readonly string[],
  loadMissing: (codes: string[]) => Promise<ReadonlyMap<string, readonly ShapedTownZone[]>>,
): Promise<ReadonlyMap<string, readonly ShapedTownZone[]>> {
  let cache = townCaches.get(database);
  if (!cache) townCaches.set(database, (cache = new Map()));
  const clock = performance.now();
  const found = new Map<string, readonly ShapedTownZone[]>();
  const missing: string[] = [];
  for (const code of new Set(municipalityCodes)) {
    const hit = cache.get(code);
    if (hit && hit.expiresAt > clock) found.set(code, hit.zones);
    else missing.push(code);
  }
  if (missing.length === 0) return found;
  const loaded = await loadMissing(missing);
  for (const code of missing) {
    const zones = loaded.get(code) ?? [];
    found.set(code, zones);
    // An unknown town is not kept, as a missing zone code is not.
    if (zones.length > 0) cache.set(code, { zones, expiresAt: clock + zoneCacheTtlMs });
    else cache.delete(code);
  }
  return found;
}
