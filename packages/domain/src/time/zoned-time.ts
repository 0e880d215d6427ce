import { tzOffset } from '@date-fns/tz';
import {
  addDays,
  dateParts,
  isoWeekdayOf,
  toLocalDate,
  type IsoWeekday,
  type LocalDate,
} from './local-date.js';

/** Minutes since local midnight, 0 … 1440 (1440 is the next midnight, the end of a day). */
export type MinuteOfDay = number;

export const minutesPerDay = 1440;
const minuteMs = 60_000;
const dayMs = 86_400_000;

export interface WallClock {
  date: LocalDate;
  minuteOfDay: MinuteOfDay;
  isoWeekday: IsoWeekday;
}

/** The UTC offset of a zone at an instant, in minutes, from the time-zone database. */
function offsetMinutes(timeZone: string, instantMs: number): number {
  return tzOffset(timeZone, new Date(instantMs));
}

/** The local calendar date and time of day of an instant (seconds are dropped). */
export function wallClockOf(instant: Date, timeZone: string): WallClock {
  const localMs = instant.getTime() + offsetMinutes(timeZone, instant.getTime()) * minuteMs;
  const local = new Date(localMs);
  const date = toLocalDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
  return {
    date,
    minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(),
    isoWeekday: isoWeekdayOf(date),
  };
}

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return wallClockOf(instant, timeZone).date;
}

/**
 * The instant at which a local wall time occurs. A wall time that occurs twice (the autumn
 * change, 02:00–03:00) resolves to its first occurrence; one that does not occur (the spring
 * change) moves forward by the gap: the disambiguation Temporal calls 'compatible'.
 */
export function instantAt(date: LocalDate, minuteOfDay: MinuteOfDay, timeZone: string): Date {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay > minutesPerDay) {
    throw new RangeError(`minute of day out of range: ${minuteOfDay}`);
  }
  const { year, month, day } = dateParts(date);
  const wallAsUtc = Date.UTC(year, month - 1, day) + minuteOfDay * minuteMs;
  // Around a wall time the zone has at most two offsets: the one before and the one after.
  const offsetBefore = offsetMinutes(timeZone, wallAsUtc - dayMs);
  const offsetAfter = offsetMinutes(timeZone, wallAsUtc + dayMs);
  const candidates = [offsetBefore, offsetAfter]
    .map((offset) => wallAsUtc - offset * minuteMs)
    .filter((candidate) => wallAsUtc - offsetMinutes(timeZone, candidate) * minuteMs === candidate);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wallAsUtc - offsetBefore * minuteMs);
}

/** The first instant of a local day. */
export function startOfDay(date: LocalDate, timeZone: string): Date {
  return instantAt(date, 0, timeZone);
}

/** The first instant after a local day: its exclusive end (shown to people as 23:59:59). */
export function endOfDay(date: LocalDate, timeZone: string): Date {
  return instantAt(addDays(date, 1), 0, timeZone);
}

/**
 * The next time the town's clock shows `minuteOfDay` after `now`: today, or tomorrow when it has
 * passed (a keyed or typed end such as "17:30"). Tomorrow is the next calendar date, not 24 hours
 * on: the night the clocks change has 23 or 25.
 */
export function nextInstantAt(now: Date, minuteOfDay: MinuteOfDay, timeZone: string): Date {
  const today = localDateOf(now, timeZone);
  const at = instantAt(today, minuteOfDay, timeZone);
  return at > now ? at : instantAt(addDays(today, 1), minuteOfDay, timeZone);
}
