import type { Language } from '@parkeer/shared/language';
import type { ErrorCode } from '@parkeer/shared/messages/error-catalogue';
import {
  checkPermitApplication,
  type PermitApplication,
} from '../eligibility/permit-application.js';
import { parsePlate, type Plate } from '../plate/plate.js';
import { refuse, type Refusal } from '../result.js';
import { addDays, compareLocalDates, isLocalDate, type LocalDate } from '../time/local-date.js';
import type { CounterSettings, ReviewCase } from './counter-settings.js';

/** The longest explanation an applicant may give (a column of text, read by an official). */
export const explanationMaxLength = 2000;

export interface PlateAsTyped {
  readonly plate: string;
  readonly country?: string | null;
}

/** What the applicant filled in at the counter, as the counter's own rules read it. */
export interface CounterForm {
  readonly settings: CounterSettings;
  /** The town's local date today. */
  readonly today: LocalDate;
  /** As typed, YYYY-MM-DD; null or empty: today. */
  readonly startsOn: string | null;
  readonly plates: readonly PlateAsTyped[];
  readonly reviewCase: ReviewCase | null;
  readonly explanation: string | null;
  /** The requirement codes of the documents attached. */
  readonly documents: readonly string[];
  readonly language: Language;
}

export type CounterRefusal = Refusal<ErrorCode>;

export type CounterCheck =
  | {
      readonly ok: true;
      readonly startsOn: LocalDate;
      readonly plates: readonly Plate[];
      /** True when an official decides (a review case the product accepts). */
      readonly needsReview: boolean;
      readonly reviewCases: readonly ReviewCase[];
    }
  | (CounterRefusal & { readonly reasons: readonly CounterRefusal[] });

/**
 * docs/rules.md §1 (counter form): the counter's own rules on a form: the start date (not in
 * the past, at most `maxDaysAhead` ahead), the plates (required or not taken, at most
 * `maxPlates`, each a valid plate, none twice), the review case (one the product accepts, with
 * an explanation) and the documents the product asks for. Every rule that fails is listed.
 */
export function checkCounterForm(form: CounterForm): CounterCheck {
  const { settings } = form;
  const reasons: CounterRefusal[] = [];

  const typedStart = (form.startsOn ?? '').trim();
  let startsOn = form.today;
  if (typedStart !== '') {
    if (!isLocalDate(typedStart)) reasons.push(refuse('COUNTER_START_DATE_INVALID'));
    else startsOn = typedStart;
  }
  if (compareLocalDates(startsOn, form.today) < 0) reasons.push(refuse('COUNTER_START_IN_PAST'));
  else if (compareLocalDates(startsOn, addDays(form.today, settings.maxDaysAhead)) > 0) {
    reasons.push(refuse('COUNTER_START_TOO_FAR_AHEAD', { max: settings.maxDaysAhead }));
  }

  const plates: Plate[] = [];
  if (settings.requiresPlate) {
    if (form.plates.length === 0) reasons.push(refuse('COUNTER_PLATE_REQUIRED'));
    if (form.plates.length > settings.maxPlates) {
      reasons.push(refuse('COUNTER_TOO_MANY_PLATES', { max: settings.maxPlates }));
    }
    for (const typed of form.plates) {
      const parsed = parsePlate(typed.plate, typed.country ?? undefined);
      if (!parsed.ok) {
        reasons.push(refuse('COUNTER_PLATE_INVALID', { plate: typed.plate.trim() }));
      } else if (plates.some((plate) => plate.normalised === parsed.plate.normalised)) {
        reasons.push(refuse('COUNTER_PLATE_TWICE', { plate: parsed.plate.display }));
      } else plates.push(parsed.plate);
    }
  } else if (form.plates.length > 0) reasons.push(refuse('COUNTER_PLATES_NOT_TAKEN'));

  const explanation = (form.explanation ?? '').trim();
  if (form.reviewCase !== null) {
    if (!settings.reviewCases.includes(form.reviewCase)) {
      reasons.push(refuse('COUNTER_REVIEW_CASE_NOT_ACCEPTED', { case: form.reviewCase }));
    } else if (explanation === '') reasons.push(refuse('COUNTER_EXPLANATION_REQUIRED'));
  }
  if (explanation.length > explanationMaxLength) {
    reasons.push(refuse('COUNTER_EXPLANATION_TOO_LONG', { max: explanationMaxLength }));
  }

  for (const requirement of settings.documents) {
    const asked = requirement.when === null || requirement.when === form.reviewCase;
    if (asked && !form.documents.includes(requirement.code)) {
      reasons.push(
        refuse('COUNTER_DOCUMENT_MISSING', {
          document: requirement.name[form.language],
          code: requirement.code,
        }),
      );
    }
  }

  const [first] = reasons;
  if (first) return { ...first, reasons };
  const reviewCases = form.reviewCase ? [form.reviewCase] : [];
  const needsReview = reviewCases.length > 0 || settings.alwaysReviewed === true;
  return { ok: true, startsOn, plates, needsReview, reviewCases };
}

/**
 * docs/rules.md §1 (counter decision): the eligibility rules (§2) and the counter's form rules
 * together, so a refusal lists every rule at once. A private parking space the applicant states
 * as a review case the product accepts is not refused by the eligibility rule: an official
 * decides it, with the explanation and documents, also when the address registry reports the
 * space (docs/rules.md §2 own parking).
 */
export function checkCounterApplication(
  form: CounterForm,
  eligibility: PermitApplication,
): CounterCheck {
  const privateParkingReviewed =
    form.reviewCase === 'privateParking' && form.settings.reviewCases.includes('privateParking');
  const eligible = checkPermitApplication({
    ...eligibility,
    applicant: {
      ...eligibility.applicant,
      // The stated review case takes precedence over the registry's answer: the applicant
      // says the space exists and why it does not serve, so an official weighs it (§2).
      hasPrivateParking: privateParkingReviewed
        ? false
        : eligibility.applicant.hasPrivateParking || form.reviewCase === 'privateParking',
    },
  });
  const counter = checkCounterForm(form);
  const reasons: CounterRefusal[] = [
    ...(eligible.ok ? [] : eligible.reasons),
    ...(counter.ok ? [] : counter.reasons),
  ];
  const [first] = reasons;
  return first ? { ...first, reasons } : counter;
}
