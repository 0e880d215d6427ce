import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { defaultPageSize } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { formatPlate } from '@parkeer/domain/plate/plate';
import { productUsage } from './balance-usage.js';
import { BalanceUsageDto } from './balance-usage.types.js';
import { toSessionHistoryConnection, toTransactionConnection } from './history.mapper.js';
import { HistoryService } from './history.service.js';
import { SessionHistoryConnection, TransactionConnection } from './history.types.js';

@Resolver()
export class HistoryResolver {
  @Authorized('resident', 'business')
  @Query(() => SessionHistoryConnection, {
    description: "The permit's sessions, newest first (a delegate: only its own).",
  })
  async sessionHistory(
    @Arg('permitId', () => ID, { description: 'The permit (Product.id).' }) permitId: string,
    @Arg('first', () => Int, { description: 'Page size, 1 to 50.', defaultValue: defaultPageSize })
    first: number,
    @Arg('after', () => String, {
      description: "The previous page's pageInfo.endCursor; left out: the first page.",
      nullable: true,
    })
    after: string | null,
    @Ctx() { em, viewer, now }: Context,
  ): Promise<SessionHistoryConnection> {
    const page = await new HistoryService(em).sessions(viewer!, permitId, { first, after });
    return toSessionHistoryConnection(page, now);
  }

  @Authorized('resident', 'business')
  @Query(() => TransactionConnection, {
    description:
      "Changes of the permit's balance, newest first; for the owner only (docs/rules.md §8).",
  })
  async transactionHistory(
    @Arg('permitId', () => ID, { description: 'The permit (Product.id); only its owner.' })
    permitId: string,
    @Arg('first', () => Int, { description: 'Page size, 1 to 50.', defaultValue: defaultPageSize })
    first: number,
    @Arg('after', () => String, {
      description: "The previous page's pageInfo.endCursor; left out: the first page.",
      nullable: true,
    })
    after: string | null,
    @Ctx() { em, viewer }: Context,
  ): Promise<TransactionConnection> {
    const page = await new HistoryService(em).transactions(viewer!, permitId, { first, after });
    return toTransactionConnection(page);
  }

  @Authorized('resident', 'business')
  @Query(() => BalanceUsageDto, {
    description:
      "How the product's balance was used in its current period, per month and per plate " +
      '(a delegate: its own sessions). For the yearly maximum left, see `topUpOffers.cap`.',
  })
  async balanceUsage(
    @Arg('permitId', () => ID, { description: 'The permit (Product.id).' }) permitId: string,
    @Ctx() { em, viewer, now }: Context,
  ): Promise<BalanceUsageDto> {
    const usage = await productUsage(em, viewer!, permitId, now);
    return Object.assign(new BalanceUsageDto(), {
      unit: usage.unit,
      periodStart: usage.period.start,
      nextPeriodStart: usage.period.nextStart,
      used: usage.used,
      months: usage.months,
      plates: usage.plates.map((p) => ({ ...p, formattedPlate: formatPlate(p.plate, p.country) })),
    });
  }
}
