import { bill, type Bill, type BillingContext } from './bill.js';

/** What a session holds of the balance: the reservation made when it was started or changed. */
export interface ReservedSession {
  readonly start: Date;
  readonly end: Date;
  readonly reservation: number;
}

/**
 * The outcome of ending a session (docs/rules.md §5): the charge stays taken, the release goes back to
 * the balance. Always `charge + release === reservation`, both at least zero.
 */
export interface Settlement {
  readonly charge: number;
  readonly release: number;
  /** The moment up to which time was charged (equal to start when nothing was). */
  readonly chargedUntil: Date;
  readonly bill: Bill;
}

function settleAt(session: ReservedSession, until: Date, context: BillingContext): Settlement {
  const chargedUntil = new Date(
    Math.min(Math.max(until.getTime(), session.start.getTime()), session.end.getTime()),
  );
  const used = bill({ start: session.start, end: chargedUntil }, context);
  // Never more than was reserved: under 'run to zero' the reservation is what the balance had,
  // and a regime changed after the start must not charge beyond what the resident agreed to.
  const charge = Math.min(used.cost, session.reservation);
  return { charge, release: session.reservation - charge, chargedUntil, bill: used };
}

/** Stopping at `at` charges the paid minutes of [start, at] and releases the rest. */
export function settleStop(
  session: ReservedSession,
  at: Date,
  context: BillingContext,
): Settlement {
  return settleAt(session, at, context);
}

/** Reaching the end (not signed off) charges the paid time up to the end that was set. */
export function settleAtEnd(session: ReservedSession, context: BillingContext): Settlement {
  return settleAt(session, session.end, context);
}

/** Deleting a planned session releases its whole reservation. */
export function settleDelete(session: ReservedSession): Settlement {
  return {
    charge: 0,
    release: session.reservation,
    chargedUntil: session.start,
    bill: { minutes: 0, cost: 0, segments: [] },
  };
}
