import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { CapPeriod } from '@parkeer/domain/balance/top-up-policy';
import type { WaiverStatus } from '@parkeer/domain/eligibility/goodwill-waiver';
import { FineWaiverStatusEnum } from './request.types.js';

// ---- What the holder sends ----

@InputType({ description: 'A waiver request the holder files.' })
export class RequestFineWaiverInput {
  @Field(() => ID, { description: "The holder's permit (Product.id)." })
  permitId!: string;

  @Field(() => String, { description: 'The number on the fine.' })
  fineReference!: string;

  @Field(() => String, { description: "The date on the fine, 'YYYY-MM-DD'." })
  fineDate!: string;

  @Field(() => String, { description: "The fined vehicle's Dutch plate." })
  plate!: string;

  @Field(() => String, {
    description: 'Why the fine should be waived (e.g. the visitor could not be registered).',
  })
  reason!: string;

  @Field(() => String, {
    description: 'Unique per attempt; a retry with the same key returns the request filed first.',
  })
  idempotencyKey!: string;
}

@InputType({ description: 'A request for informal-care time.' })
export class RequestCareHoursInput {
  @Field(() => ID, { description: "The holder's permit (Product.id)." })
  permitId!: string;

  @Field(() => Int, { description: 'Minutes asked for; at most what the care cap has left.' })
  minutes!: number;

  @Field(() => String, {
    description: "What the carer's statement says, or where it is filed. Required.",
  })
  carerStatement!: string;

  @Field(() => String, {
    description: 'Unique per attempt; a retry with the same key returns the request filed first.',
  })
  idempotencyKey!: string;
}

// ---- What the holder sees ----

@ObjectType('OwnFineWaiver', { description: "A goodwill waiver request on the viewer's permit." })
export class OwnFineWaiverDto {
  @Field(() => ID, { description: 'The request.' })
  id!: string;

  @Field(() => ID, { description: 'The permit (Product.id).' })
  permitId!: string;

  @Field(() => String, { description: "The fine's number." })
  fineReference!: string;

  @Field(() => String, { description: "'YYYY-MM-DD'" })
  fineDate!: string;

  @Field(() => String, {
    description: 'The fined plate as the holder gave it; null when filed at the counter.',
    nullable: true,
  })
  plate!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The holder's reason; none when filed at the counter.",
  })
  reason!: string | null;

  @Field(() => FineWaiverStatusEnum, { description: 'Pending, approved or refused.' })
  status!: WaiverStatus;

  @Field(() => Date, { description: 'When it was filed.' })
  requestedAt!: Date;

  @Field(() => String, { nullable: true, description: "The town's reason for its decision." })
  decisionReason!: string | null;

  @Field(() => Date, { description: 'When it was decided; null while pending.', nullable: true })
  decidedAt!: Date | null;
}

@ObjectType('OwnCareRequest', {
  description: "A request for informal-care time on the viewer's permit.",
})
export class OwnCareRequestDto {
  @Field(() => ID, { description: 'The request.' })
  id!: string;

  @Field(() => ID, { description: 'The permit (Product.id).' })
  permitId!: string;

  @Field(() => Int, { description: 'Minutes asked for.' })
  minutes!: number;

  @Field(() => String, { description: "What the carer's statement says, or where it is filed." })
  carerStatement!: string;

  @Field(() => FineWaiverStatusEnum, { description: 'Pending, approved or refused.' })
  status!: WaiverStatus;

  @Field(() => Date, { description: 'When it was filed.' })
  requestedAt!: Date;

  @Field(() => String, { nullable: true, description: "The town's reason for its decision." })
  decisionReason!: string | null;

  @Field(() => Date, { description: 'When it was decided; null while pending.', nullable: true })
  decidedAt!: Date | null;
}

export const CarePeriodEnum = {
  calendarYear: 'calendarYear',
  permitYear: 'permitYear',
} as const satisfies Record<CapPeriod, CapPeriod>;
registerEnumType(CarePeriodEnum, {
  name: 'CarePeriod',
  description: 'The period a care cap counts over.',
  valuesConfig: {
    calendarYear: { description: 'January to December.' },
    permitYear: { description: "A year from the permit's first day." },
  },
});

@ObjectType({
  description: 'The goodwill scheme (docs/rules.md §9), for the form to check before sending.',
})
export class WaiverScheme {
  @Field(() => Int, { description: 'Waivers a permit may get per calendar year.' })
  perCalendarYear!: number;

  @Field(() => Int, { description: "Months after the fine's date within which to ask." })
  requestWithinMonths!: number;
}

@ObjectType({ description: 'Care time granted or still asked for: what the cap counts.' })
export class CareCounted {
  @Field(() => Date, { description: 'When it was granted or asked.' })
  at!: Date;

  @Field(() => Int, { description: 'Minutes.' })
  minutes!: number;
}

@ObjectType({ description: 'The care cap (docs/rules.md §4) and what counts against it now.' })
export class CareScheme {
  @Field(() => CarePeriodEnum, { description: 'What the cap counts over.' })
  period!: CapPeriod;

  @Field(() => Int, { description: 'The cap per period, in minutes.' })
  limitMinutes!: number;

  @Field(() => String, { description: "The permit's first day, 'YYYY-MM-DD' (permit years)." })
  permitStart!: string;

  @Field(() => [CareCounted], { description: 'Grants and pending requests.' })
  counted!: CareCounted[];

  @Field(() => Int, { description: 'What may still be asked for in the current period.' })
  remainingMinutes!: number;

  @Field(() => String, { description: "When the next period starts, 'YYYY-MM-DD'." })
  nextPeriodStart!: string;
}

@ObjectType({ description: 'The requests a holder may file on their own permit, and those filed.' })
export class PermitRequests {
  @Field(() => ID, { description: 'The permit (Product.id).' })
  permitId!: string;

  @Field(() => String, { description: "The town's time zone: the rules' dates are local there." })
  timeZone!: string;

  @Field(() => WaiverScheme, { nullable: true, description: 'Null: no goodwill waivers here.' })
  waiver!: WaiverScheme | null;

  @Field(() => CareScheme, { nullable: true, description: 'Null: no care time on this product.' })
  care!: CareScheme | null;

  @Field(() => [OwnFineWaiverDto], { description: 'Newest first.' })
  fineWaivers!: OwnFineWaiverDto[];

  @Field(() => [OwnCareRequestDto], { description: 'Newest first.' })
  careRequests!: OwnCareRequestDto[];
}
