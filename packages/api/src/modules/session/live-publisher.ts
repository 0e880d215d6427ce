import { logger } from '../../logging/logger.js';
import { Topic, type AccessEventPayload, type LivePubSub } from '../../graphql/pubsub.js';
import type { ChangeSink, CommittedWork } from '../ledger/permit-transaction.js';
import type { PermitEvent } from './permit-events.js';
import { toSessionSnapshot } from './session.mapper.js';

/**
 * Publishes what a committed unit of work did (docs/architecture.md, Events after commit), from
 * what it wrote: nothing is read again, so a balance event carries the balance its ledger row
 * wrote. Per permit, in this order: its session events, its zone's occupancy (when sessions
 * changed), one balance event per pot that moved (the permit's own first), then the accounts
 * that lost access, which hear the rest before their subscriptions end. A failure is logged; a
 * subscriber that missed an event catches up by refetching.
 */
export class LivePublisher {
  constructor(
    private readonly pubSub: LivePubSub,
    private readonly log: (message: string, error: unknown) => void = (message, err) =>
      logger.error({ err }, message),
  ) {}

  /** The sink to give a unit of work: it publishes after the commit. */
  readonly sink: ChangeSink<PermitEvent> = (work) => this.publish(work);

  publish(work: CommittedWork<PermitEvent>): void {
    const at = work.at.toISOString();
    for (const { permit, events, balances } of work.permits) {
      try {
        let sessionsChanged = false;
        for (const event of events) {
          if (event.type !== 'session') continue;
          sessionsChanged = true;
          this.pubSub.publish(Topic.SessionEvents, permit.id, {
            kind: event.kind,
            at,
            session: toSessionSnapshot(event.session, event.unit),
          });
        }
        if (sessionsChanged) {
          this.pubSub.publish(Topic.ZoneEvents, permit.municipalityId, {
            zoneId: permit.zoneId,
            at,
          });
        }
        const unit = permit.balanceUnit;
        if (unit) {
          const ordered = [
            ...balances.filter((b) => b.delegationId === null),
            ...balances.filter((b) => b.delegationId !== null),
          ];
          for (const { delegationId, balance } of ordered) {
            this.pubSub.publish(Topic.BalanceEvents, permit.id, {
              productId: permit.id,
              delegationId,
              amount: balance,
              unit,
              at,
            });
          }
        }
        const ended = events.filter((event) => event.type === 'accessEnded');
        // A turn later: an ending subscription drops what it has not yet taken, and the
        // delegate should take its sessions and its emptied pot first.
        if (ended.length > 0) {
          setImmediate(() => {
            for (const event of ended) this.accessEnded(event.accountId, event.event);
          });
        }
      } catch (error) {
        this.log(`publishing the changes of product ${permit.id} failed`, error);
      }
    }
  }

  /** The account lost a login or a delegation: its subscriptions that relied on it end. */
  accessEnded(accountId: string, event: AccessEventPayload): void {
    this.pubSub.publish(Topic.AccessEvents, accountId, event);
  }
}
