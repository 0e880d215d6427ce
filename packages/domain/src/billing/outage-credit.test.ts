import { describe, expect, it } from 'vitest';
import { cityCentreRegime, permitHolderRegime } from '../regime/example-regimes.js';
import { bill, type BillingContext } from './bill.js';
import { outageCredit, type ChargeableSession } from './outage-credit.js';

const tz = 'Europe/Amsterdam';
const at = (iso: string) => new Date(iso);
const centre: BillingContext = {
  regime: cityCentreRegime,
  timeZone: tz,
  billing: { unit: 'minutes', minuteCounting: 'started', tariffs: [] },
};
const centreMoney: BillingContext = {
  ...centre,
  billing: {
    unit: 'cents',
    minuteCounting: 'started',
    tariffs: [{ validFrom: '2025-01-01', centsPerHour: 210 }],
  },
};
const allDay: BillingContext = { ...centre, regime: permitHolderRegime };

/** A session as it was reserved: its whole bill, settled with that charge unless told. */
function session(
  start: string,
  end: string,
  context: BillingContext,
  change: Partial<ChargeableSession> = {},
): ChargeableSession {
  const { cost } = bill({ start: at(start), end: at(end) }, context);
  return { start: at(start), end: at(end), reservation: cost, charge: cost, ...change };
}

describe('docs/rules.md §9 outage compensation: what a session was charged inside the window comes back', () => {
  // Monday 23 November 2026, paid 09:00–21:00 local (UTC+1).
  const visit = session('2026-11-23T09:00:00Z', '2026-11-23T11:00:00Z', centre);

  it('gives back the whole charge of a session inside the window, and only the part inside', () => {
    const whole = { start: at('2026-11-23T08:00:00Z'), end: at('2026-11-23T12:00:00Z') };
    expect(outageCredit(visit, whole, centre)).toEqual({ minutes: 120, amount: visit.charge });
    const half = { start: at('2026-11-23T10:00:00Z'), end: at('2026-11-23T10:30:00Z') };
    expect(outageCredit(visit, half, centre)).toEqual({ minutes: 30, amount: 30 });
  });

  it('gives nothing back for a window outside the session or outside paid hours', () => {
    const before = { start: at('2026-11-23T07:00:00Z'), end: at('2026-11-23T09:00:00Z') };
    expect(outageCredit(visit, before, centre)).toEqual({ minutes: 0, amount: 0 });
    // 20:00–23:00 local: paid parking ends at 21:00, the window is after it.
    const evening = session('2026-11-23T19:00:00Z', '2026-11-23T22:00:00Z', centre);
    const late = { start: at('2026-11-23T20:30:00Z'), end: at('2026-11-23T22:00:00Z') };
    expect(outageCredit(evening, late, centre)).toEqual({ minutes: 0, amount: 0 });
  });

  it('counts a stopped session up to its stop, and never more than it was charged', () => {
    const window = { start: at('2026-11-23T08:00:00Z'), end: at('2026-11-23T12:00:00Z') };
    const stopped = { ...visit, stoppedAt: at('2026-11-23T09:45:00Z'), charge: 45 };
    expect(outageCredit(stopped, window, centre)).toEqual({ minutes: 45, amount: 45 });
    // Run to zero: charged what the balance held, less than the paid minutes.
    const ranToZero = { ...visit, reservation: 50, charge: 50 };
    expect(outageCredit(ranToZero, window, centre).amount).toBe(50);
  });

  it('gives back no rounding cent twice: adjacent windows add up to the whole charge', () => {
    // 21 minutes at €2.10 an hour: 73.5 cents, charged 74.
    const short = session('2026-11-23T09:00:00Z', '2026-11-23T09:21:00Z', centreMoney);
    const whole = { start: short.start, end: short.end };
    const all = outageCredit(short, whole, centreMoney);
    expect(all.amount).toBe(short.charge);
    for (let minute = 1; minute < 21; minute += 1) {
      const split = at(`2026-11-23T09:${String(minute).padStart(2, '0')}:00Z`);
      const first = outageCredit(short, { start: short.start, end: split }, centreMoney);
      const second = outageCredit(short, { start: split, end: short.end }, centreMoney);
      expect(first.amount + second.amount).toBe(all.amount);
      expect(first.minutes + second.minutes).toBe(all.minutes);
    }
  });

  it('counts the hours that really passed across both clock changes', () => {
    // Paid around the clock; 00:00–04:00 UTC is five hours on the wall clock in spring (01:00 to
    // 06:00) and three in autumn (02:00 to 05:00), four that really passed either way.
    for (const day of ['2026-03-29', '2026-10-25']) {
      const night = session(`${day}T00:00:00Z`, `${day}T04:00:00Z`, allDay);
      const window = { start: night.start, end: night.end };
      expect(outageCredit(night, window, allDay)).toEqual({ minutes: 240, amount: 240 });
    }
  });
});
