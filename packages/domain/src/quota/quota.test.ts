import { describe, expect, it } from 'vitest';
import {
  freePlaces,
  hasFreePlace,
  inLine,
  moveTo,
  nextInLine,
  offerDeadline,
  offerLapsed,
  positionOf,
  rankOfNewcomer,
  validateQuotaSetting,
} from './quota.js';

const amsterdam = 'Europe/Amsterdam';
const at = (iso: string) => new Date(iso);
const entry = (id: string, rank: number, joinedAt: string) => ({
  id,
  rank,
  joinedAt: at(joinedAt),
});

describe('docs/rules.md §2 quotas: quota setting', () => {
  it('accepts a quota of 0 and more, and offer days from 1 to 60', () => {
    expect(validateQuotaSetting({ limit: 0, offerDays: 14 })).toEqual([]);
    expect(validateQuotaSetting({ limit: 250, offerDays: 60 })).toEqual([]);
  });
  it('reports every wrong value at its path', () => {
    expect(validateQuotaSetting({ limit: -1, offerDays: 0 })).toEqual([
      { code: 'SETTING_NEGATIVE', path: 'quota.limit' },
      { code: 'SETTING_NOT_POSITIVE', path: 'quota.offerDays' },
    ]);
    expect(validateQuotaSetting({ limit: 1.5, offerDays: 61 })).toEqual([
      { code: 'SETTING_NEGATIVE', path: 'quota.limit' },
      { code: 'SETTING_TOO_LARGE', path: 'quota.offerDays', params: { max: 60 } },
    ]);
    expect(validateQuotaSetting(null)).toEqual([{ code: 'SETTING_REQUIRED', path: 'quota' }]);
  });
});

describe('docs/rules.md §2 quotas: places taken', () => {
  it('counts permits, open offers and applications on their way against the quota', () => {
    const held = { permits: 3, offers: 1, applications: 1 };
    expect(freePlaces({ limit: 6, offerDays: 14 }, held)).toBe(1);
    expect(hasFreePlace({ limit: 6, offerDays: 14 }, held)).toBe(true);
    expect(hasFreePlace({ limit: 5, offerDays: 14 }, held)).toBe(false);
  });
  it('gives a free place to those already waiting before a newcomer', () => {
    const held = { permits: 4, offers: 0, applications: 0 };
    expect(hasFreePlace({ limit: 5, offerDays: 14 }, held, 1)).toBe(false);
    expect(hasFreePlace({ limit: 6, offerDays: 14 }, held, 1)).toBe(true);
  });
  it('never reports fewer than zero free places (a quota lowered below what is held)', () => {
    expect(
      freePlaces({ limit: 2, offerDays: 14 }, { permits: 5, offers: 0, applications: 0 }),
    ).toBe(0);
  });
  it('has no limit without a quota', () => {
    expect(hasFreePlace(null, { permits: 10_000, offers: 0, applications: 0 })).toBe(true);
  });
});

describe('docs/rules.md §2 quotas: next in line and position', () => {
  const list = [
    entry('c', 2, '2026-03-01T10:00:00Z'),
    entry('a', 1, '2026-03-03T10:00:00Z'),
    entry('b', 2, '2026-02-01T10:00:00Z'),
  ];
  it('orders by rank, then by who joined first', () => {
    expect(inLine(list).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(positionOf(list, 'c')).toBe(3);
    expect(positionOf(list, 'x')).toBeNull();
  });
  it('offers as many places as are free, first in line first', () => {
    expect(nextInLine(list, 0)).toEqual([]);
    expect(nextInLine(list, 2).map((e) => e.id)).toEqual(['a', 'b']);
    expect(nextInLine(list, Number.POSITIVE_INFINITY).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
  it('moves an entry and renumbers the list; a newcomer queues behind everyone', () => {
    const moved = moveTo(list, 'c', 1);
    expect(moved).toEqual([
      { id: 'c', rank: 1 },
      { id: 'a', rank: 2 },
      { id: 'b', rank: 3 },
    ]);
    expect(moveTo(list, 'a', 99).map((e) => e.id)).toEqual(['b', 'c', 'a']);
    expect(rankOfNewcomer(list)).toBe(3);
    expect(rankOfNewcomer([])).toBe(1);
  });
});

describe('docs/rules.md §2 quotas: offer deadline in local days', () => {
  it('runs to the local midnight after the last day', () => {
    // Offered 10 February 15:00 (CET), 14 days: payable to and including 24 February.
    expect(offerDeadline(at('2026-02-10T14:00:00Z'), 14, amsterdam)).toEqual(
      at('2026-02-24T23:00:00Z'),
    );
  });
  it('counts local days across the spring clock change (29 March 2026)', () => {
    // Offered 20 March 23:30 CET: the day is 20 March; the deadline is 4 April 00:00 CEST.
    const deadline = offerDeadline(at('2026-03-20T22:30:00Z'), 14, amsterdam);
    expect(deadline).toEqual(at('2026-04-03T22:00:00Z'));
    expect(offerLapsed(deadline, at('2026-04-03T21:59:59Z'))).toBe(false);
    expect(offerLapsed(deadline, at('2026-04-03T22:00:00Z'))).toBe(true);
  });
  it('counts local days across the autumn clock change (25 October 2026)', () => {
    // Offered 20 October 00:30 CEST (19 October in UTC): the day is 20 October.
    const deadline = offerDeadline(at('2026-10-19T22:30:00Z'), 14, amsterdam);
    expect(deadline).toEqual(at('2026-11-03T23:00:00Z'));
  });
});
