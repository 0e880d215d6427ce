import { optionalPermitId, useIdOfPermit } from '../../graphql/permit-id.js';
import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { authorizeSubscription } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { holderRoles } from '../../model/account.entity.js';
import { Topic, type BalanceEventPayload, type SessionEventPayload } from '../../graphql/pubsub.js';
import { watch } from './live-subscriptions.js';
import { toBalanceEvent, toSessionEvent } from './live.mapper.js';
import { BalanceEvent, SessionEvent } from './live.types.js';

type SubscribeData = {
  args: { permitId?: string | null; productId?: string | null };
  context: Context;
};

@Resolver()
export class LiveResolver {
  @Subscription(() => SessionEvent, {
    description:
      "Sessions started, changed and ended on one product, or on all the viewer's products. A delegate sees only its own delegation's sessions.",
    subscribe: ({ args, context }: SubscribeData) => {
      authorizeSubscription(context, holderRoles);
      return watch(
        { em: context.em, viewer: context.viewer!, pubSub: context.pubSub },
        Topic.SessionEvents,
        optionalPermitId(args),
        (payload, watched) =>
          watched.delegationId === null || payload.session.delegationId === watched.delegationId,
      );
    },
  })
  sessionEvents(
    @Arg('permitId', () => ID, {
      description: "The permit (Product.id); left out: all the viewer's.",
      nullable: true,
    })
    _permitId: string | null,
    @Arg('productId', () => ID, {
      description: "The permit (Product.id); left out: all the viewer's.",
      nullable: true,
      deprecationReason: useIdOfPermit,
    })
    _productId: string | null,
    @Root() payload: SessionEventPayload,
    @Ctx() ctx: Context,
  ): SessionEvent {
    return toSessionEvent(payload, ctx.viewer!.accountId);
  }

  @Subscription(() => BalanceEvent, {
    description:
      "Balance changes of one product, or of all the viewer's products: the product's own balance for its owner, the delegation's for a delegate.",
    subscribe: ({ args, context }: SubscribeData) => {
      authorizeSubscription(context, holderRoles);
      return watch(
        { em: context.em, viewer: context.viewer!, pubSub: context.pubSub },
        Topic.BalanceEvents,
        optionalPermitId(args),
        (payload, watched) => payload.delegationId === watched.delegationId,
      );
    },
  })
  balanceEvents(
    @Arg('permitId', () => ID, {
      description: "The permit (Product.id); left out: all the viewer's.",
      nullable: true,
    })
    _permitId: string | null,
    @Arg('productId', () => ID, {
      description: "The permit (Product.id); left out: all the viewer's.",
      nullable: true,
      deprecationReason: useIdOfPermit,
    })
    _productId: string | null,
    @Root() payload: BalanceEventPayload,
  ): BalanceEvent {
    return toBalanceEvent(payload);
  }
}
