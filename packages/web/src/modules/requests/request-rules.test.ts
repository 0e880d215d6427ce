import { describe, expect, it } from 'vitest';
import { checkCare, checkWaiver, minutesOfHours, waiverDeadlineOf } from './request-rules.js';

const policy = { perCalendarYear: 1, requestWithinMonths: 1 };
const timeZone = 'Europe/Amsterdam';

describe('docs/rules.md §9: the waiver form checks the scheme before sending', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it('refuses a fine older than a month, with the last day it could have been asked', () => {
    expect(checkWaiver({ fineDate: '2026-10-01', now, timeZone, policy, previous: [] })).toEqual({
      code: 'WAIVER_REQUEST_TOO_LATE',
      params: { deadline: '2026-11-01', months: 1 },
    });
    expect(waiverDeadlineOf('2026-11-10', policy)).toBe('2026-12-10');
  });

  it("counts the year's pending and approved requests, not the refused ones", () => {
    const ask = (status: 'pending' | 'approved' | 'refused') =>
      checkWaiver({
        fineDate: '2026-11-10',
        now,
        timeZone,
        policy,
        previous: [{ fineDate: '2026-03-02', status }],
      });
    expect(ask('pending')?.code).toBe('WAIVER_YEAR_ALLOWANCE_USED');
    expect(ask('approved')?.code).toBe('WAIVER_YEAR_ALLOWANCE_USED');
    expect(ask('refused')).toBeNull();
  });
});

describe('docs/rules.md §4: the care form asks no more than the cap has left', () => {
  const scheme = {
    period: 'calendarYear' as const,
    limitMinutes: 400 * 60,
    permitStart: '2026-01-01',
    counted: [{ at: '2026-03-01T10:00:00Z', minutes: 300 * 60 }],
  };
  const now = new Date('2026-06-01T10:00:00Z');
  it('allows the rest and refuses a minute more, with what is left', () => {
    expect(checkCare({ minutes: 100 * 60, now, timeZone, scheme })).toBeNull();
    expect(checkCare({ minutes: 100 * 60 + 1, now, timeZone, scheme })).toMatchObject({
      code: 'CARE_GRANT_LIMIT_EXCEEDED',
      params: { remaining: 6000 },
    });
  });

  it('reads hours as a holder types them', () => {
    expect(minutesOfHours('10')).toBe(600);
    expect(minutesOfHours('1,5')).toBe(90);
    expect(minutesOfHours('1.000')).toBeNull();
    expect(minutesOfHours('0')).toBeNull();
  });
});
