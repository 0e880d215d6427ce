import { BigIntType, Entity, Index, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import type { WebhookEventType } from './webhook-subscription.entity.js';

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** One try to hand an event to the app's endpoint. */
export interface WebhookAttempt {
  /** ISO time the request was sent. */
  readonly at: string;
  /** The endpoint's HTTP status; null when none came (network error, timeout, refused address). */
  readonly statusCode: number | null;
  readonly durationMs: number;
  /** Why it failed, without data from the event; null when it succeeded. */
  readonly error: string | null;
  /** ISO time of the next try; null when delivered or given up. */
  readonly nextAttemptAt: string | null;
}

/**
 * One event for one webhook subscription (the outbox): written in the transaction of the change
 * it reports, delivered by the subscription's `deliverWebhooks` job in `sequence` order, each
 * attempt kept in `attemptLog` for the back office (docs/operations.md, "Webhooks").
 */
@Entity({ tableName: 'webhook_delivery' })
@Index({ properties: ['subscriptionId', 'status', 'sequence'] })
@Index({ properties: ['createdAt'] })
export class WebhookDelivery extends BaseEntity {
  @Property({ type: 'uuid' })
  subscriptionId!: string;

  /**
   * Increasing in the order the changes committed for one permit (its lock is held while it is
   * taken), so a permit's events go out in order.
   */
  @Property({ type: new BigIntType('number') })
  sequence!: number;

  @Property({ type: 'string', length: 30 })
  type!: WebhookEventType;

  /** The resident whose consent the event relies on (checked again before each attempt). */
  @Property({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'uuid' })
  permitId!: string;

  /** The body exactly as sent and signed: JSON with `type`, `id`, `occurredAt`, `data`. */
  @Property({ type: 'text' })
  body!: string;

  @Property({ type: Date })
  occurredAt!: Date;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'string', length: 20 })
  status: WebhookDeliveryStatus & Opt = 'pending';

  /** Attempts since it was queued or sent again. */
  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: Date, nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ type: Date, nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: 'json' })
  attemptLog: WebhookAttempt[] & Opt = [];
}
