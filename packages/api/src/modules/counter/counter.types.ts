import { useName } from '../../graphql/renamed-argument.js';
import { deprecatedForCode, Refusal } from '../../graphql/refusal.js';
import { registryNames, type RegistryName } from '../registry/registry-names.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import {
  createUnionType,
  Field,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import {
  departedHolderReasons,
  type DepartedHolderReason,
} from '@parkeer/domain/eligibility/departed-holder';
import type { MessageParams } from '@parkeer/shared/messages/error-catalogue';
import {
  permitPeriods,
  reviewCases,
  type PermitPeriod,
  type ReviewCase,
} from '@parkeer/domain/counter/counter-settings';
import {
  applicationKinds,
  applicationStatuses,
  type ApplicationKind,
  type ApplicationStatus,
} from '../../model/permit-application.entity.js';
import { ApplicationDocumentDto, PermitLetterDto } from '../letter/letter.types.js';
import { PaymentMethodEnum } from '../payment/payment.types.js';
import type { PaymentMethod } from '../../model/payment.entity.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;

export const PermitPeriodEnum = enumOf(permitPeriods);
registerEnumType(PermitPeriodEnum, {
  name: 'PermitPeriod',
  description:
    'How long one term of a permit runs: a day, a month, a quarter, half a year or a year.',
  valuesConfig: {
    day: { description: 'One day.' },
    month: { description: 'One month.' },
    quarter: { description: 'Three months.' },
    halfYear: { description: 'Six months.' },
    year: { description: 'One year.' },
  },
});

export const ReviewCaseEnum = enumOf(reviewCases);
registerEnumType(ReviewCaseEnum, {
  name: 'ReviewCase',
  description:
    'A situation the rules cannot decide alone (docs/rules.md §1): a lease car, a company car, a private parking space, or something else. The applicant explains it and an official decides after payment.',
  valuesConfig: {
    leaseCar: { description: 'The plate is a lease car, registered to the lease company.' },
    companyCar: { description: 'The plate is a company car, registered to the employer.' },
    privateParking: { description: 'The applicant has a private parking space but asks anyway.' },
    other: { description: 'Something else the applicant explains.' },
  },
});

export const RegistryEnum = enumOf(registryNames);
registerEnumType(RegistryEnum, {
  name: 'Registry',
  description:
    'A national registry the counter asks (docs/rules.md §2): `brp` the population register (Haal Centraal BRP bevragen), `bag` addresses and buildings, `rdw` vehicles, `kvk` businesses.',
  valuesConfig: {
    brp: { description: 'The population register (Haal Centraal BRP bevragen).' },
    bag: { description: 'Addresses and buildings (BAG).' },
    rdw: { description: 'Vehicles (RDW).' },
    kvk: { description: 'Businesses (KvK).' },
  },
});

export const ReviewReasonEnum = enumOf(departedHolderReasons);
registerEnumType(ReviewReasonEnum, {
  name: 'ReviewReason',
  description:
    "A rule that sends an application to an official instead of refusing it (docs/rules.md §2 departed holder): `holderNotRegisteredAtAddress` the address's place is held by someone the population register no longer has living there; `registerUnanswered` the register did not answer when asked.",
  valuesConfig: {
    holderNotRegisteredAtAddress: {
      description:
        "The address's place is held by someone the population register no longer has living there.",
    },
    registerUnanswered: { description: 'The population register did not answer when asked.' },
  },
});

export const ApplicationKindEnum = enumOf(applicationKinds);
registerEnumType(ApplicationKindEnum, {
  name: 'ApplicationKind',
  description:
    'What is asked: a new permit, the next term of a permit (renewal), or another plate (plateChange).',
  valuesConfig: {
    new: { description: 'A new permit.' },
    renewal: { description: 'The next term of a permit.' },
    plateChange: { description: 'Another plate on a permit.' },
  },
});

export const ApplicationStatusEnum = enumOf(applicationStatuses);
registerEnumType(ApplicationStatusEnum, {
  name: 'ApplicationStatus',
  description:
    "waitlisted: the zone's quota is full, it waits its turn (docs/rules.md §2 quotas); offered: a place is offered, to be paid before offerExpiresAt; awaitingPayment: at the payment provider; awaitingReview: paid, an official decides; granted: in effect; refused: by an official (paid money goes back); cancelled: the payment failed, expired or was cancelled, or an offer lapsed.",
  valuesConfig: {
    waitlisted: {
      description: "The zone's quota is full: it waits its turn (docs/rules.md §2 quotas).",
    },
    offered: { description: 'A place is offered, to be paid before offerExpiresAt.' },
    awaitingPayment: { description: 'At the payment provider.' },
    awaitingReview: { description: 'Paid; an official decides.' },
    granted: { description: 'In effect.' },
    refused: { description: 'Refused by an official; paid money goes back.' },
    cancelled: { description: 'The payment failed, expired or was cancelled, or an offer lapsed.' },
  },
});

