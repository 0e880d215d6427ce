import type { EntityManager } from '@mikro-orm/core';

/**
 * Brings the waiting lists' job forward to now: a place may have come free (a permit ended), so
 * the first in line need not wait for the next round (docs/rules.md §2 quotas). In the caller's
 * transaction, so a rolled-back end nudges nothing. Plain SQL on the work queue's table, here below
 * the feature modules, so that every module that ends a permit can call it.
 */
export async function nudgeWaitingLists(tx: EntityManager, now: Date): Promise<void> {
  await tx
    .getConnection()
    .execute(
      "update scheduled_job set run_at = ? where kind = 'waitingLists' and run_at > ?",
      [tx.getPlatform().processDateProperty(now), tx.getPlatform().processDateProperty(now)],
      'run',
      tx.getTransactionContext(),
    );
}

/**
 * Brings the population register's re-check of permit holders forward to now (docs/rules.md §2
 * departed holder): a holder the register no longer has at their permit's address is moved
 * without waiting for the daily round. In the caller's transaction.
 */
export async function nudgeResidenceRecheck(tx: EntityManager, now: Date): Promise<void> {
  await tx
    .getConnection()
    .execute(
      "update scheduled_job set run_at = ? where kind = 'residenceRecheck' and run_at > ?",
      [tx.getPlatform().processDateProperty(now), tx.getPlatform().processDateProperty(now)],
      'run',
      tx.getTransactionContext(),
    );
}
