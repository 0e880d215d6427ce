import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';
import { refuse, type Refusal } from '../result.js';
import { addDays, compareLocalDates, isLocalDate, type LocalDate } from '../time/local-date.js';

/** Where municipalities differ on moving. */
export interface MovePolicy {
  /**
   * Whether the holder may ask for a refund of the unused purchase when the permit is blocked or
   * revoked by a move. Delft refunds on request (004); elsewhere unused balance lapses when the
   * permit ends (002).
   */
  readonly refundUnusedOnRequest: boolean;
}

export interface Move {
  /** The zone the permit is for. */
  readonly fromZone: string;
  /** The zone of the new address; null when the new address has no paid parking. */
  readonly toZone: string | null;
  /** Whether the new address already has an active permit of the same type (one per address). */
  readonly newAddressHasPermit: boolean;
  readonly policy: MovePolicy;
}

export type MoveCode = Extract<ErrorCode, `MOVE_${string}`>;

export type MoveDecision =
  | { readonly action: 'keep'; readonly refundOnRequest: false }
  | {
      /** 'block': the permit can no longer be used, the holder may apply for the new zone. */
      readonly action: 'block' | 'revoke';
      readonly reason: MoveCode;
      readonly params?: MessageParams;
      readonly refundOnRequest: boolean;
    };

/**
 * docs/rules.md §2: what happens to a zone-bound permit (and its balance) when the holder moves. Same
 * zone keeps the permit and its balance; another zone blocks it; no paid parking revokes it.
 */
export function decideMove(move: Move): MoveDecision {
  const refundOnRequest = move.policy.refundUnusedOnRequest;
  if (move.toZone === null) {
    return { action: 'revoke', reason: 'MOVE_REVOKED_NO_PAID_PARKING', refundOnRequest };
  }
  if (move.toZone !== move.fromZone) {
    return {
      action: 'block',
      reason: 'MOVE_BLOCKED_OTHER_ZONE',
      params: { zone: move.toZone },
      refundOnRequest,
    };
  }
  // Keeping the permit would give the new address a second one; the household already living
  // there keeps theirs, so the newcomer's is blocked as if they had moved zone.
  if (move.newAddressHasPermit) {
    return { action: 'block', reason: 'MOVE_BLOCKED_ADDRESS_HAS_PERMIT', refundOnRequest };
  }
  return { action: 'keep', refundOnRequest: false };
}

/**
 * docs/rules.md §2 Moving: how many local days back a resident may date a move they report (the
 * register's own reports carry their date and are not held to it).
 */
export const reportedMoveMaxDaysBack = 60;

/**
 * docs/rules.md §2 Moving: a reported moving day is a date from `reportedMoveMaxDaysBack` days
 * before `today` (the town's local date) up to `today`; a move cannot be reported ahead.
 */
export function checkReportedMoveDate(
  movedOn: string,
  today: LocalDate,
): { readonly ok: true } | Refusal<'MOVE_DATE_INVALID'> {
  const inRange =
    isLocalDate(movedOn) &&
    compareLocalDates(movedOn, today) <= 0 &&
    compareLocalDates(movedOn, addDays(today, -reportedMoveMaxDaysBack)) >= 0;
  return inRange ? { ok: true } : refuse('MOVE_DATE_INVALID', { days: reportedMoveMaxDaysBack });
}
