import { Redis } from 'ioredis';

/** The machine's Redis, which the multi-instance tests share (each with a prefix of its own). */
export const sharedRedisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** Whether a Redis answers PING at `url` within two seconds. */
export async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/**
 * Whether the tests that need `services` can run: under CI a missing one is a failure, never a
 * skip; elsewhere the test is skipped with a warning.
 */
export function requireServices(available: boolean, what: string): boolean {
  if (available) return true;
  if (process.env.CI === 'true') throw new Error(`${what} is required under CI`);
  console.warn(`${what} does not answer: skipped`);
  return false;
}
