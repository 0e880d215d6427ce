import { Entity, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';

/** The events a webhook subscription can ask for (docs/partners/webhooks.md). */
export const webhookEventTypes = [
  'session.started',
  'session.changed',
  'session.stopped',
  'balance.changed',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/**
 * Where a registered app (partner_app) is told of its consenting residents' sessions and
 * balances, for apps that cannot keep a socket open. Set by the platform admin, one per app.
 */
@Entity({ tableName: 'webhook_subscription' })
export class WebhookSubscription extends BaseEntity {
  @Unique()
  @Property({ type: 'uuid' })
  appId!: string;

  @Property({ type: 'string', length: 500 })
  url!: string;

  @Property({ type: 'json' })
  eventTypes!: WebhookEventType[];

  /**
   * The signing secret (`whsec_…`), sealed with AES-256-GCM (webhook-secret.ts): it must be
   * kept to sign, so it cannot be a hash; the key is not in the database.
   */
  @Property({ type: 'text', hidden: true, lazy: true })
  secretSealed!: string;

  @Property({ type: Date })
  secretCreatedAt!: Date;

  /** A paused subscription gets no new events; what is queued stays until it is resumed. */
  @Property({ type: 'boolean' })
  disabled: boolean & Opt = false;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
