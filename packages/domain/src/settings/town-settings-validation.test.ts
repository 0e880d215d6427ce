import { describe, expect, it } from 'vitest';
import {
  retentionPeriodMs,
  validateAdministrationFee,
  validateObjectionPeriod,
  validateRetention,
} from './town-settings-validation.js';

const hourMs = 3_600_000;

describe('docs/rules.md §8 Retention: the town keeps plates 1–168 hours or 1–52 weeks', () => {
  it("takes Delft's 48 hours and 13 weeks, and the bounds themselves", () => {
    expect(validateRetention({ kind: 'hoursAfterEnd', amount: 48 })).toEqual({
      retention: { kind: 'hoursAfterEnd', hours: 48 },
      problems: [],
    });
    expect(validateRetention({ kind: 'weeksAfterEnd', amount: 13 }).retention).toEqual({
      kind: 'weeksAfterEnd',
      weeks: 13,
    });
    for (const [kind, amount] of [
      ['hoursAfterEnd', 1],
      ['hoursAfterEnd', 168],
      ['weeksAfterEnd', 1],
      ['weeksAfterEnd', 52],
    ] as const) {
      expect(validateRetention({ kind, amount }).problems).toEqual([]);
    }
  });

  it('refuses 0, 169 hours, 53 weeks and a part, at the amount; an unknown kind at the kind', () => {
    const amountWrong = [{ code: 'SETTING_INVALID_CHOICE', path: 'retention.amount' }];
    expect(validateRetention({ kind: 'hoursAfterEnd', amount: 0 })).toEqual({
      retention: null,
      problems: amountWrong,
    });
    expect(validateRetention({ kind: 'hoursAfterEnd', amount: 169 }).problems).toEqual(amountWrong);
    expect(validateRetention({ kind: 'weeksAfterEnd', amount: 53 }).problems).toEqual(amountWrong);
    expect(validateRetention({ kind: 'weeksAfterEnd', amount: 1.5 }).problems).toEqual(amountWrong);
    expect(validateRetention({ kind: 'daysAfterEnd', amount: 2 }, 'town.retention')).toEqual({
      retention: null,
      problems: [{ code: 'SETTING_INVALID_CHOICE', path: 'town.retention.kind' }],
    });
  });

  it('keeps a plate 48 hours, or 13 weeks of 7 days', () => {
    expect(retentionPeriodMs({ kind: 'hoursAfterEnd', hours: 48 })).toBe(2 * 24 * hourMs);
    expect(retentionPeriodMs({ kind: 'weeksAfterEnd', weeks: 13 })).toBe(91 * 24 * hourMs);
  });
});

describe('docs/rules.md §9 fines: the objection period is whole days from 7 to 365', () => {
  it('takes 7, the default 42 and 365', () => {
    for (const days of [7, 42, 365]) expect(validateObjectionPeriod(days)).toEqual([]);
  });

  it('refuses 6, 366 and a part of a day, naming the bounds', () => {
    for (const days of [6, 366, 41.5, Number.NaN]) {
      expect(validateObjectionPeriod(days)).toEqual([
        { code: 'SETTING_OUT_OF_RANGE', path: 'objectionPeriodDays', params: { min: 7, max: 365 } },
      ]);
    }
  });
});

describe('docs/rules.md §1 administration fee: whole cents, nothing up to €1,000', () => {
  it("takes no fee, Delft's €5.90 and €1,000", () => {
    for (const cents of [0, 590, 100_000]) expect(validateAdministrationFee(cents)).toEqual([]);
  });

  it('refuses a negative amount or a part of a cent, and more than €1,000', () => {
    const negative = [{ code: 'SETTING_NEGATIVE', path: 'administrationFeeCents' }];
    expect(validateAdministrationFee(-1)).toEqual(negative);
    expect(validateAdministrationFee(5.9)).toEqual(negative);
    expect(validateAdministrationFee(100_001)).toEqual([
      { code: 'SETTING_TOO_LARGE', path: 'administrationFeeCents', params: { max: 100_000 } },
    ]);
  });
});
