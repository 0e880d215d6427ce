import type { BillingContext } from '@parkeer/domain/billing/bill';
import {
  settleAtEnd,
  settleDelete,
  settleStop,
  type Settlement,
} from '@parkeer/domain/billing/settlement';
import { delegationPot, permitPot } from '../ledger/ledger.js';
import type { PermitWork } from '../ledger/permit-transaction.js';
import { SessionStore, type StoredSession } from './session-store.js';

/** How a session ended: at its end, stopped before it, or deleted before it started. */
export type SessionEnding = 'atEnd' | 'stopped' | 'deleted';

/**
 * Ends an open session at `now` and books it (docs/rules.md §5): the one settlement of every
 * path that ends a session (stop, delete, reaching its end, a blocked or revoked permit, a
 * revoked delegation). Which ending follows from the moment: past its end it is settled at its
 * end, before its start it is deleted (the whole reservation returns), otherwise it stops now
 * and the paid minutes so far are charged. The charge stays taken; the release goes back to
 * the pot that paid the reservation, through the permit's ledger, in the caller's unit of work.
 * `session` is updated in place.
 */
export async function settleSession(
  work: PermitWork<unknown>,
  session: StoredSession,
  billing: BillingContext,
  now: Date,
  actorId: string | null,
): Promise<SessionEnding> {
  let ending: SessionEnding;
  let settlement: Settlement;
  if (session.end <= now) {
    ending = 'atEnd';
    settlement = settleAtEnd(session, billing);
  } else if (session.start > now) {
    ending = 'deleted';
    settlement = settleDelete(session);
  } else {
    ending = 'stopped';
    settlement = settleStop(session, now, billing);
  }
  session.status = ending === 'deleted' ? 'deleted' : 'ended';
  session.stoppedAt = ending === 'stopped' ? now : null;
  session.charge = settlement.charge;
  await new SessionStore(work.tx).updateSession(session);
  if (settlement.release !== 0) {
    const pot = session.delegationId ? delegationPot(session.delegationId) : permitPot;
    await work.ledger.post(pot, {
      kind: 'release',
      amount: settlement.release,
      sessionId: session.id,
      createdById: actorId,
      at: now,
    });
  }
  return ending;
}
