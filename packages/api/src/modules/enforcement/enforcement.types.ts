import { deprecatedForCode, Refusal } from '../../graphql/refusal.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import {
  createUnionType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import {
  permitRightKinds,
  rightKinds,
  type PermitRightKind,
  type RightKind,
} from '@parkeer/domain/enforcement/right-choice';

export const RightKindEnum = Object.fromEntries(rightKinds.map((k) => [k, k])) as Record<
  RightKind,
  RightKind
>;
registerEnumType(RightKindEnum, {
  name: 'RightKind',
  description: 'What makes parking valid: a permit, a registered visitor session or an exemption.',
  valuesConfig: {
    permit: { description: 'A permit on the plate (see permitKind).' },
    visitorSession: { description: 'A registered visitor session.' },
    exemption: { description: 'An exemption on the plate.' },
  },
});

export const PermitRightKindEnum = Object.fromEntries(
  permitRightKinds.map((k) => [k, k]),
) as Record<PermitRightKind, PermitRightKind>;
registerEnumType(PermitRightKindEnum, {
  name: 'PermitRightKind',
  description: 'Which permit makes parking valid, when the right is a permit.',
  valuesConfig: {
    residentPermit: { description: "A resident's permit." },
    businessPermit: { description: "A business permit (also a flexible one's registered plate)." },
    carePermit: { description: 'A care permit.' },
    contractorDayPermit: { description: "A contractor's day permit." },
  },
});

@InputType({ description: 'A scanned plate, the place and (optionally) the moment to check.' })
export class RightCheckInput {
  @Field(() => String, { description: 'The plate as read; separators and case do not matter.' })
  plate!: string;

  @Field(() => String, {
    nullable: true,
    description: "The zone's code within the municipality, e.g. 'B'; or else give a position.",
  })
  zone?: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The device's WGS84 latitude, instead of a zone: where the town's zones have areas.",
  })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: "The device's WGS84 longitude." })
  longitude?: number | null;

  @Field(() => String, { description: "The municipality's code, e.g. 'delft'." })
  municipality!: string;

  @Field(() => Date, { nullable: true, description: 'The moment to check; default: now.' })
  at?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO 3166-1 alpha-2 country of the plate; default 'NL'.",
  })
  country?: string | null;
}

/**
 * The officer's green or red tick (docs/rules.md §9). Deliberately nothing that identifies a person or a
 * registration: no name, address, e-mail, permit or session id.
 */
@ObjectType({ description: 'Whether a valid right is registered for the plate, place and time.' })
export class RightCheckResult {
  @Field(() => Boolean, {
    description: 'True when a right is registered for the plate, zone and moment.',
  })
  valid!: boolean;

  @Field(() => RightKindEnum, { nullable: true, description: 'Null when not valid.' })
  kind!: RightKind | null;

  @Field(() => PermitRightKindEnum, {
    nullable: true,
    description: 'Which permit, when kind is permit (a resident or business permit…); else null.',
  })
  permitKind!: PermitRightKind | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when the right runs; null when not valid or open-ended.',
  })
  validUntil!: Date | null;

  @Field(() => Date, { description: 'When the check was made.' })
  checkedAt!: Date;

  @Field(() => String, { description: 'The plate checked, formatted (Dutch plates with dashes).' })
  plate!: string;

  @Field(() => String, { description: "The zone checked: the one asked, or the position's." })
  zone!: string;

  @Field(() => ID, { description: "This check's log entry: record a fine against it." })
  checkId!: string;

  @Field(() => OutageWindow, {
    nullable: true,
    description:
      'An outage covers the moment in this zone: sessions could not be registered. Do not fine.',
  })
  outage!: OutageWindow | null;

  @Field(() => Boolean, {
    description: 'No right registered and no outage: a fine may be written.',
  })
  mayFine!: boolean;
}

@ObjectType({ description: 'A window in which the platform could not register sessions.' })
export class OutageWindow {
  @Field(() => Date, { description: 'When the outage began.' })
  start!: Date;

  @Field(() => Date, { description: 'When it ended (or is expected to).' })
  end!: Date;
}

@InputType({ description: "A scan car's plates, each with its place and moment." })
export class RightCheckBatchInput {
  @Field(() => [RightCheckInput], { description: 'At most 100.' })
  items!: RightCheckInput[];
}

@ObjectType({
  implements: Refusal,
  description: 'One item of a batch the rules refused (bad plate, unknown zone, another town).',
})
export class RightCheckRefused implements Refusal {
  @Field(() => Int, { description: "The item's place in the batch, from 0." })
  index!: number;

