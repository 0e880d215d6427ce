import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('PermitPlate', {
  description:
    'A plate registered on a permit; with several, exactly one is active (docs/rules.md §6).',
})
export class PermitPlateDto {
  @Field(() => String, { description: 'Normalised: upper case letters and digits.' })
  plate!: string;

  @Field(() => String, { description: "As shown, e.g. 'XX-999-X'." })
  formattedPlate!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => Boolean, { description: 'The plate the permit is valid for now.' })
  active!: boolean;
}

@ObjectType('RecentPlate', {
  description: 'A plate parked on the permit lately that is not one of its favorites.',
})
export class RecentPlateDto {
  @Field(() => String, { description: 'Normalised: upper case letters and digits.' })
  plate!: string;

  @Field(() => String, { description: 'As shown, e.g. XX-999-X.' })
  formattedPlate!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => Date, { description: 'Start of its latest session.' })
  lastStart!: Date;
}

@InputType({ description: 'Which plate of a permit is active.' })
export class SwitchPlateInput {
  @Field(() => ID, { description: 'The permit (Product.id).' })
  permitId!: string;

  @Field(() => String, { description: 'One of the permit’s plates, as typed or normalised.' })
  plate!: string;
}
