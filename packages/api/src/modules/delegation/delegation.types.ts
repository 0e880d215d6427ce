import { useIdOfPermit } from '../../graphql/permit-id.js';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import { delegationStatuses, type DelegationStatus } from '../../model/delegation.entity.js';

export const DelegationStatusEnum = Object.fromEntries(
  delegationStatuses.map((s) => [s, s]),
) as Record<DelegationStatus, DelegationStatus>;
registerEnumType(DelegationStatusEnum, {
  description: 'Where a delegation stands.',
  name: 'DelegationStatus',
  valuesConfig: {
    invited: { description: 'The invitation was sent; not yet accepted.' },
    accepted: { description: 'Accepted: the delegate parks on it.' },
    revoked: { description: 'Revoked by the owner: what was left went back to the permit.' },
  },
});

@ObjectType('Delegation', {
  description: 'Part of a product lent to someone, as its owner sees it.',
})
export class DelegationDto {
  @Field(() => ID, { description: 'The delegation.' })
  id!: string;

  @Field(() => ID, { description: 'The permit lent from (Product.id).' })
  permitId!: string;

  @Field(() => ID, {
    description: 'The permit lent from (Product.id).',
    deprecationReason: useIdOfPermit,
  })
  productId!: string;

  @Field(() => String, { description: 'Where the invitation went.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'The account that accepted it.' })
  delegateEmail!: string | null;

  @Field(() => String, {
    description: 'The only plate the delegate may park, normalised; null: any plate.',
    nullable: true,
  })
  plate!: string | null;

  @Field(() => String, {
    description: 'That plate as shown (XX-999-X); null: any plate.',
    nullable: true,
  })
  formattedPlate!: string | null;

  @Field(() => Int, { description: 'What was moved to the delegation.' })
  budget!: number;

  @Field(() => Int, { description: 'What is left of it.' })
  balance!: number;

  @Field(() => BalanceUnitEnum, { description: 'The unit of budget and balance.' })
  unit!: BalanceUnit;

  @Field(() => DelegationStatusEnum, { description: 'Invited, accepted or revoked.' })
  status!: DelegationStatus;

  @Field(() => Boolean, { description: 'True once the invited person accepted.' })
  accepted!: boolean;

  @Field(() => Date, { description: 'When the invitation was sent.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it was accepted; null: not yet.', nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, {
    description: 'When the owner revoked it; null: not revoked.',
    nullable: true,
  })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'What an invitation link offers, shown before accepting it.' })
export class DelegationInvitation {
  @Field(() => String, { description: "Who invites: the permit holder's e-mail address." })
  ownerEmail!: string;

  @Field(() => String, { description: 'The address invited: accept as that account.' })
  invitedEmail!: string;

  @Field(() => String, { description: "The permit's name in the viewer's language." })
  productName!: string;

  @Field(() => String, { description: "The municipality's name." })
  municipality!: string;

  @Field(() => String, { description: "The zone's name." })
  zone!: string;

  @Field(() => Int, { description: 'What is lent, in unit.' })
  budget!: number;

  @Field(() => BalanceUnitEnum, { description: 'The unit of budget.' })
  unit!: BalanceUnit;

  @Field(() => String, {
    description: 'The only plate allowed (XX-999-X); null: any plate.',
    nullable: true,
  })
  formattedPlate!: string | null;
}

@InputType({ description: "Lending part of a permit's balance to someone." })
export class InviteDelegationInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The permit (Product.id); required (or, deprecated, productId).',
  })
  permitId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The permit (Product.id).',
    deprecationReason: useIdOfPermit,
  })
  productId?: string | null;

  @Field(() => String, { description: 'Where the invitation goes.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Limit the delegation to one plate.' })
  plate?: string | null;

  @Field(() => String, {
    description: 'ISO 3166-1 alpha-2 country of plate; NL when left out.',
    nullable: true,
  })
  country?: string | null;

  @Field(() => Int, { description: "Moved from the product's balance, in its unit." })
  amount!: number;

  @Field(() => String, {
    description:
      'New for each invitation, the same for each retry of it (docs/graphql.md, Idempotency keys).',
  })
  idempotencyKey!: string;
}

@InputType({ description: 'Accepting a delegation invitation.' })
export class AcceptDelegationInput {
  @Field(() => String, { description: 'The token from the link.' })
  token!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Without a login: the password of the invited address, or a new one.',
  })
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'A new password, typed again.' })
  passwordRepeat?: string | null;

  @Field(() => Boolean, {
    description: "'Remember me' for the login it makes.",
    defaultValue: false,
  })
  remember!: boolean;
}
