/**
 * Monday 23 November 2026, 10:00 in Amsterdam: inside paid hours, so a test's sessions cost
 * something whatever the hour it runs (the API's CLOCK_START; pages get the same clock).
 */
export const defaultClockStart = new Date('2026-11-23T09:00:00Z');

/**
 * The environment of an API process the browser tests start (the run's demo database is seeded
 * with the same): this machine's, with `settings` on top and nothing that points elsewhere.
 */
export function apiEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    JOB_INTERVAL_MS: '500',
    LOG_LEVEL: 'info',
    // Cheap argon2 for the seeded demo accounts and logins (production refuses it): hashing
    // at production cost was most of the API's CPU in these tests.
    PASSWORD_HASH_MEMORY_KIB: '1024',
    PASSWORD_HASH_TIME_COST: '1',
    PASSWORD_HASH_PARALLELISM: '1',
    VITEST: '',
    DATABASE_URL: '',
    REDIS_URL: '',
    ...settings,
  };
}
