import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareLocalDates } from '../time/local-date.js';
import { instantAt } from '../time/zoned-time.js';
import { isInPeriod, periodOf } from './balance-period.js';

const tz = 'Europe/Amsterdam';

describe('docs/rules.md §4: cap periods, calendar years and permit years', () => {
  it('runs a calendar year from 1 January to 31 December', () => {
    expect(periodOf('calendarYear', '2026-12-31', undefined)).toEqual({
      start: '2026-01-01',
      nextStart: '2027-01-01',
    });
    expect(periodOf('calendarYear', '2027-01-01', undefined).start).toBe('2027-01-01');
  });

  it('runs a permit year from the start date to its anniversary', () => {
    expect(periodOf('permitYear', '2026-06-30', '2024-07-01')).toEqual({
      start: '2025-07-01',
      nextStart: '2026-07-01',
    });
    expect(periodOf('permitYear', '2026-07-01', '2024-07-01').start).toBe('2026-07-01');
    expect(periodOf('permitYear', '2024-07-01', '2024-07-01').start).toBe('2024-07-01');
    expect(periodOf('permitYear', '2024-06-01', '2024-07-01').start).toBe('2024-07-01');
  });

  it('judges an instant by its date in the municipality, across the daylight-saving change', () => {
    const summer = periodOf('permitYear', '2026-03-29', '2025-03-29');
    // 00:30 on 29 March 2026 in Amsterdam is 23:30 UTC the day before (winter time, UTC+1).
    expect(
      isInPeriod(new Date('2026-03-28T23:30:00Z'), summer, 'permitYear', '2025-03-29', tz),
    ).toBe(true);
    expect(
      isInPeriod(new Date('2026-03-28T22:59:00Z'), summer, 'permitYear', '2025-03-29', tz),
    ).toBe(false);
    expect(isInPeriod(instantAt('2026-03-29', 0, tz), summer, 'permitYear', '2025-03-29', tz)).toBe(
      true,
    );
  });

  it('puts every date after the start in exactly one permit year, back to back', () => {
    const dateArb = fc.integer({ min: 0, max: 20 * 366 }).map((n) => addDays('2016-01-01', n));
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 3000 }), (permitStart, offset) => {
        const date = addDays(permitStart, offset);
        const period = periodOf('permitYear', date, permitStart);
        expect(compareLocalDates(period.start, date)).toBeLessThanOrEqual(0);
        expect(compareLocalDates(date, period.nextStart)).toBeLessThan(0);
        expect(periodOf('permitYear', period.nextStart, permitStart).start).toBe(period.nextStart);
        expect(periodOf('permitYear', addDays(period.start, -1), permitStart).nextStart).toBe(
          compareLocalDates(period.start, permitStart) === 0 ? period.nextStart : period.start,
        );
      }),
    );
  });
});
