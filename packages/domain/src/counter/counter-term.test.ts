import { describe, expect, it } from 'vitest';
import type { CounterSettings } from './counter-settings.js';
import {
  administrationFeeCents,
  inRenewalWindow,
  monthsCovered,
  renewalWindow,
  termFrom,
  termPriceCents,
} from './counter-term.js';

const amsterdam = 'Europe/Amsterdam';

const residentPermit: CounterSettings = {
  pricePerTermCents: 9600,
  period: 'year',
  alignment: 'calendar',
  chargesAdministrationFee: true,
  proRataRefund: 'wholeMonths',
  plateChangeFeeCents: 1000,
  maxPlates: 1,
  requiresPlate: true,
  renewalWindowDays: 42,
  reminderDaysBefore: 28,
  maxDaysAhead: 90,
  reviewCases: [],
  documents: [],
};

describe('the term of a grant or renewal (docs/rules.md §1 counter term)', () => {
  it('runs a rolling term one whole period from the start, to the local midnight that ends it', () => {
    const term = termFrom('2026-11-23', { period: 'quarter', alignment: 'rolling' }, amsterdam);
    expect(term).toEqual({
      startsOn: '2026-11-23',
      endsOn: '2027-02-23',
      validFrom: new Date('2026-11-22T23:00:00Z'),
      validUntil: new Date('2027-02-22T23:00:00Z'),
    });
    // A start on the 31st ends on the last day of a shorter month.
    expect(
      termFrom('2027-01-31', { period: 'month', alignment: 'rolling' }, amsterdam).endsOn,
    ).toBe('2027-02-28');
  });

  it('runs a calendar-aligned term to the end of its calendar period', () => {
    const calendar = (period: 'month' | 'quarter' | 'halfYear' | 'year', start: string) =>
      termFrom(start, { period, alignment: 'calendar' }, amsterdam).endsOn;
    expect(calendar('month', '2026-11-23')).toBe('2026-12-01');
    expect(calendar('quarter', '2026-11-23')).toBe('2027-01-01');
    expect(calendar('quarter', '2026-04-01')).toBe('2026-07-01');
    expect(calendar('halfYear', '2026-03-15')).toBe('2026-07-01');
    expect(calendar('halfYear', '2026-07-01')).toBe('2027-01-01');
    expect(calendar('year', '2026-11-23')).toBe('2027-01-01');
    expect(calendar('year', '2027-01-01')).toBe('2028-01-01');
  });

  it('starts and ends at local midnight across the spring clock change (29 March 2026)', () => {
    const term = termFrom('2026-03-01', { period: 'month', alignment: 'rolling' }, amsterdam);
    expect(term.validFrom).toEqual(new Date('2026-02-28T23:00:00Z'));
    // After the change Amsterdam is UTC+2: the month is an hour shorter.
    expect(term.validUntil).toEqual(new Date('2026-03-31T22:00:00Z'));
    const onTheDay = termFrom('2026-03-29', { period: 'month', alignment: 'calendar' }, amsterdam);
    expect(onTheDay.validFrom).toEqual(new Date('2026-03-28T23:00:00Z'));
    expect(onTheDay.validUntil).toEqual(new Date('2026-03-31T22:00:00Z'));
  });

  it('starts and ends at local midnight across the autumn clock change (25 October 2026)', () => {
    const term = termFrom('2026-10-01', { period: 'month', alignment: 'rolling' }, amsterdam);
    expect(term.validFrom).toEqual(new Date('2026-09-30T22:00:00Z'));
    // Back to UTC+1: the month is an hour longer.
    expect(term.validUntil).toEqual(new Date('2026-10-31T23:00:00Z'));
    const onTheDay = termFrom('2026-10-25', { period: 'month', alignment: 'calendar' }, amsterdam);
    expect(onTheDay.validFrom).toEqual(new Date('2026-10-24T22:00:00Z'));
    expect(onTheDay.validUntil).toEqual(new Date('2026-10-31T23:00:00Z'));
  });
});

