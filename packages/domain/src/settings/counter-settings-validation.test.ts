import { describe, expect, it } from 'vitest';
import type { CounterSettings } from '../counter/counter-settings.js';
import { validateCounterSettings } from './counter-settings-validation.js';

/** A resident permit as a town would sell it: a year, one plate, lease cars reviewed. */
const residentPermit: CounterSettings = {
  pricePerTermCents: 5400,
  period: 'year',
  alignment: 'rolling',
  chargesAdministrationFee: true,
  proRataRefund: 'wholeMonths',
  plateChangeFeeCents: 0,
  maxPlates: 1,
  requiresPlate: true,
  renewalWindowDays: 30,
  reminderDaysBefore: 14,
  maxDaysAhead: 60,
  reviewCases: ['leaseCar', 'privateParking'],
  documents: [
    {
      code: 'leaseContract',
      name: { nl: 'Leasecontract', en: 'Lease contract' },
      when: 'leaseCar',
    },
  ],
};

/** A visitor permit: no plate, free, no review. */
const visitorPermit: CounterSettings = {
  ...residentPermit,
  pricePerTermCents: 0,
  requiresPlate: false,
  maxPlates: 0,
  proRataRefund: 'none',
  reviewCases: [],
  documents: [],
  reminderDaysBefore: null,
};

const codes = (value: unknown) =>
  validateCounterSettings(value).map((problem) => `${problem.code} ${problem.path}`);

describe('validating the counter settings of a product type (docs/rules.md §1, counter settings)', () => {
  it('accepts a resident permit and a visitor permit as towns sell them', () => {
    expect(codes(residentPermit)).toEqual([]);
    expect(codes(visitorPermit)).toEqual([]);
  });

  it('names every wrong value at once, each at its path', () => {
    const wrong = {
      ...residentPermit,
      pricePerTermCents: -1,
      period: 'week',
      alignment: 'whenever',
      chargesAdministrationFee: 'yes',
      proRataRefund: 'hours',
      plateChangeFeeCents: 1.5,
      maxPlates: 0,
      maxDaysAhead: 400,
    };
    expect(codes(wrong)).toEqual([
      'SETTING_NEGATIVE counter.pricePerTermCents',
      'SETTING_INVALID_CHOICE counter.period',
      'SETTING_INVALID_CHOICE counter.alignment',
      'SETTING_REQUIRED counter.chargesAdministrationFee',
      'SETTING_INVALID_CHOICE counter.proRataRefund',
      'SETTING_NEGATIVE counter.plateChangeFeeCents',
      'SETTING_NOT_POSITIVE counter.maxPlates',
      'SETTING_TOO_LARGE counter.maxDaysAhead',
    ]);
  });

  it('keeps the renewal window and the reminder inside one term of the period', () => {
    const month = { ...residentPermit, period: 'month', renewalWindowDays: 29 };
    expect(validateCounterSettings(month)).toEqual([
      { code: 'SETTING_TOO_LARGE', path: 'counter.renewalWindowDays', params: { max: 28 } },
    ]);
    expect(codes({ ...residentPermit, period: 'quarter', reminderDaysBefore: 90 })).toEqual([
      'SETTING_TOO_LARGE counter.reminderDaysBefore',
    ]);
    expect(codes({ ...residentPermit, reminderDaysBefore: 0 })).toEqual([
      'SETTING_NOT_POSITIVE counter.reminderDaysBefore',
    ]);
  });

  it("keeps a day permit's renewal window and reminder within its one day, and checks the always-reviewed flag (docs/rules.md §1 day term, care permit)", () => {
    const day = {
      ...residentPermit,
      period: 'day',
      renewalWindowDays: 1,
      reminderDaysBefore: null,
    };
    expect(codes(day)).toEqual([]);
    expect(codes({ ...day, renewalWindowDays: 2, reminderDaysBefore: 2 })).toEqual([
      'SETTING_TOO_LARGE counter.renewalWindowDays',
      'SETTING_TOO_LARGE counter.reminderDaysBefore',
    ]);
    expect(codes({ ...residentPermit, alwaysReviewed: true })).toEqual([]);
    expect(codes({ ...residentPermit, alwaysReviewed: 'yes' })).toEqual([
      'SETTING_REQUIRED counter.alwaysReviewed',
    ]);
  });

  it('refuses a plate-change fee on a product without plates, and too many plates', () => {
    expect(codes({ ...visitorPermit, plateChangeFeeCents: 500 })).toEqual([
      'SETTING_INVALID_CHOICE counter.plateChangeFeeCents',
    ]);
    expect(codes({ ...residentPermit, maxPlates: 11 })).toEqual([
      'SETTING_TOO_LARGE counter.maxPlates',
    ]);
  });

  it('refuses unknown or repeated review cases, and documents that could never be asked', () => {
    const settings = {
      ...residentPermit,
      reviewCases: ['leaseCar', 'leaseCar', 'caravan'],
      documents: [
        { code: 'leaseContract', name: { nl: 'Leasecontract', en: 'Lease contract' }, when: null },
        { code: 'leaseContract', name: { nl: 'Nog een', en: '' }, when: 'privateParking' },
        { code: '1 bad', name: null, when: 'companyCar' },
        'statement',
      ],
    };
    expect(codes(settings)).toEqual([
      'SETTING_INVALID_CHOICE counter.reviewCases[1]',
      'SETTING_INVALID_CHOICE counter.reviewCases[2]',
      'SETTING_INVALID_CHOICE counter.documents[1].code',
      'SETTING_REQUIRED counter.documents[1].name.en',
      'SETTING_INVALID_CHOICE counter.documents[1].when',
      'SETTING_INVALID_CHOICE counter.documents[2].code',
      'SETTING_REQUIRED counter.documents[2].name.nl',
      'SETTING_REQUIRED counter.documents[2].name.en',
      'SETTING_INVALID_CHOICE counter.documents[2].when',
      'SETTING_REQUIRED counter.documents[3]',
    ]);
  });

  it('reports a missing or malformed settings object instead of throwing', () => {
    expect(codes(null)).toEqual(['SETTING_REQUIRED counter']);
    expect(codes({})).toContain('SETTING_REQUIRED counter.pricePerTermCents');
    expect(codes({ ...residentPermit, reviewCases: 'leaseCar', documents: {} })).toEqual([
      'SETTING_REQUIRED counter.reviewCases',
      'SETTING_REQUIRED counter.documents',
    ]);
  });
});
