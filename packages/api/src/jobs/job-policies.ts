import type { JobKind } from '../model/scheduled-job.entity.js';
import type { RetryPolicy } from './backoff.js';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

export interface JobKindPolicy extends RetryPolicy {
  /**
   * How long a claimed job is its worker's; a worker that died lets it go after this. Longer
   * than one run can take, or a second worker would start it while the first still runs.
   */
  readonly leaseMs: number;
  /**
   * 'once': done when it ran. 'recurring': the run itself moves the job to its next moment (or
   * ends it), so running is never "done" by the queue.
   */
  readonly runs: 'once' | 'recurring';
}

/**
 * Per kind of work, how it is retried (docs/operations.md, "The work queue"). Sessions must end
 * on time, so their settlement is retried soon; mail and refunds wait for a server or a provider
 * that may be down for hours, and give up later.
 */
export const jobPolicies: Readonly<Record<JobKind, JobKindPolicy>> = {
  settlePermit: {
    baseMs: 30 * second,
    capMs: 30 * minute,
    maxAttempts: 10,
    leaseMs: minute,
    runs: 'recurring',
  },
  retention: {
    baseMs: minute,
    capMs: hour,
    maxAttempts: 10,
    leaseMs: 10 * minute,
    runs: 'recurring',
  },
  refundPayment: {
    baseMs: 30 * second,
    capMs: 6 * hour,
    maxAttempts: 12,
    leaseMs: 2 * minute,
    runs: 'once',
  },
  permitReminders: {
    baseMs: minute,
    capMs: hour,
    maxAttempts: 10,
    leaseMs: 10 * minute,
    runs: 'recurring',
  },
  // Waiting lists (docs/rules.md §2 quotas): every few minutes, each list in its own transaction.
  waitingLists: {
    baseMs: minute,
    capMs: hour,
    maxAttempts: 10,
    leaseMs: 10 * minute,
    runs: 'recurring',
  },
  // Asks the register once per holder, each within REGISTRY_TIMEOUT_MS twice: a long lease.
  residenceRecheck: {
    baseMs: 10 * minute,
    capMs: 6 * hour,
    maxAttempts: 10,
    leaseMs: hour,
    runs: 'recurring',
  },
  // SMTP servers may take minutes to answer: the lease outlasts the transport's own timeouts.
  sendMail: {
    baseMs: minute,
    capMs: 6 * hour,
    maxAttempts: 10,
    leaseMs: 15 * minute,
    runs: 'once',
  },
  // A letter whose printing failed with its decision: printing is local and quick, so retried
  // soon; a letter that still fails after a day is dead-lettered for an admin to see.
  renderLetter: {
    baseMs: 30 * second,
    capMs: hour,
    maxAttempts: 30,
    leaseMs: 2 * minute,
    runs: 'once',
  },
  // An address import works through its file in batches, each committed with its progress; a
  // run that dies picks up at the last batch, so a short lease and quick retries suffice.
  importAddresses: {
    baseMs: 10 * second,
    capMs: 10 * minute,
    maxAttempts: 10,
    leaseMs: 5 * minute,
    runs: 'once',
  },
  // A subscription's webhooks, in order: the run sends what is due and moves the job to the next
  // event's attempt itself (webhook-delivery.ts, with its own backoff per event), so the queue's
  // retries are only for a run that failed as a whole (the database away).
  deliverWebhooks: {
    baseMs: 30 * second,
    capMs: 30 * minute,
    maxAttempts: 20,
    leaseMs: 5 * minute,
    runs: 'recurring',
  },
};

/**
 * Per webhook event (modules/webhook/webhook-delivery.ts): network errors, timeouts and answers
 * other than 2xx are tried again from half a minute up to an hour apart; after the 8th failure
 * (about four hours) the event is given up, `failed`, for the platform admin to send again, and
 * the subscription's later events go on (docs/operations.md, "Webhooks").
 */
export const webhookRetryPolicy: RetryPolicy = {
  baseMs: 30 * second,
  capMs: hour,
  maxAttempts: 8,
};
