import { amountStateOfSession } from '../../graphql/amount-state.enum.js';
import { bill, type BillingContext } from '@parkeer/domain/billing/bill';
import { formatPlate } from '@parkeer/domain/plate/plate';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { mapConnection } from '../../graphql/connection.js';
import type { LedgerEntry } from '../../model/ledger-entry.entity.js';
import type { ParkingSession, SessionStatus } from '../../model/parking-session.entity.js';
import { effectiveStatus } from '../session/session-status.js';
import { toCostSegments } from '../session/session.mapper.js';
import type { CostSegment } from '../session/session.types.js';
import type { SessionHistoryPage, TransactionPage } from './history.service.js';
import {
  SessionHistoryConnection,
  SessionHistoryItemDto,
  TransactionConnection,
  TransactionDto,
} from './history.types.js';

function segmentsOf(
  session: ParkingSession,
  status: SessionStatus,
  billing: BillingContext | null,
): CostSegment[] {
  if (status !== 'ended' || !billing) return [];
  const end = session.stoppedAt ?? session.end;
  if (end <= session.start) return [];
  try {
    return toCostSegments(bill({ start: session.start, end }, billing));
  } catch (error) {
    // A product without a tariff for that date: history still shows the session, unsplit.
    if (error instanceof RangeError) return [];
    throw error;
  }
}

export function toSessionHistoryItemDto(
  session: ParkingSession,
  billing: BillingContext | null,
  unit: BalanceUnit | null,
  now: Date,
): SessionHistoryItemDto {
  const delegated = session.delegation != null;
  // Past its end but not settled yet: it has ended all the same, and will charge its reservation.
  const status = effectiveStatus(session, now);
  return Object.assign(new SessionHistoryItemDto(), {
    id: session.id,
    plate: session.plate,
    formattedPlate: formatPlate(session.plate, session.country),
    country: session.country,
    start: session.start,
    end: session.end,
    stoppedAt: session.stoppedAt ?? null,
    status,
    cost: session.charge ?? session.reservation,
    amountState: amountStateOfSession(session),
    unit,
    startedByEmail: delegated ? (session.startedBy?.email ?? null) : null,
    startedByApp: session.startedByApp?.name ?? null,
    delegated,
    segments: segmentsOf(session, status, billing),
  });
}

export function toSessionHistoryConnection(
  page: SessionHistoryPage,
  now: Date,
): SessionHistoryConnection {
  return Object.assign(
    new SessionHistoryConnection(),
    mapConnection(page.connection, (session) =>
      toSessionHistoryItemDto(session, page.billing, page.unit, now),
    ),
  );
}

export function toTransactionDto(entry: LedgerEntry, unit: BalanceUnit | null): TransactionDto {
  const session = entry.session ?? null;
  return Object.assign(new TransactionDto(), {
    id: entry.id,
    kind: entry.kind,
    amount: entry.amount,
    moneyCents: entry.moneyCents ?? null,
    amountState: entry.kind === 'reserve' && session ? amountStateOfSession(session) : 'final',
    balanceAfter: entry.balanceAfter,
    at: entry.createdAt,
    unit,
    sessionId: session?.id ?? null,
    paymentId: entry.payment?.id ?? null,
    plate: session?.plate ?? null,
    formattedPlate: session ? formatPlate(session.plate, session.country) : null,
  });
}

export function toTransactionConnection(page: TransactionPage): TransactionConnection {
  return Object.assign(
    new TransactionConnection(),
    mapConnection(page.connection, (entry) => toTransactionDto(entry, page.unit)),
  );
}