@ObjectType({ description: 'A document the permit type asks the applicant to upload.' })
export class DocumentRequirementDto {
  @Field(() => String, {
    description: "Stable key, e.g. leaseContract: give it as the upload's requirement.",
  })
  code!: string;

  @Field(() => String, { description: "The document's name in the viewer's language." })
  name!: string;

  @Field(() => ReviewCaseEnum, {
    nullable: true,
    description: 'Only asked in this review case; null: always asked.',
  })
  when!: ReviewCase | null;
}

@ObjectType('CounterRefusal', {
  implements: Refusal,
  description: 'One rule that refuses, with its message.',
})
export class CounterRefusalDto implements Refusal {
  @Field(() => String, {
    description: 'The rule: a code of the error catalogue (ELIGIBILITY_*, COUNTER_*, PLATE_*).',
    deprecationReason: deprecatedForCode,
  })
  rule!: string;

  @Field(() => String, {
    description: 'The rule: a code of the error catalogue (ELIGIBILITY_*, COUNTER_*, PLATE_*).',
  })
  get code(): string {
    return this.rule;
  }

  @Field(() => String, { description: "Why, in the viewer's language." })
  message!: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The values in the message (dates YYYY-MM-DD, amounts in cents).',
  })
  params!: MessageParams | null;
}

@ObjectType('PermitOffer', {
  description: 'A permit type the applicant may apply for at the counter, or why not now.',
})
export class PermitOfferDto {
  @Field(() => String, { description: "The product type's code: give it as productTypeCode." })
  productTypeCode!: string;

  @Field(() => String, {
    description: 'The kind of product: residentPermit, businessPermit, visitorPermit, …',
  })
  kind!: string;

  @Field(() => String, { description: "The permit type's name in the viewer's language." })
  name!: string;

  @Field(() => PermitPeriodEnum, { description: 'How long one term runs.' })
  period!: PermitPeriod;

  @Field(() => Int, {
    description:
      'Price of a whole term in cents; a shorter calendar-aligned first term costs less (see the quote).',
  })
  pricePerTermCents!: number;

  @Field(() => Int, { description: 'The administration fee (leges) added, in cents.' })
  administrationFeeCents!: number;

  @Field(() => Boolean, {
    description: 'Whether the application names a plate (a visitor permit does not).',
  })
  requiresPlate!: boolean;

  @Field(() => Int, { description: 'Plates the permit may carry; one is active at a time.' })
  maxPlates!: number;

  @Field(() => Int, { description: 'The latest start date offered, in days from today.' })
  maxDaysAhead!: number;

  @Field(() => [ReviewCaseEnum], {
    description: 'Situations an official reviews for this permit instead of a refusal.',
  })
  reviewCases!: ReviewCase[];

  @Field(() => [DocumentRequirementDto], { description: 'Documents the applicant uploads.' })
  documents!: DocumentRequirementDto[];

  @Field(() => String, {
    nullable: true,
    description: 'The parking zone of the chosen address, when known.',
  })
  zoneCode!: string | null;

  @Field(() => Boolean, { description: 'False: `refusals` say which rules refuse it now.' })
  available!: boolean;

  @Field(() => [CounterRefusalDto], {
    description: 'Every rule that refuses it; empty when available.',
  })
  refusals!: CounterRefusalDto[];
}

@InputType({ description: 'A licence plate as the applicant typed it.' })
export class CounterPlateInput {
  @Field(() => String, { description: 'The plate, with or without dashes.' })
  plate!: string;

  @Field(() => String, {
    nullable: true,
    defaultValue: 'NL',
    description: 'ISO 3166-1 alpha-2 country of the plate; NL by default.',
  })
  country?: string | null;
}

@InputType({ description: 'An application as filled in at the counter.' })
export class PermitApplicationInput {
  @Field(() => String, { description: 'The permit type, from permitOffers.' })
  productTypeCode!: string;

  @Field(() => String, {
    description: "The applicant's address key (the address table of the town).",
  })
  addressKey!: string;

  @Field(() => [CounterPlateInput], {
    description: 'The plates, the first one active; empty when the permit takes no plate.',
  })
  plates!: CounterPlateInput[];

