import { Refusal } from '../../graphql/refusal.js';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { MessageParams } from '@parkeer/shared/messages/error-catalogue';
import type { PaymentStatus } from '../../model/payment.entity.js';
import { PaymentStatusEnum } from '../payment/payment.types.js';

@ObjectType({ description: 'One amount that may be bought now.' })
export class TopUpOffer {
  @Field(() => Int, { description: "What it adds, in the product's `unit`." })
  amount!: number;

  @Field(() => Int, { description: 'The price of the amount, in euro cents, without the fee.' })
  priceCents!: number;

  @Field(() => Int, { description: 'Administration fee (leges) added to the price.' })
  feeCents!: number;

  @Field(() => Int, { description: 'What the holder pays.' })
  totalCents!: number;
}

@ObjectType({ description: 'Where the holder stands against the period maximum.' })
export class TopUpCapStatus {
  @Field(() => String, { description: "'calendarYear' or 'permitYear'." })
  period!: string;

  @Field(() => String, { description: "'amount' (balance bought) or 'price' (money paid)." })
  measure!: string;

  @Field(() => BalanceUnitEnum, {
    description: "Unit of limit/used/remaining: 'minutes' or 'cents'.",
  })
  unit!: BalanceUnit;

  @Field(() => Int, { description: "The period's maximum, in unit." })
  limit!: number;

  @Field(() => Int, { description: 'Counted against the maximum so far this period, in unit.' })
  used!: number;

  @Field(() => Int, { description: 'What may still be bought this period, in unit.' })
  remaining!: number;

  @Field(() => String, { description: 'First local date (YYYY-MM-DD) of this period.' })
  periodStart!: string;

  @Field(() => String, { description: 'First local date (YYYY-MM-DD) of the next period.' })
  nextPeriodStart!: string;
}

@ObjectType({ implements: Refusal, description: 'Why no top-up is possible now.' })
export class TopUpRefusal implements Refusal {
  @Field(() => String, { description: 'A code of the error catalogue, e.g. TOP_UP_CAP_REACHED.' })
  code!: string;

  @Field(() => String, { description: "The reason in the viewer's language." })
  message!: string;

  @Field(() => GraphQLJSONObject, {
    description: 'Raw values of the message: amounts in `unit`, dates as YYYY-MM-DD.',
  })
  params!: MessageParams;
}

@ObjectType({ description: 'The top-ups allowed now, or the refusal.' })
export class TopUpOffersResult {
  @Field(() => ID, { description: 'The permit asked about (Product.id).' })
  permitId!: string;

  @Field(() => BalanceUnitEnum, {
    nullable: true,
    description: "Unit of the amounts: 'minutes' or 'cents'; null for a product without top-up.",
  })
  unit!: BalanceUnit | null;

  @Field(() => [TopUpOffer], { description: 'Ascending by amount; empty when refused.' })
  offers!: TopUpOffer[];

  @Field(() => TopUpCapStatus, {
    nullable: true,
    description:
      'Where the owner stands against the period maximum, also when refused; null when there is no maximum (and for a delegate).',
  })
  cap!: TopUpCapStatus | null;

  @Field(() => TopUpRefusal, { nullable: true, description: 'Set when no top-up is possible.' })
  refusal!: TopUpRefusal | null;
}

@InputType({ description: 'A top-up to buy.' })
export class StartTopUpInput {
  @Field(() => ID, { description: 'The permit (Product.id).' })
  permitId!: string;

  @Field(() => Int, { description: "One of the offered amounts, in the product's unit." })
  amount!: number;

  @Field(() => String, {
    description: 'Made once per purchase by the client: a retry with it returns the same payment.',
  })
  idempotencyKey!: string;
}

@ObjectType({ description: 'An opened top-up payment: send the browser to checkoutUrl.' })
export class StartTopUpResult {
  @Field(() => ID, { description: 'The payment: read it with payment(id).' })
  paymentId!: string;

  @Field(() => String, { description: "The payment provider's page to send the browser to." })
  checkoutUrl!: string;

  @Field(() => PaymentStatusEnum, { description: 'Open, as opened.' })
  status!: PaymentStatus;

  @Field(() => Int, { description: 'What the holder pays, in euro cents.' })
  totalCents!: number;
}
