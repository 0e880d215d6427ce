import type { EntityManager } from '@mikro-orm/core';
import { periodOf, type BalancePeriod } from '@parkeer/domain/balance/balance-period';
import { balanceUsage, type BalanceUsage } from '@parkeer/domain/balance/balance-usage';
import { addDays } from '@parkeer/domain/time/local-date';
import { instantAt, localDateOf } from '@parkeer/domain/time/zoned-time';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { ParkingSession } from '../../model/parking-session.entity.js';
import { permitForViewer } from '../permit/permit-access.js';

export interface ProductUsage extends BalanceUsage {
  readonly unit: BalanceUnit;
}

/**
 * The use of a product's balance in its current period (docs/rules.md §4, §8): the period of the
 * product's cap, so that the picture and the cap's "left this year" speak of the same months, or
 * the calendar year for a product without one. Only settled sessions count: a running one has a
 * reservation, not yet a charge.
 */
export async function productUsage(
  em: EntityManager,
  viewer: Viewer,
  permitId: string,
  now: Date,
): Promise<ProductUsage> {
  const { permit, delegation } = await permitForViewer(em, viewer, permitId, 'read');
  const unit = permit.productType.balanceUnit;
  if (!unit) throw new AppError('PRODUCT_HAS_NO_BALANCE');
  const timeZone = permit.municipality.timeZone;
  const today = localDateOf(now, timeZone);
  const cap = permit.productType.topUpPolicy?.cap ?? null;
  const period: BalancePeriod = periodOf(
    cap?.period ?? 'calendarYear',
    today,
    localDateOf(permit.validFrom, timeZone),
  );
  const sessions = await em.find(
    ParkingSession,
    {
      permit: permit.id,
      status: 'ended',
      charge: { $ne: null },
      ...(delegation ? { delegation: delegation.id } : {}),
      // A day of margin each side: the domain judges each start by the town's date.
      start: {
        $gte: instantAt(addDays(period.start, -1), 0, timeZone),
        $lt: instantAt(addDays(period.nextStart, 1), 0, timeZone),
      },
    },
    { fields: ['start', 'plate', 'country', 'charge'] },
  );
  const used = sessions.map((s) => ({
    start: s.start,
    plate: s.plate,
    country: s.country,
    charge: s.charge!,
  }));
  return { unit, ...balanceUsage(used, period, timeZone) };
}
