import { LockMode, type EntityManager } from '@mikro-orm/core';
import { isPostgres } from '../../db/dialect.js';
import { Permit } from '../../model/permit.entity.js';

/**
 * Loads and locks a permit for a change that moves no balance (plates, fine waivers), inside
 * the caller's transaction: on PostgreSQL the row is locked (`FOR UPDATE`) until the
 * transaction ends, so concurrent changes queue; SQLite runs one transaction at a time anyway.
 * Changes that move a balance go through `withPermitTransaction` and its ledger instead.
 */
export async function lockPermit(tx: EntityManager, permitId: string): Promise<Permit | null> {
  // refresh: the transaction's fork starts from the caller's identity map, which may hold this
  // permit as it was read before the lock was taken.
  return tx.findOne(
    Permit,
    { id: permitId },
    isPostgres(tx) ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : { refresh: true },
  );
}
