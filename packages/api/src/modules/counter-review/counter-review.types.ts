import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { CounterRefusalDto, PermitApplicationDto } from './permit-application.types.js';

@ObjectType('AdminPermitApplication', {
  description: 'An application as the back office decides it: with who applied and the rules.',
})
export class AdminPermitApplicationDto {
  @Field(() => PermitApplicationDto, { description: 'The application itself.' })
  application!: PermitApplicationDto;

  @Field(() => String, {
    description: 'The holder as the town knows them: a name or e-mail address, never a BSN.',
  })
  applicantLabel!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who filled it in for the holder (a carer, a representative); null: the holder.',
  })
  actorLabel!: string | null;

  @Field(() => [CounterRefusalDto], {
    description:
      "The eligibility rules' outcome now (docs/rules.md §2): every rule that would refuse; empty when they all pass.",
  })
  eligibility!: CounterRefusalDto[];
}

@ObjectType('PermitApplicationConnection', {
  description:
    "A page of the town's counter applications, newest first (docs/graphql.md, Lists: connections).",
})
export class PermitApplicationConnection extends ConnectionType(
  PermitApplicationDto,
  'PermitApplication',
) {}

@InputType({ description: 'An official decides an application waiting for review.' })
export class DecidePermitApplicationInput {
  @Field(() => ID, { description: 'The application, awaitingReview.' })
  applicationId!: string;

  @Field(() => Boolean, {
    description: 'True: grant it (the permit starts as if just paid); false: refuse and refund.',
  })
  approve!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Why: required to refuse (the applicant reads it in the letter), optional to grant.',
  })
  reason?: string | null;
}
