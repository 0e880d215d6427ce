import type { BalanceUnit } from '@parkeer/shared/balance-unit';

/**
 * The amount a resident typed for a delegation, in the product's unit; null when it is not a
 * positive amount. People think in hours and euros, not in minutes and cents: minutes are typed
 * as hours ("2", "1,5", "1:30"), cents as euros ("5", "7,50", "€ 7.50").
 */
export function parseAmount(text: string, unit: BalanceUnit): number | null {
  const typed = text.replace(/[\s€]/g, '');
  const amount = unit === 'cents' ? centsOf(typed) : minutesOf(typed);
  return amount !== null && amount > 0 && Number.isSafeInteger(amount) ? amount : null;
}

function centsOf(typed: string): number | null {
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(typed);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function minutesOf(typed: string): number | null {
  const clock = /^(\d+):([0-5]\d)$/.exec(typed);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const hours = /^(\d+)(?:[.,](\d+))?$/.exec(typed);
  if (!hours) return null;
  // Whole minutes only: a quarter of an hour is fine, a second is not.
  const minutes = Number(`${hours[1]}.${hours[2] ?? '0'}`) * 60;
  return Number.isInteger(Math.round(minutes * 1e6) / 1e6) ? Math.round(minutes) : null;
}
