import { Histogram } from 'prom-client';
import { counter, registry } from './metrics.js';

const rightChecks = counter(
  'parkeer_right_checks_total',
  'Right-checks answered, by outcome: valid (a right is registered), outage (none, but an outage window covers the moment), no_right (may be fined) or refused (a batch item the rules refused).',
  ['outcome'],
);

const batchSizes = new Histogram({
  name: 'parkeer_right_check_batch_size',
  help: 'Plates per rightCheckBatch request.',
  buckets: [1, 5, 10, 25, 50, 75, 100],
  registers: [registry],
});

/** What the metrics need of an answer (enforcement.service.ts RightCheckAnswer). */
export interface CheckedRight {
  readonly valid: boolean;
  readonly outage: unknown;
}

function outcomeOf(answer: CheckedRight | { readonly refused: true }): string {
  if ('refused' in answer) return 'refused';
  if (answer.valid) return 'valid';
  return answer.outage ? 'outage' : 'no_right';
}

/** One right-check answered on its own. */
export function recordRightCheck(answer: CheckedRight): void {
  rightChecks.inc({ outcome: outcomeOf(answer) });
}

/** A scan car's batch: its size, and each item as a check. */
export function recordRightCheckBatch(
  answers: readonly (CheckedRight | { readonly refused: true })[],
): void {
  batchSizes.observe(answers.length);
  for (const answer of answers) rightChecks.inc({ outcome: outcomeOf(answer) });
}
