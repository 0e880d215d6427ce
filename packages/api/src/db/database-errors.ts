import { GraphQLError } from 'graphql';
import type { ErrorCode } from '@parkeer/shared/messages/error-catalogue';
import { logger } from '../logging/logger.js';

/** What the caller is told when the database, not the request, is the problem. */
export type DatabaseFailure = Extract<ErrorCode, 'DATABASE_UNAVAILABLE' | 'DATABASE_TIMEOUT'>;

/** Socket errors of a database that cannot be reached. */
const unreachable = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * PostgreSQL SQLSTATEs: class 08 is a connection failure; 57P01–57P03 a server shutting down,
 * crashed or starting; 53300 out of connections. 57014 is a statement cancelled by
 * statement_timeout, 55P03 a lock not granted within lock_timeout, 25P03 a transaction ended by
 * idle_in_transaction_session_timeout.
 */
const unavailableStates = /^(08...|57P0[123]|53300)$/;
const timeoutStates = new Set(['57014', '55P03', '25P03']);

/**
 * pg's and knex's own errors (a connect or query_timeout, a dropped connection, no free
 * connection in time) carry no code, only a message, which knex puts after the statement
 * (`<sql> - Connection terminated unexpectedly`).
 */
const unavailableMessages =
  /(?:^| - )(?:timeout expired|Query read timeout|Connection terminated\b.*|Knex: Timeout acquiring a connection\b.*)$/s;

/** The error and what it wraps: MikroORM's `previous`, `cause`, GraphQL's `originalError`. */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  let current = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const record = current as Record<string, unknown>;
    yield record;
    current = record.previous ?? record.cause ?? record.originalError;
  }
}

/**
 * DATABASE_UNAVAILABLE when the database could not be reached in time (DB_CONNECT_TIMEOUT_MS),
 * DATABASE_TIMEOUT when it was reached but gave up on the work (statement, lock or idle limit;
 * SQLite busy); null for any other error.
 */
export function databaseFailureOf(error: unknown): DatabaseFailure | null {
  for (const link of chain(error)) {
    const code = typeof link.code === 'string' ? link.code : '';
    const state = typeof link.sqlState === 'string' ? link.sqlState : code;
    if (timeoutStates.has(state) || code === 'SQLITE_BUSY') return 'DATABASE_TIMEOUT';
    if (unreachable.has(code) || unavailableStates.test(state)) return 'DATABASE_UNAVAILABLE';
    if (link.name === 'KnexTimeoutError') return 'DATABASE_UNAVAILABLE';
    if (typeof link.message === 'string' && unavailableMessages.test(link.message)) {
      return 'DATABASE_UNAVAILABLE';
    }
  }
  return null;
}

/** At most one line per kind of failure this often: in an outage every request fails. */
const reportEveryMs = 10_000;
const reported = new Map<DatabaseFailure, { at: number; suppressed: number }>();

/**
 * Logs a database failure a request ran into, without the driver's message (it can quote the
 * statement, and so a plate): its kind and SQLSTATE or error code, and how many like it were
 * not logged since the last line.
 */
export function reportDatabaseFailure(
  failure: DatabaseFailure,
  error: unknown,
  log: (fields: object, message: string) => void = (fields, message) =>
    logger.warn(fields, message),
): void {
  const now = Date.now();
  const last = reported.get(failure);
  if (last && now - last.at < reportEveryMs) {
    last.suppressed++;
    return;
  }
  reported.set(failure, { at: now, suppressed: 0 });
  const codes = [...chain(error)]
    .map((link) => link.sqlState ?? link.code ?? link.name)
    .filter((code): code is string => typeof code === 'string');
  log(
    { code: failure, cause: codes.at(-1), notLoggedSince: last?.suppressed ?? 0 },
    'database failure',
  );
}

/**
 * For work before execution (the viewer of a request): a database failure becomes a 503 whose
 * body formatError fills in (DATABASE_UNAVAILABLE or DATABASE_TIMEOUT), instead of Apollo's
 * "Context creation failed" 500. Other errors pass unchanged.
 */
export function refuseWhenDatabaseFails(error: unknown): never {
  if (databaseFailureOf(error)) {
    throw new GraphQLError('database failure', {
      originalError: error instanceof Error ? error : undefined,
      extensions: { http: { status: 503 } },
    });
  }
  throw error;
}
