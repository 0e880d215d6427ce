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

  @Field(() => Int)
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

  @Field(() => Int)
  limit!: number;

  @Field(() => Int)
  used!: number;

  @Field(() => Int)
  remaining!: number;

  @Field(() => String, { description: 'First local date (YYYY-MM-DD) of this period.' })
  periodStart!: string;

  @Field(() => String, { description: 'First local date (YYYY-MM-DD) of the next period.' })
  nextPeriodStart!: string;
}

@ObjectType({ description: 'Why no top-up is possible now.' })
export class TopUpRefusal {
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
  @Field(() => ID)
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

@InputType()
export class StartTopUpInput {
  @Field(() => ID)
  permitId!: string;

  @Field(() => Int, { description: "One of the offered amounts, in the product's unit." })
  amount!: number;

  @Field(() => String, {
    description: 'Made once per purchase by the client: a retry with it returns the same payment.',
  })
  idempotencyKey!: string;
}

@ObjectType()
export class StartTopUpResult {
  @Field(() => ID)
  paymentId!: string;

  @Field(() => String, { description: "The payment provider's page to send the browser to." })
  checkoutUrl!: string;

  @Field(() => PaymentStatusEnum)
  status!: PaymentStatus;

  @Field(() => Int)
  totalCents!: number;
}
