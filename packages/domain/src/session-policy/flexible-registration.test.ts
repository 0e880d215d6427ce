import { describe, expect, it } from 'vitest';
import { cityCentreRegime, everyDay, hm } from '../regime/example-regimes.js';
import type { Regime } from '../regime/regime.js';
import {
  decideListPlate,
  decideRegistration,
  registrationWindow,
  type RegistrationWindow,
} from './flexible-registration.js';

const tz = 'Europe/Amsterdam';
const at = (iso: string) => new Date(iso);
// Mon–Sat 09:00–18:00, as Delft's ring zones in the demo.
const ring: Regime = {
  weekly: everyDay({ from: hm('09:00'), to: hm('18:00') }, [1, 2, 3, 4, 5, 6]),
  exceptions: [],
};
// A lunch break: 09:00–12:00 and 13:00–18:00 on weekdays.
const withBreak: Regime = {
  weekly: [
    ...everyDay({ from: hm('09:00'), to: hm('12:00') }, [1, 2, 3, 4, 5]),
    ...everyDay({ from: hm('13:00'), to: hm('18:00') }, [1, 2, 3, 4, 5]),
  ],
  exceptions: [],
};

function accepted(window: ReturnType<typeof registrationWindow>): RegistrationWindow {
  if (!window.ok) throw new Error(`refused: ${window.reason}`);
  return window;
}

describe("docs/rules.md §5 (000): the flexible business permit's daily registration", () => {
  it("stops when the zone's paid hours end today, started now during paid hours", () => {
    // Monday 23 Nov 2026 10:30 local (UTC+1).
    const window = accepted(registrationWindow(at('2026-11-23T09:30:00Z'), ring, tz));
    expect(window).toMatchObject({ planned: false, date: '2026-11-23' });
    expect(window.start.toISOString()).toBe('2026-11-23T09:30:00.000Z');
    expect(window.end.toISOString()).toBe('2026-11-23T17:00:00.000Z');
  });

  it("before paid hours: planned for today's first paid minute, never for tomorrow", () => {
    const window = accepted(registrationWindow(at('2026-11-23T06:00:00Z'), ring, tz));
    expect(window.planned).toBe(true);
    expect(window.start.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(window.end.toISOString()).toBe('2026-11-23T17:00:00.000Z');
  });

  it('spans a break between two paid windows and ends with the last one of the day', () => {
    const window = accepted(registrationWindow(at('2026-11-23T10:30:00Z'), withBreak, tz));
    expect(window.end.toISOString()).toBe('2026-11-23T17:00:00.000Z');
    // In the break: starts with the afternoon window.
    const inBreak = accepted(registrationWindow(at('2026-11-23T11:15:00Z'), withBreak, tz));
    expect(inBreak.start.toISOString()).toBe('2026-11-23T12:00:00.000Z');
    expect(inBreak.planned).toBe(true);
  });

  it('after the paid hours: refused, register again tomorrow (the registration is for one day)', () => {
    const window = registrationWindow(at('2026-11-23T18:30:00Z'), ring, tz);
    expect(window).toEqual({
      ok: false,
      reason: 'FLEX_NO_PAID_HOURS_LEFT_TODAY',
      nextDate: '2026-11-24',
    });
  });

  it('on a day without paid hours: refused, with the next day that has them', () => {
    // Sunday 22 Nov 2026: the ring zone is free; Monday is the next paid day.
    const window = registrationWindow(at('2026-11-22T10:00:00Z'), ring, tz);
    expect(window).toMatchObject({ ok: false, nextDate: '2026-11-23' });
  });

  it('across the spring DST change (Sunday 29 March 2026, UTC+1 → UTC+2): ends at 17:00 local', () => {
    // Paid 12:00–17:00 on Sundays in the city centre; 13:00 local is 11:00 UTC after the change.
    const window = accepted(registrationWindow(at('2026-03-29T11:00:00Z'), cityCentreRegime, tz));
    expect(window.end.toISOString()).toBe('2026-03-29T15:00:00.000Z');
    // 01:30 UTC is 03:30 local (after the skipped hour): planned for 12:00 local = 10:00 UTC.
    const early = accepted(registrationWindow(at('2026-03-29T01:30:00Z'), cityCentreRegime, tz));
    expect(early.start.toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(early.date).toBe('2026-03-29');
  });

  it('across the autumn DST change (Sunday 25 October 2026, UTC+2 → UTC+1): ends at 17:00 local', () => {
    const window = accepted(registrationWindow(at('2026-10-25T11:00:00Z'), cityCentreRegime, tz));
    expect(window.end.toISOString()).toBe('2026-10-25T16:00:00.000Z');
    // In the doubled hour (02:30 local, second time): still that Sunday, planned for 12:00 local.
    const doubled = accepted(registrationWindow(at('2026-10-25T01:30:00Z'), cityCentreRegime, tz));
    expect(doubled.date).toBe('2026-10-25');
    expect(doubled.start.toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('a Saturday registration before the spring change ends that Saturday, not in the night of the change', () => {
    const window = accepted(registrationWindow(at('2026-03-28T19:00:00Z'), cityCentreRegime, tz));
    // 21:00 local on Saturday 28 March is 20:00 UTC.
    expect(window.end.toISOString()).toBe('2026-03-28T20:00:00.000Z');
  });
});

describe('docs/rules.md §5 (000): one plate at a time on a flexible business permit', () => {
  const listed = ['AB123C', 'XY987Z'];

  it('registers a listed plate when none is registered', () => {
    expect(decideRegistration('AB123C', listed, [])).toEqual({ ok: true, replaces: [] });
  });

  it("switching: registering the next plate stops the current plate's registration", () => {
    expect(decideRegistration('XY987Z', listed, [{ id: 's1', plate: 'AB123C' }])).toEqual({
      ok: true,
      replaces: ['s1'],
    });
  });

  it('refuses a plate that is not on the list', () => {
    expect(decideRegistration('ZZ000Z', listed, [])).toMatchObject({
      ok: false,
      reason: 'FLEX_PLATE_NOT_LISTED',
    });
  });

  it('refuses registering the plate that is already registered (nothing to do)', () => {
    expect(decideRegistration('AB123C', listed, [{ id: 's1', plate: 'AB123C' }])).toMatchObject({
      ok: false,
      reason: 'FLEX_PLATE_ALREADY_REGISTERED',
    });
  });
});

describe("docs/rules.md §5 (000): the business's list of plates, within the town's maximum", () => {
  it('adds a named plate below the maximum', () => {
    expect(decideListPlate(['AB123C'], 'XY987Z', 'Jan', 2)).toEqual({ ok: true });
  });

  it('refuses beyond the maximum, a plate listed twice and a missing or long name', () => {
    expect(decideListPlate(['AB123C', 'XY987Z'], 'ZZ000Z', 'Piet', 2)).toEqual({
      ok: false,
      reason: 'FLEX_PLATE_LIMIT_REACHED',
      params: { max: 2 },
    });
    expect(decideListPlate(['AB123C'], 'AB123C', 'Jan', 5)).toMatchObject({
      reason: 'FLEX_PLATE_ALREADY_LISTED',
    });
    expect(decideListPlate([], 'AB123C', '  ', 5)).toMatchObject({
      reason: 'FLEX_PLATE_NAME_REQUIRED',
    });
    expect(decideListPlate([], 'AB123C', 'x'.repeat(41), 5)).toMatchObject({
      reason: 'FLEX_PLATE_NAME_TOO_LONG',
    });
  });
});
