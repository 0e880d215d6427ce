import { describe, expect, it } from 'vitest';
import { earlyEndRefundCents } from './counter-refund.js';

const year = { startsOn: '2027-01-01', endsOn: '2028-01-01' };

describe('the refund of an early end (docs/rules.md §1 early end refund)', () => {
  it('gives nothing back under the rule none', () => {
    expect(
      earlyEndRefundCents({ rule: 'none', term: year, endsOn: '2027-03-01', paidCents: 9600 }),
    ).toBe(0);
  });

  it('gives back the whole months left, counted back from the end (a started month is used)', () => {
    const refund = (endsOn: string) =>
      earlyEndRefundCents({ rule: 'wholeMonths', term: year, endsOn, paidCents: 9600 });
    expect(refund('2027-03-01')).toBe(8000);
    expect(refund('2027-03-02')).toBe(7200);
    expect(refund('2027-12-15')).toBe(0);
  });

  it('gives back the unused days, rounded down to the cent', () => {
    expect(
      earlyEndRefundCents({ rule: 'days', term: year, endsOn: '2027-12-31', paidCents: 9600 }),
    ).toBe(26);
    expect(
      earlyEndRefundCents({ rule: 'days', term: year, endsOn: '2027-07-02', paidCents: 36500 }),
    ).toBe(18300);
  });

  it('gives back a term not yet begun whole, an ended one nothing, and never more than was paid', () => {
    for (const rule of ['wholeMonths', 'days'] as const) {
      expect(earlyEndRefundCents({ rule, term: year, endsOn: '2026-12-01', paidCents: 9600 })).toBe(
        9600,
      );
      expect(earlyEndRefundCents({ rule, term: year, endsOn: '2028-01-01', paidCents: 9600 })).toBe(
        0,
      );
      expect(earlyEndRefundCents({ rule, term: year, endsOn: '2027-05-01', paidCents: 0 })).toBe(0);
    }
  });

  it('counts the months of a shorter calendar-aligned first term as it was charged', () => {
    const first = { startsOn: '2026-11-23', endsOn: '2027-01-01' };
    expect(
      earlyEndRefundCents({
        rule: 'wholeMonths',
        term: first,
        endsOn: '2026-11-24',
        paidCents: 1600,
      }),
    ).toBe(800);
  });
});
