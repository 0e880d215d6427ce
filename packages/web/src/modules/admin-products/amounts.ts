import type { Language } from '@parkeer/shared/language';

/** What an amount counts: minutes (typed and shown as hours) or cents (typed as euros). */
export type AmountUnit = 'minutes' | 'cents';

const decimalSeparator: Record<Language, string> = { nl: ',', en: '.' };
const decimalPattern = /^\d+(?:[.,]\d+)?$/;
const wholePattern = /^\d+$/;

/**
 * An amount as an admin types it: minutes as hours ('200', '1,5'), cents as euros ('38,20').
 * Empty for no amount. The API keeps integers; only this edge shows hours and euros.
 */
export function amountText(
  value: number | null | undefined,
  unit: AmountUnit,
  language: Language,
): string {
  if (value === null || value === undefined) return '';
  const sign = value < 0 ? '-' : '';
  const whole = Math.abs(value);
  let text: string;
  if (unit === 'cents') {
    text =
      whole % 100 === 0
        ? String(whole / 100)
        : `${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
  } else {
    // Two decimals of an hour are within 0.3 minutes: typed back, they round to the same minute.
    text = whole % 60 === 0 ? String(whole / 60) : String(Number((whole / 60).toFixed(2)));
  }
  return sign + text.replace('.', decimalSeparator[language]);
}

/**
 * What an admin typed, as integer minutes or cents: null when empty, undefined when it is no
 * amount (letters, two separators, a fraction of a cent). Both ',' and '.' separate decimals.
 */
export function parseAmount(text: string, unit: AmountUnit): number | null | undefined {
  const typed = text.trim();
  if (typed === '') return null;
  if (!decimalPattern.test(typed)) return undefined;
  const [whole = '0', fraction = ''] = typed.split(/[.,]/);
  if (unit === 'cents') {
    // Exact in string form: 0.1 + 0.2 never reaches a price.
    if (fraction.length > 2) return undefined;
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  }
  return Math.round(Number(`${whole}.${fraction || '0'}`) * 60);
}

/** A whole number typed (days, minutes, a count): null when empty, undefined when it is none. */
export function parseCount(text: string): number | null | undefined {
  const typed = text.trim();
  if (typed === '') return null;
  return wholePattern.test(typed) ? Number(typed) : undefined;
}

/** Minutes as whole hours and the minutes left, for the two fields of a duration. */
export function hoursAndMinutes(minutes: number | null): { hours: string; minutes: string } {
  if (minutes === null) return { hours: '', minutes: '' };
  return { hours: String(Math.floor(minutes / 60)), minutes: String(minutes % 60) };
}

/** The two fields of a duration as minutes: null when both are empty, undefined when wrong. */
export function parseHoursAndMinutes(hours: string, minutes: string): number | null | undefined {
  const h = parseCount(hours);
  const m = parseCount(minutes);
  if (h === undefined || m === undefined) return undefined;
  if (h === null && m === null) return null;
  return (h ?? 0) * 60 + (m ?? 0);
}
