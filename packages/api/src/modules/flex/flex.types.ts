import { useName } from '../../graphql/renamed-argument.js';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  listedPlateRoles,
  type ListedPlateRole,
} from '@parkeer/domain/session-policy/flexible-registration';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { SessionDto } from '../session/session.types.js';

export const FlexPlateRoleEnum = Object.fromEntries(listedPlateRoles.map((r) => [r, r])) as Record<
  ListedPlateRole,
  ListedPlateRole
>;
registerEnumType(FlexPlateRoleEnum, {
  name: 'FlexPlateRole',
  description: "Whose car a plate on a flexible business permit's list is.",
  valuesConfig: {
    employee: { description: 'An employee of the business; part-timers take turns.' },
    visitor: { description: 'A visitor of the business, such as a supplier.' },
  },
});

@ObjectType('FlexPlate', {
  description:
    "A plate on a flexible business permit's list, named by the business (docs/rules.md §5).",
})
export class FlexPlateDto {
  @Field(() => ID, { description: 'The list entry.' })
  id!: string;

  @Field(() => String, { description: 'Normalised: upper case letters and digits.' })
  plate!: string;

  @Field(() => String, { description: "As shown, e.g. 'GHJ-12-K'." })
  formattedPlate!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => String, { description: 'Who drives it, as the business calls them.' })
  name!: string;

  @Field(() => FlexPlateRoleEnum, { description: 'Employee or visitor.' })
  role!: ListedPlateRole;

  @Field(() => Boolean, {
    description: 'Registered today: its registration is running or starts with the paid hours.',
  })
  registered!: boolean;
}

@ObjectType('FlexPermit', {
  description:
    "A flexible business permit's list and today's registration: one plate at a time, until the zone's paid hours end (docs/rules.md §5).",
})
export class FlexPermitDto {
  @Field(() => ID, { description: 'The permit (Product.id: the same id).' })
  id!: string;

  @Field(() => ID, { description: 'The permit (product).', deprecationReason: useName('id') })
  permitId!: string;

  @Field(() => String, { description: "The zone's name." })
  zoneName!: string;

  @Field(() => [FlexPlateDto], { description: 'The listed plates, by name.' })
  plates!: FlexPlateDto[];

  @Field(() => Int, { description: 'How many plates the town allows on the list.' })
  maxPlates!: number;

  @Field(() => String, { description: "Today's local date, YYYY-MM-DD." })
  date!: string;

  @Field(() => Boolean, {
    description: 'A registration can be made now: paid hours are left today.',
  })
  canRegister!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When a registration made now starts: now, or when the paid hours begin today.',
  })
  registrationStart!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When a registration made now stops: the end of the zone's paid hours today.",
  })
  paidHoursEnd!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'When no registration can be made: the next local date with paid hours (register again then).',
  })
  nextDate!: string | null;

  @Field(() => SessionDto, {
    nullable: true,
    description: "Today's registration, running or planned; null when no plate is registered.",
  })
  registration!: SessionDto | null;

  @Field(() => Int, { description: "The permit's balance, in its unit." })
  balance!: number;

  @Field(() => BalanceUnitEnum, { description: "The balance's unit." })
  unit!: BalanceUnit;
}

@InputType({ description: 'A plate for the list.' })
export class AddFlexPlateInput {
  @Field(() => ID, { description: 'The flexible business permit.' })
  permitId!: string;

  @Field(() => String, { description: 'As typed or normalised.' })
  plate!: string;

  @Field(() => String, { nullable: true, description: 'ISO country of a foreign plate.' })
  country?: string | null;

  @Field(() => String, { description: 'Who drives it (at most 40 characters).' })
  name!: string;

  @Field(() => FlexPlateRoleEnum, { description: 'Employee or visitor.' })
  role!: ListedPlateRole;
}

@InputType({ description: 'A new name for a listed plate.' })
export class RenameFlexPlateInput {
  @Field(() => ID, { description: 'The flexible business permit.' })
  permitId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The list entry (FlexPlate.id); required (or, deprecated, plateId).',
  })
  id?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The list entry.',
    deprecationReason: useName('id'),
  })
  plateId?: string | null;

  @Field(() => String, { description: 'Who drives it (at most 40 characters).' })
  name!: string;
}

@InputType({ description: 'Registers one listed plate for today.' })
export class RegisterFlexPlateInput {
  @Field(() => ID, { description: 'The flexible business permit.' })
  permitId!: string;

  @Field(() => String, {
    description: 'A listed plate, as typed or normalised; another registered plate is stopped.',
  })
  plate!: string;

  @Field(() => String, {
    description: 'Unique per attempt; a retry with the same key returns the first result.',
  })
  idempotencyKey!: string;
}
