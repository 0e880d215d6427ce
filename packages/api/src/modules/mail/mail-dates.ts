import { endDateOf } from '@parkeer/domain/counter/counter-term';
import { addDays } from '@parkeer/domain/time/local-date';
import { startOfDay } from '@parkeer/domain/time/zoned-time';
import type { Language } from '@parkeer/shared/language';

/**
 * The last day something ending at `endsAt` (a local midnight) still covers, as people write it
 * in a mail ("7 december 2026"): a permit's term, an offer's deadline to pay.
 */
export function lastDayShown(endsAt: Date, timeZone: string, language: Language): string {
  const lastDay = addDays(endDateOf(endsAt, timeZone), -1);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeZone,
  }).format(startOfDay(lastDay, timeZone));
}
