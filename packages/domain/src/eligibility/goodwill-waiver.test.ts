import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateParts,
  daysBetween,
  toLocalDate,
  type LocalDate,
} from '../time/local-date.js';
import { instantAt } from '../time/zoned-time.js';
import {
  decideWaiverRequest,
  goodwillWaiverPolicy,
  waiverDeadline,
  type PreviousWaiver,
  type WaiverRequest,
} from './goodwill-waiver.js';

const tz = 'Europe/Amsterdam';
/** Noon, local time, on a date: away from any day boundary. */
const noonOn = (date: LocalDate) => instantAt(date, 12 * 60, tz);

function request(
  fineDate: LocalDate,
  requestedAt: Date,
  previousWaivers: readonly PreviousWaiver[] = [],
): WaiverRequest {
  return { fineDate, requestedAt, timeZone: tz, previousWaivers, policy: goodwillWaiverPolicy };
}

describe('docs/rules.md §9: goodwill waiver, requested within one month of the fine’s date', () => {
  it('gives a fine of 31 January until 28 February, or 29 February in a leap year', () => {
    expect(waiverDeadline('2026-01-31', goodwillWaiverPolicy)).toBe('2026-02-28');
    expect(waiverDeadline('2028-01-31', goodwillWaiverPolicy)).toBe('2028-02-29');
    expect(waiverDeadline('2026-03-15', goodwillWaiverPolicy)).toBe('2026-04-15');
    expect(waiverDeadline('2026-12-31', goodwillWaiverPolicy)).toBe('2027-01-31');
  });

  it('allows a request on 28 February (day 28) after a fine of 31 January', () => {
    expect(decideWaiverRequest(request('2026-01-31', noonOn('2026-02-28')))).toEqual({
      ok: true,
      calendarYear: 2026,
      deadline: '2026-02-28',
    });
  });

  it('refuses a request on day 29 and on day 31 after a fine of 31 January, naming the deadline', () => {
    const tooLate = {
      ok: false,
      reason: 'WAIVER_REQUEST_TOO_LATE',
      params: { deadline: '2026-02-28', months: 1 },
    };
    expect(decideWaiverRequest(request('2026-01-31', noonOn('2026-03-01')))).toEqual(tooLate);
    expect(decideWaiverRequest(request('2026-01-31', noonOn(addDays('2026-01-31', 31))))).toEqual(
      tooLate,
    );
  });

  it('allows day 31 when the month has 31 days (fine of 1 March, request on 1 April)', () => {
    expect(decideWaiverRequest(request('2026-03-01', noonOn('2026-04-01'))).ok).toBe(true);
    expect(decideWaiverRequest(request('2026-03-01', noonOn('2026-04-02'))).ok).toBe(false);
  });

  it('allows a request on the fine’s date itself and refuses one before it', () => {
    expect(decideWaiverRequest(request('2026-05-10', noonOn('2026-05-10'))).ok).toBe(true);
    expect(decideWaiverRequest(request('2026-05-10', noonOn('2026-05-09')))).toEqual({
      ok: false,
      reason: 'WAIVER_REQUEST_BEFORE_FINE_DATE',
      params: { fineDate: '2026-05-10' },
    });
  });

  it('uses a longer window when the policy says so', () => {
    const twoMonths = {
      ...request('2026-01-31', noonOn('2026-03-31')),
      policy: { perCalendarYear: 1, requestWithinMonths: 2 },
    };
    expect(decideWaiverRequest(twoMonths)).toEqual({
      ok: true,
      calendarYear: 2026,
      deadline: '2026-03-31',
    });
  });
});

