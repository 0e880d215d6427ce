import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { sqlDate } from '../db/sql-date.js';
import { jobKinds, type JobKind } from '../model/scheduled-job.entity.js';
import { adoptLegacyMails, sendQueuedMail } from '../modules/mail/mail-sender.js';
import type { MailTransport } from '../modules/mail/mail-transport.js';
import { sendRefund } from '../modules/payment/refund-sender.js';
import { renderPendingLetter } from '../modules/letter/letter-render-job.js';
import { runAddressImport } from '../modules/address-import/address-import.service.js';
import type { ChangeSink } from '../modules/ledger/permit-transaction.js';
import type { PermitEvent } from '../modules/session/permit-events.js';
import { SessionService } from '../modules/session/session.service.js';
import { reminderIntervalMs, sendPermitReminders } from '../modules/counter/counter-reminders.js';
import { passWaitingLists, waitingListIntervalMs } from '../modules/quota/quota-offers.js';
import { recheckResidences, residenceRecheckIntervalMs } from '../modules/moving/register-moves.js';
import { deliverWebhooks } from '../modules/webhook/webhook-delivery.js';
import { httpWebhookSender, type WebhookSender } from '../modules/webhook/webhook-sender.js';
import { config } from '../config/config.js';
import { ScheduledJob } from '../model/scheduled-job.entity.js';
import { logger } from '../logging/logger.js';
import { jobsDeadLettered, jobsFailed, jobsRun, registerQueueGauges } from './job-metrics.js';
import { applyRetention } from './retention.js';
import { retryDelay } from './backoff.js';
import { webhookRetryPolicy } from './job-policies.js';
import { claimDueJobs, completeJob, failJob, type ClaimedJob } from './work-queue.js';

/** Retention runs every hour: anonymisation is due by the hour, not by the minute. */
export const retentionIntervalMs = 60 * 60_000;

/** How many jobs one claim takes. */
const batchSize = 50;

/** Told, after each commit, of the sessions scheduled work ended or started (to publish them). */
export type DueEventListener = ChangeSink<PermitEvent>;

interface RunContext {
  readonly now: Date;
  readonly onEvent?: DueEventListener;
  readonly mailTransport?: MailTransport | null;
  readonly webhookSender?: WebhookSender;
  readonly random?: () => number;
}

/** How long an app's endpoint may take to answer one webhook. */
const webhookTimeoutMs = 10_000;