  @Field(() => String, {
    nullable: true,
    description: "First day, YYYY-MM-DD in the town's time zone; today when left out.",
  })
  startsOn?: string | null;

  @Field(() => ReviewCaseEnum, {
    nullable: true,
    description: 'A situation the applicant asks an official to review; needs an explanation.',
  })
  reviewCase?: ReviewCase | null;

  @Field(() => String, {
    nullable: true,
    description: "The applicant's explanation for the official.",
  })
  explanation?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Uploads (POST /documents) of the applicant, attached to the application.',
  })
  documentIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Where the letter and mails go; the account's e-mail when left out.",
  })
  contactEmail?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A business's establishment (KvK vestigingsnummer, from businessEstablishments) whose address is addressKey; a business's address must be one of its establishments' (docs/rules.md §2).",
  })
  establishmentNumber?: string | null;
}

@InputType({ description: 'Applying, with the key that makes a retry safe.' })
export class ApplyForPermitInput {
  @Field(() => PermitApplicationInput, { description: 'The application.' })
  application!: PermitApplicationInput;

  @Field(() => String, { description: 'New for each application, the same for each retry of it.' })
  idempotencyKey!: string;

  @Field(() => PaymentMethodEnum, {
    nullable: true,
    description:
      "How it is paid: 'ideal' or 'card'; left out: iDEAL. A retry with the key must name the same.",
  })
  paymentMethod?: PaymentMethod | null;
}

@ObjectType('PermitApplicationQuote', { description: 'What an application would give and cost.' })
export class PermitApplicationQuoteDto {
  @Field(() => Date, { description: 'When the permit (or the new term) starts.' })
  validFrom!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'The local midnight the term ends (shown as 23:59:59 of the day before).',
  })
  validUntil!: Date | null;

  @Field(() => Int, { description: 'The price of the term in cents.' })
  priceCents!: number;

  @Field(() => Int, { description: 'The administration fee in cents.' })
  feeCents!: number;

  @Field(() => Int, { description: 'What is paid now: price plus fee.' })
  totalCents!: number;

  @Field(() => Boolean, { description: 'True: an official decides after payment (a review case).' })
  needsReview!: boolean;

  @Field(() => [ReviewCaseEnum], { description: 'The review cases an official decides.' })
  reviewCases!: ReviewCase[];

  @Field(() => [RegistryEnum], {
    description:
      'Registries that could not answer now: an official checks by hand what they would have said, after payment.',
  })
  unansweredRegistries!: RegistryName[];

  @Field(() => [ReviewReasonEnum], {
    description:
      'Rules that send it to an official after payment instead of refusing it (docs/rules.md §2 departed holder).',
  })
  reviewReasons!: DepartedHolderReason[];
}

@ObjectType('PermitApplicationRefused', {
  implements: Refusal,
  description: 'The rules refuse: the first rule, and every rule that refuses. Nothing is stored.',
})
export class PermitApplicationRefusedDto implements Refusal {
  @Field(() => String, {
    description: 'The first rule that refuses (a code of the error catalogue).',
    deprecationReason: deprecatedForCode,
  })
  rule!: string;

  @Field(() => String, {
    description: 'The first rule that refuses (a code of the error catalogue).',
  })
  get code(): string {
    return this.rule;
  }

  @Field(() => String, { description: "Its message in the viewer's language." })
  message!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The values in the message.' })
  params!: MessageParams | null;

  @Field(() => [CounterRefusalDto], { description: 'Every rule that refuses, the first included.' })
  reasons!: CounterRefusalDto[];
}

export const PermitApplicationQuoteResult = createUnionType({
  name: 'PermitApplicationQuoteResult',
  description: 'The quote, or the rules that refuse.',
  types: () => [PermitApplicationQuoteDto, PermitApplicationRefusedDto] as const,
  resolveType: (value) =>
    value instanceof PermitApplicationRefusedDto
      ? PermitApplicationRefusedDto
      : PermitApplicationQuoteDto,
});

@ObjectType('PermitApplication', { description: 'One application at the permit counter.' })
export class PermitApplicationDto {
  @Field(() => ID, { description: 'The application; its page is /loket/aanvraag/<id>.' })
  id!: string;

  @Field(() => ApplicationKindEnum, { description: 'New permit, renewal or plate change.' })
  kind!: ApplicationKind;

  @Field(() => ApplicationStatusEnum, { description: 'Where it stands.' })
  status!: ApplicationStatus;

  @Field(() => String, { description: "The permit type's code." })
  productTypeCode!: string;

