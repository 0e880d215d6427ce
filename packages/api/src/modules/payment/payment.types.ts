import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  paymentMethods,
  paymentStatuses,
  refundReasons,
  type PaymentMethod,
  type PaymentStatus,
  type RefundReason,
} from '../../model/payment.entity.js';

export const PaymentMethodEnum = Object.fromEntries(paymentMethods.map((m) => [m, m])) as Record<
  PaymentMethod,
  PaymentMethod
>;
registerEnumType(PaymentMethodEnum, {
  name: 'PaymentMethod',
  description:
    "How the payer pays at the payment provider (docs/rules.md §1 payment method); the provider's checkout offers only that method.",
  valuesConfig: {
    ideal: { description: 'iDEAL: paid from a Dutch bank account.' },
    card: { description: 'A credit or debit card (Mollie: creditcard).' },
  },
});

export const PaymentStatusEnum = Object.fromEntries(paymentStatuses.map((s) => [s, s])) as Record<
  PaymentStatus,
  PaymentStatus
>;
registerEnumType(PaymentStatusEnum, {
  name: 'PaymentStatus',
  description:
    'open until the payment provider reports the outcome; only paid adds balance. refunded: paid, but it could no longer be credited, so the amount goes back (see `refund`).',
  valuesConfig: {
    open: { description: 'Waiting for the holder to pay at the provider.' },
    paid: { description: 'Paid: the amount is credited to the balance.' },
    cancelled: { description: 'The holder cancelled at the provider; nothing was paid.' },
    failed: { description: 'The payment failed; nothing was paid.' },
    expired: { description: 'Not paid in time; nothing was paid.' },
    refunded: {
      description: 'Paid, but it could no longer be credited: the money goes back (see refund).',
    },
  },
});

export const RefundReasonEnum = Object.fromEntries(refundReasons.map((r) => [r, r])) as Record<
  RefundReason,
  RefundReason
>;
registerEnumType(RefundReasonEnum, {
  name: 'PaymentRefundReason',
  description:
    "Why a paid top-up was not credited: capReached (another top-up credited meanwhile reached the period's maximum), thresholdReached (another top-up credited meanwhile brought the balance above the top-up threshold), permitRevoked (the permit ended meanwhile).",
  valuesConfig: {
    capReached: { description: "Another top-up credited meanwhile reached the period's maximum." },
    thresholdReached: {
      description:
        'Another top-up credited meanwhile brought the balance above the top-up threshold.',
    },
    permitRevoked: { description: 'The permit was revoked meanwhile.' },
    applicationRefused: { description: 'An official refused the application it paid for.' },
    permitEnded: { description: 'The permit ended meanwhile.' },
  },
});

export const refundStatuses = ['pending', 'sent'] as const;
export type RefundStatus = (typeof refundStatuses)[number];
const RefundStatusEnum = Object.fromEntries(refundStatuses.map((r) => [r, r])) as Record<
  RefundStatus,
  RefundStatus
>;
registerEnumType(RefundStatusEnum, {
  name: 'PaymentRefundStatus',
  description:
    'pending: decided, not yet accepted by the payment provider (tried again until it is); sent: the provider has the refund and pays it out.',
  valuesConfig: {
    pending: {
      description: 'Decided, not yet accepted by the payment provider (tried again until it is).',
    },
    sent: { description: 'The provider has the refund and pays it out.' },
  },
});

@ObjectType('PaymentRefund', { description: 'The money of a paid top-up that was not credited.' })
export class PaymentRefundDto {
  @Field(() => RefundReasonEnum, { description: 'Why it was not credited.' })
  reason!: RefundReason;

  @Field(() => RefundStatusEnum, { description: 'Whether the provider has the refund yet.' })
  status!: RefundStatus;

  @Field(() => Int, { description: 'What goes back: everything that was paid.' })
  amountCents!: number;

  @Field(() => Date, { description: 'When the refund was decided (the payment came in).' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the provider accepted the refund.' })
  refundedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The provider's id of the refund." })
  providerRef!: string | null;
}

@ObjectType('Payment', {
  description: 'A top-up being paid, as its owner (and the municipality) sees it.',
})
export class PaymentDto {
  @Field(() => ID, { description: 'The payment.' })
  id!: string;

  @Field(() => ID, { description: 'The permit the top-up is for (Product.id).' })
  permitId!: string;

  @Field(() => PaymentStatusEnum, { description: 'Where the payment stands at the provider.' })
  status!: PaymentStatus;

  @Field(() => Int, { description: "What the top-up adds, in the product's `unit`." })
  amount!: number;

  @Field(() => BalanceUnitEnum, {
    nullable: true,
    description: "The product's balance unit: 'minutes' or 'cents'.",
  })
  unit!: BalanceUnit | null;

  @Field(() => Int, { description: 'The price of the amount, in euro cents.' })
  priceCents!: number;

  @Field(() => Int, { description: 'The administration fee (leges), in euro cents.' })
  feeCents!: number;

  @Field(() => Int, { description: 'What the holder pays: price plus fee, in euro cents.' })
  totalCents!: number;

  @Field(() => Date, { description: 'When the payment was opened.' })
  createdAt!: Date;

  @Field(() => Date, {
    description: 'When the provider reported the outcome; null while open.',
    nullable: true,
  })
  completedAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The balance right after this top-up was credited; null until it is.',
  })
  balanceAfter!: number | null;

  @Field(() => PaymentRefundDto, {
    nullable: true,
    description: 'Set when the payment is refunded instead of credited.',
  })
  refund!: PaymentRefundDto | null;
}
