import { addDays, isoWeekdayOf, type IsoWeekday, type LocalDate } from '../time/local-date.js';
import { instantAt, localDateOf, type MinuteOfDay } from '../time/zoned-time.js';

/** Local wall-clock hours within one day, `from` inclusive, `to` exclusive (1440 = 24:00). */
export interface TimeWindow {
  readonly from: MinuteOfDay;
  readonly to: MinuteOfDay;
}

export interface WeeklyWindow extends TimeWindow {
  readonly weekday: IsoWeekday;
}

/**
 * A date with other paid-parking hours than its weekday: a public holiday (no windows, so no
 * paid parking) or a day with different hours (e.g. a late shopping evening).
 */
export interface DatedException {
  readonly date: LocalDate;
  readonly windows: readonly TimeWindow[];
  readonly label?: string;
}

/** A zone's paid-parking hours (docs/rules.md §3): weekly windows in local time plus dated exceptions. */
export interface Regime {
  readonly weekly: readonly WeeklyWindow[];
  readonly exceptions: readonly DatedException[];
}

/** A stretch of paid parking in absolute time, with the local date it belongs to. */
export interface PaidWindow {
  readonly date: LocalDate;
  readonly start: Date;
  readonly end: Date;
}

export interface Interval {
  readonly start: Date;
  readonly end: Date;
}

/**
 * The paid-parking hours of one local date, sorted; an exception replaces the weekday's hours.
 * Overlapping or touching windows are merged, so no minute is ever paid twice, even in a regime
 * that was stored without validation.
 */
export function windowsOnDate(regime: Regime, date: LocalDate): TimeWindow[] {
  const exception = regime.exceptions.find((candidate) => candidate.date === date);
  const weekday = isoWeekdayOf(date);
  const windows = exception
    ? exception.windows
    : regime.weekly.filter((window) => window.weekday === weekday);
  const sorted = windows
    .filter((window) => window.to > window.from)
    .sort((a, b) => a.from - b.from);
  const merged: TimeWindow[] = [];
  for (const { from, to } of sorted) {
    const last = merged.at(-1);
    if (last && from <= last.to)
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, to) };
    else merged.push({ from, to });
  }
  return merged;
}

/** The paid windows of one local date as instants, in the municipality's time zone. */
export function paidWindowsOnDate(regime: Regime, date: LocalDate, timeZone: string): PaidWindow[] {
  return windowsOnDate(regime, date)
    .map((window) => ({
      date,
      start: instantAt(date, window.from, timeZone),
      end: instantAt(date, window.to, timeZone),
    }))
    .filter((window) => window.end > window.start);
}

/**
 * The paid windows that overlap an interval, whole (not clipped), in time order. Correct across
 * clock changes: each window is placed by its own local date and wall-clock times.
 */
export function paidWindowsOverlapping(
  regime: Regime,
  interval: Interval,
  timeZone: string,
): PaidWindow[] {
  if (interval.end <= interval.start) return [];
  const lastDate = localDateOf(interval.end, timeZone);
  const windows: PaidWindow[] = [];
  for (
    let date = localDateOf(interval.start, timeZone);
    date <= lastDate;
    date = addDays(date, 1)
  ) {
    for (const window of paidWindowsOnDate(regime, date, timeZone)) {
      if (window.end > interval.start && window.start < interval.end) windows.push(window);
    }
  }
  return windows;
}

/** The parts of an interval that fall in paid-parking hours, one per paid window. */
export function paidParts(regime: Regime, interval: Interval, timeZone: string): PaidWindow[] {
  return paidWindowsOverlapping(regime, interval, timeZone).map((window) => ({
    date: window.date,
    start: window.start > interval.start ? window.start : interval.start,
    end: window.end < interval.end ? window.end : interval.end,
  }));
}

/** Whether an instant falls in paid-parking hours. */
export function isPaidAt(regime: Regime, instant: Date, timeZone: string): boolean {
  const probe = { start: instant, end: new Date(instant.getTime() + 1) };
  return paidWindowsOverlapping(regime, probe, timeZone).length > 0;
}

/**
 * The end of paid parking on the local day of `instant`: the end of the last paid window of that
 * day that ends after `instant`, or null when no paid parking is left that day.
 */
export function endOfPaidHoursOnDayOf(
  regime: Regime,
  instant: Date,
  timeZone: string,
): Date | null {
  const date = localDateOf(instant, timeZone);
  const remaining = paidWindowsOnDate(regime, date, timeZone).filter((w) => w.end > instant);
  return remaining.at(-1)?.end ?? null;
}

/** The start of the next paid window at or after `instant`, looking ahead at most `days` days. */
export function nextPaidStart(
  regime: Regime,
  instant: Date,
  timeZone: string,
  days = 14,
): Date | null {
  const firstDate = localDateOf(instant, timeZone);
  for (let offset = 0; offset <= days; offset++) {
    const date = addDays(firstDate, offset);
    const next = paidWindowsOnDate(regime, date, timeZone).find((w) => w.end > instant);
    if (next) return next.start > instant ? next.start : instant;
  }
  return null;
}
