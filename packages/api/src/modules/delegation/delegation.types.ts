import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import { delegationStatuses, type DelegationStatus } from '../../model/delegation.entity.js';

export const DelegationStatusEnum = Object.fromEntries(
  delegationStatuses.map((s) => [s, s]),
) as Record<DelegationStatus, DelegationStatus>;
registerEnumType(DelegationStatusEnum, { name: 'DelegationStatus' });

@ObjectType('Delegation', {
  description: 'Part of a product lent to someone, as its owner sees it.',
})
export class DelegationDto {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => String, { description: 'Where the invitation went.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'The account that accepted it.' })
  delegateEmail!: string | null;

  @Field(() => String, { nullable: true })
  plate!: string | null;

  @Field(() => String, { nullable: true })
  formattedPlate!: string | null;

  @Field(() => Int, { description: 'What was moved to the delegation.' })
  budget!: number;

  @Field(() => Int, { description: 'What is left of it.' })
  balance!: number;

  @Field(() => BalanceUnitEnum)
  unit!: BalanceUnit;

  @Field(() => DelegationStatusEnum)
  status!: DelegationStatus;

  @Field(() => Boolean)
  accepted!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'What an invitation link offers, shown before accepting it.' })
export class DelegationInvitation {
  @Field(() => String)
  ownerEmail!: string;

  @Field(() => String)
  invitedEmail!: string;

  @Field(() => String)
  productName!: string;

  @Field(() => String)
  municipality!: string;

  @Field(() => String)
  zone!: string;

  @Field(() => Int)
  budget!: number;

  @Field(() => BalanceUnitEnum)
  unit!: BalanceUnit;

  @Field(() => String, { nullable: true })
  formattedPlate!: string | null;
}

@InputType()
export class InviteDelegationInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true, description: 'Limit the delegation to one plate.' })
  plate?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => Int, { description: "Moved from the product's balance, in its unit." })
  amount!: number;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType()
export class AcceptDelegationInput {
  @Field(() => String)
  token!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Without a login: the password of the invited address, or a new one.',
  })
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'A new password, typed again.' })
  passwordRepeat?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  remember!: boolean;
}
