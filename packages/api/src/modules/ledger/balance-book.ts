import { LockMode, type EntityManager } from '@mikro-orm/core';
import { isPostgres } from '../../db/dialect.js';
import type { Account } from '../../model/account.entity.js';
import type { Delegation } from '../../model/delegation.entity.js';
import type { Payment } from '../../model/payment.entity.js';
import { Permit } from '../../model/permit.entity.js';
import type { ParkingSession } from '../../model/parking-session.entity.js';
import { LedgerEntry, type LedgerKind } from '../../model/ledger-entry.entity.js';

/** One balance change, signed, in the product's unit. */
export interface Posting {
  readonly kind: LedgerKind;
  readonly amount: number;
  readonly session?: ParkingSession | null;
  readonly payment?: Payment | null;
  /** Only on the first row of an operation: a retry with the same key finds it. */
  readonly idempotencyKey?: string | null;
  readonly createdBy?: Account | null;
  readonly at: Date;
}

/**
 * Loads a permit whose balance is about to change, inside the caller's transaction. On
 * PostgreSQL the row is locked (`FOR UPDATE`) until the transaction ends, so concurrent changes
 * queue instead of failing; SQLite runs one transaction at a time anyway. The version column
 * stays as a second guard.
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

/** Moves the permit's own balance and writes its ledger row; both are flushed together. */
export function postToPermit(tx: EntityManager, permit: Permit, posting: Posting): LedgerEntry {
  permit.balance += posting.amount;
  return tx.create(LedgerEntry, {
    permit,
    pot: 'permit',
    kind: posting.kind,
    amount: posting.amount,
    balanceAfter: permit.balance,
    session: posting.session ?? null,
    payment: posting.payment ?? null,
    idempotencyKey: posting.idempotencyKey ?? null,
    createdBy: posting.createdBy ?? null,
    createdAt: posting.at,
  });
}

/** Moves a delegation's pot and writes its ledger row (on the delegation's permit). */
export function postToDelegation(
  tx: EntityManager,
  delegation: Delegation,
  posting: Posting,
): LedgerEntry {
  delegation.balance += posting.amount;
  return tx.create(LedgerEntry, {
    permit: delegation.permit,
    pot: 'delegation',
    delegation,
    kind: posting.kind,
    amount: posting.amount,
    balanceAfter: delegation.balance,
    session: posting.session ?? null,
    payment: posting.payment ?? null,
    idempotencyKey: posting.idempotencyKey ?? null,
    createdBy: posting.createdBy ?? null,
    createdAt: posting.at,
  });
}

/** The row an earlier call with this key wrote on the permit, if any. */
export async function findByIdempotencyKey(
  em: EntityManager,
  permitId: string,
  idempotencyKey: string,
): Promise<LedgerEntry | null> {
  // Nearly every call is a first call: a bare indexed probe answers it before any entity work.
  const used = await em
    .getConnection()
    .execute<unknown[]>(
      'select 1 from ledger_entry where permit_id = ? and idempotency_key = ? limit 1',
      [permitId, idempotencyKey],
    );
  if (used.length === 0) return null;
  return em.findOne(
    LedgerEntry,
    { permit: permitId, idempotencyKey },
    { populate: ['session', 'payment'] },
  );
}
