import type { EntityManager } from '@mikro-orm/core';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { logger } from '../../logging/logger.js';
import { Topic, type LivePubSub, type SessionEventKind } from '../../graphql/pubsub.js';
import { Delegation } from '../delegation/delegation.entity.js';
import { Permit } from '../permit/permit.entity.js';
import type { StoredSession } from '../session/session-store.js';
import { toSessionSnapshot } from './live.mapper.js';

/**
 * Publishes what a committed change did, after the fact and without holding up the caller: a
 * failure is logged, and a subscriber that missed an event catches up by refetching. Balances
 * are read again after the commit, so an event carries the balance as it then was.
 */
export class LivePublisher {
  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: LivePubSub,
    private readonly log: (message: string, error: unknown) => void = (message, err) =>
      logger.error({ err }, message),
  ) {}

  /** A session changed; the balance of the pot it pays from changed with it. */
  sessionChanged(kind: SessionEventKind, session: StoredSession, unit: BalanceUnit, at: Date) {
    this.pubSub.publish(Topic.SessionEvents, session.permitId, {
      kind,
      at: at.toISOString(),
      session: toSessionSnapshot(session, unit),
    });
    this.balancesChanged(session.permitId, [session.delegationId], at);
  }

  /** Pots of a product moved: the permit's own (null) and/or delegations'. */
  balancesChanged(productId: string, delegationIds: readonly (string | null)[], at: Date): void {
    this.publishBalances(productId, delegationIds, at).catch((error: unknown) =>
      this.log(`publishing the balance of product ${productId} failed`, error),
    );
  }

  private async publishBalances(
    productId: string,
    delegationIds: readonly (string | null)[],
    at: Date,
  ): Promise<void> {
    // Its own identity map: the caller's may hold the rows as they were before the commit.
    const em = this.em.fork();
    const permit = await em.findOne(Permit, { id: productId }, { populate: ['productType'] });
    const unit = permit?.productType.balanceUnit;
    if (!permit || !unit) return;
    const ids = delegationIds.filter((id): id is string => id !== null);
    const delegations = ids.length
      ? await em.find(Delegation, { id: { $in: ids }, permit: productId }, { fields: ['balance'] })
      : [];
    const publish = (delegationId: string | null, amount: number) =>
      this.pubSub.publish(Topic.BalanceEvents, productId, {
        productId,
        delegationId,
        amount,
        unit,
        at: at.toISOString(),
      });
    if (delegationIds.includes(null)) publish(null, permit.balance);
    for (const delegation of delegations) publish(delegation.id, delegation.balance);
  }
}