  @Field(() => String, { description: "The permit type's name in the viewer's language." })
  productName!: string;

  @Field(() => String, { nullable: true, description: 'The parking zone of the permit.' })
  zoneCode!: string | null;

  @Field(() => String, { description: "The applicant's address as printed." })
  addressLabel!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The business's establishment (KvK vestigingsnummer) the permit is for; null for a resident.",
  })
  establishmentNumber!: string | null;

  @Field(() => [String], { description: 'The plates as shown (with dashes), the active first.' })
  plates!: string[];

  @Field(() => Date, { description: 'When the permit (or its new term, or its new plate) starts.' })
  validFrom!: Date;

  @Field(() => Date, { nullable: true, description: 'When the term applied for ends.' })
  validUntil!: Date | null;

  @Field(() => Int, { description: 'Price in cents.' })
  priceCents!: number;

  @Field(() => Int, { description: 'Administration fee in cents.' })
  feeCents!: number;

  @Field(() => Int, { description: 'Price plus fee in cents: what is (or was) paid.' })
  totalCents!: number;

  @Field(() => [ReviewCaseEnum], {
    description: 'What an official reviews; empty: the rules decided.',
  })
  reviewCases!: ReviewCase[];

  @Field(() => [RegistryEnum], {
    description:
      'Registries that could not answer when it was filed: an official checks by hand what they would have said.',
  })
  unansweredRegistries!: RegistryName[];

  @Field(() => [ReviewReasonEnum], {
    description:
      'Rules that sent it to an official instead of refusing it (docs/rules.md §2 departed holder).',
  })
  reviewReasons!: DepartedHolderReason[];

  @Field(() => String, { nullable: true, description: "The applicant's explanation." })
  explanation!: string | null;

  @Field(() => String, { nullable: true, description: "The official's reason for the decision." })
  decisionReason!: string | null;

  @Field(() => Date, { description: 'When it was filed.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was granted, refused or cancelled.' })
  decidedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The permit it made or changes, once known.' })
  permitId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The payment: open, paid, cancelled, failed, expired or refunded; null when nothing was paid.',
  })
  paymentStatus!: string | null;

  @Field(() => PaymentMethodEnum, {
    nullable: true,
    description:
      'How it was paid, or is being paid: the method chosen on the review step (docs/rules.md §1 payment method); null when nothing was paid.',
  })
  paymentMethod!: PaymentMethod | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where to pay, while awaitingPayment and the provider still takes it.',
  })
  checkoutUrl!: string | null;

  @Field(() => [PermitLetterDto], { description: 'Its decision letters.' })
  letters!: PermitLetterDto[];

  @Field(() => [ApplicationDocumentDto], { description: 'The documents uploaded with it.' })
  documents!: ApplicationDocumentDto[];
}

@ObjectType('PermitApplicationSubmitted', {
  description: 'The application as stored; pay at checkoutUrl (null: nothing to pay).',
})
export class PermitApplicationSubmittedDto {
  @Field(() => PermitApplicationDto, { description: 'The application as stored.' })
  application!: PermitApplicationDto;

  @Field(() => String, {
    nullable: true,
    description: 'Send the browser here to pay; null when it was free (granted or under review).',
  })
  checkoutUrl!: string | null;
}

export const ApplyForPermitResult = createUnionType({
  name: 'ApplyForPermitResult',
  description: 'The stored application, or the rules that refuse it.',
  types: () => [PermitApplicationSubmittedDto, PermitApplicationRefusedDto] as const,
  resolveType: (value) =>
    value instanceof PermitApplicationRefusedDto
      ? PermitApplicationRefusedDto
      : PermitApplicationSubmittedDto,
});

export const PermitChangeResult = createUnionType({
  name: 'PermitChangeResult',
  description: 'The renewal or plate change as stored, or the rules that refuse it.',
  types: () => [PermitApplicationSubmittedDto, PermitApplicationRefusedDto] as const,
  resolveType: (value) =>
    value instanceof PermitApplicationRefusedDto
      ? PermitApplicationRefusedDto
      : PermitApplicationSubmittedDto,
});

@ObjectType('CounterPermit', { description: 'A permit of the viewer as the counter shows it.' })
export class CounterPermitDto {
  @Field(() => ID, { description: 'The permit (Product.id, AdminPermit.id: the same id).' })
  id!: string;

  @Field(() => ID, {
    description: 'The permit (its product id elsewhere in the API).',
    deprecationReason: useName('id'),
  })
  permitId!: string;

