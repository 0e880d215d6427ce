import type { Formats } from '../../app/ui/format.js';

/** A change of the balance with its sign: "+2 u", "−1 u 30 min" (a real minus sign). */
export function signedAmount(amount: number, unit: string, format: Formats): string {
  const size = format.balance(Math.abs(amount), unit);
  return amount > 0 ? `+${size}` : amount < 0 ? `\u2212${size}` : size;
}

/**
 * From–to on the Amsterdam clock; the end's day only when it is another day:
 * "ma 23 nov, 10:00 – 12:00", "ma 23 nov, 22:00 – di 24 nov, 08:00".
 */
export function timeRange(start: string | Date, end: string | Date, format: Formats): string {
  const sameDay = format.date(start) === format.date(end);
  return `${format.dateTime(start)} – ${sameDay ? format.time(end) : format.dateTime(end)}`;
}

/**
 * A counter permit's price of nothing (a business's plate change, a free permit): its title says
 * so, and no "paid € 0,00" line follows.
 */
export function isFreePermitPrice(kind: string, moneyCents: number | null | undefined): boolean {
  return kind === 'permitFee' && moneyCents === 0;
}
