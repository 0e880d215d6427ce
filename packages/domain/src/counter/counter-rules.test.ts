import { describe, expect, it } from 'vitest';
import { visitorPermitEligibility } from '../eligibility/permit-application.js';
import type { PermitApplication } from '../eligibility/permit-application.js';
import {
  checkCounterApplication,
  checkCounterForm,
  explanationMaxLength,
  type CounterForm,
} from './counter-rules.js';
import type { CounterSettings } from './counter-settings.js';

const settings: CounterSettings = {
  pricePerTermCents: 9600,
  period: 'year',
  alignment: 'calendar',
  chargesAdministrationFee: true,
  proRataRefund: 'wholeMonths',
  plateChangeFeeCents: 0,
  maxPlates: 1,
  requiresPlate: true,
  renewalWindowDays: 42,
  reminderDaysBefore: 28,
  maxDaysAhead: 30,
  reviewCases: ['leaseCar', 'privateParking'],
  documents: [
    {
      code: 'leaseContract',
      name: { nl: 'Leasecontract', en: 'Lease contract' },
      when: 'leaseCar',
    },
    { code: 'registration', name: { nl: 'Kentekenbewijs', en: 'Registration' }, when: null },
  ],
};

const form = (overrides: Partial<CounterForm> = {}): CounterForm => ({
  settings,
  today: '2026-11-23',
  startsOn: null,
  plates: [{ plate: 'GB-123-K' }],
  reviewCase: null,
  explanation: null,
  documents: ['registration'],
  language: 'nl',
  ...overrides,
});

const eligibility: PermitApplication = {
  product: {
    ...visitorPermitEligibility,
    productCode: 'resident-permit',
    holderTypes: ['resident'],
    maxPerAddress: 1,
    privateParkingDisqualifies: true,
  },
  applicant: {
    holderType: 'resident',
    address: { key: 'a-1', zoneCode: 'A' },
    hasPrivateParking: false,
  },
  zone: { code: 'A', excludedHolderTypes: {} },
  existingPermits: [],
};

const rules = (check: ReturnType<typeof checkCounterForm>) =>
  check.ok ? [] : check.reasons.map((reason) => reason.reason);

describe('the counter form (docs/rules.md §1 counter form)', () => {
  it('accepts a complete form, today by default, with the plate read as the domain reads plates', () => {
    expect(checkCounterForm(form())).toEqual({
      ok: true,
      startsOn: '2026-11-23',
      plates: [expect.objectContaining({ normalised: 'GB123K', display: 'GB-123-K' })],
      needsReview: false,
      reviewCases: [],
    });
  });

  it('refuses a start in the past, too far ahead or not a date', () => {
    expect(rules(checkCounterForm(form({ startsOn: '2026-11-22' })))).toEqual([
      'COUNTER_START_IN_PAST',
    ]);
    expect(rules(checkCounterForm(form({ startsOn: '2026-12-23' })))).toEqual([]);
    expect(checkCounterForm(form({ startsOn: '2026-12-24' }))).toMatchObject({
      reason: 'COUNTER_START_TOO_FAR_AHEAD',
      params: { max: 30 },
    });
    expect(rules(checkCounterForm(form({ startsOn: '2026-02-30' })))).toEqual([
      'COUNTER_START_DATE_INVALID',
    ]);
  });

  it('asks for plates where the product takes them, at most maxPlates, each valid and once', () => {
    expect(rules(checkCounterForm(form({ plates: [] })))).toEqual(['COUNTER_PLATE_REQUIRED']);
    expect(
      rules(
        checkCounterForm(
          form({
            settings: { ...settings, maxPlates: 2 },
            plates: [{ plate: 'GB-123-K' }, { plate: 'gb123k' }],
          }),
        ),
      ),
    ).toEqual(['COUNTER_PLATE_TWICE']);
    expect(
      rules(checkCounterForm(form({ plates: [{ plate: 'GB-123-K' }, { plate: '!!' }] }))),
    ).toEqual(['COUNTER_TOO_MANY_PLATES', 'COUNTER_PLATE_INVALID']);
    expect(
      rules(checkCounterForm(form({ settings: { ...settings, requiresPlate: false } }))),
    ).toEqual(['COUNTER_PLATES_NOT_TAKEN']);
  });

  it('accepts a review case the product takes, with an explanation and its documents (docs/rules.md §1 review cases)', () => {
    expect(rules(checkCounterForm(form({ reviewCase: 'companyCar', explanation: 'x' })))).toEqual([
      'COUNTER_REVIEW_CASE_NOT_ACCEPTED',
    ]);
    expect(rules(checkCounterForm(form({ reviewCase: 'leaseCar' })))).toEqual([
      'COUNTER_EXPLANATION_REQUIRED',
      'COUNTER_DOCUMENT_MISSING',
    ]);
    expect(
      checkCounterForm(
        form({
          reviewCase: 'leaseCar',
          explanation: 'Lease',
          documents: ['registration', 'leaseContract'],
        }),
      ),
    ).toMatchObject({ ok: true, needsReview: true, reviewCases: ['leaseCar'] });
    expect(
      rules(checkCounterForm(form({ explanation: 'x'.repeat(explanationMaxLength + 1) }))),
    ).toEqual(['COUNTER_EXPLANATION_TOO_LONG']);
  });

  it('names a missing document in the language of the form', () => {
    expect(checkCounterForm(form({ documents: [], language: 'en' }))).toMatchObject({
      reason: 'COUNTER_DOCUMENT_MISSING',
      params: { document: 'Registration', code: 'registration' },
    });
  });
});

