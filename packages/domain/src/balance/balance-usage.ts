import { addMonths, compareLocalDates, type LocalDate } from '../time/local-date.js';
import { localDateOf } from '../time/zoned-time.js';
import type { BalancePeriod } from './balance-period.js';

/** A settled session as the usage picture counts it: what it cost, when it started, for whom. */
export interface UsedSession {
  readonly start: Date;
  readonly plate: string;
  readonly country: string;
  /** What the session took from the balance, in the product's unit. */
  readonly charge: number;
}

export interface MonthUsage {
  /** The month's first local date, YYYY-MM-01. */
  readonly month: LocalDate;
  readonly used: number;
  readonly sessions: number;
}

export interface PlateUsage {
  readonly plate: string;
  readonly country: string;
  readonly used: number;
  readonly sessions: number;
}

export interface BalanceUsage {
  readonly period: BalancePeriod;
  readonly used: number;
  /** Every month the period touches, in order, also those without parking. */
  readonly months: readonly MonthUsage[];
  /** Most used first; plates with the same use by plate. */
  readonly plates: readonly PlateUsage[];
}

const firstOfMonth = (date: LocalDate): LocalDate => `${date.slice(0, 7)}-01`;

/**
 * How a balance was used in a period (docs/rules.md §4, the period of the cap; §8, what the
 * history shows): per month and per plate, each session counted once in the month of its start as
 * the town's clock reads it (a session starting at 00:30 on 1 April belongs to April, whatever the
 * offset from UTC that night).
 */
export function balanceUsage(
  sessions: readonly UsedSession[],
  period: BalancePeriod,
  timeZone: string,
): BalanceUsage {
  const months = new Map<LocalDate, { used: number; sessions: number }>();
  for (
    let month = firstOfMonth(period.start);
    compareLocalDates(month, period.nextStart) < 0;
    month = addMonths(month, 1)
  ) {
    months.set(month, { used: 0, sessions: 0 });
  }
  const plates = new Map<string, PlateUsage>();
  let used = 0;
  for (const session of sessions) {
    const date = localDateOf(session.start, timeZone);
    if (compareLocalDates(date, period.start) < 0) continue;
    if (compareLocalDates(date, period.nextStart) >= 0) continue;
    const month = months.get(firstOfMonth(date))!;
    month.used += session.charge;
    month.sessions += 1;
    used += session.charge;
    const key = `${session.country}:${session.plate}`;
    const plate = plates.get(key) ?? { ...session, used: 0, sessions: 0 };
    plates.set(key, { ...plate, used: plate.used + session.charge, sessions: plate.sessions + 1 });
  }
  return {
    period,
    used,
    months: [...months].map(([month, usage]) => ({ month, ...usage })),
    plates: [...plates.values()]
      .map(({ plate, country, used, sessions }) => ({ plate, country, used, sessions }))
      .sort((a, b) => b.used - a.used || a.plate.localeCompare(b.plate)),
  };
}
