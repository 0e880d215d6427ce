import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import type { AccessEventPayload, SessionEventKind } from '../../graphql/pubsub.js';
import { delegationPot, permitPot } from '../ledger/ledger.js';
import type { PermitWork } from '../ledger/permit-transaction.js';
import type { StoredSession } from './session-store.js';

/** A session that changed, with the unit of its product. */
export interface SessionChange {
  readonly kind: SessionEventKind;
  readonly session: StoredSession;
  readonly unit: BalanceUnit;
}

/**
 * What a unit of work on a permit tells its subscribers after the commit, besides the balances
 * the ledger wrote (docs/architecture.md, The unit of work): sessions that changed, and accounts
 * that lost access (a delegate whose delegation ended).
 */
export type PermitEvent =
  | ({ readonly type: 'session' } & SessionChange)
  | {
      readonly type: 'accessEnded';
      readonly accountId: string;
      readonly event: AccessEventPayload;
    };

export const sessionEvent = (change: SessionChange): PermitEvent => ({
  type: 'session',
  ...change,
});

/**
 * Tells a session change after the commit, with the balance of the pot the session pays from
 * (as the ledger wrote it, or as it was when nothing was written).
 */
export async function tellSession(
  work: PermitWork<PermitEvent>,
  change: SessionChange,
): Promise<void> {
  work.emit(sessionEvent(change));
  const { delegationId } = change.session;
  await work.mention(delegationId ? delegationPot(delegationId) : permitPot);
}
