import type { IsoWeekday } from '../time/local-date.js';

/** The end a session gets when the resident sets none (docs/rules.md §5). */
export type DefaultEnd = 'endOfDay' | 'maxDuration' | 'endOfPaidHours';

/**
 * The latest a session may run: 'endOfDay' is end-of-day deactivation (source 003);
 * 'endOfPaidHours' stops it when the zone's paid hours end that day (the flexible business
 * permit, source 000).
 */
export type LatestEnd = 'none' | 'endOfDay' | 'endOfPaidHours';

/** When the balance does not cover a session: refuse with a shorter proposal (003), or let it
 * run and charge at most what is there, without a fine for the visitor (004). */
export type InsufficientBalancePolicy = 'refuseWithProposal' | 'runToZero';

/** A product type's session rules, as a municipality sets them. */
export interface SessionPolicy {
  readonly maxDurationMinutes: number | null;
  readonly defaultEnd: DefaultEnd;
  readonly latestEnd: LatestEnd;
  /** Sessions of one permit overlapping in time, including the new one (003: 10). */
  readonly maxConcurrentSessions: number | null;
  readonly insufficientBalance: InsufficientBalancePolicy;
  /** Local weekdays on which the product is not valid at all (002: Saturday). */
  readonly invalidWeekdays: readonly IsoWeekday[];
  /** How far in the past a start may lie, for clocks and networks that lag ('now' arrives late). */
  readonly pastStartToleranceMinutes: number;
}

/** Source 003 (2Park): end of day, end-of-day deactivation, 10 at once, refuse with a proposal. */
export const visitorPolicyEndOfDay: SessionPolicy = {
  maxDurationMinutes: null,
  defaultEnd: 'endOfDay',
  latestEnd: 'endOfDay',
  maxConcurrentSessions: 10,
  insufficientBalance: 'refuseWithProposal',
  invalidWeekdays: [],
  pastStartToleranceMinutes: 1,
};

/** Source 002 (Key2Park): at most 3 hours, signed off after the maximum, not valid on Saturday. */
export const visitorPolicyMaxThreeHours: SessionPolicy = {
  maxDurationMinutes: 180,
  defaultEnd: 'maxDuration',
  latestEnd: 'none',
  maxConcurrentSessions: 10,
  insufficientBalance: 'refuseWithProposal',
  invalidWeekdays: [6],
  pastStartToleranceMinutes: 1,
};

/** Source 004 (Delft): ends with paid hours unless an end is set, may run the balance to zero. */
export const visitorPolicyEndOfPaidHours: SessionPolicy = {
  maxDurationMinutes: null,
  defaultEnd: 'endOfPaidHours',
  latestEnd: 'none',
  maxConcurrentSessions: 10,
  insufficientBalance: 'runToZero',
  invalidWeekdays: [],
  pastStartToleranceMinutes: 1,
};
