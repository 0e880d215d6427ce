import type { MikroORM } from '@mikro-orm/core';
import { counter, labelledGauge } from '../observability/metrics.js';
import { queueDepths } from './work-queue.js';

/** Every attempt a worker of this instance ran, whatever its outcome. */
export const jobsRun = counter('parkeer_jobs_run_total', 'Work queue jobs run, per kind.', [
  'kind',
]);
export const jobsFailed = counter(
  'parkeer_jobs_failed_total',
  'Work queue job attempts that failed, per kind.',
  ['kind'],
);
export const jobsDeadLettered = counter(
  'parkeer_jobs_dead_lettered_total',
  'Work queue jobs moved to the dead letter after their last allowed attempt, per kind.',
  ['kind'],
);

/** Scrapers that come more often than this (several Prometheus servers) share one count. */
export const queueDepthCacheMs = 5_000;

/**
 * Gauges of the whole queue, counted in the database when scraped, at most once per
 * `queueDepthCacheMs` for both gauges (every instance reports the same figures: take their
 * maximum, not their sum).
 */
export function registerQueueGauges(orm: MikroORM, clock: () => Date): void {
  let cached: { at: number; depths: ReturnType<typeof queueDepths> } | undefined;
  const depths = () => {
    const now = Date.now();
    if (!cached || now - cached.at >= queueDepthCacheMs) {
      const counted = queueDepths(orm.em.fork(), clock());
      // A failed count is asked again at the next scrape, not kept for the cache's time.
      counted.catch(() => {
        if (cached?.depths === counted) cached = undefined;
      });
      cached = { at: now, depths: counted };
    }
    return cached.depths;
  };
  labelledGauge(
    'parkeer_jobs_due',
    'Work queue jobs due now and not yet run, per kind.',
    ['kind'],
    async () => (await depths()).map(({ kind, due }) => [{ kind }, due]),
  );
  labelledGauge(
    'parkeer_jobs_dead',
    'Work queue jobs in the dead letter, per kind.',
    ['kind'],
    async () => (await depths()).map(({ kind, dead }) => [{ kind }, dead]),
  );
}