  @Field(() => String, {
    description: 'A code from the shared catalogue.',
    deprecationReason: deprecatedForCode,
  })
  reason!: string;

  @Field(() => String, {
    description: 'The code rightCheck would have raised for this item, from the shared catalogue.',
  })
  get code(): string {
    return this.reason;
  }

  @Field(() => String, { description: "In the viewer's language." })
  message!: string;

  @Field(() => GraphQLJSONObject, { description: 'Raw values of the message.', nullable: true })
  params!: Record<string, string | number> | null;
}

export const RightCheckBatchAnswer = createUnionType({
  description: 'One answer of a batch, in the order asked: the check, or why the item was refused.',
  name: 'RightCheckBatchAnswer',
  types: () => [RightCheckResult, RightCheckRefused] as const,
  resolveType: (value) =>
    value instanceof RightCheckRefused ? RightCheckRefused : RightCheckResult,
});

@InputType({ description: 'A fine the officer wrote after one of its own checks.' })
export class RecordFineInput {
  @Field(() => ID, { description: 'The checkId of the right-check answer.' })
  checkId!: string;

  @Field(() => String, { description: "The fine's number: 1–40 letters, digits or dashes." })
  reference!: string;

  @Field(() => String, { description: 'The fined plate (the check log does not hold it).' })
  plate!: string;

  @Field(() => String, { nullable: true, description: "Its country; default 'NL'." })
  country?: string | null;
}

@ObjectType({ description: 'A fine recorded against a check.' })
export class RecordedFine {
  @Field(() => ID, { description: 'The check it was recorded against.' })
  checkId!: string;

  @Field(() => String, { description: "The fine's number." })
  reference!: string;

  @Field(() => Date, {
    description: "Until when the sessions near it keep their plate: the town's objection period.",
  })
  keptUntil!: Date;

  @Field(() => Int, { description: 'Sessions of the plate in the zone within a day of the check.' })
  sessionsKept!: number;
}

@ObjectType({ description: 'A zone an officer can check in.' })
export class EnforcementZone {
  @Field(() => String, { description: "The zone's code: give it as RightCheckInput.zone." })
  code!: string;

  @Field(() => String, { description: "The zone's name." })
  name!: string;

  @Field(() => Boolean, { description: "It has an area: the device's position can pick it." })
  hasArea!: boolean;
}

@ObjectType({ description: "One of the officer's towns, with its zones." })
export class EnforcementTownDto {
  @Field(() => String, {
    description: "The municipality's code: give it as RightCheckInput.municipality.",
  })
  code!: string;

  @Field(() => String, { description: "The municipality's name." })
  name!: string;

  @Field(() => [EnforcementZone], { description: 'Its zones, by code.' })
  zones!: EnforcementZone[];
}

@ObjectType({ description: "An outage window over a fine check's moment." })
export class FineCheckOutage {
  @Field(() => Date, { description: 'When the outage began.' })
  start!: Date;

  @Field(() => Date, { description: 'When it ended.' })
  end!: Date;

  @Field(() => Date, {
    description: 'When the window was recorded: after the check, the officer could not know.',
  })
  recordedAt!: Date;
}

@ObjectType({
  description:
    'The right-check a fine was recorded against (docs/rules.md §9 fines), for the official deciding a goodwill waiver. No plate and no officer.',
})
export class FineCheck {
  @Field(() => String, { description: "The fine's number as the officer recorded it." })
  reference!: string;

  @Field(() => Date, { description: 'When the officer checked.' })
  checkedAt!: Date;

  @Field(() => Date, { description: 'The moment checked (usually the same).' })
  checkedFor!: Date;

  @Field(() => String, { description: 'The zone checked.' })
  zoneCode!: string;

  @Field(() => String, { description: "The zone's name." })
  zoneName!: string;

  @Field(() => Boolean, { description: 'Whether a right was registered (never, with a fine).' })
  valid!: boolean;

  @Field(() => RightKindEnum, { description: 'The right found; null: none.', nullable: true })
  rightKind!: RightKind | null;

  @Field(() => Boolean, {
    description: 'The answer the officer got: no right and no outage window known then.',
  })
  mayFine!: boolean;

  @Field(() => FineCheckOutage, {
    nullable: true,
    description: 'An outage window over the checked moment, recorded then or since.',
  })
  outage!: FineCheckOutage | null;
}
