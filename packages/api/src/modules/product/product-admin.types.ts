import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import { ProductKindEnum } from './product.types.js';
import type { ProductKind } from '@parkeer/domain/product/product-kinds';

@ObjectType({
  description: "A product's session rules as the municipality set them (docs/rules.md §5).",
})
export class SessionPolicySettings {
  @Field(() => Int, { nullable: true, description: 'Null: no maximum.' })
  maxDurationMinutes!: number | null;

  @Field(() => String, { description: "'endOfDay', 'maxDuration' or 'endOfPaidHours'." })
  defaultEnd!: string;

  @Field(() => String, {
    description:
      "The latest end: 'none', 'endOfDay' (end-of-day deactivation) or 'endOfPaidHours'.",
  })
  latestEnd!: string;

  @Field(() => Int, { nullable: true, description: 'Sessions at once; null: no maximum.' })
  maxConcurrentSessions!: number | null;

  @Field(() => String, { description: "'refuseWithProposal' or 'runToZero'." })
  insufficientBalance!: string;

  @Field(() => [Int], { description: 'ISO weekdays on which the product is not valid.' })
  invalidWeekdays!: number[];

  @Field(() => Int, { description: 'How far in the past a session may start, in minutes.' })
  pastStartToleranceMinutes!: number;
}

@ObjectType('LocalizedText', { description: 'A text in both languages of the app.' })
export class LocalizedTextDto {
  @Field(() => String, { description: 'In Dutch.' })
  nl!: string;

  @Field(() => String, { description: 'In English.' })
  en!: string;
}

@ObjectType('CounterDocumentSetting', {
  description: 'A document the applicant uploads, always or only in one review case.',
})
export class CounterDocumentSettingDto {
  @Field(() => String, { description: "Stable key, e.g. 'leaseContract'." })
  code!: string;

  @Field(() => LocalizedTextDto, { description: 'What the applicant is asked to upload.' })
  name!: LocalizedTextDto;

  @Field(() => String, {
    nullable: true,
    description: "The review case it is asked in ('leaseCar', …); null: always.",
  })
  when!: string | null;
}

@ObjectType('CounterSettings', {
  description: "A product type's settings at the permit counter (docs/rules.md §1).",
})
export class CounterSettingsDto {
  @Field(() => Int, { description: 'Price of one term in euro cents (0: only the fee).' })
  pricePerTermCents!: number;

  @Field(() => String, { description: "'day', 'month', 'quarter', 'halfYear' or 'year'." })
  period!: string;

  @Field(() => String, {
    description: "'rolling' (a whole period from the start) or 'calendar' (to the period's end).",
  })
  alignment!: string;

  @Field(() => Boolean, { description: "Whether the town's administration fee is added." })
  chargesAdministrationFee!: boolean;

  @Field(() => String, {
    description: "Refund on an early end: 'none', 'wholeMonths' or 'days'.",
  })
  proRataRefund!: string;

  @Field(() => Int, { description: 'Fee for another plate in cents; 0: free.' })
  plateChangeFeeCents!: number;

  @Field(() => Int, { description: 'Plates one permit may carry (one active at a time).' })
  maxPlates!: number;

  @Field(() => Boolean, { description: 'Whether the applicant registers plates at all.' })
  requiresPlate!: boolean;

  @Field(() => Int, { description: 'A renewal can be bought this many days before the end.' })
  renewalWindowDays!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The reminder mail goes this many days before the end; null: none.',
  })
  reminderDaysBefore!: number | null;

  @Field(() => Int, { description: 'Latest start date offered, in days from today.' })
  maxDaysAhead!: number;

  @Field(() => [String], {
    description: "Cases an official decides: 'leaseCar', 'companyCar', 'privateParking', 'other'.",
  })
  reviewCases!: string[];

  @Field(() => [CounterDocumentSettingDto], { description: 'Documents the applicant uploads.' })
  documents!: CounterDocumentSettingDto[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Every application waits for an official who reads its documents (a care permit); null or false: only review cases do.',
  })
  alwaysReviewed?: boolean | null;
}

@ObjectType({ description: 'A product type with every policy setting.' })
export class AdminProductType {
  @Field(() => ID, { description: 'The product type.' })
  id!: string;

  @Field(() => String, { description: "Its code, e.g. 'visitor-permit'." })
  code!: string;

  @Field(() => ProductKindEnum, { description: 'What kind of permit it is.' })
  kind!: ProductKind;

  @Field(() => String, { description: 'Its name in Dutch.' })
  nameNl!: string;

  @Field(() => String, { description: 'Its name in English.' })
  nameEn!: string;

  @Field(() => BalanceUnitEnum, { nullable: true, description: 'Null: a right, no balance.' })
  balanceUnit!: BalanceUnit | null;

  @Field(() => Boolean, { description: 'Holders may lend balance to others.' })
  delegationAllowed!: boolean;

