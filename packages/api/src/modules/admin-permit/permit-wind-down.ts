import type { EntityManager } from '@mikro-orm/core';
import { settleAtEnd, settleDelete, settleStop } from '@parkeer/domain/billing/settlement';
import { Account } from '../../model/account.entity.js';
import { EmailToken } from '../../model/email-token.entity.js';
import { Delegation } from '../../model/delegation.entity.js';
import { postToDelegation, postToPermit } from '../ledger/balance-book.js';
import type { Permit } from '../../model/permit.entity.js';
import { loadProductRules } from '../product/product-rules.js';
import { ParkingSession } from '../../model/parking-session.entity.js';
import { bookSettlement } from '../session/session-settlement.js';

/**
 * Ends every planned and running session of a permit the municipality takes out of use, the
 * delegates' too, as the holder would: one past its end is settled at its end, a running one
 * is stopped now (charged so far), a planned one is deleted (its whole reservation returns).
 * A blocked or revoked permit gives no right in the right-check, so a session left running
 * would charge for parking that no longer counts. Runs in the caller's transaction on the
 * locked permit (productType, zone and municipality loaded); the caller flushes.
 */
export async function endOpenSessions(
  tx: EntityManager,
  permit: Permit,
  actorId: string,
  now: Date,
): Promise<ParkingSession[]> {
  const sessions = await tx.find(
    ParkingSession,
    { permit: permit.id, status: { $in: ['planned', 'running'] } },
    // The delegation's pot moves in memory: it must be loaded, not a bare reference.
    { populate: ['delegation', 'startedBy'], orderBy: { start: 'asc', id: 'asc' } },
  );
  if (sessions.length === 0) return [];
  const rules = await loadProductRules(tx, permit);
  const by = tx.getReference(Account, actorId);
  for (const session of sessions) {
    if (session.end <= now) {
      bookSettlement(tx, permit, session, settleAtEnd(session, rules), {
        status: 'ended',
        stoppedAt: null,
        at: now,
        by,
      });
    } else if (session.start > now) {
      bookSettlement(tx, permit, session, settleDelete(session), {
        status: 'deleted',
        stoppedAt: null,
        at: now,
        by,
      });
    } else {
      bookSettlement(tx, permit, session, settleStop(session, now, rules), {
        status: 'ended',
        stoppedAt: now,
        at: now,
        by,
      });
    }
  }
  return sessions;
}

/**
 * Revokes the permit's open delegations and returns what is left of their pots to the permit,
 * so that the permit's balance is all there is to refund. Run after `endOpenSessions`: the
 * delegates' reservations are back in their pots by then. Unused invitations die with them.
 */
export async function revokeOpenDelegations(
  tx: EntityManager,
  permit: Permit,
  actorId: string,
  now: Date,
): Promise<Delegation[]> {
  const delegations = await tx.find(
    Delegation,
    { permit: permit.id, status: { $in: ['invited', 'accepted'] } },
    { populate: ['delegate'] },
  );
  const createdBy = tx.getReference(Account, actorId);
  for (const delegation of delegations) {
    const rest = delegation.balance;
    if (rest !== 0) {
      const posting = { kind: 'delegationReturn' as const, createdBy, at: now };
      postToDelegation(tx, delegation, { ...posting, amount: -rest });
      postToPermit(tx, permit, { ...posting, amount: rest }).delegation = delegation;
    }
    delegation.status = 'revoked';
    delegation.revokedAt = now;
  }
  if (delegations.length > 0) {
    await tx.nativeUpdate(
      EmailToken,
      { delegation: { $in: delegations.map((d) => d.id) }, usedAt: null },
      { usedAt: now },
    );
  }
  return delegations;
}
