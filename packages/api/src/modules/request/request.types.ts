import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { WaiverStatus } from '@parkeer/domain/eligibility/goodwill-waiver';
import { ConnectionType } from '../../graphql/connection.js';

// ---- Informal-care time ----

@InputType({ description: 'Informal-care minutes to credit.' })
export class GrantCareHoursInput {
  @Field(() => ID, { description: 'The permit (AdminPermit.id).' })
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
  @Field(() => ID, { description: 'The grant.' })
  id!: string;

  @Field(() => ID, { description: 'The permit credited.' })
  permitId!: string;

  @Field(() => Int, { description: 'Minutes credited.' })
  minutes!: number;

  @Field(() => String, { description: "What the carer's statement says, or where it is filed." })
  carerStatement!: string;

  @Field(() => String, { description: "The granting administrator's e-mail address." })
  grantedBy!: string;

  @Field(() => Date, { description: 'When it was granted.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A care grant and what is left.' })
export class CareGrantResult {
  @Field(() => CareGrantDto, { description: 'The grant.' })
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
  valuesConfig: {
    pending: { description: 'Waiting for a decision.' },
    approved: { description: 'Approved.' },
    refused: { description: 'Refused.' },
  },
});

@InputType({ description: 'A waiver request the holder made at the counter.' })
export class RecordFineWaiverInput {
  @Field(() => ID, { description: 'The permit (AdminPermit.id).' })
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
  @Field(() => ID, { description: 'The request.' })
  id!: string;

  @Field(() => ID, { description: 'The permit it is for.' })
  permitId!: string;

  @Field(() => String, { description: "The permit's product code." })
  productCode!: string;

  @Field(() => String, { description: "The permit's address as printed." })
  addressLabel!: string;

  @Field(() => String, { description: "The fine's number." })
  fineReference!: string;

  @Field(() => String, { description: "'YYYY-MM-DD'" })
  fineDate!: string;

  @Field(() => FineWaiverStatusEnum, { description: 'Pending, approved or refused.' })
  status!: WaiverStatus;

  @Field(() => Date, { description: 'When the holder asked.' })
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

  @Field(() => String, {
    description: "The deciding administrator's e-mail address; null while pending.",
    nullable: true,
  })
  decidedBy!: string | null;

  @Field(() => Date, { description: 'When it was decided; null while pending.', nullable: true })
  decidedAt!: Date | null;

  /** The check the fine was recorded against (field `fineCheck`); null: none known. */
  fineCheckId!: string | null;
}

@ObjectType('FineWaiverConnection', {
  description:
    "A page of the town's waiver requests, newest first (docs/graphql.md, Lists: connections).",
})
export class FineWaiverConnection extends ConnectionType(FineWaiverDto, 'FineWaiver') {}

// ---- Outage compensation ----

@InputType({ description: 'An outage window to compensate.' })
export class CompensateOutageInput {
  @Field(() => ID, { description: 'The zone (AdminZone.id).' })
  zoneId!: string;

  @Field(() => Date, { description: 'When the outage began.' })
  windowStart!: Date;

  @Field(() => Date, { description: 'When it ended.' })
  windowEnd!: Date;

  @Field(() => String, { description: 'What failed; kept with the compensation.' })
  reason!: string;
}

@ObjectType('OutageCompensation', {
  description: 'Time credited once to the sessions of a zone during an outage.',
})
export class OutageCompensationDto {
  @Field(() => ID, { description: 'The compensation.' })
  id!: string;

  @Field(() => ID, { description: 'The zone.' })
  zoneId!: string;

  @Field(() => String, { description: "The zone's code." })
  zoneCode!: string;

  @Field(() => Date, { description: 'When the outage began.' })
  windowStart!: Date;

  @Field(() => Date, { description: 'When it ended.' })
  windowEnd!: Date;

  @Field(() => String, { description: 'What failed.' })
  reason!: string;

  @Field(() => Int, { description: 'Sessions that got something back.' })
  sessionsCredited!: number;

  @Field(() => String, { description: "The administrator's e-mail address." })
  createdBy!: string;

  @Field(() => Date, { description: 'When it was credited.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A compensation and what it credited.' })
export class CompensateOutageResult {
  @Field(() => OutageCompensationDto, { description: 'The compensation.' })
  compensation!: OutageCompensationDto;

  @Field(() => Int, { description: 'Paid minutes given back, over all sessions.' })
  minutesCredited!: number;
}

// ---- Holders' requests for informal-care time, as the back office decides them ----

@ObjectType('CareHoursRequest', {
  description: "A holder's request for informal-care time (docs/rules.md §4), in the town's queue.",
})
export class CareHoursRequestDto {
  @Field(() => ID, { description: 'The request.' })
  id!: string;

  @Field(() => ID, { description: 'The permit it is for.' })
  permitId!: string;

  @Field(() => String, { description: "The permit's product code." })
  productCode!: string;

  @Field(() => String, { description: "The permit's address as printed." })
  addressLabel!: string;

  @Field(() => Int, { description: 'Minutes asked for.' })
  minutes!: number;

  @Field(() => String, { description: "What the carer's statement says, or where it is filed." })
  carerStatement!: string;

  @Field(() => FineWaiverStatusEnum, { description: 'Pending, approved or refused.' })
  status!: WaiverStatus;

  @Field(() => String, { description: "The holder's e-mail address." })
  requestedBy!: string;

  @Field(() => Date, { description: 'When it was filed.' })
  requestedAt!: Date;

  @Field(() => String, {
    description: "The official's reason; null while pending.",
    nullable: true,
  })
  decisionReason!: string | null;

  @Field(() => String, {
    description: "The deciding administrator's e-mail address; null while pending.",
    nullable: true,
  })
  decidedBy!: string | null;

  @Field(() => Date, { description: 'When it was decided; null while pending.', nullable: true })
  decidedAt!: Date | null;
}

@ObjectType('CareHoursRequestConnection', {
  description:
    "A page of the town's care-time requests, newest first (docs/graphql.md, Lists: connections).",
})
export class CareHoursRequestConnection extends ConnectionType(
  CareHoursRequestDto,
  'CareHoursRequest',
) {}

@InputType({ description: 'A decision on a pending care request.' })
export class DecideCareHoursRequestInput {
  @Field(() => ID, { description: 'The request (CareHoursRequest.id).' })
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

@ObjectType({ description: 'A decided care request and, when approved, the balance.' })
export class CareHoursRequestDecision {
  @Field(() => CareHoursRequestDto, { description: 'The request as decided.' })
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