  @Field(() => SessionPolicySettings, {
    description: 'Its session rules; null: no sessions.',
    nullable: true,
  })
  sessionPolicy!: SessionPolicySettings | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Top-up rules (docs/rules.md §4): unit, amounts (block size), pricing (block prices per zone and holder type, dated), maxBalanceForTopUp (threshold), cap, applicationFees, careGrant, unusedBalance.',
  })
  topUpPolicy!: Record<string, unknown> | null;

  @Field(() => CounterSettingsDto, {
    nullable: true,
    description: 'How the permit counter sells it; null: not offered at the counter.',
  })
  counter!: CounterSettingsDto | null;

  @Field(() => VehicleSizeLimitsDto, {
    nullable: true,
    description:
      'Above either limit a vehicle is large (docs/rules.md §2 vehicle category); null: 3500 kg and 600 cm.',
  })
  vehicleSizeLimits!: VehicleSizeLimitsDto | null;

  @Field(() => String, {
    description: "A foreign plate (not in RDW): 'review' (an official decides) or 'accept'.",
  })
  foreignPlates!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Plates a flexible business permit lists; null for other products.',
  })
  maxListedPlates!: number | null;

  @Field(() => String, {
    description:
      "Where its permits are valid (docs/rules.md §1 care permit): 'ownZone', 'allZones' (every zone of the town) or 'listedZones' (its own and `validZoneCodes`).",
  })
  validIn!: string;

  @Field(() => [String], { description: "The listed zones' codes; empty unless listedZones." })
  validZoneCodes!: string[];

  @Field(() => [String], {
    description:
      "Who may apply for and hold it (docs/rules.md §2 who may apply): 'resident', 'business' or both.",
  })
  holderTypes!: string[];

  @Field(() => Int, {
    nullable: true,
    description: 'Active permits of this type one resident address may hold; null: no limit.',
  })
  maxPerAddress!: number | null;

  @Field(() => Boolean, {
    description:
      'The database holds it to one active permit per address (a visitor permit): maxPerAddress stays 1.',
  })
  onePerAddress!: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'Active permits of this type one business (its KvK number) may hold; null: no limit.',
  })
  maxPerBusiness!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Active permits of this type one business may hold at one establishment; null: no limit.',
  })
  maxPerEstablishment!: number | null;

  @Field(() => Int, { description: 'Permits of this type, any status.' })
  permitCount!: number;
}

@ObjectType('VehicleSizeLimits', {
  description: 'Where a town draws the line for a large vehicle.',
})
export class VehicleSizeLimitsDto {
  @Field(() => Int, { description: 'Largest maximum mass of an ordinary vehicle, kg.' })
  maxMassKg!: number;

  @Field(() => Int, { description: 'Longest ordinary vehicle, cm.' })
  maxLengthCm!: number;
}

@InputType({ description: 'Where a town draws the line for a large vehicle.' })
export class VehicleSizeLimitsInput {
  @Field(() => Int, { description: 'kg, 1 to 60000.' })
  maxMassKg!: number;

  @Field(() => Int, { description: 'cm, 1 to 3000.' })
  maxLengthCm!: number;
}

@InputType({
  description: "A product's session rules; see SessionPolicySettings for each field's meaning.",
})
export class SessionPolicyInput {
  @Field(() => Int, { description: 'Null: no maximum.', nullable: true })
  maxDurationMinutes!: number | null;

  @Field(() => String, { description: "'endOfDay', 'maxDuration' or 'endOfPaidHours'." })
  defaultEnd!: string;

  @Field(() => String, { description: "'none', 'endOfDay' or 'endOfPaidHours'." })
  latestEnd!: string;

  @Field(() => Int, { description: 'Null: no maximum.', nullable: true })
  maxConcurrentSessions!: number | null;

  @Field(() => String, { description: "'refuseWithProposal' or 'runToZero'." })
  insufficientBalance!: string;

  @Field(() => [Int], {
    description: 'ISO weekdays (1 Monday … 7 Sunday) on which the product is not valid.',
  })
  invalidWeekdays!: number[];

  @Field(() => Int, { description: 'How far in the past a session may start, in minutes.' })
  pastStartToleranceMinutes!: number;
}

@InputType({ description: 'A text in both languages of the app.' })
export class LocalizedTextInput {
  @Field(() => String, { description: 'In Dutch.' })
  nl!: string;

  @Field(() => String, { description: 'In English.' })
  en!: string;
}

@InputType({ description: 'A document the applicant uploads, always or in one review case.' })
export class CounterDocumentSettingInput {
  @Field(() => String, {
    description: "Stable key: letters, digits, - and _, e.g. 'leaseContract'.",
  })
  code!: string;

  @Field(() => LocalizedTextInput, {
    description: 'What the applicant is asked to upload, in both languages.',
  })
  name!: LocalizedTextInput;

  @Field(() => String, {
    nullable: true,
    description: 'A review case the product accepts; null: always asked.',
  })
  when!: string | null;
}

@InputType({
  description: "A product type's counter settings; see CounterSettings for each field's meaning.",
})
export class CounterSettingsInput {
  @Field(() => Int, { description: 'Price of one term in euro cents (0: only the fee).' })
  pricePerTermCents!: number;

  @Field(() => String, { description: "'day', 'month', 'quarter', 'halfYear' or 'year'." })
  period!: string;