  @Field(() => String, { description: "The permit type's code." })
  productTypeCode!: string;

  @Field(() => String, { description: "The permit type's name in the viewer's language." })
  productName!: string;

  @Field(() => String, { description: 'The kind of product: residentPermit, visitorPermit, …' })
  kind!: string;

  @Field(() => String, { description: 'Its parking zone.' })
  zoneCode!: string;

  @Field(() => String, { description: 'Its address as printed.' })
  addressLabel!: string;

  @Field(() => String, {
    description: 'active, blocked, revoked (by the town) or ended (by the holder).',
  })
  status!: string;

  @Field(() => [String], { description: 'Its plates as shown, the active first.' })
  plates!: string[];

  @Field(() => String, { nullable: true, description: 'The plate that has the right now.' })
  activePlate!: string | null;

  @Field(() => Date, { description: 'When it started.' })
  validFrom!: Date;

  @Field(() => Date, { nullable: true, description: 'When it ends; null: without end.' })
  validUntil!: Date | null;

  @Field(() => Date, { nullable: true, description: 'From when it may be renewed.' })
  renewableFrom!: Date | null;

  @Field(() => Boolean, { description: 'Whether renewPermit is accepted now.' })
  canRenew!: boolean;

  @Field(() => PermitApplicationQuoteDto, {
    nullable: true,
    description: 'What a renewal gives and costs; null when it cannot be renewed.',
  })
  renewalQuote!: PermitApplicationQuoteDto | null;

  @Field(() => Boolean, { description: 'Whether requestPlateChange is accepted now.' })
  canChangePlate!: boolean;

  @Field(() => Int, { description: 'What a plate change costs in cents (0: free).' })
  plateChangeFeeCents!: number;

  @Field(() => Boolean, { description: 'Whether endPermit is accepted now.' })
  canEnd!: boolean;

  @Field(() => Int, { description: 'What ending it today pays back, in cents.' })
  refundIfEndedNowCents!: number;

  @Field(() => [PermitLetterDto], { description: 'Its decision letters, newest first.' })
  letters!: PermitLetterDto[];

  @Field(() => [PermitApplicationDto], {
    description: 'Its applications: the one that made it, renewals and plate changes.',
  })
  applications!: PermitApplicationDto[];
}

@ObjectType('PermitEnded', { description: 'The permit as ended, with what is paid back.' })
export class PermitEndedDto {
  @Field(() => CounterPermitDto, { description: 'The permit now.' })
  permit!: CounterPermitDto;

  @Field(() => Int, { description: 'Paid back through the payment provider, in cents.' })
  refundCents!: number;
}

export const EndPermitResult = createUnionType({
  name: 'EndPermitResult',
  description: 'The ended permit, or the rule that refuses the end.',
  types: () => [PermitEndedDto, PermitApplicationRefusedDto] as const,
  resolveType: (value) =>
    value instanceof PermitApplicationRefusedDto ? PermitApplicationRefusedDto : PermitEndedDto,
});

@InputType({ description: 'Renewing a permit for its next term.' })
export class RenewPermitInput {
  @Field(() => ID, { description: 'The permit.' })
  permitId!: string;

  @Field(() => String, { description: 'New for each renewal, the same for each retry of it.' })
  idempotencyKey!: string;

  @Field(() => PaymentMethodEnum, {
    nullable: true,
    description:
      "How it is paid: 'ideal' or 'card'; left out: iDEAL. A retry with the key must name the same.",
  })
  paymentMethod?: PaymentMethod | null;
}

@InputType({ description: 'Putting another plate on a permit.' })
export class RequestPlateChangeInput {
  @Field(() => ID, { description: 'The permit.' })
  permitId!: string;

  @Field(() => CounterPlateInput, { description: 'The new plate.' })
  plate!: CounterPlateInput;

  @Field(() => String, { description: 'New for each change, the same for each retry of it.' })
  idempotencyKey!: string;

  @Field(() => PaymentMethodEnum, {
    nullable: true,
    description:
      "How it is paid: 'ideal' or 'card'; left out: iDEAL. A retry with the key must name the same.",
  })
  paymentMethod?: PaymentMethod | null;
}

@InputType({ description: 'Ending a permit early.' })
export class EndPermitInput {
  @Field(() => ID, { description: 'The permit.' })
  permitId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The first day it no longer covers (YYYY-MM-DD, town's time zone); now when left out.",
  })
  endsOn?: string | null;

  @Field(() => String, { description: 'New for each end, the same for each retry of it.' })
  idempotencyKey!: string;
}
