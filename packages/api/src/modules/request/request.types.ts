import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { WaiverStatus } from '@parkeer/domain/eligibility/goodwill-waiver';
import { ConnectionType } from '../../graphql/connection.js';

// ---- Informal-care time ----

@InputType()
export class GrantCareHoursInput {
  @Field(() => ID)
  permitId!: string;

  @Field(() => Int, { description: 'Free minutes to credit (400 h per year at most in Delft).' })
  minutes!: number;

  @Field(() => String, {
    description: "What the carer's statement says, or where it is filed. Required.",
  })
  carerStatement!: string;

  @Field(() => String, {
    description: 'Unique per attempt; a retry with the same key returns the first grant.',
  })
  idempotencyKey!: string;
}

@ObjectType('CareGrant', {
  description: 'Informal-care time the town granted on a permit (docs/rules.md §4).',
})
export class CareGrantDto {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  permitId!: string;

  @Field(() => Int)
  minutes!: number;

  @Field(() => String)
  carerStatement!: string;

  @Field(() => String, { description: "The granting administrator's e-mail address." })
  grantedBy!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class CareGrantResult {
  @Field(() => CareGrantDto)
  grant!: CareGrantDto;

  @Field(() => Int, { description: "The permit's balance after the grant, in minutes." })
  balanceAfter!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Minutes that may still be granted in the current care period.',
  })
  remainingMinutes!: number | null;
}

// ---- Goodwill fine waivers ----

export const FineWaiverStatusEnum = {
  pending: 'pending',
  approved: 'approved',
  refused: 'refused',
} as const satisfies Record<WaiverStatus, WaiverStatus>;
registerEnumType(FineWaiverStatusEnum, {
  name: 'FineWaiverStatus',
  description: 'Where a goodwill waiver request stands.',
});

@InputType()
export class RecordFineWaiverInput {
  @Field(() => ID)
  permitId!: string;

  @Field(() => String, { description: "The fine's number (CJIB or the town's own)." })
  fineReference!: string;

  @Field(() => String, { description: "The date on the fine, a local date 'YYYY-MM-DD'." })
  fineDate!: string;

  @Field(() => Date, { nullable: true, description: 'When the holder asked; omitted: now.' })
  requestedAt?: Date | null;
}

@ObjectType('FineWaiver', {
  description: 'A request to waive a fine under the goodwill scheme (docs/rules.md §9).',
})
export class FineWaiverDto {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  permitId!: string;

  @Field(() => String)
  productCode!: string;

  @Field(() => String)
  addressLabel!: string;

  @Field(() => String)
  fineReference!: string;

  @Field(() => String, { description: "'YYYY-MM-DD'" })
  fineDate!: string;

  @Field(() => FineWaiverStatusEnum)
  status!: WaiverStatus;

  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => String, {
    description:
      "Who recorded it: the administrator's e-mail, or the holder's own when filedByHolder.",
  })
  recordedBy!: string;

  @Field(() => Boolean, { description: 'Filed by the holder in the app, not at the counter.' })
  filedByHolder!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The fined vehicle's plate, as the holder gave it.",
  })
  plate!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the holder asks, in their words.' })
  holderReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was approved or refused.' })
  decisionReason!: string | null;

  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  /** The check the fine was recorded against (field `fineCheck`); null: none known. */
  fineCheckId!: string | null;
}

@ObjectType('FineWaiverConnection')
export class FineWaiverConnection extends ConnectionType(FineWaiverDto, 'FineWaiver') {}

// ---- Outage compensation ----

@InputType()
export class CompensateOutageInput {
  @Field(() => ID)
  zoneId!: string;

  @Field(() => Date)
  windowStart!: Date;

  @Field(() => Date)
  windowEnd!: Date;

  @Field(() => String, { description: 'What failed; kept with the compensation.' })
  reason!: string;
}

@ObjectType('OutageCompensation', {
  description: 'Time credited once to the sessions of a zone during an outage.',
})
export class OutageCompensationDto {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  zoneId!: string;

  @Field(() => String)
  zoneCode!: string;

  @Field(() => Date)
  windowStart!: Date;

  @Field(() => Date)
  windowEnd!: Date;

  @Field(() => String)
  reason!: string;

  @Field(() => Int, { description: 'Sessions that got something back.' })
  sessionsCredited!: number;

  @Field(() => String, { description: "The administrator's e-mail address." })
  createdBy!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class CompensateOutageResult {
  @Field(() => OutageCompensationDto)
  compensation!: OutageCompensationDto;

  @Field(() => Int, { description: 'Paid minutes given back, over all sessions.' })
  minutesCredited!: number;
}

// ---- Holders' requests for informal-care time, as the back office decides them ----

@ObjectType('CareHoursRequest', {
  description: "A holder's request for informal-care time (docs/rules.md §4), in the town's queue.",
})
export class CareHoursRequestDto {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  permitId!: string;

  @Field(() => String)
  productCode!: string;

  @Field(() => String)
  addressLabel!: string;

  @Field(() => Int)
  minutes!: number;

  @Field(() => String)
  carerStatement!: string;

  @Field(() => FineWaiverStatusEnum)
  status!: WaiverStatus;

  @Field(() => String, { description: "The holder's e-mail address." })
  requestedBy!: string;

  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => String, { nullable: true })
  decisionReason!: string | null;

  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

@ObjectType('CareHoursRequestConnection')
export class CareHoursRequestConnection extends ConnectionType(
  CareHoursRequestDto,
  'CareHoursRequest',
) {}

@InputType()
export class DecideCareHoursRequestInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Boolean, { description: "Approve: the minutes are granted, within the cap's room." })
  approve!: boolean;

  @Field(() => String, { description: 'Why; the holder sees it.' })
  reason!: string;

  @Field(() => String, {
    description:
      'Unique per attempt; an approval moves balance, so a retry returns the first answer.',
  })
  idempotencyKey!: string;
}

@ObjectType()
export class CareHoursRequestDecision {
  @Field(() => CareHoursRequestDto)
  request!: CareHoursRequestDto;

  @Field(() => Int, {
    nullable: true,
    description: "Approved: the permit's balance after the grant.",
  })
  balanceAfter!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Approved: minutes that may still be granted in the current care period.',
  })
  remainingMinutes!: number | null;
}
