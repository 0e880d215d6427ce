import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import type { PermitStatus } from '../../model/permit.entity.js';
import type { SessionStatus } from '../../model/parking-session.entity.js';
import { ProductStatusEnum } from '../product/product.types.js';
import { SessionRefused, SessionStatusEnum } from '../session/session.types.js';

@ObjectType({ description: 'One paid-parking window of today in the permit’s zone.' })
export class DeskPaidWindow {
  @Field(() => Date)
  start!: Date;

  @Field(() => Date)
  end!: Date;
}

@ObjectType({ description: 'A running or planned session, as the desk reads it to the caller.' })
export class DeskSession {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'As shown, e.g. XX-999-X.' })
  formattedPlate!: string;

  @Field(() => Date)
  start!: Date;

  @Field(() => Date)
  end!: Date;

  @Field(() => SessionStatusEnum)
  status!: SessionStatus;

  @Field(() => Int, { description: 'What it cost up to now, in the unit (0 before its start).' })
  costSoFar!: number;
}

@ObjectType({
  description: 'A plate the desk can pick for the caller: a favorite or a recent one.',
})
export class DeskPlate {
  @Field(() => String, { description: 'Normalised: upper case letters and digits.' })
  plate!: string;

  @Field(() => String)
  formattedPlate!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => String, { nullable: true, description: 'A favorite’s name; null for a recent one.' })
  name!: string | null;
}

@ObjectType({
  description:
    'A visitor permit opened at the municipal desk: what the desk employee needs on the phone, and nothing about its holder but the street (docs/security.md, "The municipal desk").',
})
export class DeskPermit {
  @Field(() => ID, {
    description: 'The desk grant: pass it to the desk’s actions instead of the PIN.',
  })
  grant!: string;

  @Field(() => Date, { description: 'When the grant ends (15 minutes after the lookup).' })
  grantExpiresAt!: Date;

  @Field(() => String, { description: 'The registration number (the product code).' })
  registrationNumber!: string;

  @Field(() => String, { description: "The product's name in the viewer's language." })
  productName!: string;

  @Field(() => String)
  zoneName!: string;

  @Field(() => String, {
    description: 'The street of the permit’s address, without number or town: to verify only.',
  })
  street!: string;

  @Field(() => ProductStatusEnum)
  status!: PermitStatus;

  @Field(() => Int, { description: 'Minutes, or euro cents.' })
  balance!: number;

  @Field(() => BalanceUnitEnum)
  unit!: BalanceUnit;

  @Field(() => [DeskPaidWindow], { description: 'Paid parking today in the zone; empty: free.' })
  paidToday!: DeskPaidWindow[];

  @Field(() => [DeskSession], { description: 'Running and planned sessions, earliest first.' })
  sessions!: DeskSession[];

  @Field(() => [DeskPlate], { description: 'The permit’s favorites, by name.' })
  favorites!: DeskPlate[];

  @Field(() => [DeskPlate], { description: 'Recent plates that are not favorites, latest first.' })
  recentPlates!: DeskPlate[];
}

@InputType()
export class DeskStartSessionInput {
  @Field(() => ID)
  grant!: string;

  @Field(() => String)
  plate!: string;

  @Field(() => String, { nullable: true, description: 'ISO country of a foreign plate.' })
  country?: string | null;

  @Field(() => Date, { nullable: true, description: "Omitted: the product's default end." })
  end?: Date | null;
}

@InputType()
export class DeskChangeEndInput {
  @Field(() => ID)
  grant!: string;

  @Field(() => ID)
  sessionId!: string;

  @Field(() => Date)
  end!: Date;
}

@ObjectType({
  description:
    'What a desk action did: the permit as it is now (balance, sessions), and the refusal when the rules refused the session.',
})
export class DeskActionResult {
  @Field(() => DeskPermit)
  permit!: DeskPermit;

  @Field(() => SessionRefused, { nullable: true })
  refused!: SessionRefused | null;
}
