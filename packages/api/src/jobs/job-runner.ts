import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { isPostgres } from '../db/dialect.js';
import { sqlDate } from '../db/sql-date.js';
import { sendRefund } from '../modules/payment/refund-sender.js';
import type { ChangeSink } from '../modules/ledger/permit-transaction.js';
import type { PermitEvent } from '../modules/session/permit-events.js';
import { SessionService } from '../modules/session/session.service.js';
import { applyRetention } from './retention.js';
import type { JobKind } from '../model/scheduled-job.entity.js';
import { logger } from '../logging/logger.js';

/** How long a claimed job is the claimer's; a worker that died lets it go after this. */
export const jobLeaseMs = 60_000;
const retryDelayMs = 30_000;

interface ClaimedJob {
  id: string;
  kind: JobKind;
  subject: string;
}

/**
 * Claims up to `limit` due jobs for `worker`. On PostgreSQL rows another worker is claiming are
 * skipped (`FOR UPDATE SKIP LOCKED`), so workers never take the same job; SQLite runs one
 * statement at a time.
 */
async function claimDueJobs(
  em: EntityManager,
  worker: string,
  now: Date,
  limit: number,
): Promise<ClaimedJob[]> {
  const skipLocked = isPostgres(em) ? ' for update skip locked' : '';
  return em.getConnection().execute<ClaimedJob[]>(
    `update scheduled_job set locked_until = ?, locked_by = ?, attempts = attempts + 1
    where id in (select id from scheduled_job
      where done_at is null and run_at <= ? and (locked_until is null or locked_until < ?)
      order by run_at limit ?${skipLocked})
    returning id, kind, subject`,
    [
      sqlDate(em, new Date(now.getTime() + jobLeaseMs)),
      worker,
      sqlDate(em, now),
      sqlDate(em, now),
      limit,
    ],
  );
}

/** Retention runs every hour: anonymisation is due by the hour, not by the minute. */
export const retentionIntervalMs = 60 * 60_000;

/** Told, after each commit, of the sessions scheduled work ended or started (to publish them). */
export type DueEventListener = ChangeSink<PermitEvent>;

async function runJob(
  em: EntityManager,
  job: ClaimedJob,
  now: Date,
  onEvent: DueEventListener | undefined,
): Promise<void> {
  switch (job.kind) {
    case 'settlePermit': {
      // Settles what is due and moves (or ends) this job in the same transaction.
      await new SessionService(em, 'system', now, onEvent).settleDue(job.subject);
      return;
    }
    case 'retention':
      await em.transactional(async (tx) => {
        await applyRetention(tx, now);
        await tx
          .getConnection()
          .execute(
            'update scheduled_job set run_at = ? where id = ?',
            [sqlDate(tx, new Date(now.getTime() + retentionIntervalMs)), job.id],
            'all',
            tx.getTransactionContext(),
          );
      });
      return;
    case 'refundPayment':
      // Done only once the provider has the refund; a failure leaves the job due again later.
      await sendRefund(em, job.subject, now);
      await em
        .getConnection()
        .execute('update scheduled_job set done_at = ? where id = ?', [sqlDate(em, now), job.id]);
      return;
  }
}

/** Makes sure the hourly retention job exists (it is due at once the first time). */
export async function ensureRetentionJob(em: EntityManager, now: Date): Promise<void> {
  await em.getConnection().execute(
    `insert into scheduled_job (id, kind, subject, run_at, attempts)
      values (?, 'retention', 'all', ?, 0) on conflict (kind, subject) do nothing`,
    [randomUUID(), sqlDate(em, now)],
  );
}

/**
 * One pass of scheduled work: claims the due jobs and runs each. A job's effect happens once
 * because it is idempotent under the permit's lock (a session already settled is not due any
 * more); a failed job is tried again later.
 */
export async function runDueJobs(
  orm: MikroORM,
  options: { now: Date; worker?: string; limit?: number; onEvent?: DueEventListener },
): Promise<number> {
  const em = orm.em.fork();
  const worker = options.worker ?? randomUUID();
  const jobs = await claimDueJobs(em, worker, options.now, options.limit ?? 50);
  for (const job of jobs) {
    try {
      await runJob(orm.em.fork(), job, options.now, options.onEvent);
      await em
        .getConnection()
        .execute(
          'update scheduled_job set locked_until = null, locked_by = null, attempts = 0, last_error = null where id = ? and locked_by = ?',
          [job.id, worker],
        );
    } catch (error) {
      logger.error({ err: error, job: job.id, kind: job.kind }, 'scheduled job failed');
      await em
        .getConnection()
        .execute(
          'update scheduled_job set locked_until = null, locked_by = null, run_at = ?, last_error = ? where id = ? and locked_by = ?',
          [
            sqlDate(em, new Date(options.now.getTime() + retryDelayMs)),
            String(error).slice(0, 500),
            job.id,
            worker,
          ],
        );
    }
  }
  return jobs.length;
}

export interface JobWorker {
  /** Stops polling and waits for the pass that is running. */
  stop(): Promise<void>;
}

/** Runs scheduled work every `intervalMs` until stopped. */
export function startJobWorker(options: {
  orm: MikroORM;
  clock?: () => Date;
  intervalMs?: number;
  onEvent?: DueEventListener;
}): JobWorker {
  const clock = options.clock ?? (() => new Date());
  const worker = randomUUID();
  let stopped = false;
  const ready = ensureRetentionJob(options.orm.em.fork(), clock());
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const pass = async () => {
    try {
      await ready;
      // Keep going while a pass fills its batch: a backlog after a restart is worked off at once.
      while (
        !stopped &&
        (await runDueJobs(options.orm, { now: clock(), worker, onEvent: options.onEvent })) === 50
      );
    } catch (error) {
      logger.error({ err: error }, 'scheduled work failed');
    }
  };
  const tick = () => {
    if (stopped) return;
    running = pass().finally(() => {
      if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 1000);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
