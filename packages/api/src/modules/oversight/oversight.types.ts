import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Sessions running in a zone at a moment.' })
export class ZoneOccupancy {
  @Field(() => ID, { description: 'The zone.' })
  zoneId!: string;

  @Field(() => String, { description: "The zone's code." })
  zoneCode!: string;

  @Field(() => String, { description: "The zone's name." })
  zoneName!: string;

  @Field(() => Int, { description: 'Sessions started, not ended and not stopped.' })
  running!: number;

  @Field(() => Date, { description: 'The moment counted.' })
  at!: Date;
}

@ObjectType({
  description:
    'Sessions started in one hour of the local day (Europe/Amsterdam). A day has 23, 24 or 25 such hours: on the autumn clock change 02:00 comes twice, told apart by `start`.',
})
export class HourCount {
  @Field(() => Int, { description: "The local hour, 0–23, of the hour's first instant." })
  hour!: number;

  @Field(() => Date, { description: "The hour's first instant." })
  start!: Date;

  @Field(() => Int, { description: 'Sessions that started in this hour, so far.' })
  count!: number;
}

@ObjectType({ description: 'Sessions that ran in a zone during one hour of the local day.' })
export class ZoneHourOccupancy {
  @Field(() => Int, { description: "The local hour, 0–23, of the hour's first instant." })
  hour!: number;

  @Field(() => Date, { description: "The hour's first instant." })
  start!: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'Sessions running at some moment of the hour, up to now; null: still to come.',
  })
  sessions!: number | null;
}

@ObjectType({ description: "A zone's sessions per hour of today (local time)." })
export class ZoneOccupancyDay {
  @Field(() => ID, { description: 'The zone.' })
  zoneId!: string;

  @Field(() => String, { description: "The zone's code." })
  zoneCode!: string;

  @Field(() => String, { description: "The zone's name." })
  zoneName!: string;

  @Field(() => [ZoneHourOccupancy], { description: 'Every hour of the local day, in order.' })
  hours!: ZoneHourOccupancy[];
}
