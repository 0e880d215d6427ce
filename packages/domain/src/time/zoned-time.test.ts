import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isLocalDate, isoWeekdayOf } from './local-date.js';
import { endOfDay, instantAt, nextInstantAt, startOfDay, wallClockOf } from './zoned-time.js';

const tz = 'Europe/Amsterdam';
const iso = (d: Date) => d.toISOString();

describe('docs/rules.md §3: local time in the Netherlands across daylight-saving changes', () => {
  it('29 March 2026 has 23 hours and 25 October 2026 has 25', () => {
    const hours = (date: string) =>
      (endOfDay(date, tz).getTime() - startOfDay(date, tz).getTime()) / 3_600_000;
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2027-03-28')).toBe(23);
    expect(hours('2027-10-31')).toBe(25);
    expect(hours('2026-06-01')).toBe(24);
  });

  it('resolves a wall time that occurs twice to its first occurrence', () => {
    expect(iso(instantAt('2026-10-25', 150, tz))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(instantAt('2026-10-25', 180, tz))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('moves a wall time skipped in spring forward by the gap', () => {
    expect(iso(instantAt('2026-03-29', 120, tz))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(instantAt('2026-03-29', 150, tz))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(instantAt('2026-03-29', 180, tz))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reads the wall clock of both occurrences of 02:30 on the autumn change', () => {
    expect(wallClockOf(new Date('2026-10-25T00:30:00Z'), tz)).toEqual({
      date: '2026-10-25',
      minuteOfDay: 150,
      isoWeekday: 7,
    });
    expect(wallClockOf(new Date('2026-10-25T01:30:00Z'), tz).minuteOfDay).toBe(150);
  });

  it('maps 24:00 to the next midnight', () => {
    expect(iso(instantAt('2026-11-21', 1440, tz))).toBe(iso(startOfDay('2026-11-22', tz)));
    expect(() => instantAt('2026-11-21', 1441, tz)).toThrow(RangeError);
  });
});

describe('calendar dates', () => {
  it('validates dates', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-1')).toBe(false);
    expect(isLocalDate('0050-01-01')).toBe(true);
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
  });
  it('adds days and months, clamping to the end of a month', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });
  it('knows the weekday', () => {
    expect(isoWeekdayOf('2026-11-21')).toBe(6);
    expect(isoWeekdayOf('2026-11-22')).toBe(7);
  });
});

describe('the next time the town’s clock shows a time of day (a keyed end, docs/rules.md §5)', () => {
  const amsterdam = 'Europe/Amsterdam';
  it('is today while that time is still to come, else tomorrow', () => {
    const monday10 = new Date('2026-11-23T09:00:00Z');
    expect(nextInstantAt(monday10, 17 * 60 + 30, amsterdam).toISOString()).toBe(
      '2026-11-23T16:30:00.000Z',
    );
    expect(nextInstantAt(monday10, 10 * 60, amsterdam).toISOString()).toBe(
      '2026-11-24T09:00:00.000Z',
    );
  });

  it('is tomorrow by the calendar across both clock changes, not 24 hours on', () => {
    // Saturday 23:30 before the spring change (CET) and before the autumn change (CEST).
    expect(nextInstantAt(new Date('2026-03-28T22:30:00Z'), 10 * 60, amsterdam).toISOString()).toBe(
      '2026-03-29T08:00:00.000Z',
    );
    expect(nextInstantAt(new Date('2026-10-24T21:30:00Z'), 10 * 60, amsterdam).toISOString()).toBe(
      '2026-10-25T09:00:00.000Z',
    );
    // Sunday 00:30 after each change: 23:00 is still to come that same day.
    expect(nextInstantAt(new Date('2026-03-28T23:30:00Z'), 23 * 60, amsterdam).toISOString()).toBe(
      '2026-03-29T21:00:00.000Z',
    );
    expect(nextInstantAt(new Date('2026-10-24T22:30:00Z'), 23 * 60, amsterdam).toISOString()).toBe(
      '2026-10-25T22:00:00.000Z',
    );
  });
});
