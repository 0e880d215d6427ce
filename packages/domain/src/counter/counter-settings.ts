/** A name in both languages of the app. */
export interface LocalizedText {
  readonly nl: string;
  readonly en: string;
}

/**
 * How long one grant or renewal of a permit runs. `calendar` terms end with the calendar
 * period (a year permit bought in March runs to 31 December and costs the months left);
 * `rolling` terms run a whole period from the start date. A `day` (a contractor's day permit)
 * is one local calendar day either way.
 */
export const permitPeriods = ['day', 'month', 'quarter', 'halfYear', 'year'] as const;
export type PermitPeriod = (typeof permitPeriods)[number];

export const termAlignments = ['rolling', 'calendar'] as const;
export type TermAlignment = (typeof termAlignments)[number];

/** What an early end gives back of the price paid for the current term. */
export const proRataRules = ['none', 'wholeMonths', 'days'] as const;
export type ProRataRule = (typeof proRataRules)[number];

/**
 * Situations the rules cannot decide alone: the applicant explains, uploads what the town
 * asks for, and an official decides (docs/rules.md §2, the permit counter).
 */
export const reviewCases = ['leaseCar', 'companyCar', 'privateParking', 'other'] as const;
export type ReviewCase = (typeof reviewCases)[number];

/** A document the applicant uploads, always or only in one review case. */
export interface DocumentRequirement {
  /** Stable key, e.g. 'leaseContract'. */
  readonly code: string;
  readonly name: LocalizedText;
  /** Null: always required for this permit type. */
  readonly when: ReviewCase | null;
}

/**
 * A product type's settings at the permit counter. Null on a product type: not offered at the
 * counter (only an admin issues it). Who may apply, where and how many per address stay the
 * eligibility settings (`PermitEligibilitySettings`).
 */
export interface CounterSettings {
  /** Price of one term in euro cents (0: free, only the town's fee is paid). */
  readonly pricePerTermCents: number;
  readonly period: PermitPeriod;
  readonly alignment: TermAlignment;
  /** Whether the town's administration fee (municipality setting) is charged on top. */
  readonly chargesAdministrationFee: boolean;
  /** Refund on an early end; `none` keeps the price. */
  readonly proRataRefund: ProRataRule;
  /** Fee for changing the plate; 0 when free. */
  readonly plateChangeFeeCents: number;
  /** Plates one permit may carry (one is active at a time); a resident permit: 1. */
  readonly maxPlates: number;
  /** Whether the applicant registers plates at all (a visitor permit: no). */
  readonly requiresPlate: boolean;
  /** A renewal may be bought from this many days before the term ends. */
  readonly renewalWindowDays: number;
  /** The reminder e-mail goes this many days before the end; null: no reminder. */
  readonly reminderDaysBefore: number | null;
  /** Latest start date offered, in days from today. */
  readonly maxDaysAhead: number;
  /** Which review cases this product accepts (others are refused by the rule itself). */
  readonly reviewCases: readonly ReviewCase[];
  readonly documents: readonly DocumentRequirement[];
  /**
   * Every application waits, paid, for an official, who reads its documents (a care permit's
   * statement from the care organisation, docs/rules.md §1 care permit); absent: only review cases.
   */
  readonly alwaysReviewed?: boolean;
}
