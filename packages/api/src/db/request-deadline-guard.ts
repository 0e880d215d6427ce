import type { EventSubscriber } from '@mikro-orm/core';
import { RequestDeadlinePassed, requestDeadlinePassed } from '../http/request-timeout.js';

/**
 * Rolls back a transaction whose request was already answered with TIMEOUT instead of committing
 * it: the caller was told the request was stopped, so its change must not appear later. Runs
 * before every top-level commit (explicit transactions and implicit ones of `flush`).
 */
export class RequestDeadlineGuard implements EventSubscriber {
  beforeTransactionCommit(): void {
    if (requestDeadlinePassed()) throw new RequestDeadlinePassed();
  }
}
