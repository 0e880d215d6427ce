import { describe, expect, it } from 'vitest';
import { instantAt } from '../time/zoned-time.js';
import { balanceUsage, type UsedSession } from './balance-usage.js';

const tz = 'Europe/Amsterdam';
const year = { start: '2026-01-01', nextStart: '2027-01-01' };
const at = (date: string, minute: number) => instantAt(date, minute, tz);
const session = (start: Date, plate: string, charge: number, country = 'NL'): UsedSession => ({
  start,
  plate,
  country,
  charge,
});

describe('docs/rules.md §4, §8: how a balance was used in its period', () => {
  it('lists every month of a calendar year, with the use per month and per plate', () => {
    const usage = balanceUsage(
      [
        session(at('2026-02-10', 600), 'AB123C', 90),
        session(at('2026-02-20', 600), 'XY99ZZ', 30),
        session(at('2026-05-01', 600), 'AB123C', 60),
      ],
      year,
      tz,
    );
    expect(usage.months).toHaveLength(12);
    expect(usage.months[0]).toEqual({ month: '2026-01-01', used: 0, sessions: 0 });
    expect(usage.months[1]).toEqual({ month: '2026-02-01', used: 120, sessions: 2 });
    expect(usage.months[4]).toEqual({ month: '2026-05-01', used: 60, sessions: 1 });
    expect(usage.used).toBe(180);
    expect(usage.plates).toEqual([
      { plate: 'AB123C', country: 'NL', used: 150, sessions: 2 },
      { plate: 'XY99ZZ', country: 'NL', used: 30, sessions: 1 },
    ]);
  });

  it('counts a session in the month its start has on the town clock, across both daylight-saving changes', () => {
    // 00:30 on 1 April (summer time) is 22:30 UTC on 31 March; 00:30 on 1 November (winter
    // time) is 23:30 UTC on 31 October.
    const april = at('2026-04-01', 30);
    const november = at('2026-11-01', 30);
    expect(april.toISOString()).toBe('2026-03-31T22:30:00.000Z');
    expect(november.toISOString()).toBe('2026-10-31T23:30:00.000Z');
    const usage = balanceUsage(
      [session(april, 'AB123C', 45), session(november, 'AB123C', 15)],
      year,
      tz,
    );
    const used = Object.fromEntries(usage.months.map((m) => [m.month, m.used]));
    expect(used['2026-03-01']).toBe(0);
    expect(used['2026-04-01']).toBe(45);
    expect(used['2026-10-01']).toBe(0);
    expect(used['2026-11-01']).toBe(15);
  });

  it('keeps sessions outside the period out, and a permit year runs across two calendar years', () => {
    const permitYear = { start: '2025-07-01', nextStart: '2026-07-01' };
    const usage = balanceUsage(
      [
        session(at('2025-06-30', 1380), 'AB123C', 10),
        session(at('2025-07-01', 0), 'AB123C', 20),
        session(at('2026-06-30', 1439), 'D123BE', 30, 'DE'),
        session(at('2026-07-01', 0), 'AB123C', 40),
      ],
      permitYear,
      tz,
    );
    expect(usage.months.map((m) => m.month)).toEqual([
      '2025-07-01',
      '2025-08-01',
      '2025-09-01',
      '2025-10-01',
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
    ]);
    expect(usage.used).toBe(50);
    expect(usage.plates).toEqual([
      { plate: 'D123BE', country: 'DE', used: 30, sessions: 1 },
      { plate: 'AB123C', country: 'NL', used: 20, sessions: 1 },
    ]);
  });
});
