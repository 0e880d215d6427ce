import { formatPlate } from '@parkeer/domain/plate/plate';
import type { PaymentMethod } from '../../model/payment.entity.js';
import type { Language } from '@parkeer/shared/language';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { toApplicationDocumentDto, toPermitLetterDto } from '../letter/letter.mapper.js';
import type {
  ApplicationView,
  CounterPermitView,
  OfferView,
  QuoteView,
  RuleRefusal,
} from './counter.service.js';
import {
  CounterPermitDto,
  CounterRefusalDto,
  DocumentRequirementDto,
  PermitApplicationDto,
  PermitApplicationQuoteDto,
  PermitApplicationRefusedDto,
  PermitApplicationSubmittedDto,
  PermitEndedDto,
  PermitOfferDto,
} from './counter.types.js';

export function toCounterRefusal(refusal: RuleRefusal, language: Language): CounterRefusalDto {
  return Object.assign(new CounterRefusalDto(), {
    rule: refusal.rule,
    message: errorMessage(refusal.rule, language, refusal.params ?? {}),
    params: refusal.params,
  });
}

export function toRefused(
  refusals: readonly RuleRefusal[],
  language: Language,
): PermitApplicationRefusedDto {
  const reasons = refusals.map((refusal) => toCounterRefusal(refusal, language));
  const first = reasons[0]!;
  return Object.assign(new PermitApplicationRefusedDto(), {
    rule: first.rule,
    message: first.message,
    params: first.params,
    reasons,
  });
}

export function toOfferDto(offer: OfferView, language: Language): PermitOfferDto {
  const { productType, settings } = offer;
  return Object.assign(new PermitOfferDto(), {
    productTypeCode: productType.code,
    kind: productType.kind,
    name: productType.name[language],
    period: settings.period,
    pricePerTermCents: settings.pricePerTermCents,
    administrationFeeCents: offer.feeCents,
    requiresPlate: settings.requiresPlate,
    maxPlates: settings.maxPlates,
    maxDaysAhead: settings.maxDaysAhead,
    reviewCases: [...settings.reviewCases],
    documents: settings.documents.map((document) =>
      Object.assign(new DocumentRequirementDto(), {
        code: document.code,
        name: document.name[language],
        when: document.when,
      }),
    ),
    zoneCode: offer.zoneCode,
    available: offer.refusals.length === 0,
    refusals: offer.refusals.map((refusal) => toCounterRefusal(refusal, language)),
  });
}

export function toQuoteDto(quote: QuoteView): PermitApplicationQuoteDto {
  return Object.assign(new PermitApplicationQuoteDto(), {
    ...quote,
    reviewCases: [...quote.reviewCases],
    unansweredRegistries: [...quote.unansweredRegistries],
    reviewReasons: [...quote.reviewReasons],
  });
}

/** What the applicant's views of an application carry: the payment's status and method. */
export const applicantView = (view: ApplicationView) => ({
  ...view,
  paymentStatus: view.payment?.status ?? null,
  paymentMethod: view.payment?.method ?? null,
});

/**
 * An application as its GraphQL type, for the applicant (with a checkout while it waits for the
 * payment) and the back office (without).
 */
export function toApplicationDto(
  view: Pick<ApplicationView, 'application' | 'letters' | 'documents' | 'checkoutUrl'> & {
    readonly paymentStatus: string | null;
    readonly paymentMethod: PaymentMethod | null;
  },
  language: Language,
): PermitApplicationDto {
  const { application } = view;
  return Object.assign(new PermitApplicationDto(), {
    id: application.id,
    kind: application.kind,
    status: application.status,
    productTypeCode: application.productType.code,
    productName: application.productType.name[language],
    zoneCode: application.zone?.code ?? null,
    addressLabel: application.addressLabel,
    establishmentNumber: application.establishmentNumber ?? null,
    plates: application.plates.map(({ plate, country }) => formatPlate(plate, country)),
    validFrom: application.validFrom,
    validUntil: application.validUntil ?? null,
    priceCents: application.priceCents,
    feeCents: application.feeCents,
    totalCents: application.totalCents,
    reviewCases: [...application.reviewCases],
    unansweredRegistries: [...application.unansweredRegistries],
    reviewReasons: [...application.reviewReasons],
    explanation: application.explanation ?? null,
    decisionReason: application.decisionReason ?? null,
    createdAt: application.createdAt,
    decidedAt: application.decidedAt ?? null,
    permitId: application.permit?.id ?? null,
    paymentStatus: view.paymentStatus,
    paymentMethod: view.paymentMethod,
    checkoutUrl: view.checkoutUrl,
    letters: view.letters.map(toPermitLetterDto),
    documents: view.documents.map(toApplicationDocumentDto),
  });
}

