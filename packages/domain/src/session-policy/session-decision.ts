import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';
import { bill, type Bill, type BillingContext } from '../billing/bill.js';
import { nextPaidStart, type Interval } from '../regime/regime.js';
import { earliestFreeStart, latestFreeEnd, peakOverlap } from './concurrency.js';
import {
  defaultEndFor,
  isValidDayAt,
  latestEndFor,
  maxEndFor,
  nextValidDayStart,
  firstInvalidMomentAfter,
  type LimitContext,
} from './session-limits.js';

export type SessionRefusalCode = Extract<ErrorCode, `SESSION_${string}`>;

/** A running or planned session of the same permit, as the checks need it. */
export interface ExistingSession extends Interval {
  /** Normalised licence plate. */
  readonly plate: string;
}

export interface SessionContext extends LimitContext, BillingContext {
  readonly now: Date;
  /** The available balance in the product's unit; reservations are already taken off it. */
  readonly balance: number;
  /** Running and planned sessions of the permit, without the one being changed. */
  readonly sessions: readonly ExistingSession[];
  /** A delegation limited to plates allows only these (normalised); null means any plate. */
  readonly allowedPlates: readonly string[] | null;
}

export interface SessionRequest {
  readonly plate: string;
  /** Omitted: now. A later start plans the session. */
  readonly start?: Date;
  /** Omitted: the policy's default end. */
  readonly end?: Date;
}

export interface AcceptedSession {
  readonly ok: true;
  readonly plate: string;
  readonly start: Date;
  readonly end: Date;
  /** What to reserve of the balance now (docs/rules.md §5: reserved at once). */
  readonly reservation: number;
  /** The expected cost, shown before confirming. */
  readonly bill: Bill;
  readonly planned: boolean;
  /**
   * The session starts at the moment of the decision. A proposal marked so is accepted by asking
   * again without a start (a fixed start would be in the past by then).
   */
  readonly startsNow: boolean;
  /** Under 'run to zero' the balance does not cover the whole session; it runs until it is used. */
  readonly runsToZero: boolean;
  /** Until when the balance pays: the end, or earlier when the session runs to zero. */
  readonly coveredUntil: Date;
}

export interface RefusedSession {
  readonly ok: false;
  readonly reason: SessionRefusalCode;
  readonly params?: MessageParams;
  /** An alternative that these same checks accept, or null when there is none. */
  readonly proposal: AcceptedSession | null;
}

export type SessionDecision = AcceptedSession | RefusedSession;

interface Candidate {
  readonly plate: string;
  readonly start: Date;
  readonly end: Date;
  /** The resident set no end: a moved start gets the default end of its new start. */
  readonly endIsDefault: boolean;
}

type Mode = 'start' | 'changeEnd';

interface Failure {
  readonly ok: false;
  readonly reason: SessionRefusalCode;
  readonly params?: MessageParams;
  /** The nearest candidate that addresses this reason, or null. */
  readonly fix: () => Candidate | null;
}

const minuteMs = 60_000;
const maxProposalSteps = 8;
/** However a municipality sets its policy, one registration never spans more than a month: it
 * bounds the work a request can cause and catches an end typed in the wrong year. */
export const absoluteMaxSessionMinutes = 31 * 24 * 60;

function fail(
  reason: SessionRefusalCode,
  fix: () => Candidate | null,
  params?: MessageParams,
): Failure {
  return params ? { ok: false, reason, params, fix } : { ok: false, reason, fix };
}

const noFix = () => null;
const length = (c: Interval) => c.end.getTime() - c.start.getTime();
/** The candidate moved to a later start: its default end follows, a chosen length is kept. */
function shiftTo(c: Candidate, start: Date, context: SessionContext): Candidate {
  const end = c.endIsDefault
    ? defaultEndFor(start, context)
    : new Date(start.getTime() + length(c));
  return { ...c, start, end };
}

