import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What is running: lets clients show and check the API version.' })
export class About {
  @Field(() => String, { description: 'Package name of the API.' })
  name!: string;

  @Field(() => String, { description: 'Version of the API package (semver).' })
  version!: string;

  @Field(() => Boolean, {
    description:
      'True when this is a demo installation: made-up towns and accounts, a simulated bank, no ' +
      'real money. Apps say so on every page.',
  })
  demoMode!: boolean;
}
