import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How long plates of ended sessions are kept (docs/rules.md §8).' })
export class RetentionSettings {
  @Field(() => String, { description: "'hoursAfterEnd' or 'weeksAfterEnd'." })
  kind!: string;

  @Field(() => Int, { description: 'Hours or weeks, after the end of a session.' })
  amount!: number;
}

@ObjectType({ description: 'A municipality as its admins and the platform manage it.' })
export class AdminMunicipality {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  timeZone!: string;

  @Field(() => RetentionSettings)
  retention!: RetentionSettings;
}

@InputType()
export class RetentionInput {
  @Field(() => String, { description: "'hoursAfterEnd' or 'weeksAfterEnd'." })
  kind!: string;

  @Field(() => Int)
  amount!: number;
}

@InputType()
export class MunicipalityInput {
  @Field(() => String, { description: "Short lower-case code, e.g. 'delft'." })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RetentionInput)
  retention!: RetentionInput;
}
