import type { EntityManager } from '@mikro-orm/core';
import type { Tariff as DomainTariff } from '@parkeer/domain/billing/billing-settings';
import { byKeys, loader } from '../../graphql/loader.js';
import type { Context } from '../../graphql/context.js';
import { PermitPlate } from '../../model/permit-plate.entity.js';
import { ParkingSession } from '../../model/parking-session.entity.js';
import { Tariff } from '../../model/tariff.entity.js';

export interface SessionCounts {
  readonly running: number;
  readonly planned: number;
}

/** Whose sessions a product card counts: all of the permit's, or one delegation's. */
export interface CountScope {
  readonly permitId: string;
  readonly delegationId: string | null;
}

type LoaderContext = Pick<Context, 'loaders' | 'em' | 'now'>;

/** Running and planned sessions per product card, for all cards in one statement. */
export function sessionCountsLoader(ctx: LoaderContext) {
  return loader<CountScope, SessionCounts>(
    ctx,
    'sessionCounts',
    async (scopes) => {
      const rows = await ctx.em.find(
        ParkingSession,
        {
          permit: { $in: [...new Set(scopes.map((s) => s.permitId))] },
          status: { $in: ['planned', 'running'] },
          end: { $gt: ctx.now },
          stoppedAt: null,
        },
        { fields: ['permit', 'delegation', 'start'] },
      );
      return scopes.map(({ permitId, delegationId }) => {
        const mine = rows.filter(
          (row) =>
            row.permit.id === permitId && (!delegationId || row.delegation?.id === delegationId),
        );
        const planned = mine.filter((row) => row.start > ctx.now).length;
        return { running: mine.length - planned, planned };
      });
    },
    (scope) => `${scope.permitId}|${scope.delegationId ?? ''}`,
  );
}

/** The registered plates of each product, active first. */
export function platesLoader(ctx: LoaderContext) {
  return loader<string, PermitPlate[]>(ctx, 'permitPlates', async (permitIds) => {
    const rows = await ctx.em.find(
      PermitPlate,
      { permit: { $in: [...permitIds] } },
      { orderBy: { plate: 'asc' } },
    );
    return byKeys(
      permitIds,
      rows,
      (row) => row.permit.id,
      (plates) => plates.sort((a, b) => Number(b.active) - Number(a.active)),
    );
  });
}

/** The tariffs of each product type in each zone (money balances), for the cost preview. */
export function tariffsLoader(ctx: Pick<Context, 'loaders'> & { em: EntityManager }) {
  return loader<{ productTypeId: string; zoneId: string }, DomainTariff[]>(
    ctx,
    'tariffs',
    async (keys) => {
      const rows = await ctx.em.find(
        Tariff,
        {
          productType: { $in: [...new Set(keys.map((k) => k.productTypeId))] },
          zone: { $in: [...new Set(keys.map((k) => k.zoneId))] },
        },
        { orderBy: { validFrom: 'asc' } },
      );
      return byKeys(
        keys.map((k) => `${k.productTypeId}|${k.zoneId}`),
        rows,
        (row) => `${row.productType.id}|${row.zone.id}`,
        (tariffs) => tariffs.map((t) => ({ validFrom: t.validFrom, centsPerHour: t.centsPerHour })),
      );
    },
    (key) => `${key.productTypeId}|${key.zoneId}`,
  );
}