describe('docs/rules.md §9: the deadline is a local calendar day (Europe/Amsterdam)', () => {
  it('accepts 23:30 Amsterdam time on the last day, in winter and in summer', () => {
    // 28 Feb 23:30 CET = 22:30 UTC; 30 Jun 23:30 CEST = 21:30 UTC.
    expect(decideWaiverRequest(request('2026-01-31', new Date('2026-02-28T22:30:00Z'))).ok).toBe(
      true,
    );
    expect(decideWaiverRequest(request('2026-05-31', new Date('2026-06-30T21:30:00Z'))).ok).toBe(
      true,
    );
  });

  it('refuses 00:30 Amsterdam time the day after, although it is still the last day in UTC', () => {
    expect(
      decideWaiverRequest(request('2026-01-31', new Date('2026-02-28T23:30:00Z'))),
    ).toMatchObject({
      ok: false,
      reason: 'WAIVER_REQUEST_TOO_LATE',
    });
    expect(decideWaiverRequest(request('2026-05-31', new Date('2026-06-30T22:30:00Z'))).ok).toBe(
      false,
    );
  });

  it('accepts 00:15 Amsterdam time on the fine’s date, although UTC is still the day before', () => {
    expect(decideWaiverRequest(request('2026-03-10', new Date('2026-03-09T23:15:00Z'))).ok).toBe(
      true,
    );
  });

  it('judges by the municipality’s zone, not by the server’s', () => {
    // 28 Feb 20:00 in New York is 1 March 02:00 in Amsterdam: too late there.
    const late = decideWaiverRequest(request('2026-01-31', new Date('2026-03-01T01:00:00Z')));
    expect(late.ok).toBe(false);
    const inNewYork = {
      ...request('2026-01-31', new Date('2026-03-01T01:00:00Z')),
      timeZone: 'America/New_York',
    };
    expect(decideWaiverRequest(inNewYork).ok).toBe(true);
  });

  it('property: every minute of a local day gets the same answer, across clock changes', () => {
    const dates = fc
      .record({
        year: fc.integer({ min: 2020, max: 2035 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ year, month, day }) => toLocalDate(year, month, day));
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: -3, max: 33 }),
        fc.integer({ min: 0, max: 1439 }),
        (fineDate, offset, minute) => {
          const day = addDays(fineDate, offset);
          const atMinute = decideWaiverRequest(request(fineDate, instantAt(day, minute, tz)));
          const atNoon = decideWaiverRequest(request(fineDate, noonOn(day)));
          expect(atMinute).toEqual(atNoon);
        },
      ),
    );
  });
});

