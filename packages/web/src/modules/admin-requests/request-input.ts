import { localDateOf, startOfDay } from '@parkeer/domain/time/zoned-time';

/**
 * Minutes in an amount of hours as an official types it: "10", "1,5" or "0.25". Null for
 * anything else, for nothing and for less than a minute. At most two decimals, so "1.000"
 * (a thousand, written the Dutch way) is refused rather than read as one hour.
 */
export function minutesOfHours(text: string): number | null {
  const match = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(`${match[1]}.${match[2] ?? '0'}`);
  if (hours * 60 < 1) return null;
  return Math.round(hours * 60);
}

/**
 * When a request arrived, for the API: a day before today means the start of that day on the
 * town's clock (the rules count local days, and the start is never in the future); today, or no
 * day, means now (left out, so the API takes its own clock).
 */
export function requestedAtOf(date: string, today: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date >= today) return null;
  return startOfDay(date, timeZone).toISOString();
}

/** Today's date on the town's clock, as a date input wants it. */
export const todayIn = (timeZone: string, now = new Date()) => localDateOf(now, timeZone);
