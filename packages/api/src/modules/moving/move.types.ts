import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { MoveAction } from './move.service.js';

export const MoveActionEnum = {
  moveAlong: 'moveAlong',
  block: 'block',
  end: 'end',
  revoke: 'revoke',
} as const satisfies Record<MoveAction, MoveAction>;
registerEnumType(MoveActionEnum, {
  name: 'MoveAction',
  description: 'What a move does to one permit (docs/rules.md §2 moving).',
  valuesConfig: {
    moveAlong: {
      description: 'Same zone: the permit and its balance move to the new address.',
    },
    block: {
      description:
        'A visitor permit to another zone (or to an address that has one): blocked; its unused purchase back on request.',
    },
    end: {
      description:
        'A resident permit to another zone or out of paid parking: ended now with the pro-rata refund of its term.',
    },
    revoke: {
      description: 'A visitor permit out of paid parking: revoked, its unused purchase refunded.',
    },
  },
});

@InputType('MoveInput', { description: 'A move the resident reports: the new address and date.' })
export class MoveInput {
  @Field(() => String, { description: "The new address's postcode ('2611 HA')." })
  postcode!: string;

  @Field(() => Int, { description: 'The house number.' })
  houseNumber!: number;

  @Field(() => String, { nullable: true, description: 'House letter or addition, if any.' })
  addition?: string | null;

  @Field(() => String, {
    description: 'The moving day, YYYY-MM-DD: today or in the last 60 days.',
  })
  movedOn!: string;
}

@ObjectType('PermitMoveOutcome', { description: 'What a move does (or did) to one permit.' })
export class PermitMoveOutcomeDto {
  @Field(() => ID, { description: 'The permit.' })
  permitId!: string;

  @Field(() => String, { description: "The product's name in the viewer's language." })
  productName!: string;

  @Field(() => String, { description: "The permit's address before the move." })
  addressLabel!: string;

  @Field(() => String, { description: "The permit's zone code." })
  zoneCode!: string;

  @Field(() => MoveActionEnum, { description: 'What happens to it.' })
  action!: MoveAction;

  @Field(() => String, { description: 'The rule that decided it (a MOVE_* code).' })
  rule!: string;

  @Field(() => String, { description: "The rule's message in the viewer's language." })
  message!: string;

  @Field(() => Int, { description: 'Paid back with the move, in cents.' })
  refundCents!: number;

  @Field(() => Int, {
    description: "A blocked visitor permit's unused purchase the holder may ask back, in cents.",
  })
  refundOnRequestCents!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The zone where the holder may apply for a new permit (an ended resident permit).',
  })
  applyInZoneCode!: string | null;
}

@ObjectType('MovePreview', { description: 'What a move does to each of the holder’s permits.' })
export class MovePreviewDto {
  @Field(() => String, { description: 'The new address as letters show it.' })
  addressLabel!: string;

  @Field(() => String, {
    nullable: true,
    description: "The new address's key in the town's address table; null when no town knows it.",
  })
  addressKey!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The new address's parking zone; null without paid parking.",
  })
  zoneCode!: string | null;

  @Field(() => String, { description: 'The moving day, YYYY-MM-DD.' })
  movedOn!: string;

  @Field(() => Boolean, { description: 'Whether the move has been carried out (reportMove).' })
  done!: boolean;

  @Field(() => [PermitMoveOutcomeDto], {
    description: 'Each active resident permit elsewhere and what the move does to it.',
  })
  permits!: PermitMoveOutcomeDto[];
}
