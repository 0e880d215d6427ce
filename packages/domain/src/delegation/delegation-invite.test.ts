import { describe, expect, it } from 'vitest';
import {
  checkDelegationBudget,
  checkDelegationInvite,
  type DelegationInvite,
} from './delegation-invite.js';

const invite = (change: Partial<DelegationInvite> = {}): DelegationInvite => ({
  delegable: true,
  toOwner: false,
  amount: 10 * 60,
  openToInvitee: 0,
  ...change,
});

describe('docs/rules.md §7 delegation: lending part of your balance to someone else', () => {
  it('lets an owner lend a whole, positive amount to another person', () => {
    expect(checkDelegationInvite(invite())).toEqual({ ok: true });
    expect(checkDelegationInvite(invite({ amount: 1 }))).toEqual({ ok: true });
  });

  it('refuses where the product allows no delegation', () => {
    expect(checkDelegationInvite(invite({ delegable: false }))).toEqual({
      ok: false,
      reason: 'DELEGATION_NOT_ALLOWED',
    });
  });

  it('refuses the owner as their own delegate', () => {
    expect(checkDelegationInvite(invite({ toOwner: true }))).toMatchObject({
      reason: 'DELEGATION_TO_SELF',
    });
  });

  it('refuses nothing, a negative amount and a part of a minute or cent', () => {
    for (const amount of [0, -60, 1.5, Number.NaN]) {
      expect(checkDelegationInvite(invite({ amount }))).toMatchObject({
        reason: 'DELEGATION_AMOUNT_INVALID',
      });
    }
  });

  it('refuses a second open delegation of one product to one person', () => {
    expect(checkDelegationInvite(invite({ openToInvitee: 1 }))).toMatchObject({
      reason: 'DELEGATION_ALREADY_EXISTS',
    });
  });

  it('moves no more than the balance holds: all of it, not a minute more', () => {
    expect(checkDelegationBudget(600, 600)).toEqual({ ok: true });
    expect(checkDelegationBudget(601, 600)).toEqual({
      ok: false,
      reason: 'DELEGATION_INSUFFICIENT_BALANCE',
    });
    expect(checkDelegationBudget(1, 0)).toMatchObject({ ok: false });
  });
});
