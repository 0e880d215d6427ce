import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('Favorite', { description: 'A plate the holder parks often, with a short name.' })
export class FavoriteDto {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Normalised: upper case letters and digits.' })
  plate!: string;

  @Field(() => String, { description: "As shown, e.g. 'XX-999-X'." })
  formattedPlate!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => String)
  name!: string;
}

@InputType()
export class AddFavoriteInput {
  @Field(() => ID)
  permitId!: string;

  @Field(() => String, { description: 'As typed; stored normalised.' })
  plate!: string;

  @Field(() => String, { nullable: true, description: 'Required for a foreign plate; default NL.' })
  country?: string | null;

  @Field(() => String, { description: 'At most 10 characters.' })
  name!: string;
}

@InputType()
export class RenameFavoriteInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}
