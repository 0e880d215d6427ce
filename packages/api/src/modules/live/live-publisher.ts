import type { EntityManager } from '@mikro-orm/core';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { logger } from '../../logging/logger.js';
import {
  Topic,
  type AccessEventPayload,
  type LivePubSub,
  type SessionEventKind,
} from '../../graphql/pubsub.js';
import { Delegation } from '../../model/delegation.entity.js';
import { Permit } from '../../model/permit.entity.js';
import type { StoredSession } from '../session/session-store.js';
import { placeOfPermit } from '../oversight/zone-occupancy.js';
import { toSessionSnapshot } from './live.mapper.js';

export interface SessionChange {
  readonly kind: SessionEventKind;
  readonly session: StoredSession;
  readonly unit: BalanceUnit;
}

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
  sessionChanged(
    kind: SessionEventKind,
    session: StoredSession,
    unit: BalanceUnit,
    at: Date,
  ): Promise<void> {
    return this.sessionsChanged(session.permitId, [{ kind, session, unit }], at);
  }

  /**
   * Sessions of one product changed in one go, in this order; each pot they pay from (and each
   * of `otherPots` that moved with them) gets one balance event after them. Resolves (never
   * rejects) once the balance events are out too.
   */
  sessionsChanged(
    productId: string,
    changes: readonly SessionChange[],
    at: Date,
    otherPots: readonly (string | null)[] = [],
  ): Promise<void> {
    for (const { kind, session, unit } of changes) {
      this.pubSub.publish(Topic.SessionEvents, session.permitId, {
        kind,
        at: at.toISOString(),
        session: toSessionSnapshot(session, unit),
      });
    }
    this.zoneChanged(productId, at);
    const pots = new Set([...changes.map(({ session }) => session.delegationId), ...otherPots]);
    return pots.size > 0 ? this.balancesChanged(productId, [...pots], at) : Promise.resolve();
  }

  /** Sessions of the product started or ended: its zone's count changed for the town's admins. */
  private zoneChanged(productId: string, at: Date): void {
    placeOfPermit(this.em, productId)
      .then((place) => {
        if (!place) return;
        this.pubSub.publish(Topic.ZoneEvents, place.municipalityId, {
          zoneId: place.zoneId,
          at: at.toISOString(),
        });
      })
      .catch((error: unknown) => this.log(`publishing the zone of ${productId} failed`, error));
  }

  /** The account lost a login or a delegation: its subscriptions that relied on it end. */
  accessEnded(accountId: string, event: AccessEventPayload): void {
    this.pubSub.publish(Topic.AccessEvents, accountId, event);
  }

  /**
   * Pots of a product moved: the permit's own (null) and/or delegations'. Resolves (never
   * rejects) once published: the balances are read first.
   */
  balancesChanged(
    productId: string,
    delegationIds: readonly (string | null)[],
    at: Date,
  ): Promise<void> {
    return this.publishBalances(productId, delegationIds, at).catch((error: unknown) =>
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
