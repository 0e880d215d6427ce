import { bill, type BillingContext } from './bill.js';
import type { Interval } from '../regime/regime.js';

/** What of a session decides its charge. */
export interface ChargeableSession {
  readonly start: Date;
  readonly end: Date;
  readonly stoppedAt?: Date | null;
  readonly reservation: number;
  /** Set once settled: never credit more than was taken. */
  readonly charge?: number | null;
}

export interface OutageCredit {
  /** Paid minutes of the session inside the window. */
  readonly minutes: number;
  /** What those minutes were charged, in the product's unit (minutes or cents). */
  readonly amount: number;
}

const none: OutageCredit = { minutes: 0, amount: 0 };

/**
 * What a session was charged for its time inside an outage window, to give back (docs/rules.md §9, 004).
 *
 * The charge of a session is the bill of [start, chargedUntil], counted on the running total of
 * paid time (started minutes, per-segment cents) and never more than the reservation. So the
 * window's share is the charge up to the window's end minus the charge up to its start, both
 * computed that same way: the shares of adjacent windows add up to the whole charge, no rounding
 * minute is given twice, and unpaid time (outside paid-parking hours) gives nothing back.
 *
 * A session not stopped (running, or past its end but not yet settled) is charged up to its end;
 * one stopped is charged up to its stop. A session still running when compensated has its stop
 * after now, so after the window: its charge for the window is already certain and is credited
 * now. Instants are compared as instants, so a window across a clock change counts the hours that
 * really passed.
 */
export function outageCredit(
  session: ChargeableSession,
  window: Interval,
  context: BillingContext,
): OutageCredit {
  const startMs = session.start.getTime();
  const stopMs = Math.min(session.stoppedAt?.getTime() ?? Infinity, session.end.getTime());
  const chargedUntilMs = Math.max(startMs, stopMs);
  const fromMs = Math.max(startMs, window.start.getTime());
  const untilMs = Math.min(chargedUntilMs, window.end.getTime());
  if (untilMs <= fromMs) return none;

  const chargedUpTo = (ms: number) => {
    if (ms <= startMs) return { minutes: 0, amount: 0 };
    const used = bill({ start: session.start, end: new Date(ms) }, context);
    return { minutes: used.minutes, amount: Math.min(used.cost, session.reservation) };
  };
  const before = chargedUpTo(fromMs);
  const through = chargedUpTo(untilMs);
  let amount = through.amount - before.amount;
  // A settled session keeps the charge it was settled with, even if the rules changed since.
  if (session.charge != null)
    amount = Math.min(amount, Math.max(0, session.charge - before.amount));
  return { minutes: through.minutes - before.minutes, amount: Math.max(0, amount) };
}
