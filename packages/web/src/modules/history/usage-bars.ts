/** A bar's length as a share of the longest, in whole percent; a used bar is never invisible. */
export function barPercent(value: number, largest: number): number {
  if (value <= 0 || largest <= 0) return 0;
  return Math.max(2, Math.round((value / largest) * 100));
}

/** The month's short name in the interface language, e.g. "nov" / "Nov". */
export function monthLabel(month: string, locale: string): string {
  // Noon UTC on the first: the same calendar month in every European time zone.
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(
    new Date(`${month}T12:00:00Z`),
  );
}
