import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { paymentStatuses, type PaymentStatus } from './payment.entity.js';

export const PaymentStatusEnum = Object.fromEntries(paymentStatuses.map((s) => [s, s])) as Record<
  PaymentStatus,
  PaymentStatus
>;
registerEnumType(PaymentStatusEnum, {
  name: 'PaymentStatus',
  description: 'open until the payment provider reports the outcome; only paid adds balance.',
});

@ObjectType('Payment', { description: 'A top-up being paid, as its owner sees it.' })
export class PaymentDto {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  permitId!: string;

  @Field(() => PaymentStatusEnum)
  status!: PaymentStatus;

  @Field(() => Int, { description: "What the top-up adds, in the product's `unit`." })
  amount!: number;

  @Field(() => BalanceUnitEnum, {
    nullable: true,
    description: "The product's balance unit: 'minutes' or 'cents'.",
  })
  unit!: BalanceUnit | null;

  @Field(() => Int)
  priceCents!: number;

  @Field(() => Int)
  feeCents!: number;

  @Field(() => Int)
  totalCents!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The balance right after this top-up was credited; null until it is.',
  })
  balanceAfter!: number | null;
}
