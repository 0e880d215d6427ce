import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'Local wall-clock hours of one day, in minutes (0–1440, end exclusive).',
})
export class PaidHours {
  @Field(() => Int, { description: 'Minutes after local midnight, e.g. 540 = 09:00.' })
  from!: number;

  @Field(() => Int, { description: 'Minutes after local midnight; 1440 = 24:00.' })
  to!: number;
}

@ObjectType({ description: 'Paid-parking hours on every such weekday.' })
export class WeeklyPaidHours extends PaidHours {
  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday.' })
  weekday!: number;
}

@ObjectType({ description: 'A date with other paid hours than its weekday (a holiday: none).' })
export class DatedPaidHours {
  @Field(() => String, { description: 'Local date YYYY-MM-DD.' })
  date!: string;

  @Field(() => String, { nullable: true, description: "E.g. 'Kerstmis'." })
  label!: string | null;

  @Field(() => [PaidHours], { description: 'Paid hours that day; empty: free all day.' })
  windows!: PaidHours[];
}

@ObjectType({ description: "A zone's paid-parking hours (docs/rules.md §3)." })
export class ZoneRegime {
  @Field(() => [WeeklyPaidHours], { description: 'Paid hours per weekday.' })
  weekly!: WeeklyPaidHours[];

  @Field(() => [DatedPaidHours], { description: 'Dates with other paid hours (holidays).' })
  exceptions!: DatedPaidHours[];
}

@ObjectType({
  description:
    'The lowest Euro class a vehicle of each fuel needs for a permit in the zone (docs/rules.md §2 emission rule); null: any class. Electric and hydrogen vehicles always pass.',
})
export class ZoneEmissionRule {
  @Field(() => Int, { nullable: true, description: 'Lowest Euro class (1–7) for diesel.' })
  diesel!: number | null;

  @Field(() => Int, { nullable: true, description: 'Lowest Euro class (1–7) for petrol.' })
  petrol!: number | null;

  @Field(() => Int, { nullable: true, description: 'Lowest Euro class (1–7) for LPG.' })
  lpg!: number | null;

  @Field(() => Int, { nullable: true, description: 'Lowest Euro class (1–7) for natural gas.' })
  cng!: number | null;
}

@InputType({
  description:
    "A zone's emission rule: the lowest Euro class per fuel; leave a fuel out to admit it.",
})
export class ZoneEmissionRuleInput {
  @Field(() => Int, { nullable: true, description: 'Lowest Euro class (1–7) for diesel.' })
  diesel?: number | null;

  @Field(() => Int, { nullable: true, description: 'Lowest Euro class (1–7) for petrol.' })
  petrol?: number | null;

  @Field(() => Int, { nullable: true, description: 'Lowest Euro class (1–7) for LPG.' })
  lpg?: number | null;

  @Field(() => Int, { nullable: true, description: 'Lowest Euro class (1–7) for natural gas.' })
  cng?: number | null;
}

@ObjectType({ description: 'A zone as its municipality manages it.' })
export class AdminZone {
  @Field(() => ZoneEmissionRule, {
    nullable: true,
    description: 'Its emission rule for permits with a plate; null: none.',
  })
  emissionRule!: ZoneEmissionRule | null;

  @Field(() => ID, { description: 'The zone.' })
  id!: string;

  @Field(() => String, { description: "Short code on signs and in apps, e.g. 'B'." })
  code!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => ZoneRegime, { description: 'Its paid-parking hours.' })
  regime!: ZoneRegime;
}

@InputType({
  description: 'Local wall-clock hours of one day, in minutes (0–1440, end exclusive).',
})
export class PaidHoursInput {
  @Field(() => Int, { description: 'Minutes after local midnight.' })
  from!: number;

  @Field(() => Int, { description: 'Minutes after local midnight; 1440 = 24:00.' })
  to!: number;
}

@InputType({ description: 'Paid hours on every such weekday.' })
export class WeeklyPaidHoursInput extends PaidHoursInput {
  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday.' })
  weekday!: number;
}

@InputType({ description: 'A date with other paid hours than its weekday.' })
export class DatedPaidHoursInput {
  @Field(() => String, { description: 'Local date YYYY-MM-DD.' })
  date!: string;

  @Field(() => String, { description: "E.g. 'Kerstmis'.", nullable: true })
  label?: string | null;

  @Field(() => [PaidHoursInput], { description: 'Paid hours that day; empty: free all day.' })
  windows!: PaidHoursInput[];
}

@InputType({ description: 'The whole regime: it replaces the one stored.' })
export class ZoneRegimeInput {
  @Field(() => [WeeklyPaidHoursInput], { description: 'Paid hours per weekday.' })
  weekly!: WeeklyPaidHoursInput[];

  @Field(() => [DatedPaidHoursInput], { description: 'Dates with other paid hours.' })
  exceptions!: DatedPaidHoursInput[];
}

@InputType({ description: "A zone's code and name." })
export class ZoneInput {
  @Field(() => String, { description: "Short code on signs and in apps, e.g. 'B'." })
  code!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;
}