describe('docs/rules.md §9: one goodwill waiver per calendar year', () => {
  it('refuses a second waiver in one year', () => {
    const earlier: PreviousWaiver = { fineDate: '2026-03-10', status: 'approved' };
    expect(decideWaiverRequest(request('2026-06-01', noonOn('2026-06-05'), [earlier]))).toEqual({
      ok: false,
      reason: 'WAIVER_YEAR_ALLOWANCE_USED',
      params: { year: 2026, max: 1 },
    });
  });

  it('allows a waiver after a refused one in the same year', () => {
    const refused: PreviousWaiver = { fineDate: '2026-03-10', status: 'refused' };
    expect(decideWaiverRequest(request('2026-06-01', noonOn('2026-06-05'), [refused])).ok).toBe(
      true,
    );
  });

  it('counts a pending request as using the year’s allowance', () => {
    const pending: PreviousWaiver = { fineDate: '2026-05-28', status: 'pending' };
    expect(
      decideWaiverRequest(request('2026-06-01', noonOn('2026-06-05'), [pending])),
    ).toMatchObject({
      ok: false,
      reason: 'WAIVER_YEAR_ALLOWANCE_USED',
    });
  });

  it('does not count a waiver of another year', () => {
    const lastYear: PreviousWaiver = { fineDate: '2025-12-20', status: 'approved' };
    expect(decideWaiverRequest(request('2026-01-05', noonOn('2026-01-10'), [lastYear])).ok).toBe(
      true,
    );
  });

  it('counts a fine of December waived in January for the fine’s year', () => {
    const decemberFine = request('2026-12-20', noonOn('2027-01-10'));
    expect(decideWaiverRequest(decemberFine)).toEqual({
      ok: true,
      calendarYear: 2026,
      deadline: '2027-01-20',
    });
    // The new year's allowance does not matter to it …
    const waivedIn2027: PreviousWaiver = { fineDate: '2027-01-02', status: 'approved' };
    expect(decideWaiverRequest({ ...decemberFine, previousWaivers: [waivedIn2027] }).ok).toBe(true);
    // … but the old year's does.
    const waivedIn2026: PreviousWaiver = { fineDate: '2026-02-02', status: 'approved' };
    expect(decideWaiverRequest({ ...decemberFine, previousWaivers: [waivedIn2026] })).toMatchObject(
      {
        ok: false,
        reason: 'WAIVER_YEAR_ALLOWANCE_USED',
        params: { year: 2026 },
      },
    );
  });

  it('follows the allowance setting', () => {
    const earlier: PreviousWaiver = { fineDate: '2026-03-10', status: 'approved' };
    const two = {
      ...request('2026-06-01', noonOn('2026-06-05'), [earlier]),
      policy: { perCalendarYear: 2, requestWithinMonths: 1 },
    };
    expect(decideWaiverRequest(two).ok).toBe(true);
    expect(decideWaiverRequest({ ...two, previousWaivers: [earlier, earlier] }).ok).toBe(false);
    const off = {
      ...request('2026-06-01', noonOn('2026-06-05')),
      policy: { perCalendarYear: 0, requestWithinMonths: 1 },
    };
    expect(decideWaiverRequest(off).ok).toBe(false);
  });

  it('rejects a policy or instant it cannot apply', () => {
    const base = request('2026-06-01', noonOn('2026-06-05'));
    expect(() =>
      decideWaiverRequest({ ...base, policy: { perCalendarYear: 1, requestWithinMonths: 0 } }),
    ).toThrow(RangeError);
    expect(() =>
      decideWaiverRequest({ ...base, policy: { perCalendarYear: 1.5, requestWithinMonths: 1 } }),
    ).toThrow(RangeError);
    expect(() => decideWaiverRequest({ ...base, requestedAt: new Date(Number.NaN) })).toThrow(
      RangeError,
    );
  });

  const status = fc.constantFrom<PreviousWaiver['status']>('approved', 'refused', 'pending');
  const localDate = fc
    .record({
      year: fc.integer({ min: 2000, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) =>
      toLocalDate(year, month, Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate())),
    );

  it('property: the deadline is 28 to 31 days after the fine, on the same day-number or the month’s last day', () => {
    fc.assert(
      fc.property(localDate, (fineDate) => {
        const deadline = waiverDeadline(fineDate, goodwillWaiverPolicy);
        const days = daysBetween(fineDate, deadline);
        expect(days).toBeGreaterThanOrEqual(28);
        expect(days).toBeLessThanOrEqual(31);
        const fine = dateParts(fineDate);
        const last = dateParts(deadline);
        expect(last.day === fine.day || dateParts(addDays(deadline, 1)).day === 1).toBe(true);
        expect(decideWaiverRequest(request(fineDate, noonOn(deadline))).ok).toBe(true);
        expect(decideWaiverRequest(request(fineDate, noonOn(addDays(deadline, 1)))).ok).toBe(false);
      }),
    );
  });

  it('property: adding a refused request never changes the decision', () => {
    fc.assert(
      fc.property(
        localDate,
        fc.integer({ min: -2, max: 35 }),
        fc.array(fc.record({ fineDate: localDate, status }), { maxLength: 4 }),
        localDate,
        (fineDate, offset, previous, refusedFineDate) => {
          const before = decideWaiverRequest(
            request(fineDate, noonOn(addDays(fineDate, offset)), previous),
          );
          const withRefused = [
            ...previous,
            { fineDate: refusedFineDate, status: 'refused' as const },
          ];
          const after = decideWaiverRequest(
            request(fineDate, noonOn(addDays(fineDate, offset)), withRefused),
          );
          expect(after).toEqual(before);
        },
      ),
    );
  });
});
