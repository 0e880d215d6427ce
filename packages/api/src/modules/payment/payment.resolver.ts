import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { toPaymentDto } from './payment.mapper.js';
import { PaymentService } from './payment.service.js';
import { PaymentDto } from './payment.types.js';

@Resolver()
export class PaymentResolver {
  @Authorized('resident', 'business')
  @Query(() => PaymentDto, {
    description: "One of the viewer's own top-up payments (the result page polls its status).",
  })
  async payment(
    @Arg('id', () => ID, {
      description: "The payment (StartTopUpResult.paymentId); anyone else's is NOT_FOUND.",
    })
    id: string,
    @Ctx() ctx: Context,
  ): Promise<PaymentDto> {
    return toPaymentDto(await new PaymentService(ctx.em).paymentForViewer(ctx.viewer!, id));
  }
}
