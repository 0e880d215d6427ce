import type { EntityManager } from '@mikro-orm/core';
import type { Settlement } from '@parkeer/domain/billing/settlement';
import { settleAtEnd } from '@parkeer/domain/billing/settlement';
import type { Account } from '../account/account.entity.js';
import { postToDelegation, postToPermit } from '../ledger/balance-book.js';
import type { Permit } from '../permit/permit.entity.js';
import type { ProductRules } from '../product/product-rules.js';
import type { ParkingSession } from './parking-session.entity.js';

/**
 * Books a settlement: the session keeps its charge and the release goes back to the pot that
 * paid the reservation (the permit's, or the delegation's when a delegate parked).
 */
export function bookSettlement(
  tx: EntityManager,
  permit: Permit,
  session: ParkingSession,
  settlement: Settlement,
  change: { status: 'ended' | 'deleted'; stoppedAt: Date | null; at: Date; by: Account | null },
): void {
  session.status = change.status;
  session.stoppedAt = change.stoppedAt;
  session.charge = settlement.charge;
  if (settlement.release === 0) return;
  const posting = {
    kind: 'release' as const,
    amount: settlement.release,
    session,
    createdBy: change.by,
    at: change.at,
  };
  if (session.delegation) postToDelegation(tx, session.delegation, posting);
  else postToPermit(tx, permit, posting);
}

/**
 * Settles the sessions of a locked permit that reached their end without being stopped, and
 * marks planned sessions whose start has come as running. Runs before every balance decision so
 * the balance never counts a reservation that is already due; scheduled work does the same.
 */
export function settleDueSessions(
  tx: EntityManager,
  permit: Permit,
  sessions: readonly ParkingSession[],
  rules: ProductRules,
  now: Date,
): ParkingSession[] {
  const open: ParkingSession[] = [];
  for (const session of sessions) {
    if (session.status !== 'planned' && session.status !== 'running') continue;
    if (session.end <= now) {
      bookSettlement(tx, permit, session, settleAtEnd(session, rules), {
        status: 'ended',
        stoppedAt: null,
        at: now,
        by: null,
      });
      continue;
    }
    if (session.status === 'planned' && session.start <= now) session.status = 'running';
    open.push(session);
  }
  return open;
}
