import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import type { LocalDate } from '../time/local-date.js';

/**
 * Whether a minute that has begun is charged ('started', the default: per-minute billing as
 * parking operators do it, so a visit of 9 min 10 s costs 10 minutes) or only whole minutes
 * ('completed').
 */
export type MinuteCounting = 'started' | 'completed';

/** An hourly tariff in euro cents, in effect from a local date until the next one starts. */
export interface Tariff {
  readonly validFrom: LocalDate;
  readonly centsPerHour: number;
}

/** How a product charges paid-parking time (docs/rules.md §4). */
export interface BillingSettings {
  readonly unit: BalanceUnit;
  readonly minuteCounting: MinuteCounting;
  /** Required when the unit is cents; ignored for minutes. */
  readonly tariffs: readonly Tariff[];
}

export const defaultMinuteCounting: MinuteCounting = 'started';

/** The tariff in effect on a local date, or null when none has started yet. */
export function tariffOn(tariffs: readonly Tariff[], date: LocalDate): Tariff | null {
  let current: Tariff | null = null;
  for (const tariff of tariffs) {
    if (tariff.validFrom <= date && (!current || tariff.validFrom > current.validFrom)) {
      current = tariff;
    }
  }
  return current;
}
