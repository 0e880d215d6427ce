import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import { checkIdempotencyKey } from '../../graphql/idempotency-key.js';
import { logger } from '../../logging/logger.js';
import { answerFromJson, answerToJson } from './answer-json.js';
import { ClaimStore, type ClaimKey } from './claim-store.js';
import { requestFingerprint } from './request-fingerprint.js';
import { withCommitHook } from '../../db/commit-hooks.js';

/** A mutation call with its client's key. */
export interface KeyedCall {
  readonly em: EntityManager;
  /**
   * Whose keys: null for a registration number + PIN login, which has no account to keep them
   * under (docs/graphql.md, Idempotency keys); its calls are then simply made.
   */
  readonly accountId: string | null;
  /** The operation's name; a key is one account's for one operation. */
  readonly operation: string;
  readonly key: string;
  /** The input without the key: a retry must send the same. */
  readonly request: unknown;
  /** The call's clock: the claim's moment and its lease. */
  readonly now: Date;
}

export interface OnceAnswer<T> {
  readonly value: T;
  /** The first call's answer given again: this call changed nothing. */
  readonly replayed: boolean;
  /** When the first call answered: the replay shows what was true then. */
  readonly answeredAt: Date;
}

export interface OnceTiming {
  /** How long a retry waits for a first call still running before IDEMPOTENCY_IN_PROGRESS. */
  readonly waitMs: number;
  /**
   * How long a pending claim belongs to its call. Longer than any request may run (a request
   * past REQUEST_TIMEOUT_MS commits nothing): a claim still pending after it belongs to a call
   * that died, and a retry may take it over.
   */
  readonly leaseMs: number;
}

export const onceTiming: OnceTiming = { waitMs: 10_000, leaseMs: 2 * 60_000 };

const firstPollMs = 10;
const slowestPollMs = 250;

/**
 * Runs a keyed mutation once per (account, operation, key) (docs/graphql.md, Idempotency keys).
 *
 * The key is claimed by an insert of its own that commits at once, before the work: of calls
 * sent together exactly one gets it, whatever the work's transactions see. That call does the
 * work and stores its answer; every other call with the key waits for that answer and returns
 * it, or is IDEMPOTENCY_KEY_REUSED when it asks something else.
 *
 * A work that throws changed nothing that counts (its transaction rolled back): the claim is
 * released and the error passes on, so a retry tries again. Errors are often passing (a
 * concurrent change, a provider that did not answer); refusals that are results, such as a
 * SessionRefused, are answers and are stored like any other.
 */
export async function answerOnce<T>(
  call: KeyedCall,
  work: () => Promise<T>,
  timing: OnceTiming = onceTiming,
): Promise<OnceAnswer<T>> {
  checkIdempotencyKey(call.key);
  if (call.accountId === null)
    return { value: await work(), replayed: false, answeredAt: call.now };
  const store = new ClaimStore(call.em);
  const at: ClaimKey = { accountId: call.accountId, operation: call.operation, key: call.key };
  const fingerprint = requestFingerprint(call.request);
  const waitUntil = Date.now() + timing.waitMs;
  let pollMs = firstPollMs;
  for (;;) {
    const leaseUntil = new Date(call.now.getTime() + timing.leaseMs);
    const claimId = await store.claim(at, fingerprint, call.now, leaseUntil);
    if (claimId) {
      return {
        value: await workOnClaim(store, claimId, () =>
          withCommitHook((tx) => store.markWorked(tx, claimId, call.now), work),
        ),
        replayed: false,
        answeredAt: call.now,
      };
    }
    const claim = await store.find(at);
    // Released or expired since the insert: claim it again.
    if (!claim) continue;
    if (claim.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (claim.status === 'done' && claim.answer !== null) {
      return {
        value: answerFromJson<T>(claim.answer),
        replayed: true,
        answeredAt: claim.createdAt,
      };
    }
    if (claim.leaseUntil && claim.leaseUntil <= call.now) {
      // Its work committed and only the answer was lost: doing it again would do it twice.
      if (claim.workedAt) throw new AppError('IDEMPOTENCY_ANSWER_LOST');
      await store.expire(claim.id, call.now);
      continue;
    }
    if (Date.now() >= waitUntil) {
      throw new AppError('IDEMPOTENCY_IN_PROGRESS', {}, [], { retryAfterSeconds: 1 });
    }
    await sleep(pollMs);
    pollMs = Math.min(pollMs * 2, slowestPollMs);
  }
}

async function workOnClaim<T>(store: ClaimStore, claimId: string, work: () => Promise<T>) {
  let value: T;
  try {
    value = await work();
  } catch (error) {
    await store.release(claimId).catch((releaseError: unknown) => {
      // The claim stays pending until its lease ends; a retry then takes it over.
      logger.warn({ err: releaseError }, 'an idempotency claim could not be released');
    });
    throw error;
  }
  try {
    if (!(await store.finish(claimId, answerToJson(value)))) {
      logger.warn('an idempotency claim was taken over before its call finished');
    }
  } catch (error) {
    // The work is done and committed: its caller gets the answer. A retry finds the claim
    // pending and marked worked, and does not do the work again (docs/graphql.md).
    logger.error({ err: error }, 'the answer of an idempotent call could not be stored');
  }
  return value;
}
