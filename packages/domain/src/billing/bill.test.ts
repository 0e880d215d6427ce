import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cityCentreRegime, permitHolderRegime } from '../regime/example-regimes.js';
import { bill, centsForMinutes, type BillingContext } from './bill.js';
import type { BillingSettings } from './billing-settings.js';

const tz = 'Europe/Amsterdam';
const at = (iso: string) => new Date(iso);
const minutesBalance: BillingSettings = { unit: 'minutes', minuteCounting: 'started', tariffs: [] };
const moneyBalance: BillingSettings = {
  unit: 'cents',
  minuteCounting: 'started',
  tariffs: [
    { validFrom: '2025-01-01', centsPerHour: 210 },
    { validFrom: '2027-01-01', centsPerHour: 240 },
  ],
};
const centre: BillingContext = { regime: cityCentreRegime, timeZone: tz, billing: minutesBalance };
const centreMoney: BillingContext = { ...centre, billing: moneyBalance };
const allDay: BillingContext = {
  regime: permitHolderRegime,
  timeZone: tz,
  billing: minutesBalance,
};

describe('docs/rules.md §5: only time inside paid-parking hours is charged', () => {
  it('a Sunday 16:30 registration until 19:30 is charged 30 minutes where paid parking ends at 17:00', () => {
    // Sunday 22 Nov 2026, 16:30–19:30 local (UTC+1).
    const result = bill(
      { start: at('2026-11-22T15:30:00Z'), end: at('2026-11-22T18:30:00Z') },
      centre,
    );
    expect(result.minutes).toBe(30);
    expect(result.cost).toBe(30);
    expect(result.segments).toHaveLength(1);
    expect(result.segments[0]!.end.toISOString()).toBe('2026-11-22T16:00:00.000Z');
  });

  it('a session entirely outside paid hours costs nothing', () => {
    const evening = bill(
      { start: at('2026-11-23T20:30:00Z'), end: at('2026-11-24T07:00:00Z') },
      centre,
    );
    expect(evening).toEqual({ minutes: 0, cost: 0, segments: [] });
  });

  it('an overnight visit is split into one segment per paid window', () => {
    // Friday 20:00 local to Saturday 11:00 local.
    const result = bill(
      { start: at('2026-11-20T19:00:00Z'), end: at('2026-11-21T10:00:00Z') },
      centre,
    );
    expect(result.segments.map((s) => [s.date, s.minutes])).toEqual([
      ['2026-11-20', 60],
      ['2026-11-21', 120],
    ]);
    expect(result.minutes).toBe(180);
  });
});

describe('docs/rules.md §4: time balance billed per minute', () => {
  it('a 10-minute visit costs 10 minutes, not an hour', () => {
    const visit = bill(
      { start: at('2026-11-23T10:00:00Z'), end: at('2026-11-23T10:10:00Z') },
      centre,
    );
    expect(visit.cost).toBe(10);
  });

  it('counts a started minute by default and only whole minutes when set so', () => {
    const interval = { start: at('2026-11-23T10:00:00Z'), end: at('2026-11-23T10:09:10Z') };
    expect(bill(interval, centre).cost).toBe(10);
    const completed = {
      ...centre,
      billing: { ...minutesBalance, minuteCounting: 'completed' as const },
    };
    expect(bill(interval, completed).cost).toBe(9);
  });
});

describe('docs/rules.md §4: money balance from an hourly tariff', () => {
  it('rounds each segment to the nearest cent, halves up', () => {
    expect(centsForMinutes(7, 210)).toBe(25); // 24.5 ct
    expect(centsForMinutes(1, 210)).toBe(4); // 3.5 ct
    expect(centsForMinutes(60, 210)).toBe(210);
    expect(centsForMinutes(1, 20)).toBe(0); // 0.33 ct
  });

  it('charges 3 hours at €2.10 as €6.30', () => {
    const result = bill(
      { start: at('2026-11-23T09:00:00Z'), end: at('2026-11-23T12:00:00Z') },
      centreMoney,
    );
    expect(result.cost).toBe(630);
    expect(result.segments[0]!.cost).toBe(630);
  });

  it('uses the tariff in effect on the segment date: the past keeps its price', () => {
    // Thursday 31 Dec 2026 20:00 local to Friday 1 Jan 2027 10:00 local: 60 min at 2.10, 60 at 2.40.
    const result = bill(
      { start: at('2026-12-31T19:00:00Z'), end: at('2027-01-01T09:00:00Z') },
      centreMoney,
    );
    expect(result.segments.map((s) => s.cost)).toEqual([210, 240]);
    expect(result.cost).toBe(450);
  });

  it('refuses to bill a day without a tariff', () => {
    expect(() =>
      bill({ start: at('2024-06-03T09:00:00Z'), end: at('2024-06-03T10:00:00Z') }, centreMoney),
    ).toThrow(/no tariff/);
  });
});

