import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { AdminPermitDetailsDto } from '../admin-permit/admin-permit.types.js';
import { toPaymentDto } from './payment.mapper.js';
import { PaymentService } from './payment.service.js';
import { PaymentDto } from './payment.types.js';

/** What the back office sees of a permit's payments, beside its ledger. */
@Resolver(() => AdminPermitDetailsDto)
export class AdminPaymentsResolver {
  @FieldResolver(() => [PaymentDto], {
    description:
      'Top-ups that were paid but could not be credited, and their refund; newest first.',
  })
  async refundedPayments(
    @Root() permit: AdminPermitDetailsDto,
    @Ctx() ctx: Context,
  ): Promise<PaymentDto[]> {
    // The parent was read through the town check; its id is the admin's own town's.
    const views = await new PaymentService(ctx.em).refundedPaymentsOf(permit.id);
    return views.map(toPaymentDto);
  }
}
