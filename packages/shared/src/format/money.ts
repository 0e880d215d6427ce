import { localeOf, type Language } from '../language.js';

const formatters = new Map<Language, Intl.NumberFormat>();

function moneyFormat(language: Language): Intl.NumberFormat {
  let format = formatters.get(language);
  if (!format) {
    format = new Intl.NumberFormat(localeOf[language], { style: 'currency', currency: 'EUR' });
    formatters.set(language, format);
  }
  return format;
}

/** Formats integer euro cents: `€ 19,35` (nl) or `€19.35` (en). */
export function formatMoney(cents: number, language: Language): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be an integer, got ${cents}`);
  // Divide once at the edge: amounts stay integer cents everywhere else.
  return moneyFormat(language).format(cents / 100);
}
