import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cityCentreRegime } from '../regime/example-regimes.js';
import type { BillingContext } from './bill.js';
import { settleAtEnd, settleDelete, settleStop } from './settlement.js';

const tz = 'Europe/Amsterdam';
const at = (iso: string) => new Date(iso);
const centre: BillingContext = {
  regime: cityCentreRegime,
  timeZone: tz,
  billing: { unit: 'minutes', minuteCounting: 'started', tariffs: [] },
};
// Monday 23 Nov 2026, 10:00–13:00 local, reserved 180 minutes.
const session = {
  start: at('2026-11-23T09:00:00Z'),
  end: at('2026-11-23T12:00:00Z'),
  reservation: 180,
};

describe('docs/rules.md §5: reserve at start, refund on early stop', () => {
  it('stopping after 45 minutes charges 45 and releases 135', () => {
    const settled = settleStop(session, at('2026-11-23T09:45:00Z'), centre);
    expect([settled.charge, settled.release]).toEqual([45, 135]);
    expect(settled.chargedUntil.toISOString()).toBe('2026-11-23T09:45:00.000Z');
  });

  it('not signing off costs the time up to the end that was set', () => {
    expect(settleAtEnd(session, centre)).toMatchObject({ charge: 180, release: 0 });
    expect(settleStop(session, at('2026-11-23T18:00:00Z'), centre).charge).toBe(180);
  });

  it('deleting a planned session releases all of it', () => {
    expect(settleDelete(session)).toMatchObject({ charge: 0, release: 180 });
    expect(settleStop(session, at('2026-11-23T08:00:00Z'), centre)).toMatchObject({
      charge: 0,
      release: 180,
    });
  });

  it("under 'run to zero' the charge is at most the balance that was reserved", () => {
    const short = { ...session, reservation: 60 };
    expect(settleAtEnd(short, centre)).toMatchObject({ charge: 60, release: 0 });
    expect(settleStop(short, at('2026-11-23T09:30:00Z'), centre)).toMatchObject({
      charge: 30,
      release: 30,
    });
  });

  it('charge + release = reservation, both at least zero, for any stop moment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -600, max: 900 }),
        fc.integer({ min: 0, max: 300 }),
        (offsetMinutes, reservation) => {
          const stop = new Date(session.start.getTime() + offsetMinutes * 60_000);
          const settled = settleStop({ ...session, reservation }, stop, centre);
          expect(settled.charge + settled.release).toBe(reservation);
          expect(settled.charge).toBeGreaterThanOrEqual(0);
          expect(settled.release).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