export function toSubmitted(
  view: ApplicationView,
  checkoutUrl: string | null,
  language: Language,
): PermitApplicationSubmittedDto {
  return Object.assign(new PermitApplicationSubmittedDto(), {
    application: toApplicationDto(applicantView(view), language),
    checkoutUrl,
  });
}

export function toCounterPermitDto(view: CounterPermitView, language: Language): CounterPermitDto {
  const { permit, settings } = view;
  const plates = view.plates.map(({ plate, country }) => formatPlate(plate, country));
  const active = view.plates.find((plate) => plate.active);
  return Object.assign(new CounterPermitDto(), {
    id: permit.id,
    permitId: permit.id,
    productTypeCode: permit.productType.code,
    productName: permit.productType.name[language],
    kind: permit.productType.kind,
    zoneCode: permit.zone.code,
    addressLabel: permit.addressLabel,
    status: permit.status,
    plates,
    activePlate: active ? formatPlate(active.plate, active.country) : null,
    validFrom: permit.validFrom,
    validUntil: permit.validUntil ?? null,
    renewableFrom: view.renewableFrom,
    canRenew: view.canRenew,
    renewalQuote: view.renewalQuote ? toQuoteDto(view.renewalQuote) : null,
    canChangePlate: view.canChangePlate,
    plateChangeFeeCents: settings.plateChangeFeeCents,
    canEnd: view.canEnd,
    refundIfEndedNowCents: view.refundIfEndedNowCents,
    letters: view.letters.map(toPermitLetterDto),
    applications: view.applications.map((application) =>
      toApplicationDto(applicantView(application), language),
    ),
  });
}

export function toPermitEnded(
  view: CounterPermitView,
  refundCents: number,
  language: Language,
): PermitEndedDto {
  return Object.assign(new PermitEndedDto(), {
    permit: toCounterPermitDto(view, language),
    refundCents,
  });
}

/**
 * A stored answer of a keyed mutation (plain JSON) as the union member it was: the union's type
 * is told by the class, so the first answer comes back as the same type.
 */
export type StoredAnswer =
  | ({ readonly type: 'refused' } & Omit<PermitApplicationRefusedDto, never>)
  | ({ readonly type: 'submitted' } & Omit<PermitApplicationSubmittedDto, never>)
  | ({ readonly type: 'ended' } & Omit<PermitEndedDto, never>);

export function toStoredAnswer(
  dto: PermitApplicationRefusedDto | PermitApplicationSubmittedDto | PermitEndedDto,
): StoredAnswer {
  const type =
    dto instanceof PermitApplicationRefusedDto
      ? 'refused'
      : dto instanceof PermitEndedDto
        ? 'ended'
        : 'submitted';
  return { type, ...dto } as StoredAnswer;
}

export function fromStoredAnswer(
  answer: StoredAnswer,
): PermitApplicationRefusedDto | PermitApplicationSubmittedDto | PermitEndedDto {
  const { type, ...fields } = answer;
  const dto =
    type === 'refused'
      ? new PermitApplicationRefusedDto()
      : type === 'ended'
        ? new PermitEndedDto()
        : new PermitApplicationSubmittedDto();
  return Object.assign(dto, fields);
}
