import type { BalanceUnit } from '../balance-unit.js';
import type { Language } from '../language.js';
import { formatDuration } from './duration.js';
import { formatMoney } from './money.js';

/** Formats an amount in a product's balance unit. */
export function formatBalance(amount: number, unit: BalanceUnit, language: Language): string {
  return unit === 'cents' ? formatMoney(amount, language) : formatDuration(amount, language);
}
