import { describe, expect, it } from 'vitest';
import { visitorPermitEligibility } from '../eligibility/permit-application.js';
import {
  applicantRulesOf,
  validateApplicantRules,
  type ApplicantRules,
} from './applicant-rules-validation.js';

/** Delft's business permit: businesses only, two per establishment, three per business. */
const business: ApplicantRules = {
  holderTypes: ['business'],
  maxPerAddress: null,
  maxPerBusiness: 3,
  maxPerEstablishment: 2,
};
const problems = (rules: Partial<ApplicantRules>, onePerAddress = false) =>
  validateApplicantRules({ ...business, ...rules }, { onePerAddress }).map(
    (problem) => `${problem.code} ${problem.path.replace('applicants.', '')}`,
  );

describe('docs/rules.md §2 who may apply: the applicant rules an admin sets', () => {
  it('accepts residents, businesses or both, and limits from 1 to 100 or none', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ holderTypes: ['resident', 'business'], maxPerAddress: 1 })).toEqual([]);
    expect(
      problems({ maxPerAddress: 100, maxPerBusiness: null, maxPerEstablishment: null }),
    ).toEqual([]);
  });

  it('needs at least one kind of applicant, each known and once', () => {
    expect(problems({ holderTypes: [] })).toEqual(['SETTING_REQUIRED holderTypes']);
    expect(problems({ holderTypes: ['business', 'tourist' as never, 'business'] })).toEqual([
      'SETTING_INVALID_CHOICE holderTypes[1]',
      'SETTING_INVALID_CHOICE holderTypes[2]',
    ]);
    expect(problems({ holderTypes: null as never })).toEqual(['SETTING_REQUIRED holderTypes']);
  });

  it('refuses a maximum of none-but-zero, a fraction or more than 100', () => {
    expect(problems({ maxPerAddress: 0, maxPerBusiness: 1.5, maxPerEstablishment: 101 })).toEqual([
      'SETTING_NOT_POSITIVE maxPerAddress',
      'SETTING_NOT_POSITIVE maxPerBusiness',
      'SETTING_TOO_LARGE maxPerEstablishment',
    ]);
  });

  it('keeps a product the database holds to one per address (the visitor permit) at one', () => {
    const visitor = applicantRulesOf(visitorPermitEligibility);
    expect(validateApplicantRules(visitor, { onePerAddress: true })).toEqual([]);
    for (const maxPerAddress of [2, null]) {
      expect(
        validateApplicantRules({ ...visitor, maxPerAddress }, { onePerAddress: true }),
      ).toEqual([{ code: 'SETTING_ONE_PER_ADDRESS', path: 'applicants.maxPerAddress' }]);
    }
  });

  it('reads an establishment limit a product never had as none', () => {
    expect(applicantRulesOf(visitorPermitEligibility).maxPerEstablishment).toBeNull();
  });
});
