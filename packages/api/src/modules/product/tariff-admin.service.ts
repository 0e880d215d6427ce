import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { addDays, compareLocalDates, isLocalDate } from '@parkeer/domain/time/local-date';
import { AppError, refuseProblems } from '../../graphql/app-error.js';
import { isUuid } from '../../db/uuid.js';
import { requireOwnTown, type Actor } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import { Zone } from '../../model/zone.entity.js';
import { ProductAdminService, townToday } from './product-admin.service.js';
import type { TariffChangeInput } from './product-admin.types.js';
import { Tariff } from '../../model/tariff.entity.js';

/** €1,000 an hour: far above any street tariff, a guard against a misplaced decimal. */
const maxCentsPerHour = 100_000;

const periodOf = (tariff: Tariff) => ({
  zone: tariff.zone.code,
  validFrom: tariff.validFrom,
  validUntil: tariff.validUntil ?? null,
  centsPerHour: tariff.centsPerHour,
});

/**
 * The hourly tariffs of a money-balance product, as periods of local dates. A change takes
 * effect from a future date: the period in effect then ends that day and the past keeps its
 * prices. The database refuses periods that overlap, whatever writes them.
 */
export class TariffAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
  ) {}

  async list(productTypeId: string): Promise<Tariff[]> {
    const productType = await new ProductAdminService(this.em, this.actor).get(productTypeId);
    const tariffs = await this.em.find(
      Tariff,
      { productType: productType.id },
      { populate: ['zone'], orderBy: { validFrom: 'asc' } },
    );
    return tariffs.sort((a, b) => a.zone.code.localeCompare(b.zone.code));
  }

  async schedule(input: TariffChangeInput): Promise<Tariff> {
    const productType = await new ProductAdminService(this.em, this.actor).get(input.productTypeId);
    if (productType.balanceUnit !== 'cents') throw new AppError('TARIFF_NOT_FOR_TIME_BALANCE');
    const zone = isUuid(input.zoneId) ? await this.em.findOne(Zone, { id: input.zoneId }) : null;
    requireOwnTown(this.actor, zone?.municipality.id);
    const problems = [];
    if (!isLocalDate(input.validFrom)) {
      problems.push({ code: 'REGIME_INVALID_DATE' as const, path: 'validFrom' });
    }
    if (!Number.isSafeInteger(input.centsPerHour) || input.centsPerHour < 0) {
      problems.push({ code: 'SETTING_NEGATIVE' as const, path: 'centsPerHour' });
    } else if (input.centsPerHour > maxCentsPerHour) {
      problems.push({
        code: 'SETTING_TOO_LARGE' as const,
        path: 'centsPerHour',
        params: { max: maxCentsPerHour },
      });
    }
    refuseProblems(problems);
    const today = await townToday(this.em, productType.municipality.id, this.actor.now);
    // A zone's first price has no past to keep: it may start today, so the zone can be used.
    const first =
      (await this.em.count(Tariff, { productType: productType.id, zone: zone!.id })) === 0;
    const earliest = first ? today : addDays(today, 1);
    if (compareLocalDates(input.validFrom, earliest) < 0) {
      throw new AppError('TARIFF_DATE_NOT_IN_FUTURE', { tomorrow: addDays(today, 1) });
    }

    return this.withOverlapRefused(() =>
      this.em.transactional(async (tx) => {
        const periods = await tx.find(
          Tariff,
          { productType: productType.id, zone: zone!.id },
          { orderBy: { validFrom: 'asc' }, populate: ['zone'] },
        );
        const same = periods.find((period) => period.validFrom === input.validFrom);
        const before = same ? periodOf(same) : null;
        let tariff: Tariff;
        if (same) {
          // Not in effect yet (it starts tomorrow or later): its price may still change.
          same.centsPerHour = input.centsPerHour;
          tariff = same;
        } else {
          const next = periods.find((period) => period.validFrom > input.validFrom);
          const current = periods.findLast((period) => period.validFrom < input.validFrom);
          if (current && (current.validUntil == null || current.validUntil > input.validFrom)) {
            current.validUntil = input.validFrom;
            // The shortened period first: the new one may only be written when it is free.
            await tx.flush();
          }
          tariff = tx.create(Tariff, {
            productType,
            zone: zone!,
            validFrom: input.validFrom,
            validUntil: next?.validFrom ?? null,
            centsPerHour: input.centsPerHour,
          });
        }
        recordChange(tx, this.actor, {
          action: 'tariff.schedule',
          subjectType: 'tariff',
          subjectId: tariff.id,
          subjectLabel: `${productType.code} ${zone!.code} ${input.validFrom}`,
          municipalityId: productType.municipality.id,
          before,
          after: periodOf(tariff),
        });
        await tx.flush();
        return tariff;
      }),
    );
  }

  /** Withdraws a change that has not taken effect; the period before it runs on again. */
  async cancel(tariffId: string): Promise<Tariff[]> {
    const tariff = isUuid(tariffId)
      ? await this.em.findOne(Tariff, { id: tariffId }, { populate: ['zone', 'productType'] })
      : null;
    requireOwnTown(this.actor, tariff?.productType.municipality.id);
    const productType = tariff!.productType;
    const tomorrow = addDays(
      await townToday(this.em, productType.municipality.id, this.actor.now),
      1,
    );
    if (compareLocalDates(tariff!.validFrom, tomorrow) < 0) {
      throw new AppError('TARIFF_DATE_NOT_IN_FUTURE', { tomorrow });
    }
    await this.withOverlapRefused(() =>
      this.em.transactional(async (tx) => {
        const cancelled = await tx.findOneOrFail(Tariff, { id: tariffId }, { populate: ['zone'] });
        const before = periodOf(cancelled);
        const previous = await tx.findOne(Tariff, {
          productType: productType.id,
          zone: cancelled.zone.id,
          validUntil: cancelled.validFrom,
        });
        tx.remove(cancelled);
        await tx.flush();
        if (previous) previous.validUntil = cancelled.validUntil ?? null;
        recordChange(tx, this.actor, {
          action: 'tariff.cancel',
          subjectType: 'tariff',
          subjectId: cancelled.id,
          subjectLabel: `${productType.code} ${cancelled.zone.code} ${cancelled.validFrom}`,
          municipalityId: productType.municipality.id,
          before,
          after: null,
        });
        await tx.flush();
      }),
    );
    return this.list(productType.id);
  }

  /** The database's refusal of overlapping periods, as the caller's error. */
  private async withOverlapRefused<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isOverlapRefusal(error)) throw new AppError('TARIFF_PERIODS_OVERLAP');
      throw error;
    }
  }
}

/** PostgreSQL's exclusion constraint or SQLite's trigger, both named after the rule. */
export function isOverlapRefusal(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ''} ${(error as { constraint?: string })?.constraint ?? ''}`;
  return (
    error instanceof UniqueConstraintViolationException ||
    text.includes('tariff_periods_do_not_overlap')
  );
}
