/**
 * Calendar dates without a time or zone ('2026-03-29'): the unit of paid-parking days, calendar
 * years and permit years. Arithmetic runs on the proleptic Gregorian calendar through UTC, which
 * has no clock changes, so a day is always a day here.
 */
export type LocalDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

export function isLocalDate(value: string): boolean {
  const match = localDatePattern.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A date beyond what a LocalDate can write (years 0000–9999): reached from a moment at the very
 * edge of the range, e.g. the last hour of 9999 in UTC, which is already 10000 in Amsterdam.
 */
export class CalendarRangeError extends RangeError {
  constructor(year: number) {
    super(`year outside the calendar's range: ${year}`);
    this.name = 'CalendarRangeError';
  }
}

export function toLocalDate(year: number, month: number, day: number): LocalDate {
  if (year < 0 || year > 9999) throw new CalendarRangeError(year);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function dateParts(date: LocalDate): { year: number; month: number; day: number } {
  const match = localDatePattern.exec(date);
  if (!match || !isLocalDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function utcMidnight(date: LocalDate): number {
  const { year, month, day } = dateParts(date);
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

function fromUtcMidnight(ms: number): LocalDate {
  const d = new Date(ms);
  return toLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMidnight(utcMidnight(date) + days * dayMs);
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = dateParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return toLocalDate(targetYear, targetMonth, Math.min(day, lastDay));
}

export function addYears(date: LocalDate, years: number): LocalDate {
  return addMonths(date, years * 12);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / dayMs);
}

export function isoWeekdayOf(date: LocalDate): IsoWeekday {
  const weekday = new Date(utcMidnight(date)).getUTCDay();
  return (weekday === 0 ? 7 : weekday) as IsoWeekday;
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
