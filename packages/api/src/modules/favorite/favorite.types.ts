import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('Favorite', { description: 'A plate the holder parks often, with a short name.' })
export class FavoriteDto {
  @Field(() => ID, { description: 'The favorite.' })
  id!: string;

  @Field(() => String, { description: 'Normalised: upper case letters and digits.' })
  plate!: string;

  @Field(() => String, { description: "As shown, e.g. 'XX-999-X'." })
  formattedPlate!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => String, { description: 'Its short name (at most 10 characters).' })
  name!: string;
}

@InputType({ description: 'A plate to add to the favorites.' })
export class AddFavoriteInput {
  @Field(() => ID, { description: 'The permit (Product.id).' })
  permitId!: string;

  @Field(() => String, { description: 'As typed; stored normalised.' })
  plate!: string;

  @Field(() => String, { nullable: true, description: 'Required for a foreign plate; default NL.' })
  country?: string | null;

  @Field(() => String, { description: 'At most 10 characters.' })
  name!: string;
}

@InputType({ description: 'A new name for a favorite.' })
export class RenameFavoriteInput {
  @Field(() => ID, { description: 'The favorite (Favorite.id).' })
  id!: string;

  @Field(() => String, { description: 'At most 10 characters.' })
  name!: string;
}
