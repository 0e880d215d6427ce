import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { answerOnce } from '../idempotency/answer-once.js';
import { keyedCall } from '../idempotency/keyed-call.js';
import { toStartTopUpResult, toTopUpOffersResult } from './top-up.mapper.js';
import { TopUpService } from './top-up.service.js';
import { StartTopUpInput, StartTopUpResult, TopUpOffersResult } from './top-up.types.js';

@Resolver()
export class TopUpResolver {
  @Authorized('resident', 'business')
  @Query(() => TopUpOffersResult, {
    description: 'What the owner may buy for the product now, or why nothing (docs/rules.md §4).',
  })
  async topUpOffers(
    @Arg('permitId', () => ID, { description: 'The permit to top up.' }) permitId: string,
    @Ctx() ctx: Context,
  ): Promise<TopUpOffersResult> {
    const view = await new TopUpService(ctx.em).offers(ctx.viewer!, permitId, ctx.now);
    return toTopUpOffersResult(view, ctx.language);
  }

  @Authorized('resident', 'business')
  @Mutation(() => StartTopUpResult, {
    description: 'Opens the payment of one offered amount; send the browser to checkoutUrl.',
  })
  async startTopUp(
    @Arg('input', () => StartTopUpInput, { description: 'The permit, the amount and the key.' })
    input: StartTopUpInput,
    @Ctx() ctx: Context,
  ): Promise<StartTopUpResult> {
    // The stored answer is the payment as opened: a replay does not show its later status.
    const answer = await answerOnce(keyedCall(ctx, 'startTopUp', input), async () =>
      toStartTopUpResult(
        await new TopUpService(ctx.em).start(ctx.viewer!, input, ctx.now, ctx.language),
      ),
    );
    return Object.assign(new StartTopUpResult(), answer.value);
  }
}
