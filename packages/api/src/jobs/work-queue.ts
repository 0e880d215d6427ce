import type { EntityManager } from '@mikro-orm/core';
import { isPostgres } from '../db/dialect.js';
import { sqlDate } from '../db/sql-date.js';
import { scrubText } from '../logging/log-scrubbing.js';
import { jobKinds, type JobKind } from '../model/scheduled-job.entity.js';
import { retryDelay } from './backoff.js';
import { jobPolicies } from './job-policies.js';

/** A job a worker has claimed: it alone runs it until its lease ends. */
export interface ClaimedJob {
  readonly id: string;
  readonly kind: JobKind;
  readonly subject: string;
  /** Attempts since the last success, this one included. */
  readonly attempts: number;
}

/** The column's width. */
const lastErrorLength = 500;

/**
 * Claims up to `limit` due jobs of `kinds` for `worker`, each for its kind's lease, counting the
 * attempt. On PostgreSQL rows another worker is claiming are skipped (`FOR UPDATE SKIP LOCKED`),
 * so several instances share the work and never take the same job; SQLite runs one statement at
 * a time. Dead-lettered and done jobs are never claimed.
 */
export async function claimDueJobs(
  em: EntityManager,
  options: { worker: string; now: Date; limit: number; kinds?: readonly JobKind[] },
): Promise<ClaimedJob[]> {
  const { worker, now, limit, kinds = jobKinds } = options;
  if (kinds.length === 0) return [];
  const postgres = isPostgres(em);
  const skipLocked = postgres ? ' for update skip locked' : '';
  // Each kind's own lease; PostgreSQL types the parameters of a case as text unless told.
  const leaseCases = `case kind ${jobKinds.map(() => 'when ? then ?').join(' ')} end`;
  const leaseEnd = postgres ? `cast(${leaseCases} as timestamptz)` : leaseCases;
  const leaseParams = jobKinds.flatMap((kind) => [
    kind,
    sqlDate(em, new Date(now.getTime() + jobPolicies[kind].leaseMs)),
  ]);
  const rows = await em.getConnection().execute<ClaimedJob[]>(
    `update scheduled_job set locked_until = ${leaseEnd}, locked_by = ?,
      attempts = attempts + 1
    where id in (select id from scheduled_job
      where done_at is null and dead_at is null and run_at <= ?
        and (locked_until is null or locked_until < ?)
        and kind in (${kinds.map(() => '?').join(', ')})
      order by run_at limit ?${skipLocked})
    returning id, kind, subject, attempts`,
    [...leaseParams, worker, sqlDate(em, now), sqlDate(em, now), ...kinds, limit],
  );
  return rows.map((row: ClaimedJob) => ({ ...row, attempts: Number(row.attempts) }));
}

/**
 * The job ran: its lock, attempts and error are cleared, and a job that runs once is done. A
 * recurring one has moved itself to its next moment (or ended) in the run's own transaction.
 */
export async function completeJob(
  em: EntityManager,
  job: ClaimedJob,
  worker: string,
  now: Date,
): Promise<void> {
  const done = jobPolicies[job.kind].runs === 'once' ? ', done_at = ?' : '';
  await em.getConnection().execute(
    `update scheduled_job set locked_until = null, locked_by = null, attempts = 0,
      last_error = null${done}
    where id = ? and locked_by = ?`,
    [...(done ? [sqlDate(em, now)] : []), job.id, worker],
  );
}

/** What became of a job that failed. */
export type FailureOutcome = 'retryLater' | 'deadLettered';

/** The message of a failure as stored: values quoted from data scrubbed, at most the column. */
export function storedError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return scrubText(message).slice(0, lastErrorLength);
}

/**
 * The job failed: it is due again after its kind's backoff, or, after its kind's last allowed
 * attempt, dead-lettered with its error and attempts kept (docs/operations.md, "The work queue").
 */
export async function failJob(
  em: EntityManager,
  job: ClaimedJob,
  options: { worker: string; now: Date; error: unknown; random?: () => number },
): Promise<FailureOutcome> {
  const { worker, now } = options;
  const policy = jobPolicies[job.kind];
  const message = storedError(options.error);
  if (job.attempts >= policy.maxAttempts) {
    await em.getConnection().execute(
      `update scheduled_job set locked_until = null, locked_by = null, dead_at = ?, last_error = ?
      where id = ? and locked_by = ?`,
      [sqlDate(em, now), message, job.id, worker],
    );
    return 'deadLettered';
  }
  const delay = retryDelay(policy, job.attempts, options.random);
  await em.getConnection().execute(
    `update scheduled_job set locked_until = null, locked_by = null, run_at = ?, last_error = ?
    where id = ? and locked_by = ?`,
    [sqlDate(em, new Date(now.getTime() + delay)), message, job.id, worker],
  );
  return 'retryLater';
}

/**
 * Puts a dead-lettered job back as due now with its attempts reset; its last error stays until
 * it runs. False when the job is not (or no longer) in the dead letter.
 */
export async function retryDeadJob(em: EntityManager, id: string, now: Date): Promise<boolean> {
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `update scheduled_job set dead_at = null, attempts = 0, run_at = ?,
      locked_until = null, locked_by = null
    where id = ? and dead_at is not null returning id`,
    [sqlDate(em, now), id],
    'all',
    em.getTransactionContext(),
  );
  return rows.length === 1;
}

/** Per kind, how many jobs are due now and how many are dead-lettered (the metrics' gauges). */
export async function queueDepths(
  em: EntityManager,
  now: Date,
): Promise<{ kind: JobKind; due: number; dead: number }[]> {
  const connection = em.getConnection();
  // Two statements, each on its index: due ones by (done_at, run_at), dead ones by dead_at.
  const due = await connection.execute<{ kind: JobKind; count: number | string }[]>(
    `select kind, count(*) as count from scheduled_job
    where done_at is null and dead_at is null and run_at <= ? group by kind`,
    [sqlDate(em, now)],
  );
  const dead = await connection.execute<{ kind: JobKind; count: number | string }[]>(
    'select kind, count(*) as count from scheduled_job where dead_at is not null group by kind',
  );
  const countOf = (rows: { kind: JobKind; count: number | string }[], kind: JobKind) =>
    Number(rows.find((row) => row.kind === kind)?.count ?? 0);
  return jobKinds.map((kind) => ({ kind, due: countOf(due, kind), dead: countOf(dead, kind) }));
}