  @Field(() => String, { description: "'rolling' or 'calendar'." })
  alignment!: string;

  @Field(() => Boolean, { description: "Whether the town's administration fee is added." })
  chargesAdministrationFee!: boolean;

  @Field(() => String, { description: "'none', 'wholeMonths' or 'days'." })
  proRataRefund!: string;

  @Field(() => Int, { description: 'Fee for another plate in euro cents; 0: free.' })
  plateChangeFeeCents!: number;

  @Field(() => Int, { description: 'Plates one permit may carry.' })
  maxPlates!: number;

  @Field(() => Boolean, { description: 'Whether the applicant registers plates.' })
  requiresPlate!: boolean;

  @Field(() => Int, { description: 'Days before the end a renewal can be bought.' })
  renewalWindowDays!: number;

  @Field(() => Int, {
    description: 'Days before the end the reminder mail goes; null: none.',
    nullable: true,
  })
  reminderDaysBefore!: number | null;

  @Field(() => Int, { description: 'Latest start date offered, in days from today.' })
  maxDaysAhead!: number;

  @Field(() => [String], { description: "'leaseCar', 'companyCar', 'privateParking', 'other'." })
  reviewCases!: string[];

  @Field(() => [CounterDocumentSettingInput], { description: 'Documents the applicant uploads.' })
  documents!: CounterDocumentSettingInput[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Every application waits for an official; null or false: only review cases do.',
  })
  alwaysReviewed?: boolean | null;
}

@InputType({
  description:
    'Who may apply for a product type and how many active permits one holder may have (docs/rules.md §2 who may apply).',
})
export class ApplicantRulesInput {
  @Field(() => [String], { description: "'resident', 'business' or both; at least one." })
  holderTypes!: string[];

  @Field(() => Int, { nullable: true, description: 'Per resident address, 1 to 100; null: none.' })
  maxPerAddress!: number | null;

  @Field(() => Int, { nullable: true, description: 'Per business, 1 to 100; null: no limit.' })
  maxPerBusiness!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Per establishment of a business, 1 to 100; null: no limit.',
  })
  maxPerEstablishment!: number | null;
}

@InputType({ description: 'Every setting of a product type; it replaces the stored ones.' })
export class ProductSettingsInput {
  @Field(() => String, { description: 'Its name in Dutch.' })
  nameNl!: string;

  @Field(() => String, { description: 'Its name in English.' })
  nameEn!: string;

  @Field(() => Boolean, { description: 'Holders may lend balance to others.' })
  delegationAllowed!: boolean;

  @Field(() => SessionPolicyInput, { nullable: true, description: 'Null: no sessions.' })
  sessionPolicy!: SessionPolicyInput | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Null: no top-ups.' })
  topUpPolicy!: Record<string, unknown> | null;

  @Field(() => CounterSettingsInput, {
    nullable: true,
    description:
      'Null: not offered at the permit counter; left out: kept as stored. Validated as a whole; problems name paths such as `counter.pricePerTermCents`.',
  })
  counter?: CounterSettingsInput | null;

  @Field(() => VehicleSizeLimitsInput, {
    nullable: true,
    description: 'Null: 3500 kg and 600 cm; left out: kept as stored.',
  })
  vehicleSizeLimits?: VehicleSizeLimitsInput | null;

  @Field(() => String, { nullable: true, description: "'review' or 'accept'; left out: kept." })
  foreignPlates?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'A flexible business permit only, 1 to 100; left out: kept.',
  })
  maxListedPlates?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "'ownZone', 'allZones' or 'listedZones' (plate permits only); left out: kept.",
  })
  validIn?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "The town's zone codes for listedZones; left out: kept.",
  })
  validZoneCodes?: string[] | null;

  @Field(() => ApplicantRulesInput, {
    nullable: true,
    description:
      'Who may apply and how many per address, business and establishment; left out: kept.',
  })
  applicants?: ApplicantRulesInput | null;
}

@ObjectType({ description: 'An hourly tariff of a product in a zone for a period of local dates.' })
export class AdminTariff {
  @Field(() => ID, { description: 'The tariff period.' })
  id!: string;

  @Field(() => ID, { description: 'The zone.' })
  zoneId!: string;

  @Field(() => String, { description: "The zone's code." })
  zoneCode!: string;

  @Field(() => String, { description: 'First local date, YYYY-MM-DD.' })
  validFrom!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The date the next period starts (exclusive); null: open-ended.',
  })
  validUntil!: string | null;

  @Field(() => Int, { description: 'Price of an hour of paid parking, in euro cents.' })
  centsPerHour!: number;
}

@InputType({ description: 'A new price from a date on; the period before it ends that day.' })
export class TariffChangeInput {
  @Field(() => ID, { description: 'The product type (AdminProductType.id).' })
  productTypeId!: string;

  @Field(() => ID, { description: 'The zone (AdminZone.id).' })
  zoneId!: string;

  @Field(() => String, { description: 'Local date YYYY-MM-DD, tomorrow at the earliest.' })
  validFrom!: string;

  @Field(() => Int, { description: 'Price of an hour of paid parking, in euro cents.' })
  centsPerHour!: number;
}
