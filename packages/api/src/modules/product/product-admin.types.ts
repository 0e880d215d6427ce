import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import { ProductKindEnum } from './product.types.js';
import type { ProductKind } from '../../model/product-type.entity.js';

@ObjectType({
  description: "A product's session rules as the municipality set them (docs/rules.md §5).",
})
export class SessionPolicySettings {
  @Field(() => Int, { nullable: true, description: 'Null: no maximum.' })
  maxDurationMinutes!: number | null;

  @Field(() => String, { description: "'endOfDay', 'maxDuration' or 'endOfPaidHours'." })
  defaultEnd!: string;

  @Field(() => String, {
    description:
      "The latest end: 'none', 'endOfDay' (end-of-day deactivation) or 'endOfPaidHours'.",
  })
  latestEnd!: string;

  @Field(() => Int, { nullable: true, description: 'Sessions at once; null: no maximum.' })
  maxConcurrentSessions!: number | null;

  @Field(() => String, { description: "'refuseWithProposal' or 'runToZero'." })
  insufficientBalance!: string;

  @Field(() => [Int], { description: 'ISO weekdays on which the product is not valid.' })
  invalidWeekdays!: number[];

  @Field(() => Int)
  pastStartToleranceMinutes!: number;
}

@ObjectType({ description: 'A product type with every policy setting.' })
export class AdminProductType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => ProductKindEnum)
  kind!: ProductKind;

  @Field(() => String)
  nameNl!: string;

  @Field(() => String)
  nameEn!: string;

  @Field(() => BalanceUnitEnum, { nullable: true, description: 'Null: a right, no balance.' })
  balanceUnit!: BalanceUnit | null;

  @Field(() => Boolean)
  delegationAllowed!: boolean;

  @Field(() => SessionPolicySettings, { nullable: true })
  sessionPolicy!: SessionPolicySettings | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Top-up rules (docs/rules.md §4): unit, amounts (block size), pricing (block prices per zone and holder type, dated), maxBalanceForTopUp (threshold), cap, applicationFees, careGrant, unusedBalance.',
  })
  topUpPolicy!: Record<string, unknown> | null;

  @Field(() => Int, { description: 'Permits of this type, any status.' })
  permitCount!: number;
}

@InputType()
export class SessionPolicyInput {
  @Field(() => Int, { nullable: true })
  maxDurationMinutes!: number | null;

  @Field(() => String)
  defaultEnd!: string;

  @Field(() => String)
  latestEnd!: string;

  @Field(() => Int, { nullable: true })
  maxConcurrentSessions!: number | null;

  @Field(() => String)
  insufficientBalance!: string;

  @Field(() => [Int])
  invalidWeekdays!: number[];

  @Field(() => Int)
  pastStartToleranceMinutes!: number;
}

@InputType({ description: 'Every setting of a product type; it replaces the stored ones.' })
export class ProductSettingsInput {
  @Field(() => String)
  nameNl!: string;

  @Field(() => String)
  nameEn!: string;

  @Field(() => Boolean)
  delegationAllowed!: boolean;

  @Field(() => SessionPolicyInput, { nullable: true, description: 'Null: no sessions.' })
  sessionPolicy!: SessionPolicyInput | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Null: no top-ups.' })
  topUpPolicy!: Record<string, unknown> | null;
}

@ObjectType({ description: 'An hourly tariff of a product in a zone for a period of local dates.' })
export class AdminTariff {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  zoneId!: string;

  @Field(() => String)
  zoneCode!: string;

  @Field(() => String, { description: 'First local date, YYYY-MM-DD.' })
  validFrom!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The date the next period starts (exclusive); null: open-ended.',
  })
  validUntil!: string | null;

  @Field(() => Int)
  centsPerHour!: number;
}

@InputType({ description: 'A new price from a date on; the period before it ends that day.' })
export class TariffChangeInput {
  @Field(() => ID)
  productTypeId!: string;

  @Field(() => ID)
  zoneId!: string;

  @Field(() => String, { description: 'Local date YYYY-MM-DD, tomorrow at the earliest.' })
  validFrom!: string;

  @Field(() => Int)
  centsPerHour!: number;
}
