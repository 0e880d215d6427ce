import type { EntityManager } from '@mikro-orm/core';
import type {
  MinuteCounting,
  Tariff as DomainTariff,
} from '@parkeer/domain/billing/billing-settings';
import type { Regime } from '@parkeer/domain/regime/regime';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import type { ProductRules } from '@parkeer/domain/session-policy/product-rules';
import type { SessionPolicy } from '@parkeer/domain/session-policy/session-policy';
import { AppError } from '../../graphql/app-error.js';
import type { Permit } from '../../model/permit.entity.js';
import { Tariff } from '../../model/tariff.entity.js';

export type { ProductRules };

/** The tariffs of the permit's product in its zone; empty for a time balance. */
export async function tariffsOf(em: EntityManager, permit: Permit): Promise<DomainTariff[]> {
  if (permit.productType.balanceUnit !== 'cents') return [];
  const rows = await em.find(
    Tariff,
    { productType: permit.productType.id, zone: permit.zone.id },
    { orderBy: { validFrom: 'asc' } },
  );
  return rows.map((row) => ({ validFrom: row.validFrom, centsPerHour: row.centsPerHour }));
}

/** A product's settings as stored, however they were read (entities or plain rows). */
export interface ProductSettings {
  readonly sessionPolicy: SessionPolicy | null;
  readonly balanceUnit: BalanceUnit | null;
  readonly minuteCounting: MinuteCounting;
  readonly regime: Regime;
  readonly timeZone: string;
  readonly validFrom: Date;
  readonly validUntil: Date | null;
}

/**
 * The rules of a product from its settings. A product without sessions (a resident permit is a
 * right, not a balance) is SESSION_NOT_AVAILABLE.
 */
export function rulesFromSettings(
  settings: ProductSettings,
  tariffs: readonly DomainTariff[],
): ProductRules & { billing: { unit: BalanceUnit } } {
  if (!settings.sessionPolicy || !settings.balanceUnit) {
    throw new AppError('SESSION_NOT_AVAILABLE');
  }
  return {
    policy: settings.sessionPolicy,
    regime: settings.regime,
    timeZone: settings.timeZone,
    validity: { from: settings.validFrom, until: settings.validUntil },
    billing: {
      unit: settings.balanceUnit,
      minuteCounting: settings.minuteCounting,
      tariffs,
    },
  };
}

/** The rules of a permit whose productType, zone and municipality are loaded. */
export function productRulesOf(permit: Permit, tariffs: readonly DomainTariff[]): ProductRules {
  const { productType, zone, municipality } = permit;
  return rulesFromSettings(
    {
      sessionPolicy: productType.sessionPolicy ?? null,
      balanceUnit: productType.balanceUnit ?? null,
      minuteCounting: productType.minuteCounting,
      regime: zone.regime,
      timeZone: municipality.timeZone,
      validFrom: permit.validFrom,
      validUntil: permit.validUntil ?? null,
    },
    tariffs,
  );
}

export async function loadProductRules(em: EntityManager, permit: Permit): Promise<ProductRules> {
  return productRulesOf(permit, await tariffsOf(em, permit));
}
