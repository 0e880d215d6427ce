import { useName } from '../../graphql/renamed-argument.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import type { PermitStatus } from '../../model/permit.entity.js';
import type { SessionStatus } from '../../model/parking-session.entity.js';
import { ProductStatusEnum } from '../product/product.types.js';
import { SessionRefused, SessionStatusEnum } from '../session/session.types.js';

@ObjectType({ description: 'One paid-parking window of today in the permit’s zone.' })
export class DeskPaidWindow {
  @Field(() => Date, { description: 'When paid parking starts.' })
  start!: Date;

  @Field(() => Date, { description: 'When it ends.' })
  end!: Date;
}

@ObjectType({ description: 'A running or planned session, as the desk reads it to the caller.' })
export class DeskSession {
  @Field(() => ID, { description: 'The session (Session.id).' })
  id!: string;

  @Field(() => String, { description: 'As shown, e.g. XX-999-X.' })
  formattedPlate!: string;

  @Field(() => Date, { description: 'When it starts or started.' })
  start!: Date;

  @Field(() => Date, { description: 'When it ends.' })
  end!: Date;

  @Field(() => SessionStatusEnum, { description: 'Planned or running.' })
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

  @Field(() => String, { description: 'As shown, e.g. XX-999-X.' })
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
  grantId!: string;

  @Field(() => ID, {
    description: 'The desk grant: pass it to the desk’s actions instead of the PIN.',
    deprecationReason: useName('grantId'),
  })
  grant!: string;

  @Field(() => Date, { description: 'When the grant ends (15 minutes after the lookup).' })
  grantExpiresAt!: Date;

  @Field(() => String, { description: 'The registration number (the product code).' })
  registrationNumber!: string;

  @Field(() => String, { description: "The product's name in the viewer's language." })
  productName!: string;

  @Field(() => String, { description: "The permit's zone." })
  zoneName!: string;

  @Field(() => String, {
    description: 'The street of the permit’s address, without number or town: to verify only.',
  })
  street!: string;

  @Field(() => ProductStatusEnum, { description: 'Whether it gives a right now.' })
  status!: PermitStatus;

  @Field(() => Int, { description: 'Minutes, or euro cents.' })
  balance!: number;

  @Field(() => BalanceUnitEnum, { description: 'The unit of balance.' })
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

@InputType({ description: 'A session the desk starts for the caller.' })
export class DeskStartSessionInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The desk grant (DeskPermit.grantId); required (or, deprecated, grant).',
  })
  grantId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The desk grant (DeskPermit.grant).',
    deprecationReason: useName('grantId'),
  })
  grant?: string | null;

  @Field(() => String, { description: 'The plate as the caller says it.' })
  plate!: string;

  @Field(() => String, { nullable: true, description: 'ISO country of a foreign plate.' })
  country?: string | null;

  @Field(() => Date, { nullable: true, description: "Omitted: the product's default end." })
  end?: Date | null;
}

@InputType({ description: 'A new end for a session, at the desk.' })
export class DeskChangeEndInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The desk grant (DeskPermit.grantId); required (or, deprecated, grant).',
  })
  grantId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The desk grant (DeskPermit.grant).',
    deprecationReason: useName('grantId'),
  })
  grant?: string | null;

  @Field(() => ID, { description: 'The session (DeskSession.id).' })
  sessionId!: string;

  @Field(() => Date, { description: 'Its new end.' })
  end!: Date;
}

@ObjectType({
  description:
    'What a desk action did: the permit as it is now (balance, sessions), and the refusal when the rules refused the session.',
})
export class DeskActionResult {
  @Field(() => DeskPermit, { description: 'The permit as it is after the call.' })
  permit!: DeskPermit;

  @Field(() => SessionRefused, {
    description: 'Why the rules refused, with a proposal; null when the action was done.',
    nullable: true,
  })
  refused!: SessionRefused | null;
}
