import { describe, expect, it } from 'vitest';
import { clockFromEnv } from './clock-from-env.js';

describe('the clock from the environment', () => {
  it('is the real time without CLOCK_START', () => {
    const before = Date.now();
    const now = clockFromEnv({}).call(null).getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('starts at CLOCK_START and runs on in real time', async () => {
    const clock = clockFromEnv({ CLOCK_START: '2026-11-23T09:00:00Z' });
    const first = clock().getTime();
    expect(Math.abs(first - Date.parse('2026-11-23T09:00:00Z'))).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(clock().getTime() - first).toBeGreaterThanOrEqual(25);
  });

  it('is refused in production and when it is no instant', () => {
    expect(() =>
      clockFromEnv({ CLOCK_START: '2026-11-23T09:00:00Z', NODE_ENV: 'production' }),
    ).toThrow(/not allowed in production/);
    expect(() => clockFromEnv({ CLOCK_START: 'monday' })).toThrow(/ISO instant/);
  });
});
