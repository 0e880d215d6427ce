import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "An address of the admin's town, as a permit is issued to it." })
export class FoundAddress {
  @Field(() => String, { description: 'What the permit stores as its address (addressKey).' })
  key!: string;

  @Field(() => String, { description: "As shown and printed: 'Markt 7, Delft'." })
  label!: string;

  @Field(() => String, { nullable: true, description: 'The zone it lies in; null: none.' })
  zoneCode!: string | null;

  @Field(() => String, { description: "The zone's name; null: in no zone.", nullable: true })
  zoneName!: string | null;
}
