import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import type { Language } from '@parkeer/shared/language';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { LivePublisher } from '../session/live-publisher.js';
import { MoveService, type MovePlan } from './move.service.js';
import { MoveInput, MovePreviewDto } from './move.types.js';

const serviceFor = (ctx: Context) => new MoveService(ctx.em, new LivePublisher(ctx.pubSub).sink);

function toPreview(plan: MovePlan, done: boolean, language: Language): MovePreviewDto {
  return {
    addressLabel: plan.addressLabel,
    addressKey: plan.address?.key ?? null,
    zoneCode: plan.address?.zone?.code ?? null,
    movedOn: plan.movedOn,
    done,
    permits: plan.outcomes.map((outcome) => ({
      permitId: outcome.permit.id,
      productName: outcome.permit.productType.name[language],
      addressLabel: outcome.permit.addressLabel,
      zoneCode: outcome.permit.zone.code,
      action: outcome.action,
      rule: outcome.reason,
      message: errorMessage(outcome.reason, language, outcome.params ?? undefined),
      refundCents: outcome.refundCents,
      refundOnRequestCents: outcome.refundOnRequestCents,
      applyInZoneCode: outcome.applyInZoneCode,
    })),
  };
}

/**
 * Moving house (docs/rules.md §2 moving): the resident reports a move and sees first what it
 * does to each permit. Only residents, for the permits they hold (or hold for whom they act).
 */
@Resolver()
export class MoveResolver {
  @Authorized('resident')
  @Query(() => MovePreviewDto, {
    description:
      "What moving to an address would do to each of the resident's permits, before it is reported. Nothing is stored.",
  })
  async movePreview(
    @Arg('input', () => MoveInput, { description: 'The new address and the moving day.' })
    input: MoveInput,
    @Ctx() ctx: Context,
  ): Promise<MovePreviewDto> {
    const plan = await serviceFor(ctx).planFor(ctx.viewer!, input, input.movedOn, ctx.now);
    return toPreview(plan, false, ctx.language);
  }

  @Authorized('resident')
  @Mutation(() => MovePreviewDto, {
    description:
      "Reports the resident's move: each permit moves along, is blocked, ended or revoked as the rules say, with its refund, letter and audit entry. Reporting the same move again changes nothing.",
  })
  async reportMove(
    @Arg('input', () => MoveInput, { description: 'The new address and the moving day.' })
    input: MoveInput,
    @Ctx() ctx: Context,
  ): Promise<MovePreviewDto> {
    const service = serviceFor(ctx);
    const plan = await service.planFor(ctx.viewer!, input, input.movedOn, ctx.now);
    await service.carryOut(plan, 'resident', ctx.viewer!.accountId, ctx.now);
    return toPreview(plan, true, ctx.language);
  }

  @Authorized('resident')
  @Mutation(() => Int, {
    description:
      'Asks back the unused purchased balance of a visitor permit a move blocked, where the product refunds on moving; the permit is revoked. The refund in cents.',
  })
  async requestMoveRefund(
    @Arg('permitId', () => ID, { description: 'The blocked permit.' }) permitId: string,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return serviceFor(ctx).refundBlocked(ctx.viewer!, permitId, ctx.now);
  }
}
