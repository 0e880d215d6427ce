import type { MikroORM } from '@mikro-orm/core';
import { Counter, labelledGauge } from '../observability/metrics.js';
import { queueDepths } from './work-queue.js';

/** Every attempt a worker of this instance ran, whatever its outcome. */
export const jobsRun = new Counter('parkeer_jobs_run_total', 'Work queue jobs run, per kind.');
export const jobsFailed = new Counter(
  'parkeer_jobs_failed_total',
  'Work queue job attempts that failed, per kind.',
);
export const jobsDeadLettered = new Counter(
  'parkeer_jobs_dead_lettered_total',
  'Work queue jobs moved to the dead letter after their last allowed attempt, per kind.',
);

/**
 * Gauges of the whole queue, counted in the database when scraped (every instance reports the
 * same figures: take their maximum, not their sum).
 */
export function registerQueueGauges(orm: MikroORM, clock: () => Date): void {
  const depths = () => queueDepths(orm.em.fork(), clock());
  labelledGauge(
    'parkeer_jobs_due',
    'Work queue jobs due now and not yet run, per kind.',
    async () => (await depths()).map(({ kind, due }) => [{ kind }, due]),
  );
  labelledGauge('parkeer_jobs_dead', 'Work queue jobs in the dead letter, per kind.', async () =>
    (await depths()).map(({ kind, dead }) => [{ kind }, dead]),
  );
}
