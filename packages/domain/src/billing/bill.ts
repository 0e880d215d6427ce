import type { Interval, Regime } from '../regime/regime.js';
import { paidParts } from '../regime/regime.js';
import type { LocalDate } from '../time/local-date.js';
import { tariffOn, type BillingSettings, type MinuteCounting } from './billing-settings.js';

/** One stretch of a session inside one paid window, as history shows it. */
export interface Segment {
  readonly date: LocalDate;
  readonly start: Date;
  readonly end: Date;
  readonly minutes: number;
  /** In the product's unit: minutes, or euro cents. */
  readonly cost: number;
}

export interface Bill {
  /** Paid minutes: only time inside paid-parking hours counts (docs/rules.md §5). */
  readonly minutes: number;
  /** In the product's unit; always the sum of the segments' costs. */
  readonly cost: number;
  readonly segments: readonly Segment[];
}

export interface BillingContext {
  readonly regime: Regime;
  readonly timeZone: string;
  readonly billing: BillingSettings;
}

const minuteMs = 60_000;

export function countMinutes(ms: number, counting: MinuteCounting): number {
  return counting === 'started' ? Math.ceil(ms / minuteMs) : Math.floor(ms / minuteMs);
}

/**
 * Money for paid minutes at an hourly tariff, rounded to the nearest cent with halves up
 * (7 min at €2.10/h = 24.5 ct → 25 ct). Each segment is rounded on its own so the segments
 * history shows always add up to the charge.
 */
export function centsForMinutes(minutes: number, centsPerHour: number): number {
  return Math.floor((minutes * centsPerHour + 30) / 60);
}

/**
 * What parking during an interval costs (docs/rules.md §4, §5): its overlap with the regime, split into
 * one segment per paid window, counted per minute, in the product's unit.
 */
export function bill(interval: Interval, context: BillingContext): Bill {
  const { billing } = context;
  // Minutes are counted on the running total of paid time, not per segment, so a session that
  // crosses from one paid window into the next pays no extra started minute at the seam.
  let paidMs = 0;
  let countedMinutes = 0;
  const segments = paidParts(context.regime, interval, context.timeZone).map((part) => {
    paidMs += part.end.getTime() - part.start.getTime();
    const total = countMinutes(paidMs, billing.minuteCounting);
    const minutes = total - countedMinutes;
    countedMinutes = total;
    let cost = minutes;
    if (billing.unit === 'cents') {
      const tariff = tariffOn(billing.tariffs, part.date);
      if (!tariff) throw new RangeError(`no tariff in effect on ${part.date}`);
      cost = centsForMinutes(minutes, tariff.centsPerHour);
    }
    return { ...part, minutes, cost };
  });
  return {
    minutes: countedMinutes,
    cost: segments.reduce((sum, segment) => sum + segment.cost, 0),
    segments,
  };
}
