import { refuse, type Refusal } from '../result.js';

/** What the rules of docs/rules.md §7 need to know about an owner's invitation to a delegate. */
export interface DelegationInvite {
  /** The product type lets its holder delegate, and has a balance to lend. */
  readonly delegable: boolean;
  /** The invited e-mail address is the owner's own. */
  readonly toOwner: boolean;
  /** The part of the balance lent, in the balance's unit (minutes or cents). */
  readonly amount: number;
  /** Invited or accepted delegations of this permit to the same person. */
  readonly openToInvitee: number;
}

export type DelegationInviteCode =
  | 'DELEGATION_NOT_ALLOWED'
  | 'DELEGATION_TO_SELF'
  | 'DELEGATION_AMOUNT_INVALID'
  | 'DELEGATION_ALREADY_EXISTS';

/**
 * docs/rules.md §7 delegation: an owner lends a whole, positive amount of a product's balance to
 * someone else, where the product allows it; never to themself, and one open delegation per
 * person and product (a second would split what the delegate sees and can spend).
 */
export function checkDelegationInvite(
  invite: DelegationInvite,
): { readonly ok: true } | Refusal<DelegationInviteCode> {
  if (!invite.delegable) return refuse('DELEGATION_NOT_ALLOWED');
  if (invite.toOwner) return refuse('DELEGATION_TO_SELF');
  if (!Number.isSafeInteger(invite.amount) || invite.amount <= 0) {
    return refuse('DELEGATION_AMOUNT_INVALID');
  }
  if (invite.openToInvitee > 0) return refuse('DELEGATION_ALREADY_EXISTS');
  return { ok: true };
}

/**
 * docs/rules.md §7 delegation: the amount moves out of the owner's balance into the delegation,
 * so the balance (reservations of running and planned sessions already off it) must hold it.
 */
export function checkDelegationBudget(
  amount: number,
  balance: number,
): { readonly ok: true } | Refusal<'DELEGATION_INSUFFICIENT_BALANCE'> {
  return amount <= balance ? { ok: true } : refuse('DELEGATION_INSUFFICIENT_BALANCE');
}
