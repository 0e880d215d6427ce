import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { isPostgres } from '../../db/dialect.js';
import { sqlDate } from '../../db/sql-date.js';
import type { SessionEventKind } from '../../graphql/pubsub.js';
import type { WebhookEventType } from '../../model/webhook-subscription.entity.js';
import type { CommittedWork } from '../ledger/permit-transaction.js';
import type { PermitEvent } from '../session/permit-events.js';
import { toSessionDto } from '../session/session.mapper.js';
import { consentedSubscriptions } from './webhook-consent.js';

/**
 * The webhook type of a live session event: a planned session that starts running changed, and
 * one that ended in any way (stopped, reached its end, a plan taken back) stopped; the payload's
 * `data.kind` says which exactly, as `sessionEvents` does.
 */
const sessionTypes: Record<SessionEventKind, WebhookEventType> = {
  started: 'session.started',
  changed: 'session.changed',
  activated: 'session.changed',
  stopped: 'session.stopped',
  autoStopped: 'session.stopped',
  deleted: 'session.stopped',
};

interface PendingEvent {
  readonly type: WebhookEventType;
  /** As the subscription's GraphQL event has it (SessionEvent, BalanceEvent), for the holder. */
  readonly data: (accountId: string) => unknown;
}

/** What one permit's changes tell webhooks, in the order they happened. */
function eventsOf(work: CommittedWork<PermitEvent>['permits'][number], at: Date): PendingEvent[] {
  const events: PendingEvent[] = [];
  for (const event of work.events) {
    if (event.type !== 'session') continue;
    events.push({
      type: sessionTypes[event.kind],
      data: (accountId) => ({
        kind: event.kind,
        at,
        session: toSessionDto(event.session, event.unit, accountId, at),
      }),
    });
  }
  const unit = work.permit.balanceUnit;
  const own = work.balances.find((pot) => pot.delegationId === null);
  // The permit's own balance: a delegation's pot is the delegate's, whose consent this is not.
  if (unit && own) {
    const permitId = work.permit.id;
    events.push({
      type: 'balance.changed',
      data: () => ({
        permitId,
        productId: permitId,
        balance: { amount: own.balance, unit },
        at,
      }),
    });
  }
  return events;
}

/**
 * The webhooks' outbox (docs/operations.md, "Webhooks"): in the transaction of a unit of work,
 * one `webhook_delivery` per event and subscription whose app the permit's holder consented to,
 * and the subscription's delivery job due now when it was idle. A change without consenting
 * holders costs one SELECT.
 */
export async function writeWebhookEvents(
  tx: EntityManager,
  work: CommittedWork<unknown>,
): Promise<void> {
  const permits = (work as CommittedWork<PermitEvent>).permits;
  const subscriptions = await consentedSubscriptions(
    tx,
    permits.map((changes) => changes.permit.id),
  );
  if (subscriptions.length === 0) return;
  const connection = tx.getConnection();
  const context = tx.getTransactionContext();
  // PostgreSQL's sequence (its migration); SQLite writes one transaction at a time.
  const nextSequence = isPostgres(tx)
    ? "nextval('webhook_delivery_sequence')"
    : '(select coalesce(max(sequence), 0) + 1 from webhook_delivery)';
  const now = sqlDate(tx, work.at);
  const scheduled = new Set<string>();
  for (const changes of permits) {
    const events = eventsOf(changes, work.at);
    for (const subscription of subscriptions) {
      if (subscription.permitId !== changes.permit.id) continue;
      for (const event of events) {
        if (!subscription.eventTypes.includes(event.type)) continue;
        const id = randomUUID();
        const body = JSON.stringify({
          type: event.type,
          id,
          occurredAt: work.at.toISOString(),
          data: event.data(subscription.accountId),
        });
        await connection.execute(
          `insert into webhook_delivery (id, subscription_id, sequence, type, account_id,
              permit_id, body, occurred_at, created_at, status, attempts, attempt_log)
            values (?, ?, ${nextSequence}, ?, ?, ?, ?, ?, ?, 'pending', 0, '[]')`,
          [
            id,
            subscription.subscriptionId,
            event.type,
            subscription.accountId,
            changes.permit.id,
            body,
            now,
            now,
          ],
          'run',
          context,
        );
        scheduled.add(subscription.subscriptionId);
      }
    }
  }
  for (const subscriptionId of scheduled) await scheduleDelivery(tx, subscriptionId, work.at);
}

/**
 * Makes the subscription's delivery job due now when it was idle (done); a job that is still
 * working through earlier events keeps its moment, as the new ones go out after those.
 */
export async function scheduleDelivery(
  tx: EntityManager,
  subscriptionId: string,
  at: Date,
): Promise<void> {
  const now = sqlDate(tx, at);
  await tx.getConnection().execute(
    `insert into scheduled_job (id, kind, subject, run_at, attempts)
      values (?, 'deliverWebhooks', ?, ?, 0)
      on conflict (kind, subject) do update set
        run_at = case when scheduled_job.done_at is null then scheduled_job.run_at else ? end,
        done_at = null`,
    [randomUUID(), subscriptionId, now, now],
    'run',
    tx.getTransactionContext(),
  );
}
