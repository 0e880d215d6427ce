import type { EntityManager } from '@mikro-orm/core';
import { EmailToken } from '../../model/email-token.entity.js';
import type { Delegation } from '../../model/delegation.entity.js';
import { delegationPot, permitPot } from '../ledger/ledger.js';
import type { PermitWork } from '../ledger/permit-transaction.js';
import type { PermitEvent } from '../session/permit-events.js';

/**
 * What is left of a delegation's pot goes back to the permit. Both balances are told after
 * the commit, also when nothing was left.
 */
export async function returnDelegationPot(
  work: PermitWork<PermitEvent>,
  delegationId: string,
  actorId: string,
  now: Date,
): Promise<void> {
  await work.ledger.delegationReturn(delegationId, { createdById: actorId, at: now });
  await work.mention(permitPot);
  await work.mention(delegationPot(delegationId));
}

/** An invitation not yet accepted must not be accepted after its delegation ended. */
export async function useUpInvitations(
  tx: EntityManager,
  delegations: readonly Delegation[],
  now: Date,
): Promise<void> {
  await tx.nativeUpdate(
    EmailToken,
    { delegation: { $in: delegations.map((d) => d.id) }, usedAt: null },
    { usedAt: now },
  );
}
