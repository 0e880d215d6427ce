import { describe, expect, it } from 'vitest';
import { objectionPeriodEnd } from './objection-period.js';

const amsterdam = 'Europe/Amsterdam';

describe('the objection period of a fine (docs/rules.md §9 fines)', () => {
  it('ends at the end of the town-calendar day that many days after the day of the fine', () => {
    // 23 November 2026 10:00 in Amsterdam (winter time, UTC+1): day 42 is 4 January 2027.
    expect(objectionPeriodEnd(new Date('2026-11-23T09:00:00Z'), 42, amsterdam)).toEqual(
      new Date('2027-01-04T23:00:00Z'),
    );
    // 00:30 on 24 November in Amsterdam is still the 23rd in UTC: the town's day counts.
    expect(objectionPeriodEnd(new Date('2026-11-23T23:30:00Z'), 7, amsterdam)).toEqual(
      new Date('2026-12-01T23:00:00Z'),
    );
  });

  it('keeps whole days across the spring clock change: the last day ends at local midnight in summer time', () => {
    // 20 March 2026 (UTC+1) + 14 days = 3 April 2026, which ends at 00:00 UTC+2.
    expect(objectionPeriodEnd(new Date('2026-03-20T12:00:00Z'), 14, amsterdam)).toEqual(
      new Date('2026-04-03T22:00:00Z'),
    );
  });

  it('keeps whole days across the autumn clock change: the last day ends at local midnight in winter time', () => {
    // 20 October 2026 (UTC+2) + 14 days = 3 November 2026, which ends at 00:00 UTC+1.
    expect(objectionPeriodEnd(new Date('2026-10-20T12:00:00Z'), 14, amsterdam)).toEqual(
      new Date('2026-11-03T23:00:00Z'),
    );
  });
});
