import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Sessions running in a zone at a moment.' })
export class ZoneOccupancy {
  @Field(() => ID)
  zoneId!: string;

  @Field(() => String)
  zoneCode!: string;

  @Field(() => String)
  zoneName!: string;

  @Field(() => Int, { description: 'Sessions started, not ended and not stopped.' })
  running!: number;

  @Field(() => Date, { description: 'The moment counted.' })
  at!: Date;
}