describe('docs/rules.md §3/§4: billing across the 2026 and 2027 clock changes', () => {
  it.each([
    ['2026-03-29', '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', 23 * 60],
    ['2026-10-25', '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', 25 * 60],
    ['2027-03-28', '2027-03-27T23:00:00Z', '2027-03-28T22:00:00Z', 23 * 60],
    ['2027-10-31', '2027-10-30T22:00:00Z', '2027-10-31T23:00:00Z', 25 * 60],
  ])('a whole day %s on permit-holder spaces costs its real length', (_, start, end, minutes) => {
    expect(bill({ start: at(start), end: at(end) }, allDay).cost).toBe(minutes);
  });

  it('charges the doubled hour of 25 Oct 2026 once per occurrence', () => {
    // 01:30 CEST to 02:30 CET local is two hours of real time.
    const night = bill(
      { start: at('2026-10-24T23:30:00Z'), end: at('2026-10-25T01:30:00Z') },
      allDay,
    );
    expect(night.cost).toBe(120);
  });

  it.each([
    ['2026-03-29', '2026-03-29T10:00:00Z', '2026-03-29T15:00:00Z'],
    ['2026-10-25', '2026-10-25T11:00:00Z', '2026-10-25T16:00:00Z'],
    ['2027-03-28', '2027-03-28T10:00:00Z', '2027-03-28T15:00:00Z'],
    ['2027-10-31', '2027-10-31T11:00:00Z', '2027-10-31T16:00:00Z'],
  ])('Sunday %s is paid 12:00–17:00 local, 300 minutes', (_, paidStart, paidEnd) => {
    const wholeDay = bill(
      {
        start: at(paidStart.slice(0, 10) + 'T00:00:00Z'),
        end: at(paidEnd.slice(0, 10) + 'T23:00:00Z'),
      },
      centre,
    );
    expect(wholeDay.cost).toBe(300);
    expect(wholeDay.segments[0]!.start.toISOString()).toBe(at(paidStart).toISOString());
    expect(wholeDay.segments[0]!.end.toISOString()).toBe(at(paidEnd).toISOString());
  });
});

const from = Date.UTC(2026, 0, 1) / 60_000;
const to = Date.UTC(2028, 0, 1) / 60_000;
const minuteInstant = fc.integer({ min: from, max: to }).map((m) => new Date(m * 60_000));
const instant = fc.integer({ min: from * 60_000, max: to * 60_000 }).map((ms) => new Date(ms));
const contexts = fc.constantFrom(centre, allDay, centreMoney);
const ordered3 = fc
  .tuple(
    minuteInstant,
    fc.integer({ min: 0, max: 4 * 1440 }),
    fc.integer({ min: 0, max: 4 * 1440 }),
  )
  .map(
    ([a, x, y]) =>
      [a, new Date(a.getTime() + x * 60_000), new Date(a.getTime() + (x + y) * 60_000)] as const,
  );

describe('docs/rules.md §4/§5: billing properties', () => {
  it('paid minutes of [a,c] = those of [a,b] + [b,c] (minute-aligned); so is a time balance cost', () => {
    fc.assert(
      fc.property(ordered3, contexts, ([a, b, c], context) => {
        const whole = bill({ start: a, end: c }, context);
        const first = bill({ start: a, end: b }, context);
        const second = bill({ start: b, end: c }, context);
        expect(whole.minutes).toBe(first.minutes + second.minutes);
        if (context.billing.unit === 'minutes') expect(whole.cost).toBe(first.cost + second.cost);
      }),
    );
  });

  it('the cost never exceeds the minutes of the interval (time balance)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 3 * 86_400_000 }), (start, ms) => {
        const end = new Date(start.getTime() + ms);
        const result = bill({ start, end }, allDay);
        expect(result.cost).toBeLessThanOrEqual(Math.ceil(ms / 60_000));
        expect(result.cost).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('the cost is the sum of its segments and grows with the end', () => {
    fc.assert(
      fc.property(ordered3, contexts, ([a, b, c], context) => {
        const shorter = bill({ start: a, end: b }, context);
        const longer = bill({ start: a, end: c }, context);
        expect(longer.cost).toBe(longer.segments.reduce((sum, s) => sum + s.cost, 0));
        expect(longer.cost).toBeGreaterThanOrEqual(shorter.cost);
      }),
    );
  });
});
