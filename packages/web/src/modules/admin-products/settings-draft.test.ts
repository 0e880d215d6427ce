import { describe, expect, it } from 'vitest';
import {
  delftTopUpPolicy,
  moneyCapTopUpPolicy,
} from '@parkeer/domain/balance/top-up-policy.examples';
import { visitorPolicyEndOfPaidHours } from '@parkeer/domain/session-policy/session-policy';
import {
  draftOf,
  inputOf,
  newCounterDraft,
  newPriceLine,
  type ProductSettings,
} from './settings-draft.js';

const delft: ProductSettings = {
  nameNl: 'Bezoekersvergunning',
  nameEn: 'Visitor permit',
  balanceUnit: 'minutes',
  delegationAllowed: true,
  sessionPolicy: visitorPolicyEndOfPaidHours,
  topUpPolicy: delftTopUpPolicy as unknown as Record<string, unknown>,
};
const today = '2026-11-23';

describe('the settings form of a product type', () => {
  it('sends back exactly what it was given when nothing is changed', () => {
    for (const language of ['nl', 'en'] as const) {
      const { input, problems } = inputOf(draftOf(delft, language, today), 'minutes');
      expect(problems).toEqual([]);
      expect(input.topUpPolicy).toEqual(delftTopUpPolicy);
      expect(input.sessionPolicy).toEqual(visitorPolicyEndOfPaidHours);
    }
    const money = { ...delft, balanceUnit: 'cents' as const, topUpPolicy: moneyCapTopUpPolicy };
    expect(inputOf(draftOf(money, 'nl', today), 'cents').input.topUpPolicy).toEqual(
      moneyCapTopUpPolicy,
    );
  });

  it('shows hours and euros, and sends minutes and cents', () => {
    const draft = draftOf(delft, 'nl', today);
    expect(draft.topUp).toMatchObject({ blockSize: '200', capLimit: '600', maxBalance: '60' });
    expect(draft.topUp!.prices[0]).toMatchObject({ price: '38,20' });
    expect(draft.topUp!.fees[0]).toMatchObject({ fee: '5,90' });
    draft.sessions!.maxHours = '3';
    draft.topUp!.capLimit = '100,5';
    const { input } = inputOf(draft, 'minutes');
    expect(input.sessionPolicy!.maxDurationMinutes).toBe(180);
    expect((input.topUpPolicy!.cap as { limit: number }).limit).toBe(6030);
  });

  it('keeps lines already in effect as they came, and sends new ones from the form', () => {
    const draft = draftOf(delft, 'nl', today);
    expect(draft.topUp!.prices.every((line) => line.original !== null)).toBe(true);
    // Even a retyped past price goes back unchanged: the API would refuse the change.
    draft.topUp!.prices[0]!.price = '1';
    draft.topUp!.prices.push({
      ...newPriceLine('2027-01-01'),
      zones: ['B'],
      price: '39,90',
    });
    const prices = (inputOf(draft, 'minutes').input.topUpPolicy!.pricing as { prices: unknown[] })
      .prices;
    expect(prices.slice(0, 6)).toEqual(delftTopUpPolicy.pricing.prices);
    expect(prices[6]).toEqual({
      validFrom: '2027-01-01',
      zones: ['B'],
      holderType: 'resident',
      priceCents: 3990,
    });
    // A day later the same line is in effect, and locked.
    const later = draftOf(
      { ...delft, topUpPolicy: inputOf(draft, 'minutes').input.topUpPolicy },
      'nl',
      '2027-01-01',
    );
    expect(later.topUp!.prices[6]!.original).not.toBeNull();
  });

  it('names what it cannot read, by the path the API would use', () => {
    const draft = draftOf(delft, 'nl', today);
    draft.topUp!.capLimit = 'veel';
    draft.sessions!.maxMinutes = '1,5';
    draft.sessions!.pastTolerance = '';
    draft.topUp!.prices.push({ ...newPriceLine('2027-01-01'), price: '1,234' });
    expect(inputOf(draft, 'minutes').problems).toEqual([
      { path: 'sessionPolicy.pastStartToleranceMinutes', reason: 'required' },
      { path: 'sessionPolicy.maxDurationMinutes', reason: 'notAWholeNumber' },
      { path: 'topUpPolicy.pricing.prices[6].priceCents', reason: 'notAnAmount' },
      { path: 'topUpPolicy.cap.limit', reason: 'notAnAmount' },
    ]);
  });

  it('has no session or top-up rules for a right without a balance', () => {
    const right = { ...delft, balanceUnit: null, sessionPolicy: null, topUpPolicy: null };
    expect(inputOf(draftOf(right, 'nl', today), null).input).toEqual({
      nameNl: 'Bezoekersvergunning',
      nameEn: 'Visitor permit',
      delegationAllowed: true,
      sessionPolicy: null,
      topUpPolicy: null,
      counter: null,
    });
  });

  it('shows the counter settings in euros and sends them back as stored (docs/rules.md §1, counter settings)', () => {
    const counter = {
      pricePerTermCents: 5450,
      period: 'year',
      alignment: 'calendar',
      chargesAdministrationFee: true,
      proRataRefund: 'wholeMonths',
      plateChangeFeeCents: 1000,
      maxPlates: 2,
      requiresPlate: true,
      renewalWindowDays: 30,
      reminderDaysBefore: null,
      maxDaysAhead: 60,
      reviewCases: ['leaseCar', 'privateParking'],
      documents: [
        {
          code: 'leaseContract',
          name: { nl: 'Leasecontract', en: 'Lease contract' },
          when: 'leaseCar',
        },
        { code: 'statement', name: { nl: 'Verklaring', en: 'Statement' }, when: null },
      ],
    };
    const draft = draftOf({ ...delft, counter }, 'nl', today);
    expect(draft.counter).toMatchObject({ price: '54,50', plateChangeFee: '10', reminderDays: '' });
    const { input, problems } = inputOf(draft, 'minutes');
    expect(problems).toEqual([]);
    expect(input.counter).toEqual(counter);
  });

  it('names counter amounts it cannot read at the API’s paths, and sends no plates without plates', () => {
    const draft = draftOf(delft, 'nl', today);
    draft.counter = {
      ...newCounterDraft(),
      price: 'vijf',
      maxDaysAhead: '1,5',
      requiresPlate: false,
      maxPlates: 'x',
    };
    const { input, problems } = inputOf(draft, 'minutes');
    expect(problems).toEqual([
      { path: 'counter.pricePerTermCents', reason: 'notAnAmount' },
      { path: 'counter.maxDaysAhead', reason: 'notAWholeNumber' },
    ]);
    expect(input.counter).toMatchObject({ maxPlates: 0, reviewCases: [], documents: [] });
  });

  it('docs/rules.md §1 care permit, §2 Vehicles: sends the vehicle rules and zones back as they came, a list only while listing', () => {
    const care: ProductSettings = {
      ...delft,
      kind: 'carePermit',
      balanceUnit: null,
      sessionPolicy: null,
      topUpPolicy: null,
      vehicleSizeLimits: { maxMassKg: 7500, maxLengthCm: 1000 },
      foreignPlates: 'accept',
      maxListedPlates: null,
      validIn: 'listedZones',
      validZoneCodes: ['C', 'TU'],
    };
    const draft = draftOf(care, 'nl', today);
    expect(inputOf(draft, null).input).toMatchObject({
      vehicleSizeLimits: { maxMassKg: 7500, maxLengthCm: 1000 },
      foreignPlates: 'accept',
      maxListedPlates: null,
      validIn: 'listedZones',
      validZoneCodes: ['C', 'TU'],
    });
    // The common line again, and every zone: no limits and no list go.
    draft.scope!.ownSizeLimits = false;
    draft.scope!.validIn = 'allZones';
    expect(inputOf(draft, null).input).toMatchObject({
      vehicleSizeLimits: null,
      validIn: 'allZones',
      validZoneCodes: [],
    });
    // A product that came without them (an older fixture) sends none, so the API keeps them.
    expect(inputOf(draftOf(delft, 'nl', today), 'minutes').input).not.toHaveProperty('validIn');
  });

  it('docs/rules.md §5: names a flexible permit’s number of plates it cannot read', () => {
    const flex: ProductSettings = {
      ...delft,
      kind: 'flexibleBusinessPermit',
      vehicleSizeLimits: null,
      foreignPlates: 'review',
      maxListedPlates: 10,
      validIn: 'ownZone',
      validZoneCodes: [],
    };
    const draft = draftOf(flex, 'nl', today);
    expect(draft.scope).toMatchObject({ maxListedPlates: '10', ownSizeLimits: false });
    draft.scope!.maxListedPlates = 'tien';
    expect(inputOf(draft, 'minutes').problems).toEqual([
      { path: 'maxListedPlates', reason: 'notAWholeNumber' },
    ]);
  });
});
