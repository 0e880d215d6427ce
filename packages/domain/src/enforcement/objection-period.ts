import { addDays } from '../time/local-date.js';
import { endOfDay, localDateOf } from '../time/zoned-time.js';

/**
 * docs/rules.md §9 fines: until when a fine's data is kept for an objection. The period counts
 * whole days of the town's calendar from the day after the fine (as the Awb counts an objection
 * term) and runs to the end of its last day, so a clock change inside it neither shortens nor
 * lengthens it by an hour. The exclusive end: the first instant after that day.
 */
export function objectionPeriodEnd(finedAt: Date, days: number, timeZone: string): Date {
  return endOfDay(addDays(localDateOf(finedAt, timeZone), days), timeZone);
}