/** The latest end up to `c.end` whose cost the balance covers, found per minute. */
function latestAffordableEnd(c: Candidate, balance: number, context: SessionContext): Date {
  const costUntil = (minutes: number) =>
    bill({ start: c.start, end: endAfter(minutes) }, context).cost;
  const endAfter = (minutes: number) =>
    new Date(Math.min(c.start.getTime() + minutes * minuteMs, c.end.getTime()));
  let low = 0;
  let high = Math.ceil(length(c) / minuteMs);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (costUntil(middle) <= balance) low = middle;
    else high = middle - 1;
  }
  return endAfter(low);
}

/** Runs the checks of docs/rules.md §5 in order and stops at the first that fails. */
function evaluate(
  c: Candidate,
  mode: Mode,
  balance: number,
  context: SessionContext,
): AcceptedSession | Failure {
  const { policy, now, validity } = context;
  const withDefaultEnd = (start: Date): Candidate => ({
    ...c,
    start,
    end: defaultEndFor(start, context),
    endIsDefault: true,
  });

  if (mode === 'start') {
    const tolerance = policy.pastStartToleranceMinutes * minuteMs;
    if (c.start.getTime() < now.getTime() - tolerance) {
      return fail('SESSION_START_IN_PAST', () =>
        c.endIsDefault || c.end <= now ? withDefaultEnd(now) : { ...c, start: now },
      );
    }
  }
  if (c.end <= now) {
    return fail('SESSION_END_IN_PAST', () => (mode === 'start' ? withDefaultEnd(now) : null));
  }
  if (c.end <= c.start) {
    return fail('SESSION_END_NOT_AFTER_START', () =>
      mode === 'start' ? withDefaultEnd(c.start) : null,
    );
  }
  if (length(c) > absoluteMaxSessionMinutes * minuteMs) {
    const longest = new Date(c.start.getTime() + absoluteMaxSessionMinutes * minuteMs);
    return fail('SESSION_OVER_MAX_DURATION', () => ({ ...c, end: longest }), {
      maxMinutes: absoluteMaxSessionMinutes,
    });
  }
  if (context.allowedPlates && !context.allowedPlates.includes(c.plate)) {
    return fail('SESSION_PLATE_NOT_ALLOWED', noFix);
  }

  if (c.start < validity.from) {
    return fail('SESSION_PERMIT_NOT_YET_VALID', () =>
      mode === 'start' ? shiftTo(c, validity.from, context) : null,
    );
  }
  if (validity.until && c.start >= validity.until) return fail('SESSION_PERMIT_EXPIRED', noFix);
  if (!isValidDayAt(c.start, context)) {
    return fail('SESSION_NOT_VALID_ON_DAY', () => {
      const next = mode === 'start' ? nextValidDayStart(c.start, context) : null;
      if (!next) return null;
      // Midnight is rarely when a visitor comes: propose the first paid time of that day.
      const paid = nextPaidStart(context.regime, next, context.timeZone, 0);
      return c.endIsDefault ? withDefaultEnd(paid ?? next) : shiftTo(c, paid ?? next, context);
    });
  }
  const validEnd = firstInvalidMomentAfter(c.start, context);
  if (validEnd && c.end > validEnd) {
    return fail('SESSION_NOT_VALID_UNTIL_END', () => ({ ...c, end: validEnd }));
  }

  const latestEnd = latestEndFor(c.start, context);
  if (latestEnd && c.end > latestEnd) {
    const reason =
      policy.latestEnd === 'endOfDay'
        ? 'SESSION_PAST_END_OF_DAY'
        : 'SESSION_PAST_END_OF_PAID_HOURS';
    return fail(reason, () => ({ ...c, end: latestEnd }));
  }
  const maxEnd = maxEndFor(c.start, policy);
  if (maxEnd && c.end > maxEnd) {
    return fail('SESSION_OVER_MAX_DURATION', () => ({ ...c, end: maxEnd }), {
      maxMinutes: policy.maxDurationMinutes!,
    });
  }

  const samePlate = context.sessions.filter((s) => s.plate === c.plate);
  if (samePlate.some((s) => s.start < c.end && s.end > c.start)) {
    return fail('SESSION_PLATE_ALREADY_PARKED', () => {
      if (mode === 'start') {
        const free = earliestFreeStart(samePlate, c, 1);
        return free ? shiftTo(c, free, context) : null;
      }
      const end = latestFreeEnd(samePlate, c.start, c.end, 1);
      return end > c.start ? { ...c, end } : null;
    });
  }

  const limit = policy.maxConcurrentSessions;
  if (limit !== null && peakOverlap(context.sessions, c) + 1 > limit) {
    return fail(
      'SESSION_MAX_CONCURRENT_REACHED',
      () => {
        if (mode === 'start') {
          const free = earliestFreeStart(context.sessions, c, limit);
          return free ? shiftTo(c, free, context) : null;
        }
        const end = latestFreeEnd(context.sessions, c.start, c.end, limit);
        return end > c.start ? { ...c, end } : null;
      },
      { max: limit },
    );
  }

  const expected = bill(c, context);
  const accepted = (reservation: number, coveredUntil: Date): AcceptedSession => ({
    ok: true,
    plate: c.plate,
    start: c.start,
    end: c.end,
    reservation,
    bill: expected,
    planned: c.start > now,
    startsNow: mode === 'start' && c.start <= now,
    runsToZero: coveredUntil < c.end,
    coveredUntil,
  });
  if (expected.cost <= balance) return accepted(expected.cost, c.end);
  if (policy.insufficientBalance === 'runToZero' && balance > 0) {
    return accepted(balance, latestAffordableEnd(c, balance, context));
  }
  return fail('SESSION_INSUFFICIENT_BALANCE', () => {
    if (policy.insufficientBalance === 'runToZero') return null;
    const end = latestAffordableEnd(c, balance, context);
    const shorter = { ...c, end };
    // A proposal without any paid minute would only park where parking is free anyway.
    return end > c.start && bill(shorter, context).minutes > 0 ? shorter : null;
  });
}

