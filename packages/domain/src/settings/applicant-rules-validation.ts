import { holderTypes, type HolderType } from '@parkeer/shared/holder-type';
import type { PermitEligibilitySettings } from '../eligibility/permit-application.js';
import { ProblemList, type SettingProblem } from './settings-problem.js';

/**
 * Who may apply for a product type and how many active permits of it one address, business
 * or establishment may hold (docs/rules.md §2 who may apply): the part of the eligibility
 * settings the back office's product form sets. Null: no limit.
 */
export type ApplicantRules = Pick<
  PermitEligibilitySettings,
  'holderTypes' | 'maxPerAddress' | 'maxPerBusiness'
> & { readonly maxPerEstablishment: number | null };

export interface ApplicantRulesContext {
  /**
   * The database allows one active permit of the product per address (a visitor permit,
   * `ProductType.onePerAddress`): a higher maximum would be refused by the database anyway.
   */
  readonly onePerAddress: boolean;
}

/** More active permits of one type than this per address or business is a fleet, not a limit. */
export const maxPermitsPerHolder = 100;

/** A product's applicant rules as stored: an establishment limit left out reads as none. */
export const applicantRulesOf = (eligibility: PermitEligibilitySettings): ApplicantRules => ({
  holderTypes: [...eligibility.holderTypes],
  maxPerAddress: eligibility.maxPerAddress,
  maxPerBusiness: eligibility.maxPerBusiness,
  maxPerEstablishment: eligibility.maxPerEstablishment ?? null,
});

/**
 * Every problem in the applicant rules an admin entered, at the API's paths
 * (`applicants.holderTypes[1]`, `applicants.maxPerAddress`): at least one kind of applicant, each known and once; each maximum a whole
 * number from 1 to 100 or none; and one per address where the database holds it to one.
 */
export function validateApplicantRules(
  rules: ApplicantRules,
  context: ApplicantRulesContext,
  at = 'applicants',
): SettingProblem[] {
  const list = new ProblemList();
  if (list.list(rules.holderTypes, `${at}.holderTypes`)) {
    if (rules.holderTypes.length === 0) list.add('SETTING_REQUIRED', `${at}.holderTypes`);
    const seen = new Set<HolderType>();
    rules.holderTypes.forEach((holderType, index) => {
      const path = `${at}.holderTypes[${index}]`;
      if (!list.choice(holderType, holderTypes, path)) return;
      if (seen.has(holderType)) list.add('SETTING_INVALID_CHOICE', path);
      seen.add(holderType);
    });
  }
  for (const key of ['maxPerAddress', 'maxPerBusiness', 'maxPerEstablishment'] as const) {
    list.count(rules[key], `${at}.${key}`, { nullable: true, max: maxPermitsPerHolder });
  }
  if (context.onePerAddress && rules.maxPerAddress !== 1) {
    list.add('SETTING_ONE_PER_ADDRESS', `${at}.maxPerAddress`);
  }
  return list.problems;
}
