import { demoSigningKey } from '../src/modules/oauth/oauth-keys.js';

/**
 * What the API process of a benchmark runs with: production mode, as deployed (graphql-js skips
 * its development checks, no explorer), with the settings production insists on. The payment
 * provider is never called by a benchmark.
 */
export const productionBenchEnv = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://parkeer.bench.invalid',
  PAYMENT_PROVIDER: 'mollie',
  MOLLIE_API_KEY: 'test_benchmark_never_called',
  IDENTITY_HASH_KEY: 'benchmark-identity-hash-key-never-used-0000',
  OAUTH_COOKIE_KEYS: 'a-production-key-for-oauth-cookies-0123456789',
  OAUTH_SIGNING_KEY: demoSigningKey,
} as const;
