import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  webhookDeliveryStatuses,
  type WebhookDeliveryStatus,
} from '../../model/webhook-delivery.entity.js';
import type { WebhookEventType } from '../../model/webhook-subscription.entity.js';

/** GraphQL enum names cannot hold a dot: `sessionStarted` is `session.started` in the payload. */
export const WebhookEventTypeEnum = {
  sessionStarted: 'session.started',
  sessionChanged: 'session.changed',
  sessionStopped: 'session.stopped',
  balanceChanged: 'balance.changed',
} as const satisfies Record<string, WebhookEventType>;
registerEnumType(WebhookEventTypeEnum, {
  name: 'WebhookEventType',
  description:
    'An event a webhook subscription can ask for; its `type` in the payload in brackets.',
  valuesConfig: {
    sessionStarted: { description: 'A session started or was planned (`session.started`).' },
    sessionChanged: {
      description: 'A session’s end changed, or a planned one started running (`session.changed`).',
    },
    sessionStopped: {
      description:
        'A session stopped, reached its end, or a planned one was taken back (`session.stopped`).',
    },
    balanceChanged: { description: 'The balance of a permit changed (`balance.changed`).' },
  },
});

export const WebhookDeliveryStatusEnum = Object.fromEntries(
  webhookDeliveryStatuses.map((status) => [status, status]),
) as { [K in WebhookDeliveryStatus]: K };
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'Where an event is in its delivery.',
  valuesConfig: {
    pending: { description: 'Waiting to be sent, or to be tried again.' },
    delivered: { description: 'The endpoint answered 2xx.' },
    failed: { description: 'Given up after the last attempt; it can be sent again.' },
    cancelled: {
      description: 'Not sent: the resident disconnected the app (or took away its permission).',
    },
  },
});

@ObjectType('WebhookAttempt', { description: 'One try to send an event.' })
export class WebhookAttemptDto {
  @Field(() => Date, { description: 'When it was sent.' })
  at!: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status the endpoint answered; null when no answer came.',
  })
  statusCode!: number | null;

  @Field(() => Int, { description: 'How long the exchange took, in milliseconds.' })
  durationMs!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed; null when it succeeded.' })
  error!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When it is tried again; null when delivered or given up.',
  })
  nextAttemptAt!: Date | null;
}

@ObjectType('WebhookDelivery', {
  description: 'One event for a subscription, with its attempts (the delivery log).',
})
export class WebhookDeliveryDto {
  @Field(() => ID, { description: 'The delivery; also the event’s `id` and `webhook-id`.' })
  id!: string;

  @Field(() => WebhookEventTypeEnum, { description: 'The event.' })
  type!: WebhookEventType;

  @Field(() => WebhookDeliveryStatusEnum, { description: 'Where it is.' })
  status!: WebhookDeliveryStatus;

  @Field(() => Date, { description: 'When the change it reports happened.' })
  occurredAt!: Date;

  @Field(() => Int, { description: 'Attempts since it was queued or sent again.' })
  attempts!: number;

  @Field(() => Date, { nullable: true, description: 'When it is tried next, if pending.' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the endpoint accepted it.' })
  deliveredAt!: Date | null;

  @Field(() => [WebhookAttemptDto], { description: 'Every attempt, the oldest first.' })
  attemptLog!: WebhookAttemptDto[];
}

@ObjectType('WebhookSubscription', {
  description: 'Where a registered app is told of its consenting residents’ parking.',
})
export class WebhookSubscriptionDto {
  @Field(() => ID, { description: 'The subscription.' })
  id!: string;

  @Field(() => ID, { description: 'The registered app (PartnerApp.id).' })
  appId!: string;

  @Field(() => String, { description: 'The endpoint events are POSTed to.' })
  url!: string;

  @Field(() => [WebhookEventTypeEnum], { description: 'The events it gets.' })
  eventTypes!: WebhookEventType[];

  @Field(() => Boolean, { description: 'Paused: no events are sent until it is resumed.' })
  disabled!: boolean;

  @Field(() => Date, { description: 'When it was made.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When its signing secret was made or last rotated.' })
  secretCreatedAt!: Date;
}

@ObjectType('SavedWebhookSubscription', {
  description: 'A saved subscription, with its signing secret when a new one was made.',
})
export class SavedWebhookSubscription {
  @Field(() => WebhookSubscriptionDto, { description: 'The subscription.' })
  subscription!: WebhookSubscriptionDto;

  @Field(() => String, {
    nullable: true,
    description:
      'The signing secret (`whsec_…`), only in the answer that made it: it is not shown again.',
  })
  secret!: string | null;
}

@InputType('WebhookSubscriptionInput', { description: 'An app’s webhook subscription.' })
export class WebhookSubscriptionInput {
  @Field(() => ID, { description: 'The registered app.' })
  appId!: string;

  @Field(() => String, {
    description:
      'The endpoint: https, not an internal address (outside production also http on loopback).',
  })
  url!: string;

  @Field(() => [WebhookEventTypeEnum], { description: 'The events to send.' })
  eventTypes!: WebhookEventType[];

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Pause it: events wait until it is resumed.',
  })
  disabled!: boolean;
}
