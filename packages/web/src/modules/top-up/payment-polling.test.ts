import { describe, expect, it } from 'vitest';
import { nextPollStep, pollLimitMs } from './payment-polling.js';

describe('polling a payment', () => {
  it('asks again while the payment is open', () => {
    expect(nextPollStep('open', 0)).toBe('poll');
    expect(nextPollStep('open', pollLimitMs - 1)).toBe('poll');
  });

  it('gives up when the bank stays silent too long', () => {
    expect(nextPollStep('open', pollLimitMs)).toBe('giveUp');
  });

  it.each(['paid', 'cancelled', 'failed', 'expired', undefined])(
    'stops once the payment is %s',
    (status) => {
      expect(nextPollStep(status, 0)).toBe('done');
    },
  );
});
