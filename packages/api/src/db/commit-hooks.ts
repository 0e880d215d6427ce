import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/core';

/** Work to write inside a transaction just before it commits, so it commits with it or not at all. */
export type CommitHook = (tx: EntityManager) => Promise<void>;

const hooks = new AsyncLocalStorage<readonly CommitHook[]>();

/**
 * Runs `fn` with `hook` added for every unit of work `fn` commits (docs/graphql.md, Idempotency
 * keys: a claim is marked worked in the transaction of its work). Code below knows nothing of
 * who asked: the unit of work calls `runCommitHooks` and that is all.
 */
export function withCommitHook<T>(hook: CommitHook, fn: () => Promise<T>): Promise<T> {
  return hooks.run([...(hooks.getStore() ?? []), hook], fn);
}

/** Called by a unit of work as the last step of its transaction. */
export async function runCommitHooks(tx: EntityManager): Promise<void> {
  for (const hook of hooks.getStore() ?? []) await hook(tx);
}
