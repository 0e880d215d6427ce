import type { Language } from '@parkeer/shared/language';
import { errorMessage, isErrorCode } from '@parkeer/shared/messages/error-catalogue';
import type { PermitApplication } from '../../model/permit-application.entity.js';
import type { PermitDocument } from '../../model/permit-document.entity.js';
import { toApplicationDto } from '../counter/counter.mapper.js';
import { AdminPermitApplicationDto } from './counter-review.types.js';
import type { PermitApplicationDto } from './permit-application.types.js';
import { CounterRefusalDto } from './permit-application.types.js';
import type {
  ApplicationExtras,
  ReviewedApplication,
  RuleOutcome,
} from './counter-review.service.js';

/** An application as the back office shows it; productType and zone are loaded. */
export function toPermitApplicationDto(
  application: PermitApplication,
  extras: ApplicationExtras,
  language: Language,
): PermitApplicationDto {
  const { documents, paymentStatus, paymentMethod } = extras;
  return toApplicationDto(
    {
      application,
      paymentStatus,
      paymentMethod,
      // The applicant pays; an official never needs the checkout.
      checkoutUrl: null,
      letters: documents.filter(isLetter),
      documents: documents.filter((document) => !isLetter(document)),
    },
    language,
  );
}

const isLetter = (document: PermitDocument) => document.kind === 'letter';

export const toCounterRefusal = (outcome: RuleOutcome, language: Language): CounterRefusalDto =>
  Object.assign(new CounterRefusalDto(), {
    rule: outcome.rule,
    message: isErrorCode(outcome.rule)
      ? errorMessage(outcome.rule, language, outcome.params ?? {})
      : outcome.rule,
    params: outcome.params ?? null,
  });

export const toAdminPermitApplication = (
  reviewed: ReviewedApplication,
  language: Language,
): AdminPermitApplicationDto =>
  Object.assign(new AdminPermitApplicationDto(), {
    application: toPermitApplicationDto(reviewed.application, reviewed.extras, language),
    applicantLabel: reviewed.applicantLabel,
    actorLabel: reviewed.actorLabel,
    eligibility: reviewed.eligibility.map((outcome) => toCounterRefusal(outcome, language)),
  });
