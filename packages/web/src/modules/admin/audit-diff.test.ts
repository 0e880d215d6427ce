import { describe, expect, it } from 'vitest';
import { changedFields } from './audit-diff.js';

describe("an audit entry's changes", () => {
  it('lists only the fields that differ, nested ones by path', () => {
    expect(
      changedFields(
        { code: 'B', name: 'Centrum', regime: { sunday: '12:00', days: [1, 2] } },
        { code: 'B', name: 'Binnenstad', regime: { sunday: '13:00', days: [1, 2] } },
      ),
    ).toEqual([
      { path: ['name'], before: 'Centrum', after: 'Binnenstad' },
      { path: ['regime', 'sunday'], before: '12:00', after: '13:00' },
    ]);
  });

  it('keeps lists whole, and shows fields that came or went', () => {
    expect(changedFields({ days: [1, 2], old: true }, { days: [0, 1, 2], added: null })).toEqual([
      { path: ['days'], before: [1, 2], after: [0, 1, 2] },
      { path: ['old'], before: true, after: undefined },
      { path: ['added'], before: undefined, after: null },
    ]);
  });

  it('finds no change where only the order of keys differs, also inside lists', () => {
    expect(
      changedFields(
        { policy: { prices: [{ zones: ['A'], priceCents: 100 }], unit: 'cents' } },
        { policy: { unit: 'cents', prices: [{ priceCents: 100, zones: ['A'] }] } },
      ),
    ).toEqual([]);
  });

  it('shows a created subject as all new and a removed one as all gone', () => {
    expect(changedFields(null, { code: 'Q' })).toEqual([
      { path: ['code'], before: undefined, after: 'Q' },
    ]);
    expect(changedFields({ code: 'Q' }, null)).toEqual([
      { path: ['code'], before: 'Q', after: undefined },
    ]);
  });

  it('compares plain values too, and finds nothing when nothing changed', () => {
    expect(changedFields(5, 6)).toEqual([{ path: [], before: 5, after: 6 }]);
    expect(changedFields({ a: { b: 1 } }, { a: { b: 1 } })).toEqual([]);
  });
});
