import { nextInstantAt } from '@parkeer/domain/time/zoned-time';
import { displayTimeZone } from '../../app/ui/format.js';

/**
 * An "HH:MM" end on the town's clock: today, or tomorrow when that time has passed today (as
 * the phone line reads a keyed time); anything else: none, the product's default end.
 */
export function endInstant(value: string, now: Date, timeZone = displayTimeZone): string | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const minuteOfDay = Number(match[1]) * 60 + Number(match[2]);
  if (minuteOfDay >= 24 * 60) return null;
  return nextInstantAt(now, minuteOfDay, timeZone).toISOString();
}
