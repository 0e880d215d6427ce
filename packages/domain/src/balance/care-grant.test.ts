import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type LocalDate } from '../time/local-date.js';
import { instantAt, localDateOf } from '../time/zoned-time.js';
import {
  careGrantRoom,
  decideCareGrant,
  type CareGrant,
  type CareGrantInput,
} from './care-grant.js';
import {
  delftTopUpPolicy,
  moneyCapTopUpPolicy,
  permitYearTopUpPolicy,
} from './top-up-policy.examples.js';
import type { TopUpPolicy } from './top-up-policy.js';

const tz = 'Europe/Amsterdam';
const hours = (h: number) => h * 60;
const local = (date: LocalDate, hh = 12, mm = 0) => instantAt(date, hh * 60 + mm, tz);

const request = (overrides: Partial<CareGrantInput> = {}): CareGrantInput => ({
  policy: delftTopUpPolicy,
  requestedMinutes: hours(100),
  grants: [],
  now: local('2026-09-01'),
  timeZone: tz,
  ...overrides,
});

describe('docs/rules.md §4: informal care, up to 400 free hours per calendar year (004)', () => {
  const granted: CareGrant[] = [
    { at: local('2026-02-01'), amount: hours(250) },
    { at: local('2026-05-01'), amount: hours(80) },
    { at: local('2025-11-01'), amount: hours(400) },
  ];

  it('grants up to the rest of the 400 hours, free', () => {
    expect(decideCareGrant(request({ grants: granted, requestedMinutes: hours(70) }))).toEqual({
      ok: true,
      amount: 4200,
      limit: 24000,
      remainingAfter: 0,
      periodStart: '2026-01-01',
      nextPeriodStart: '2027-01-01',
    });
  });

  it('refuses a request beyond the 400 hours, with what remains', () => {
    const result = decideCareGrant(request({ grants: granted, requestedMinutes: hours(70) + 1 }));
    expect(result).toEqual({
      ok: false,
      reason: 'CARE_GRANT_LIMIT_EXCEEDED',
      params: {
        requested: 4201,
        remaining: 4200,
        limit: 24000,
        unit: 'minutes',
        nextPeriodStart: '2027-01-01',
      },
    });
    if (!result.ok) {
      expect(errorMessage(result.reason, 'nl', result.params)).not.toMatch(/\{\w+\}/);
      expect(errorMessage(result.reason, 'en', result.params)).not.toMatch(/\{\w+\}/);
    }
    expect(decideCareGrant(request({ requestedMinutes: hours(400) + 1 }))).toMatchObject({
      ok: false,
      params: { remaining: 24000 },
    });
  });

  it('does not count top-ups or grants of other years', () => {
    expect(decideCareGrant(request({ requestedMinutes: hours(400) })).ok).toBe(true);
    expect(
      decideCareGrant(request({ grants: granted, now: local('2027-01-01', 0) })),
    ).toMatchObject({
      ok: true,
      remainingAfter: hours(300),
      periodStart: '2027-01-01',
    });
  });

  it('counts a grant at 23:30 on 31 December Amsterdam time (22:30 UTC) for that year', () => {
    const lateGrant = { at: new Date('2026-12-31T22:30:00Z'), amount: hours(400) };
    expect(localDateOf(lateGrant.at, tz)).toBe('2026-12-31');
    expect(
      decideCareGrant(request({ grants: [lateGrant], now: new Date('2026-12-31T22:45:00Z') })),
    ).toMatchObject({ ok: false, reason: 'CARE_GRANT_LIMIT_EXCEEDED' });
    expect(
      decideCareGrant(request({ grants: [lateGrant], now: new Date('2026-12-31T23:00:00Z') })),
    ).toMatchObject({ ok: true, periodStart: '2027-01-01' });
  });

  it('refuses where the municipality grants no care time, and on a money balance', () => {
    expect(decideCareGrant(request({ policy: permitYearTopUpPolicy }))).toEqual({
      ok: false,
      reason: 'CARE_GRANT_NOT_OFFERED',
    });
    const moneyWithCare: TopUpPolicy = {
      ...moneyCapTopUpPolicy,
      careGrant: { period: 'calendarYear', limitMinutes: 24000 },
    };
    expect(decideCareGrant(request({ policy: moneyWithCare }))).toMatchObject({
      reason: 'CARE_GRANT_NOT_OFFERED',
    });
  });

  it('refuses a request that is not a positive whole number of minutes', () => {
    for (const requestedMinutes of [0, -60, 1.5, Number.NaN]) {
      expect(decideCareGrant(request({ requestedMinutes }))).toMatchObject({
        ok: false,
        reason: 'CARE_GRANT_INVALID_AMOUNT',
      });
    }
  });

  it('counts per permit year where the policy says so', () => {
    const perPermitYear: TopUpPolicy = {
      ...delftTopUpPolicy,
      careGrant: { period: 'permitYear', limitMinutes: hours(400) },
    };
    const grants = [{ at: local('2026-03-01'), amount: hours(400) }];
    const at = (now: Date) =>
      decideCareGrant(request({ policy: perPermitYear, grants, now, permitStart: '2020-04-15' }));
    expect(at(local('2026-04-14'))).toMatchObject({
      ok: false,
      params: { nextPeriodStart: '2026-04-15' },
    });
    expect(at(local('2026-04-15'))).toMatchObject({ ok: true, periodStart: '2026-04-15' });
    expect(() => decideCareGrant(request({ policy: perPermitYear }))).toThrow(RangeError);
  });

  it('never grants more than 400 hours in a calendar year, however the requests come', () => {
    const requestsArb = fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 730 }),
        minutes: fc.integer({ min: 1, max: 15000 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(requestsArb, (requests) => {
        const grants: CareGrant[] = [];
        for (const { day, minutes } of [...requests].sort((a, b) => a.day - b.day)) {
          const now = local(addDays('2026-01-01', day));
          const result = decideCareGrant(request({ grants, now, requestedMinutes: minutes }));
          if (result.ok) grants.push({ at: now, amount: result.amount });
        }
        const perYear = new Map<string, number>();
        for (const grant of grants) {
          const year = localDateOf(grant.at, tz).slice(0, 4);
          perYear.set(year, (perYear.get(year) ?? 0) + grant.amount);
        }
        for (const total of perYear.values()) expect(total).toBeLessThanOrEqual(hours(400));
      }),
    );
  });
});

describe("docs/rules.md §4: the care cap's room, as a holder's request form shows it", () => {
  it('is what the grants of this year leave, and what a request up to it is granted', () => {
    const grants = [
      { at: local('2026-03-01'), amount: hours(300) },
      { at: local('2025-12-31', 23, 30), amount: hours(400) },
    ];
    const room = careGrantRoom(request({ grants }));
    expect(room).toEqual({
      limit: hours(400),
      remaining: hours(100),
      periodStart: '2026-01-01',
      nextPeriodStart: '2027-01-01',
    });
    expect(decideCareGrant(request({ grants, requestedMinutes: room!.remaining })).ok).toBe(true);
    expect(decideCareGrant(request({ grants, requestedMinutes: room!.remaining + 1 })).ok).toBe(
      false,
    );
  });

  it('is none for a product without care time', () => {
    expect(careGrantRoom(request({ policy: moneyCapTopUpPolicy }))).toBeNull();
  });
});
