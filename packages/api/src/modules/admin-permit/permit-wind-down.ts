import { Delegation } from '../../model/delegation.entity.js';
import { returnDelegationPot, useUpInvitations } from '../delegation/delegation-end.js';
import type { PermitWork } from '../ledger/permit-transaction.js';
import type { ProductRules } from '../product/product-rules.js';
import { tellSession, type PermitEvent } from '../session/permit-events.js';
import { settleSession } from '../session/session-settlement.js';
import { SessionStore, type StoredSession } from '../session/session-store.js';

/**
 * Ends every planned and running session of a permit the municipality takes out of use, the
 * delegates' too, as the holder would, through the one settlement: one past its end is settled
 * at its end, a running one is stopped now (charged so far), a planned one is deleted (its
 * whole reservation returns). A blocked or revoked permit gives no right in the right-check, so
 * a session left running would charge for parking that no longer counts. Runs in the caller's
 * unit of work on the locked permit.
 */
export async function endOpenSessions(
  work: PermitWork<PermitEvent>,
  rules: ProductRules,
  actorId: string,
  now: Date,
): Promise<StoredSession[]> {
  const sessions = await new SessionStore(work.tx).openSessions(work.permit.id);
  const unit = work.permit.balanceUnit;
  for (const session of sessions) {
    const ending = await settleSession(work, session, rules, now, actorId);
    if (unit) {
      const kind = ending === 'deleted' ? 'deleted' : 'stopped';
      await tellSession(work, { kind, session, unit });
    }
  }
  return sessions;
}

/**
 * Revokes the permit's open delegations and returns what is left of their pots to the permit,
 * so that the permit's balance is all there is to refund. Run after `endOpenSessions`: the
 * delegates' reservations are back in their pots by then. Unused invitations die with them,
 * and each delegate hears its pot and then its access end.
 */
export async function revokeOpenDelegations(
  work: PermitWork<PermitEvent>,
  actorId: string,
  now: Date,
): Promise<Delegation[]> {
  const { tx } = work;
  const delegations = await tx.find(
    Delegation,
    { permit: work.permit.id, status: { $in: ['invited', 'accepted'] } },
    { populate: ['delegate'] },
  );
  for (const delegation of delegations) {
    await returnDelegationPot(work, delegation.id, actorId, now);
    delegation.status = 'revoked';
    delegation.revokedAt = now;
    const delegateId = delegation.delegate?.id;
    if (delegateId) {
      work.emit({
        type: 'accessEnded',
        accountId: delegateId,
        event: { kind: 'delegationEnded', delegationId: delegation.id },
      });
    }
  }
  if (delegations.length > 0) await useUpInvitations(tx, delegations, now);
  return delegations;
}
