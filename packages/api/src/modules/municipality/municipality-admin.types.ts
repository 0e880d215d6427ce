import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ResidenceCheck } from '../../model/municipality.entity.js';

export const ResidenceCheckEnum = {
  register: 'register',
  none: 'none',
} as const satisfies Record<ResidenceCheck, ResidenceCheck>;
registerEnumType(ResidenceCheckEnum, {
  name: 'ResidenceCheck',
  description:
    "How the permit counter knows a resident's address (docs/rules.md §2 registered address).",
  valuesConfig: {
    register: {
      description:
        "The population register (BRP) is asked by the DigiD login's BSN; without one, an official checks. Holders' moves are followed from the register.",
    },
    none: { description: "The applicant's address is taken as given." },
  },
});

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

  @Field(() => Int, {
    description:
      'The administration fee (leges) per product bought at the permit counter, in euro cents; product types say whether they charge it.',
  })
  administrationFeeCents!: number;

  @Field(() => ResidenceCheckEnum, {
    description: "Whether the counter checks a resident's address with the population register.",
  })
  residenceCheck!: ResidenceCheck;

  @Field(() => Int, {
    description:
      "How many days a fined session's plate data is kept for an objection (docs/rules.md §9 fines).",
  })
  objectionPeriodDays!: number;

  @Field(() => Boolean, {
    description:
      "Whether a visitor permit's registration number + PIN login may top up its permit (docs/rules.md §6).",
  })
  registrationLoginTopUps!: boolean;
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
