import { Field, Int, ObjectType } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';

@ObjectType({ description: 'What the balance was used for in one month of the period.' })
export class MonthUsageDto {
  @Field(() => String, { description: "The month's first local date, YYYY-MM-01." })
  month!: string;

  @Field(() => Int, { description: 'Charged in this month, in the unit of the usage.' })
  used!: number;

  @Field(() => Int, { description: 'Settled sessions that started in this month.' })
  sessions!: number;
}

@ObjectType({ description: 'What the balance was used for by one plate in the period.' })
export class PlateUsageDto {
  @Field(() => String, { description: 'Normalised; an anonymous marker after retention.' })
  plate!: string;

  @Field(() => String, { description: 'As shown, e.g. XX-999-X.' })
  formattedPlate!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => Int, { description: 'Charged for this plate, in the unit of the usage.' })
  used!: number;

  @Field(() => Int, { description: 'Settled sessions of this plate.' })
  sessions!: number;
}

@ObjectType({
  description:
    "How a product's balance was used in its current period: the cap's period when the product " +
    'has a cap, else the calendar year (docs/rules.md §4, §8). Settled sessions only; each is ' +
    'counted in the month of its start in the town. A delegate sees its own sessions only.',
})
export class BalanceUsageDto {
  @Field(() => BalanceUnitEnum, { description: "Unit of every amount: 'minutes' or 'cents'." })
  unit!: BalanceUnit;

  @Field(() => String, { description: 'First local date (YYYY-MM-DD) of the period.' })
  periodStart!: string;

  @Field(() => String, { description: 'First local date (YYYY-MM-DD) of the next period.' })
  nextPeriodStart!: string;

  @Field(() => Int, { description: 'Charged in the period, in total.' })
  used!: number;

  @Field(() => [MonthUsageDto], { description: 'Every month of the period, in order.' })
  months!: MonthUsageDto[];

  @Field(() => [PlateUsageDto], { description: 'Most used first.' })
  plates!: PlateUsageDto[];
}
