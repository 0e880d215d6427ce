import type { EntityManager } from '@mikro-orm/core';
import { isPostgres } from '../../db/dialect.js';
import { sqlDate } from '../../db/sql-date.js';
import { scrubText } from '../../logging/log-scrubbing.js';
import { logger } from '../../logging/logger.js';
import { WebhookDelivery, type WebhookAttempt } from '../../model/webhook-delivery.entity.js';
import { WebhookSubscription } from '../../model/webhook-subscription.entity.js';
import { consentedSubscriptions } from './webhook-consent.js';
import { openWebhookSecret } from './webhook-secret.js';
import { signWebhook } from './webhook-signature.js';
import type { WebhookSender } from './webhook-sender.js';

/** Events one run takes; a longer backlog continues in the next run. */
const batchSize = 50;

export interface DeliveryOptions {
  readonly now: Date;
  readonly send: WebhookSender;
  /**
   * Per event, how often it is tried and the wait after its n-th failure (the work queue's
   * `webhookRetryPolicy`): then it is given up, `failed`, and the next one goes on.
   */
  readonly maxAttempts: number;
  readonly delayAfter: (attempts: number) => number;
}

/**
 * The `deliverWebhooks` job of one subscription: its pending events in `sequence` order, each
 * sent once it is due, until one fails (the later ones wait for it: an app sees a permit's
 * events in order) or none are left. A resident who disconnected the app takes their queued
 * events along (`cancelled`, never sent). The run moves its own job: to the waiting event's next
 * attempt, or done when nothing is pending.
 */
export async function deliverWebhooks(
  em: EntityManager,
  subscriptionId: string,
  options: DeliveryOptions,
): Promise<void> {
  const { now } = options;
  const subscription = await em.findOne(
    WebhookSubscription,
    { id: subscriptionId },
    { populate: ['secretSealed'] },
  );
  let nextRun: Date | null = null;
  if (subscription && !subscription.disabled) {
    const secret = openWebhookSecret(subscription.secretSealed);
    const pending = await em.find(
      WebhookDelivery,
      { subscriptionId, status: 'pending' },
      { orderBy: { sequence: 'asc' }, limit: batchSize },
    );
    for (const delivery of pending) {
      if (delivery.nextAttemptAt && delivery.nextAttemptAt > now) {
        nextRun = delivery.nextAttemptAt;
        break;
      }
      const consented = await consentedSubscriptions(em, [delivery.permitId], subscriptionId);
      if (!consented.some((found) => found.accountId === delivery.accountId)) {
        delivery.status = 'cancelled';
        delivery.nextAttemptAt = null;
        await em.flush();
        continue;
      }
      const attempt = await attemptDelivery(subscription.url, secret, delivery, options);
      await em.flush();
      if (attempt.waitUntil) {
        nextRun = attempt.waitUntil;
        break;
      }
    }
    if (!nextRun && pending.length === batchSize) nextRun = now;
  }
  // A paused (or deleted) subscription's job rests; resuming makes it due again.
  const resting = !subscription || subscription.disabled;
  await moveJob(em, subscriptionId, nextRun, now, resting);
}

/** One attempt, kept in the delivery's log; answers when to try again, if it must. */
async function attemptDelivery(
  url: string,
  secret: string,
  delivery: WebhookDelivery,
  options: DeliveryOptions,
): Promise<{ waitUntil: Date | null }> {
  const { now } = options;
  // The wall clock, as receivers check it against theirs (a demo's clock may be set elsewhere).
  const timestamp = Math.floor(Date.now() / 1000);
  const message = { id: delivery.id, timestamp, body: delivery.body };
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await options.send({
      url,
      body: delivery.body,
      headers: {
        'webhook-id': delivery.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret, message),
      },
    });
    if (statusCode < 200 || statusCode > 299) error = `answered ${statusCode}`;
  } catch (failure) {
    // As the work queue stores errors: values quoted from data scrubbed, at most 500 characters.
    error = scrubText(failure instanceof Error ? failure.message : String(failure)).slice(0, 500);
  }
  const durationMs = Math.round(performance.now() - started);
  delivery.attempts += 1;
  let waitUntil: Date | null = null;
  if (error === null) {
    delivery.status = 'delivered';
    delivery.deliveredAt = now;
    delivery.nextAttemptAt = null;
  } else if (delivery.attempts >= options.maxAttempts) {
    delivery.status = 'failed';
    delivery.nextAttemptAt = null;
    // Ids only: the body holds a plate.
    logger.warn(
      { delivery: delivery.id, subscription: delivery.subscriptionId, attempts: delivery.attempts },
      'webhook given up',
    );
  } else {
    waitUntil = new Date(now.getTime() + options.delayAfter(delivery.attempts));
    delivery.nextAttemptAt = waitUntil;
  }
  const entry: WebhookAttempt = {
    at: now.toISOString(),
    statusCode,
    durationMs,
    error,
    nextAttemptAt: waitUntil?.toISOString() ?? null,
  };
  delivery.attemptLog = [...delivery.attemptLog, entry];
  return { waitUntil };
}

/**
 * Moves the job to `nextRun`, or marks it done when nothing is pending. The job row is locked
 * first and the pending events counted after: an event written meanwhile either committed before
 * (and is counted) or waits for this to commit and finds the job done, which makes it due again
 * (webhook-outbox.ts `scheduleDelivery`). Never a pending event with an idle job.
 */
async function moveJob(
  em: EntityManager,
  subscriptionId: string,
  nextRun: Date | null,
  now: Date,
  resting: boolean,
): Promise<void> {
  await em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const context = tx.getTransactionContext();
    const lock = isPostgres(tx) ? ' for update' : '';
    await connection.execute(
      `select id from scheduled_job where kind = 'deliverWebhooks' and subject = ?${lock}`,
      [subscriptionId],
      'all',
      context,
    );
    const [pending] = await connection.execute<{ count: number | string }[]>(
      `select count(*) as count from webhook_delivery where subscription_id = ? and status = 'pending'`,
      [subscriptionId],
      'all',
      context,
    );
    const idle = resting || Number(pending?.count ?? 0) === 0;
    await connection.execute(
      idle
        ? `update scheduled_job set done_at = ? where kind = 'deliverWebhooks' and subject = ?`
        : `update scheduled_job set run_at = ? where kind = 'deliverWebhooks' and subject = ?`,
      [sqlDate(tx, idle ? now : (nextRun ?? now)), subscriptionId],
      'run',
      context,
    );
  });
}
