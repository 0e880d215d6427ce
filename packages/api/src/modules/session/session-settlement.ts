import type { EntityManager } from '@mikro-orm/core';
import type { Settlement } from '@parkeer/domain/billing/settlement';
import type { Account } from '../../model/account.entity.js';
import { postToDelegation, postToPermit } from '../ledger/balance-book.js';
import type { Permit } from '../../model/permit.entity.js';
import type { ParkingSession } from '../../model/parking-session.entity.js';

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
