import { refuse, type Outcome } from '../result.js';

/** Whose balance it is. */
export interface BalanceOwner {
  /**
   * The household the permit belongs to: the address key for a resident's permit (one permit
   * per address), the business's own key for a business's permit.
   */
  readonly householdKey: string;
}

/**
 * docs/rules.md §2: balance cannot be transferred to or taken over from another household (004). This
 * is about moving balance between permits; a delegation lends balance within one permit and is
 * not a transfer.
 */
export function checkBalanceTransfer(transfer: {
  readonly from: BalanceOwner;
  readonly to: BalanceOwner;
}): Outcome<object, 'ELIGIBILITY_BALANCE_NOT_TRANSFERABLE'> {
  return transfer.from.householdKey === transfer.to.householdKey
    ? { ok: true }
    : refuse('ELIGIBILITY_BALANCE_NOT_TRANSFERABLE');
}
