import { describe, expect, it } from 'vitest';
import { cityCentreRegime, hm, permitHolderRegime } from './example-regimes.js';
import {
  endOfPaidHoursOnDayOf,
  isPaidAt,
  nextPaidStart,
  paidParts,
  paidWindowsOverlapping,
  windowsOnDate,
  type Regime,
} from './regime.js';
import { validateRegime } from './regime-validation.js';

const tz = 'Europe/Amsterdam';
const at = (iso: string) => new Date(iso);
const hours = (w: { start: Date; end: Date }) => (w.end.getTime() - w.start.getTime()) / 3_600_000;
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('docs/rules.md §3: paid-parking hours per weekday in local time', () => {
  it('places Mon–Sat 09:00–21:00 and Sun 12:00–17:00 in Amsterdam time (winter, UTC+1)', () => {
    // Saturday 21 Nov 2026 00:00 local to Monday 23 Nov 00:00 local.
    const windows = paidWindowsOverlapping(
      cityCentreRegime,
      { start: at('2026-11-20T23:00:00Z'), end: at('2026-11-22T23:00:00Z') },
      tz,
    );
    expect(windows.map((w) => [w.date, iso(w.start), iso(w.end)])).toEqual([
      ['2026-11-21', '2026-11-21T08:00:00.000Z', '2026-11-21T20:00:00.000Z'],
      ['2026-11-22', '2026-11-22T11:00:00.000Z', '2026-11-22T16:00:00.000Z'],
    ]);
  });

  it('uses summer time (UTC+2) in summer', () => {
    const [sunday] = paidWindowsOverlapping(
      cityCentreRegime,
      { start: at('2026-07-05T00:00:00Z'), end: at('2026-07-05T20:00:00Z') },
      tz,
    );
    expect(iso(sunday!.start)).toBe('2026-07-05T10:00:00.000Z');
    expect(iso(sunday!.end)).toBe('2026-07-05T15:00:00.000Z');
  });

  it('clips the parts of an interval to the paid windows', () => {
    const parts = paidParts(
      cityCentreRegime,
      { start: at('2026-11-21T19:30:00Z'), end: at('2026-11-22T12:00:00Z') },
      tz,
    );
    expect(parts.map((p) => [iso(p.start), iso(p.end)])).toEqual([
      ['2026-11-21T19:30:00.000Z', '2026-11-21T20:00:00.000Z'],
      ['2026-11-22T11:00:00.000Z', '2026-11-22T12:00:00.000Z'],
    ]);
  });

  it('returns nothing for an empty or reversed interval', () => {
    const t = at('2026-11-21T12:00:00Z');
    expect(paidWindowsOverlapping(cityCentreRegime, { start: t, end: t }, tz)).toEqual([]);
  });
});

describe('docs/rules.md §3: permit-holder spaces are paid 00:00–24:00 every day, across clock changes', () => {
  it.each([
    ['2026-03-29', 23],
    ['2026-10-25', 25],
    ['2027-03-28', 23],
    ['2027-10-31', 25],
    ['2026-11-21', 24],
  ])('the paid window of %s lasts %i hours', (date, expected) => {
    expect(windowsOnDate(permitHolderRegime, date)).toEqual([{ from: 0, to: 1440 }]);
    const start = at(`${date}T12:00:00Z`);
    const [window] = paidWindowsOverlapping(
      permitHolderRegime,
      { start, end: new Date(start.getTime() + 1) },
      tz,
    );
    expect(window!.date).toBe(date);
    expect(hours(window!)).toBe(expected);
  });

  it('counts 02:00–03:00 twice on 25 Oct 2026 for a window that covers it', () => {
    const nightly: Regime = {
      weekly: [{ weekday: 7, from: hm('01:00'), to: hm('04:00') }],
      exceptions: [],
    };
    const [window] = paidWindowsOverlapping(
      nightly,
      { start: at('2026-10-24T12:00:00Z'), end: at('2026-10-25T12:00:00Z') },
      tz,
    );
    expect(hours(window!)).toBe(4);
    expect(iso(window!.start)).toBe('2026-10-24T23:00:00.000Z');
  });

  it('shortens a window over the skipped hour on 29 Mar 2026', () => {
    const nightly: Regime = {
      weekly: [{ weekday: 7, from: hm('01:00'), to: hm('04:00') }],
      exceptions: [],
    };
    const [window] = paidWindowsOverlapping(
      nightly,
      { start: at('2026-03-28T12:00:00Z'), end: at('2026-03-29T12:00:00Z') },
      tz,
    );
    expect(hours(window!)).toBe(2);
  });
});

