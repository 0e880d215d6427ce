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
  @Field(() => ID, { description: 'The municipality.' })
  id!: string;

  @Field(() => String, { description: "Short lower-case code, e.g. 'delft'." })
  code!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => String, {
    description: 'The IANA time zone its local dates and hours are in, e.g. Europe/Amsterdam.',
  })
  timeZone!: string;

  @Field(() => RetentionSettings, { description: 'How long plates of ended sessions are kept.' })
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

@InputType({ description: 'How long plates of ended sessions are kept.' })
export class RetentionInput {
  @Field(() => String, { description: "'hoursAfterEnd' or 'weeksAfterEnd'." })
  kind!: string;

  @Field(() => Int, { description: 'Hours or weeks.' })
  amount!: number;
}

@InputType({ description: 'A new municipality.' })
export class MunicipalityInput {
  @Field(() => String, { description: "Short lower-case code, e.g. 'delft'." })
  code!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => RetentionInput, { description: 'How long plates of ended sessions are kept.' })
  retention!: RetentionInput;
}
