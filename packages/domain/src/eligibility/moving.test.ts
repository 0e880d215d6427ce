import { describe, expect, it } from 'vitest';
import { checkBalanceTransfer } from './balance-transfer.js';
import { checkReportedMoveDate, decideMove, type MovePolicy } from './moving.js';

const delft: MovePolicy = { refundUnusedOnRequest: true };
const lapses: MovePolicy = { refundUnusedOnRequest: false };

describe('docs/rules.md §2: moving house with a visitor permit', () => {
  it('keeps the permit and its balance when moving inside the same zone', () => {
    expect(
      decideMove({ fromZone: 'C', toZone: 'C', newAddressHasPermit: false, policy: delft }),
    ).toEqual({
      action: 'keep',
      refundOnRequest: false,
    });
  });

  it('blocks the permit when moving to another zone, with a refund on request, naming the new zone', () => {
    expect(
      decideMove({ fromZone: 'C', toZone: 'TU', newAddressHasPermit: false, policy: delft }),
    ).toEqual({
      action: 'block',
      reason: 'MOVE_BLOCKED_OTHER_ZONE',
      params: { zone: 'TU' },
      refundOnRequest: true,
    });
  });

  it('revokes the permit when moving out of paid parking, with a refund on request', () => {
    expect(
      decideMove({ fromZone: 'C', toZone: null, newAddressHasPermit: false, policy: delft }),
    ).toEqual({
      action: 'revoke',
      reason: 'MOVE_REVOKED_NO_PAID_PARKING',
      refundOnRequest: true,
    });
  });

  it('offers no refund where unused balance lapses (002)', () => {
    expect(
      decideMove({ fromZone: 'C', toZone: 'B', newAddressHasPermit: false, policy: lapses })
        .refundOnRequest,
    ).toBe(false);
    expect(
      decideMove({ fromZone: 'C', toZone: null, newAddressHasPermit: false, policy: lapses })
        .refundOnRequest,
    ).toBe(false);
  });

  it('blocks the permit when the new address in the same zone already has one (one per address)', () => {
    expect(
      decideMove({ fromZone: 'C', toZone: 'C', newAddressHasPermit: true, policy: delft }),
    ).toEqual({
      action: 'block',
      reason: 'MOVE_BLOCKED_ADDRESS_HAS_PERMIT',
      refundOnRequest: true,
    });
  });
});

describe('docs/rules.md §2: balance stays within the household', () => {
  it('allows moving balance between permits of one household', () => {
    expect(
      checkBalanceTransfer({
        from: { householdKey: 'address-1' },
        to: { householdKey: 'address-1' },
      }),
    ).toEqual({
      ok: true,
    });
  });

  it('refuses a transfer to or from another household', () => {
    expect(
      checkBalanceTransfer({
        from: { householdKey: 'address-1' },
        to: { householdKey: 'address-2' },
      }),
    ).toEqual({
      ok: false,
      reason: 'ELIGIBILITY_BALANCE_NOT_TRANSFERABLE',
    });
  });
});

describe('docs/rules.md §2 Moving: a reported move is dated from 60 days ago to today', () => {
  const refused = { ok: false, reason: 'MOVE_DATE_INVALID', params: { days: 60 } };

  it('accepts today and the 60th day back, and refuses tomorrow and the 61st day back', () => {
    expect(checkReportedMoveDate('2026-03-10', '2026-03-10')).toEqual({ ok: true });
    expect(checkReportedMoveDate('2026-01-09', '2026-03-10')).toEqual({ ok: true });
    expect(checkReportedMoveDate('2026-01-08', '2026-03-10')).toEqual(refused);
    expect(checkReportedMoveDate('2026-03-11', '2026-03-10')).toEqual(refused);
  });

  it('counts calendar days across a leap day and a year end', () => {
    expect(checkReportedMoveDate('2024-01-01', '2024-03-01')).toEqual({ ok: true });
    expect(checkReportedMoveDate('2023-12-31', '2024-03-01')).toEqual(refused);
  });

  it('refuses what is not a date', () => {
    expect(checkReportedMoveDate('2026-02-30', '2026-03-10')).toEqual(refused);
    expect(checkReportedMoveDate('10-03-2026', '2026-03-10')).toEqual(refused);
  });
});
