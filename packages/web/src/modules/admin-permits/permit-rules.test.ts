import { describe, expect, it } from 'vitest';
import { formatsFor } from '../../app/ui/format.js';
import { lastValidDay, todayInTown, validityOf } from './permit-rules.js';

describe('the issue form’s validity on the town’s clock', () => {
  it('runs from local midnight to the end of the last day, across both DST changes', () => {
    // Winter time (UTC+1) at the start, summer time (UTC+2) at the end: 29 March 2026 changes.
    expect(validityOf('2026-03-28', '2026-03-29')).toEqual({
      validFrom: '2026-03-27T23:00:00.000Z',
      validUntil: '2026-03-29T22:00:00.000Z',
    });
    // 25 October 2026: summer time ends; the day after starts at 23:00 UTC.
    expect(validityOf('2026-10-25', '2026-10-25')).toEqual({
      validFrom: '2026-10-24T22:00:00.000Z',
      validUntil: '2026-10-25T23:00:00.000Z',
    });
  });

  it('leaves out what is empty or no date', () => {
    expect(validityOf('', '')).toEqual({ validFrom: null, validUntil: null });
    expect(validityOf('2026-11-23', '23-11-2026').validUntil).toBeNull();
  });

  it('shows the last valid day, not the day the exclusive end falls on', () => {
    const { validUntil } = validityOf('2026-11-23', '2026-12-31');
    expect(formatsFor('nl').date(lastValidDay(validUntil!))).toBe('31 december 2026');
  });

  it('takes today as the town sees it, also just after midnight there', () => {
    // 23:30 UTC on 22 November is 00:30 on the 23rd in Amsterdam.
    expect(todayInTown(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
  });
});