describe('docs/rules.md §3: dated exceptions replace the weekday hours', () => {
  const withHolidays: Regime = {
    ...cityCentreRegime,
    exceptions: [
      { date: '2026-12-25', windows: [], label: 'Eerste Kerstdag' },
      { date: '2026-12-24', windows: [{ from: hm('09:00'), to: hm('17:00') }] },
    ],
  };

  it('a public holiday has no paid parking', () => {
    expect(windowsOnDate(withHolidays, '2026-12-25')).toEqual([]);
    expect(isPaidAt(withHolidays, at('2026-12-25T12:00:00Z'), tz)).toBe(false);
    expect(isPaidAt(cityCentreRegime, at('2026-12-25T12:00:00Z'), tz)).toBe(true);
  });

  it('a date with other hours uses those', () => {
    expect(iso(endOfPaidHoursOnDayOf(withHolidays, at('2026-12-24T10:00:00Z'), tz))).toBe(
      '2026-12-24T16:00:00.000Z',
    );
  });
});

describe("docs/rules.md §5: 'end of paid hours today' across clock changes", () => {
  it.each([
    // Sunday of the spring change: paid 12:00–17:00 CEST.
    ['2026-03-29T09:00:00Z', '2026-03-29T15:00:00.000Z'],
    ['2027-03-28T09:00:00Z', '2027-03-28T15:00:00.000Z'],
    // Sunday of the autumn change: paid 12:00–17:00 CET.
    ['2026-10-25T09:00:00Z', '2026-10-25T16:00:00.000Z'],
    ['2027-10-31T09:00:00Z', '2027-10-31T16:00:00.000Z'],
  ])('starting at %s, paid parking ends at %s', (start, expected) => {
    expect(iso(endOfPaidHoursOnDayOf(cityCentreRegime, at(start), tz))).toBe(expected);
  });

  it('is null once paid parking has ended for the day', () => {
    expect(endOfPaidHoursOnDayOf(cityCentreRegime, at('2026-11-22T16:30:00Z'), tz)).toBeNull();
  });

  it('finds the next paid start', () => {
    expect(iso(nextPaidStart(cityCentreRegime, at('2026-11-22T16:30:00Z'), tz))).toBe(
      '2026-11-23T08:00:00.000Z',
    );
    const inside = at('2026-11-23T10:00:00Z');
    expect(iso(nextPaidStart(cityCentreRegime, inside, tz))).toBe(iso(inside));
    expect(nextPaidStart({ weekly: [], exceptions: [] }, inside, tz)).toBeNull();
  });
});

describe('regime validation', () => {
  it('accepts the example regimes', () => {
    expect(validateRegime(cityCentreRegime)).toEqual([]);
    expect(validateRegime(permitHolderRegime)).toEqual([]);
  });

  it('names each problem and where it is', () => {
    const problems = validateRegime({
      weekly: [
        { weekday: 1, from: hm('21:00'), to: hm('09:00') },
        { weekday: 2, from: hm('09:00'), to: hm('18:00') },
        { weekday: 2, from: hm('17:00'), to: hm('21:00') },
        { weekday: 3, from: 0, to: 1500 },
        { weekday: 8 as never, from: 0, to: 60 },
      ],
      exceptions: [
        { date: '2026-02-30', windows: [] },
        { date: '2026-12-25', windows: [] },
        { date: '2026-12-25', windows: [] },
      ],
    });
    expect(problems.map((p) => p.code).sort()).toEqual(
      [
        'REGIME_DUPLICATE_EXCEPTION',
        'REGIME_INVALID_DATE',
        'REGIME_INVALID_WEEKDAY',
        'REGIME_TIME_OUT_OF_RANGE',
        'REGIME_WINDOWS_OVERLAP',
        'REGIME_WINDOW_ENDS_BEFORE_START',
      ].sort(),
    );
    expect(problems.find((p) => p.code === 'REGIME_DUPLICATE_EXCEPTION')?.path).toBe(
      'exceptions[2]',
    );
  });
});
