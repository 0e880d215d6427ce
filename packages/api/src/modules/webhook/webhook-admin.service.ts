import type { EntityManager } from '@mikro-orm/core';
import { config } from '../../config/config.js';
import { AppError, refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import { PartnerApp } from '../../model/partner-app.entity.js';
import { WebhookDelivery } from '../../model/webhook-delivery.entity.js';
import {
  WebhookSubscription,
  webhookEventTypes,
  type WebhookEventType,
} from '../../model/webhook-subscription.entity.js';
import type { Actor } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import { isAllowedWebhookUrl } from './webhook-address.js';
import { scheduleDelivery } from './webhook-outbox.js';
import { sealWebhookSecret } from './webhook-secret.js';
import { newWebhookSecret } from './webhook-signature.js';

export interface WebhookSubscriptionInput {
  readonly appId: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly disabled: boolean;
}

/** A subscription as saved, with its secret when one was made (shown once). */
export interface SavedSubscription {
  readonly subscription: WebhookSubscription;
  readonly secret: string | null;
}

const auditView = (subscription: WebhookSubscription) => ({
  url: subscription.url,
  eventTypes: subscription.eventTypes,
  disabled: subscription.disabled,
});

function problemsOf(input: WebhookSubscriptionInput): InputProblem[] {
  const problems: InputProblem[] = [];
  if (input.url.trim() === '') problems.push({ code: 'SETTING_REQUIRED', path: 'url' });
  else if (!isAllowedWebhookUrl(input.url.trim(), config().production)) {
    problems.push({ code: 'WEBHOOK_URL_NOT_ALLOWED', path: 'url' });
  }
  if (input.eventTypes.length === 0)
    problems.push({ code: 'SETTING_REQUIRED', path: 'eventTypes' });
  return problems;
}

/**
 * The platform admin's webhooks of registered apps (docs/partners/webhooks.md): the endpoint and
 * events, the signing secret (made and rotated here, shown once), the delivery log and sending a
 * failed event again. Each change is an audit entry.
 */
export class WebhookAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
  ) {}

  subscriptionOf(appId: string): Promise<WebhookSubscription | null> {
    return this.em.findOne(WebhookSubscription, { appId });
  }

  /** The most recent deliveries first. */
  deliveries(subscriptionId: string, limit: number): Promise<WebhookDelivery[]> {
    return this.em.find(
      WebhookDelivery,
      { subscriptionId },
      { orderBy: { sequence: 'desc' }, limit: Math.max(1, Math.min(limit, 100)) },
    );
  }

  /** Creates (with a new secret) or changes the app's subscription. */
  async save(input: WebhookSubscriptionInput): Promise<SavedSubscription> {
    const app = await this.appOf(input.appId);
    refuseProblems(problemsOf(input));
    const eventTypes = webhookEventTypes.filter((type) => input.eventTypes.includes(type));
    let subscription = await this.subscriptionOf(app.id);
    const before = subscription ? auditView(subscription) : null;
    let secret: string | null = null;
    if (!subscription) {
      secret = newWebhookSecret();
      subscription = this.em.create(WebhookSubscription, {
        appId: app.id,
        url: input.url.trim(),
        eventTypes,
        secretSealed: sealWebhookSecret(secret),
        secretCreatedAt: this.actor.now,
        disabled: input.disabled,
        createdAt: this.actor.now,
      });
    } else {
      const resumed = subscription.disabled && !input.disabled;
      subscription.url = input.url.trim();
      subscription.eventTypes = eventTypes as WebhookEventType[];
      subscription.disabled = input.disabled;
      // What waited while it was paused goes out now.
      if (resumed) await scheduleDelivery(this.em, subscription.id, this.actor.now);
    }
    this.audit(app, before ? 'webhook.change' : 'webhook.create', before, auditView(subscription));
    await this.em.flush();
    return { subscription, secret };
  }

  /** A new secret at once: events from now on are signed with it. */
  async rotateSecret(appId: string): Promise<SavedSubscription> {
    const app = await this.appOf(appId);
    const subscription = await this.subscriptionOf(app.id);
    if (!subscription) throw new AppError('NOT_FOUND');
    const secret = newWebhookSecret();
    subscription.secretSealed = sealWebhookSecret(secret);
    subscription.secretCreatedAt = this.actor.now;
    this.audit(app, 'webhook.rotateSecret', null, { secretCreatedAt: this.actor.now });
    await this.em.flush();
    return { subscription, secret };
  }

  /** A failed (given up) or cancelled event is sent again, after the ones pending before it. */
  async redeliver(deliveryId: string): Promise<WebhookDelivery> {
    const delivery = await this.em.findOne(WebhookDelivery, { id: deliveryId });
    if (!delivery) throw new AppError('NOT_FOUND');
    if (delivery.status !== 'failed' && delivery.status !== 'cancelled') {
      throw new AppError('WEBHOOK_NOT_FAILED');
    }
    const subscription = await this.em.findOneOrFail(WebhookSubscription, {
      id: delivery.subscriptionId,
    });
    const app = await this.appOf(subscription.appId);
    delivery.status = 'pending';
    delivery.attempts = 0;
    delivery.nextAttemptAt = null;
    this.audit(app, 'webhook.redeliver', null, { deliveryId: delivery.id });
    await this.em.flush();
    await scheduleDelivery(this.em, subscription.id, this.actor.now);
    return delivery;
  }

  private async appOf(appId: string): Promise<PartnerApp> {
    const app = await this.em.findOne(PartnerApp, { id: appId });
    if (!app) throw new AppError('NOT_FOUND');
    return app;
  }

  private audit(app: PartnerApp, action: string, before: unknown, after: unknown): void {
    recordChange(this.em, this.actor, {
      action,
      subjectType: 'partnerApp',
      subjectId: app.id,
      subjectLabel: app.name,
      municipalityId: null,
      before,
      after,
    });
  }
}
