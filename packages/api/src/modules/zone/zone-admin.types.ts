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

  @Field(() => [PaidHours])
  windows!: PaidHours[];
}

@ObjectType({ description: "A zone's paid-parking hours (docs/rules.md §3)." })
export class ZoneRegime {
  @Field(() => [WeeklyPaidHours])
  weekly!: WeeklyPaidHours[];

  @Field(() => [DatedPaidHours])
  exceptions!: DatedPaidHours[];
}

@ObjectType({ description: 'A zone as its municipality manages it.' })
export class AdminZone {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ZoneRegime)
  regime!: ZoneRegime;
}

@InputType()
export class PaidHoursInput {
  @Field(() => Int)
  from!: number;

  @Field(() => Int)
  to!: number;
}

@InputType()
export class WeeklyPaidHoursInput extends PaidHoursInput {
  @Field(() => Int)
  weekday!: number;
}

@InputType()
export class DatedPaidHoursInput {
  @Field(() => String)
  date!: string;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => [PaidHoursInput])
  windows!: PaidHoursInput[];
}

@InputType({ description: 'The whole regime: it replaces the one stored.' })
export class ZoneRegimeInput {
  @Field(() => [WeeklyPaidHoursInput])
  weekly!: WeeklyPaidHoursInput[];

  @Field(() => [DatedPaidHoursInput])
  exceptions!: DatedPaidHoursInput[];
}

@InputType()
export class ZoneInput {
  @Field(() => String, { description: "Short code on signs and in apps, e.g. 'B'." })
  code!: string;

  @Field(() => String)
  name!: string;
}
