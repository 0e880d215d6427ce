import { instantAt, wallClockOf } from '@parkeer/domain/time/zoned-time';
import { displayTimeZone } from './format.js';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * An instant as the value of a `datetime-local` input, on the municipality's clock (not the
 * device's: a resident abroad plans by Dutch time).
 */
export function toLocalInput(instant: Date, timeZone = displayTimeZone): string {
  const { date, minuteOfDay } = wallClockOf(instant, timeZone);
  return `${date}T${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

/** The instant a `datetime-local` value means on the municipality's clock; null when empty. */
export function fromLocalInput(value: string, timeZone = displayTimeZone): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  return instantAt(match[1]!, Number(match[2]) * 60 + Number(match[3]), timeZone);
}
