import DataLoader from 'dataloader';
import type { Context } from './context.js';

/**
 * The operation's DataLoader of this name, made on first use. Field resolvers of a list ask it
 * for one key each; it answers them all with one query per tick, so the number of statements
 * stays the same however long the list is.
 */
export function loader<K, V>(
  ctx: Pick<Context, 'loaders'>,
  name: string,
  batch: (keys: readonly K[]) => Promise<readonly V[]>,
  cacheKey?: (key: K) => string,
): DataLoader<K, V, unknown> {
  let found = ctx.loaders.get(name) as DataLoader<K, V, unknown> | undefined;
  if (!found) {
    found = new DataLoader<K, V, unknown>(async (keys) => batch(keys), { cacheKeyFn: cacheKey });
    ctx.loaders.set(name, found);
  }
  return found;
}

/** Orders rows found for a batch back into the order of its keys. */
export function byKeys<K, V, R>(
  keys: readonly K[],
  rows: readonly R[],
  keyOf: (row: R) => K,
  combine: (rows: R[]) => V,
): V[] {
  const grouped = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = grouped.get(key);
    if (list) list.push(row);
    else grouped.set(key, [row]);
  }
  return keys.map((key) => combine(grouped.get(key) ?? []));
}