/** Runs one job; throws when it failed. Each kind is idempotent: a repeat does no harm. */
async function runJob(em: EntityManager, job: ClaimedJob, context: RunContext): Promise<void> {
  const { now } = context;
  switch (job.kind) {
    case 'settlePermit': {
      // Settles what is due and moves (or ends) this job in the same transaction.
      await new SessionService(em, 'system', now, context.onEvent).settleDue(job.subject);
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
      return;
    case 'sendMail':
      if (!context.mailTransport) throw new Error('no mail transport');
      await sendQueuedMail(em, context.mailTransport, job.subject, now);
      return;
    case 'renderLetter':
      await renderPendingLetter(em, job.subject);
      return;
    case 'importAddresses':
      // Batches commit their own progress; a repeat continues from the last one.
      await runAddressImport(em, job.subject);
      return;
    case 'permitReminders':
      // Each permit's reminder is claimed in its own transaction: a repeat sends nothing twice.
      await sendPermitReminders(em, now);
      await em.nativeUpdate(
        ScheduledJob,
        { id: job.id },
        { runAt: new Date(now.getTime() + reminderIntervalMs) },
      );
      return;
    case 'waitingLists':
      // Each list takes its turn in its own transaction, under its quota's claim.
      await passWaitingLists(em, now);
      await em.nativeUpdate(
        ScheduledJob,
        { id: job.id },
        { runAt: new Date(now.getTime() + waitingListIntervalMs) },
      );
      return;
    case 'residenceRecheck':
      // docs/rules.md §2 moving: each holder is moved in transactions of its own; a register
      // that does not answer leaves them for the next run.
      await recheckResidences(em, now);
      await em.nativeUpdate(
        ScheduledJob,
        { id: job.id },
        { runAt: new Date(now.getTime() + residenceRecheckIntervalMs) },
      );
      return;
    case 'deliverWebhooks':
      // One subscription's events in order; the run moves (or ends) its own job.
      await deliverWebhooks(em, job.subject, {
        now,
        maxAttempts: webhookRetryPolicy.maxAttempts,
        delayAfter: (attempts) => retryDelay(webhookRetryPolicy, attempts, context.random),
        send:
          context.webhookSender ??
          httpWebhookSender({ production: config().production, timeoutMs: webhookTimeoutMs }),
      });
      return;
  }
}

/** Makes sure an hourly recurring job exists (it is due at once the first time). */
async function ensureRecurringJob(em: EntityManager, kind: JobKind, now: Date): Promise<void> {
  await em.getConnection().execute(
    `insert into scheduled_job (id, kind, subject, run_at, attempts)
      values (?, ?, 'all', ?, 0) on conflict (kind, subject) do nothing`,
    [randomUUID(), kind, sqlDate(em, now)],
  );
}

/** Makes sure the hourly retention job exists (it is due at once the first time). */
export const ensureRetentionJob = (em: EntityManager, now: Date): Promise<void> =>
  ensureRecurringJob(em, 'retention', now);

/** Makes sure the hourly job of the permit counter's expiry reminders exists. */
export const ensureReminderJob = (em: EntityManager, now: Date): Promise<void> =>
  ensureRecurringJob(em, 'permitReminders', now);

/** Makes sure the waiting lists' recurring job exists (docs/rules.md §2 quotas). */
export const ensureWaitingListJob = (em: EntityManager, now: Date): Promise<void> =>
  ensureRecurringJob(em, 'waitingLists', now);

/** Makes sure the daily re-check of permit holders against the population register exists. */
export const ensureResidenceRecheckJob = (em: EntityManager, now: Date): Promise<void> =>
  ensureRecurringJob(em, 'residenceRecheck', now);

export interface RunOptions {
  readonly now: Date;
  readonly worker?: string;
  readonly limit?: number;
  readonly onEvent?: DueEventListener;
  /** Sends the `sendMail` jobs; without one (`null`, the default) they wait in the queue. */
  readonly mailTransport?: MailTransport | null;
  /** The jitter's source of randomness, in [0, 1) (tests pin it). */
  readonly random?: () => number;
  /** Sends webhooks; by default over HTTP(S) with the address checks of webhook-address.ts. */
  readonly webhookSender?: WebhookSender;
}

/**
 * One pass of the work queue: claims the due jobs and runs each, one at a time. A job's effect
 * happens once because each kind is idempotent (a session already settled is not due any more, a
 * mail marked sent is not sent again); a failed job is tried again after a backoff, and after its
 * kind's last attempt it is dead-lettered (docs/operations.md, "The work queue").
 */
export async function runDueJobs(orm: MikroORM, options: RunOptions): Promise<number> {
  const em = orm.em.fork();
  const worker = options.worker ?? randomUUID();
  const kinds: readonly JobKind[] = options.mailTransport
    ? jobKinds
    : jobKinds.filter((kind) => kind !== 'sendMail');
  const jobs = await claimDueJobs(em, {
    worker,
    now: options.now,
    limit: options.limit ?? batchSize,
    kinds,
  });
  for (const job of jobs) {
    jobsRun.inc({ kind: job.kind });
    try {
      await runJob(orm.em.fork(), job, options);
    } catch (error) {
      jobsFailed.inc({ kind: job.kind });
      const outcome = await failJob(em, job, {
        worker,
        now: options.now,
        error,
        random: options.random,
      });
      if (outcome === 'deadLettered') jobsDeadLettered.inc({ kind: job.kind });
      const log = outcome === 'deadLettered' ? logger.error : logger.warn;
      log.call(
        logger,
        { err: error, job: job.id, kind: job.kind, attempts: job.attempts, outcome },
        outcome === 'deadLettered' ? 'job dead-lettered' : 'job failed, retried later',
      );
      continue;
    }
    await completeJob(em, job, worker, options.now);
  }
  return jobs.length;
}

export interface JobWorker {
  /** Stops polling and waits for the pass that is running. */
  stop(): Promise<void>;
}

/**
 * Runs the work queue every `intervalMs` until stopped: the one poller of scheduled work and
 * mail. Without a mail transport mails stay queued (and say so once).
 */
export function startJobWorker(options: {
  orm: MikroORM;
  clock?: () => Date;
  intervalMs?: number;
  onEvent?: DueEventListener;
  mailTransport?: MailTransport | null;
}): JobWorker {
  const clock = options.clock ?? (() => new Date());
  const worker = randomUUID();
  const mailTransport = options.mailTransport ?? null;
  if (!mailTransport) {
    logger.error('Mail is not sent: set SMTP_URL. Mails stay queued until then.');
  }
  registerQueueGauges(options.orm, clock);
  let stopped = false;
  const ready = (async () => {
    await ensureRetentionJob(options.orm.em.fork(), clock());
    await ensureReminderJob(options.orm.em.fork(), clock());
    await ensureWaitingListJob(options.orm.em.fork(), clock());
    await ensureResidenceRecheckJob(options.orm.em.fork(), clock());
    await adoptLegacyMails(options.orm.em.fork());
  })();
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const pass = async () => {
    try {
      await ready;
      // Keep going while a pass fills its batch: a backlog after a restart is worked off at once.
      while (
        !stopped &&
        (await runDueJobs(options.orm, {
          now: clock(),
          worker,
          onEvent: options.onEvent,
          mailTransport,
        })) === batchSize
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
      mailTransport?.close?.();
    },
  };
}