describe('the price of a term (docs/rules.md §1 counter price)', () => {
  it('counts the months a term touches, a started month whole', () => {
    expect(monthsCovered('2026-11-23', '2027-01-01')).toBe(2);
    expect(monthsCovered('2026-01-01', '2027-01-01')).toBe(12);
    expect(monthsCovered('2026-12-31', '2027-01-01')).toBe(1);
    expect(monthsCovered('2026-03-15', '2026-07-01')).toBe(4);
  });

  it('charges a whole period in full and a shorter calendar-aligned first term by its months', () => {
    const year = termFrom('2026-11-23', residentPermit, amsterdam);
    expect(termPriceCents(year, residentPermit)).toBe(1600);
    const whole = termFrom('2027-01-01', residentPermit, amsterdam);
    expect(termPriceCents(whole, residentPermit)).toBe(9600);
    const rolling = { ...residentPermit, alignment: 'rolling' as const };
    expect(termPriceCents(termFrom('2026-11-23', rolling, amsterdam), rolling)).toBe(9600);
    // Halves round up: 1000 a quarter, one month of it is 333.33…, two are 666.67.
    const quarter = { ...residentPermit, period: 'quarter' as const, pricePerTermCents: 1000 };
    expect(termPriceCents(termFrom('2026-12-10', quarter, amsterdam), quarter)).toBe(333);
    expect(termPriceCents(termFrom('2026-11-10', quarter, amsterdam), quarter)).toBe(667);
  });

  it("adds the town's administration fee only where the product charges it (docs/rules.md §1 administration fee)", () => {
    expect(administrationFeeCents(residentPermit, 590)).toBe(590);
    expect(administrationFeeCents({ chargesAdministrationFee: false }, 590)).toBe(0);
  });
});

describe('the renewal window (docs/rules.md §1 renewal window)', () => {
  const validUntil = new Date('2026-12-31T23:00:00Z');

  it('opens renewalWindowDays before the end and buys the next whole term from the end', () => {
    const window = renewalWindow(validUntil, residentPermit, amsterdam);
    expect(window.opensOn).toBe('2026-11-20');
    expect(window.opensAt).toEqual(new Date('2026-11-19T23:00:00Z'));
    expect(window.next).toMatchObject({ startsOn: '2027-01-01', endsOn: '2028-01-01' });
    expect(termPriceCents(window.next, residentPermit)).toBe(9600);
  });

  it('is open from its first moment until the permit ends', () => {
    const window = renewalWindow(validUntil, residentPermit, amsterdam);
    expect(inRenewalWindow(new Date('2026-11-19T22:59:59Z'), validUntil, window)).toBe(false);
    expect(inRenewalWindow(new Date('2026-11-19T23:00:00Z'), validUntil, window)).toBe(true);
    expect(inRenewalWindow(new Date('2026-12-31T22:59:59Z'), validUntil, window)).toBe(true);
    expect(inRenewalWindow(validUntil, validUntil, window)).toBe(false);
  });

  it('opens at local midnight across the spring clock change', () => {
    const window = renewalWindow(
      new Date('2026-04-01T22:00:00Z'),
      { ...residentPermit, renewalWindowDays: 5 },
      amsterdam,
    );
    expect(window.opensOn).toBe('2026-03-28');
    expect(window.opensAt).toEqual(new Date('2026-03-27T23:00:00Z'));
  });
});

describe('a day permit (docs/rules.md §1 counter term, day)', () => {
  const day = { period: 'day', alignment: 'rolling' } as const;

  it('runs one local day from midnight to midnight, whatever the alignment, at the price of a day', () => {
    const term = termFrom('2026-11-23', day, amsterdam);
    expect(term).toEqual({
      startsOn: '2026-11-23',
      endsOn: '2026-11-24',
      validFrom: new Date('2026-11-22T23:00:00Z'),
      validUntil: new Date('2026-11-23T23:00:00Z'),
    });
    expect(termFrom('2026-11-23', { ...day, alignment: 'calendar' }, amsterdam)).toEqual(term);
    expect(termPriceCents(term, { period: 'day', pricePerTermCents: 1250 })).toBe(1250);
  });

  it('lasts 23 hours on the spring clock change (29 March 2026) and 25 on the autumn one (25 October 2026)', () => {
    const spring = termFrom('2026-03-29', day, amsterdam);
    expect(spring.validFrom).toEqual(new Date('2026-03-28T23:00:00Z'));
    expect(spring.validUntil).toEqual(new Date('2026-03-29T22:00:00Z'));
    expect(spring.validUntil.getTime() - spring.validFrom.getTime()).toBe(23 * 3_600_000);
    const autumn = termFrom('2026-10-25', day, amsterdam);
    expect(autumn.validFrom).toEqual(new Date('2026-10-24T22:00:00Z'));
    expect(autumn.validUntil).toEqual(new Date('2026-10-25T23:00:00Z'));
    expect(autumn.validUntil.getTime() - autumn.validFrom.getTime()).toBe(25 * 3_600_000);
    // Whole days cost the same, short or long.
    expect(termPriceCents(spring, { period: 'day', pricePerTermCents: 1250 })).toBe(1250);
    expect(termPriceCents(autumn, { period: 'day', pricePerTermCents: 1250 })).toBe(1250);
  });

  it('renews as the next day, from the window of at most a day before', () => {
    const term = termFrom('2026-10-24', day, amsterdam);
    const window = renewalWindow(term.validUntil, { ...day, renewalWindowDays: 1 }, amsterdam);
    expect(window.opensOn).toBe('2026-10-24');
    expect(window.next.startsOn).toBe('2026-10-25');
    expect(window.next.endsOn).toBe('2026-10-26');
  });
});
