import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { config } from '../../config/config.js';
import { AppError } from '../../graphql/app-error.js';
import { logger } from '../../logging/logger.js';
import { counter, gauge } from '../../observability/metrics.js';
import { GateFullError, WorkGate } from './work-gate.js';

let gate: WorkGate | undefined;
let decoyHash: Promise<string> | undefined;

/**
 * The one gate every argon2 hash and verification passes: each takes a core for tens of
 * milliseconds, so a login flood left unbounded would slow every request, not just logins.
 */
export function passwordHashGate(): WorkGate {
  return (gate ??= new WorkGate(
    config().PASSWORD_HASH_CONCURRENCY ?? Math.max(1, availableParallelism()),
    config().PASSWORD_HASH_QUEUE,
  ));
}

/** Tests that change the gate's or the hashes' settings start anew (after `reloadConfig`). */
export function resetPasswordHashGate(): void {
  gate = undefined;
  decoyHash = undefined;
}

/** argon2id at the configured cost (production's at the least; see config.ts). */
export function hashOptions() {
  const settings = config();
  return {
    type: argon2.argon2id,
    memoryCost: settings.PASSWORD_HASH_MEMORY_KIB,
    timeCost: settings.PASSWORD_HASH_TIME_COST,
    parallelism: settings.PASSWORD_HASH_PARALLELISM,
  };
}

const busyTotal = counter(
  'parkeer_password_hash_busy_total',
  'Logins and other password or PIN checks refused because the hashing queue was full.',
);
gauge('parkeer_password_hash_active', 'argon2 hashes being computed now.', () => gate?.active ?? 0);
gauge('parkeer_password_hash_queued', 'argon2 hashes waiting for a core.', () => gate?.queued ?? 0);

async function gated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await passwordHashGate().run(work);
  } catch (error) {
    if (!(error instanceof GateFullError)) throw error;
    busyTotal.inc();
    logger.warn({ queued: passwordHashGate().queued }, 'password hashing queue full');
    throw new AppError('BUSY', {}, [], { retryAfterSeconds: 5 });
  }
}

/** argon2id (OWASP's recommended variant), for passwords and PINs. */
export function hashSecret(secret: string): Promise<string> {
  return gated(() => argon2.hash(secret, hashOptions()));
}

// Verifying against a real hash when there is nothing to verify against keeps a miss as slow as
// a hit, so timing does not tell whether an account or product code exists. Made on first use.
const decoy = () => (decoyHash ??= argon2.hash(randomBytes(16).toString('hex'), hashOptions()));

/** Whether `secret` matches `hash`; a missing or malformed hash never matches (and takes as long). */
export async function verifySecret(
  hash: string | null | undefined,
  secret: string,
): Promise<boolean> {
  const against = hash ?? (await decoy());
  const valid = await gated(() => argon2.verify(against, secret).catch(() => false));
  return Boolean(hash) && valid;
}
