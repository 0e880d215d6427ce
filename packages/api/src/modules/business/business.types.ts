import { Field, ObjectType } from 'type-graphql';

@ObjectType('BusinessEstablishment', {
  description:
    "One establishment (vestiging) of the signed-in business, from the business registry (KvK), with the town's address at its visiting address (docs/rules.md §2 business permits).",
})
export class BusinessEstablishmentDto {
  @Field(() => String, {
    description: 'The KvK vestigingsnummer (12 digits): give it as establishmentNumber.',
  })
  establishmentNumber!: string;

  @Field(() => String, { description: "The establishment's first trade name." })
  name!: string;

  @Field(() => Boolean, { description: 'Whether it is the main establishment (hoofdvestiging).' })
  isMain!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The visiting address as the registry gives it; null when the registry shields it or has none.',
  })
  visitingAddress!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The town's address key at the visiting address: give it as addressKey; null when no town knows the address.",
  })
  addressKey!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The address as the town prints it; null when no town knows it.',
  })
  addressLabel!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The parking zone the address lies in; null outside every zone.',
  })
  zoneCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The town of the address; null when no town knows it.',
  })
  municipalityName!: string | null;

  @Field(() => Boolean, {
    description:
      'Whether the town sells businesses a permit at this address at the counter (an address in one of its zones).',
  })
  sold!: boolean;
}
