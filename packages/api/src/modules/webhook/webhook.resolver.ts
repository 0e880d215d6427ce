import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { actorOf, type Context } from '../../graphql/context.js';
import type { WebhookDelivery } from '../../model/webhook-delivery.entity.js';
import type { WebhookSubscription } from '../../model/webhook-subscription.entity.js';
import { WebhookAdminService } from './webhook-admin.service.js';
import {
  SavedWebhookSubscription,
  WebhookAttemptDto,
  WebhookDeliveryDto,
  WebhookSubscriptionDto,
  WebhookSubscriptionInput,
} from './webhook.types.js';

const subscriptionOf = (subscription: WebhookSubscription): WebhookSubscriptionDto =>
  Object.assign(new WebhookSubscriptionDto(), {
    id: subscription.id,
    appId: subscription.appId,
    url: subscription.url,
    eventTypes: subscription.eventTypes,
    disabled: subscription.disabled,
    createdAt: subscription.createdAt,
    secretCreatedAt: subscription.secretCreatedAt,
  });

const deliveryOf = (delivery: WebhookDelivery): WebhookDeliveryDto =>
  Object.assign(new WebhookDeliveryDto(), {
    id: delivery.id,
    type: delivery.type,
    status: delivery.status,
    occurredAt: delivery.occurredAt,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.nextAttemptAt ?? null,
    deliveredAt: delivery.deliveredAt ?? null,
    attemptLog: delivery.attemptLog.map((attempt) =>
      Object.assign(new WebhookAttemptDto(), {
        ...attempt,
        at: new Date(attempt.at),
        nextAttemptAt: attempt.nextAttemptAt ? new Date(attempt.nextAttemptAt) : null,
      }),
    ),
  });

const serviceOf = (ctx: Context) => new WebhookAdminService(ctx.em, actorOf(ctx));

/**
 * The platform admin's webhooks of registered apps (docs/partners/webhooks.md): every operation
 * here is the platform admin's alone, as registering the apps is.
 */
@Resolver(() => WebhookSubscriptionDto)
export class WebhookResolver {
  @Authorized('platformAdmin')
  @Query(() => WebhookSubscriptionDto, {
    nullable: true,
    description: 'The webhook subscription of a registered app; null when it has none.',
  })
  async webhookSubscription(
    @Arg('appId', () => ID, { description: 'The registered app.' }) appId: string,
    @Ctx() ctx: Context,
  ): Promise<WebhookSubscriptionDto | null> {
    const subscription = await serviceOf(ctx).subscriptionOf(appId);
    return subscription ? subscriptionOf(subscription) : null;
  }

  @FieldResolver(() => [WebhookDeliveryDto], {
    description: 'The most recent events first, with their attempts (the delivery log).',
  })
  async deliveries(
    @Root() subscription: WebhookSubscriptionDto,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, at most 100.' })
    first: number,
    @Ctx() ctx: Context,
  ): Promise<WebhookDeliveryDto[]> {
    return (await serviceOf(ctx).deliveries(subscription.id, first)).map(deliveryOf);
  }

  @Authorized('platformAdmin')
  @Mutation(() => SavedWebhookSubscription, {
    description:
      'Sets an app’s webhook endpoint and events; the first time, the answer holds the signing secret, once.',
  })
  async saveWebhookSubscription(
    @Arg('input', () => WebhookSubscriptionInput, { description: 'The subscription.' })
    input: WebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ): Promise<SavedWebhookSubscription> {
    const saved = await serviceOf(ctx).save(input);
    return Object.assign(new SavedWebhookSubscription(), {
      subscription: subscriptionOf(saved.subscription),
      secret: saved.secret,
    });
  }

  @Authorized('platformAdmin')
  @Mutation(() => SavedWebhookSubscription, {
    description:
      'Makes a new signing secret for an app’s webhooks, in the answer once; the old one stops at once.',
  })
  async rotateWebhookSecret(
    @Arg('appId', () => ID, { description: 'The registered app.' }) appId: string,
    @Ctx() ctx: Context,
  ): Promise<SavedWebhookSubscription> {
    const saved = await serviceOf(ctx).rotateSecret(appId);
    return Object.assign(new SavedWebhookSubscription(), {
      subscription: subscriptionOf(saved.subscription),
      secret: saved.secret,
    });
  }

  @Authorized('platformAdmin')
  @Mutation(() => WebhookDeliveryDto, {
    description: 'Sends a failed or cancelled event again, after those already waiting.',
  })
  async redeliverWebhook(
    @Arg('deliveryId', () => ID, { description: 'The delivery (WebhookDelivery.id).' })
    deliveryId: string,
    @Ctx() ctx: Context,
  ): Promise<WebhookDeliveryDto> {
    return deliveryOf(await serviceOf(ctx).redeliver(deliveryId));
  }
}
