import type { Language } from '../language.js';

const hourUnit: Record<Language, string> = { nl: 'u', en: 'h' };

/**
 * Formats whole minutes as hours and minutes: `2 u 15 min` (nl) / `2 h 15 min` (en).
 * Negative durations keep their sign (a balance may run below zero under some policies).
 */
export function formatDuration(minutes: number, language: Language): string {
  if (!Number.isSafeInteger(minutes)) {
    throw new RangeError(`minutes must be an integer, got ${minutes}`);
  }
  const sign = minutes < 0 ? '-' : '';
  const total = Math.abs(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} ${hourUnit[language]}`);
  if (rest > 0 || hours === 0) parts.push(`${rest} min`);
  return sign + parts.join(' ');
}