describe('the counter decision (docs/rules.md §1 counter decision)', () => {
  it('lists the eligibility rules and the form rules together, eligibility first', () => {
    const check = checkCounterApplication(form({ plates: [] }), {
      ...eligibility,
      applicant: { ...eligibility.applicant, holderType: 'business' },
      existingPermits: [],
    });
    expect(rules(check)).toEqual(['ELIGIBILITY_NOT_FOR_BUSINESSES', 'COUNTER_PLATE_REQUIRED']);
    expect(check).toMatchObject({ ok: false, reason: 'ELIGIBILITY_NOT_FOR_BUSINESSES' });
  });

  it('leaves a stated private parking space to an official where the product accepts that review case (docs/rules.md §1 review cases)', () => {
    const reviewed = checkCounterApplication(
      form({ reviewCase: 'privateParking', explanation: 'Mijn oprit is te kort.' }),
      eligibility,
    );
    expect(reviewed).toMatchObject({
      ok: true,
      needsReview: true,
      reviewCases: ['privateParking'],
    });
    const notAccepted = checkCounterApplication(
      form({
        settings: { ...settings, reviewCases: [] },
        reviewCase: 'privateParking',
        explanation: 'x',
      }),
      eligibility,
    );
    expect(rules(notAccepted)).toEqual([
      'ELIGIBILITY_PRIVATE_PARKING',
      'COUNTER_REVIEW_CASE_NOT_ACCEPTED',
    ]);
  });

  it('leaves a private parking space the registry reports to an official when the applicant states it as an accepted review case (docs/rules.md §2 own parking)', () => {
    const registered = {
      ...eligibility,
      applicant: { ...eligibility.applicant, hasPrivateParking: true },
    };
    const stated = checkCounterApplication(
      form({ reviewCase: 'privateParking', explanation: 'De garage is te klein.' }),
      registered,
    );
    expect(stated).toMatchObject({ ok: true, needsReview: true, reviewCases: ['privateParking'] });
    // Not stated, or stated where the product does not take the case: the rule refuses.
    expect(rules(checkCounterApplication(form(), registered))).toEqual([
      'ELIGIBILITY_PRIVATE_PARKING',
    ]);
    const other = checkCounterApplication(
      form({ reviewCase: 'leaseCar', explanation: 'x', documents: ['registration', 'lease'] }),
      registered,
    );
    expect(rules(other)).toContain('ELIGIBILITY_PRIVATE_PARKING');
  });
});
