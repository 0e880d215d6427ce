import { amountStateOfSession } from '../../graphql/amount-state.enum.js';
import type { Bill } from '@parkeer/domain/billing/bill';
import { formatPlate } from '@parkeer/domain/plate/plate';
import type {
  AcceptedSession,
  SessionDecision,
} from '@parkeer/domain/session-policy/session-decision';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import type { Language } from '@parkeer/shared/language';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import type { SessionSnapshot } from '../../graphql/pubsub.js';
import type { ParkingSession } from '../../model/parking-session.entity.js';
import type { StoredSession } from './session-store.js';
import { effectiveStatus } from './session-status.js';
import {
  CostSegment,
  SessionAccepted,
  SessionDto,
  SessionQuote,
  SessionRefused,
} from './session.types.js';

/** A session entity as the session store's plain record. */
export function storedOf(session: ParkingSession): StoredSession {
  return {
    id: session.id,
    permitId: session.permit.id,
    delegationId: session.delegation?.id ?? null,
    plate: session.plate,
    country: session.country,
    start: session.start,
    end: session.end,
    stoppedAt: session.stoppedAt ?? null,
    reservation: session.reservation,
    charge: session.charge ?? null,
    status: session.status,
    channel: session.channel,
    startedById: session.startedBy?.id ?? null,
    startedByAppId: session.startedByApp?.id ?? null,
  };
}

export function toSessionDto(
  session: StoredSession,
  unit: BalanceUnit,
  viewerAccountId: string,
  now: Date,
): SessionDto {
  return Object.assign(new SessionDto(), {
    id: session.id,
    permitId: session.permitId,
    productId: session.permitId,
    plate: session.plate,
    formattedPlate: formatPlate(session.plate, session.country),
    country: session.country,
    start: session.start,
    end: session.end,
    stoppedAt: session.stoppedAt,
    status: effectiveStatus(session, now),
    reservation: session.reservation,
    charge: session.charge,
    amountState: amountStateOfSession(session),
    unit,
    channel: session.channel,
    delegated: session.delegationId !== null,
    startedByMe: session.startedById === viewerAccountId,
  });
}

export function toCostSegments(bill: Bill): CostSegment[] {
  return bill.segments.map((segment) => Object.assign(new CostSegment(), segment));
}

export function toSessionQuote(
  accepted: AcceptedSession,
  unit: BalanceUnit,
  country: string,
): SessionQuote {
  return Object.assign(new SessionQuote(), {
    plate: accepted.plate,
    formattedPlate: formatPlate(accepted.plate, country),
    start: accepted.start,
    end: accepted.end,
    paidMinutes: accepted.bill.minutes,
    cost: accepted.bill.cost,
    reservation: accepted.reservation,
    unit,
    planned: accepted.planned,
    startsNow: accepted.startsNow,
    runsToZero: accepted.runsToZero,
    coveredUntil: accepted.coveredUntil,
    segments: toCostSegments(accepted.bill),
  });
}

/** A refusal with its message in the viewer's language and the proposal to accept. */
export function toSessionRefused(
  decision: Exclude<SessionDecision, AcceptedSession>,
  unit: BalanceUnit,
  country: string,
  language: Language,
): SessionRefused {
  return Object.assign(new SessionRefused(), {
    reason: decision.reason,
    message: errorMessage(decision.reason, language, decision.params),
    params: decision.params ? { ...decision.params } : null,
    proposal: decision.proposal ? toSessionQuote(decision.proposal, unit, country) : null,
  });
}

export function toSessionAccepted(
  session: SessionDto,
  quote: SessionQuote | null,
): SessionAccepted {
  return Object.assign(new SessionAccepted(), { session, quote });
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A session as it travels through the pub/sub: plain JSON. */
export function toSessionSnapshot(session: StoredSession, unit: BalanceUnit): SessionSnapshot {
  return {
    id: session.id,
    permitId: session.permitId,
    delegationId: session.delegationId,
    plate: session.plate,
    country: session.country,
    start: session.start.toISOString(),
    end: session.end.toISOString(),
    stoppedAt: iso(session.stoppedAt),
    reservation: session.reservation,
    charge: session.charge,
    status: session.status,
    channel: session.channel,
    startedById: session.startedById,
    startedByAppId: session.startedByAppId,
    unit,
  };
}