/** Decides a candidate and, when refused, searches a proposal the same checks accept. */
function decide(
  c: Candidate,
  mode: Mode,
  balance: number,
  context: SessionContext,
): SessionDecision {
  const first = evaluate(c, mode, balance, context);
  if (first.ok) return first;
  let proposal: AcceptedSession | null = null;
  let next = first.fix();
  for (let step = 0; next && step < maxProposalSteps; step++) {
    const outcome = evaluate(next, mode, balance, context);
    if (outcome.ok) {
      proposal = outcome;
      break;
    }
    next = outcome.fix();
  }
  const refused = { ok: false as const, reason: first.reason, proposal };
  return first.params ? { ...refused, params: first.params } : refused;
}

/**
 * Decides a new session (docs/rules.md §5): start (now or planned), end (given or the policy's default),
 * validity, end-of-day deactivation, maximum duration, one session per plate at a time, at most
 * N at once, and enough balance. A refusal carries the reason and a proposal the resident can
 * accept by asking again with its start and end.
 */
export function decideStart(request: SessionRequest, context: SessionContext): SessionDecision {
  const { now, policy } = context;
  const tolerance = policy.pastStartToleranceMinutes * minuteMs;
  const requested = request.start ?? now;
  // A start a moment ago is 'now' that arrived late: it starts now, and nothing before is covered.
  const start =
    requested < now && requested.getTime() >= now.getTime() - tolerance ? now : requested;
  const end = request.end ?? defaultEndFor(start, context);
  const candidate = { plate: request.plate, start, end, endIsDefault: !request.end };
  return decide(candidate, 'start', context.balance, context);
}

/** The session being changed, with what it holds of the balance. */
export interface SessionToChange extends ExistingSession {
  readonly reservation: number;
}

/**
 * Decides a new end for a running or planned session with the same checks as a start; its own
 * reservation counts as available. Accepted: `reservation` is what the session holds after the
 * change, so the ledger reserves `reservation - session.reservation` (a release when negative).
 */
export function decideChangeEnd(
  session: SessionToChange,
  end: Date,
  context: SessionContext,
): SessionDecision {
  // An ended session stays ended: extending it afterwards would cover time nobody paid for.
  if (session.end <= context.now) {
    return { ok: false, reason: 'SESSION_ALREADY_ENDED', proposal: null };
  }
  const candidate = { plate: session.plate, start: session.start, end, endIsDefault: false };
  return decide(candidate, 'changeEnd', context.balance + session.reservation, context);
}
