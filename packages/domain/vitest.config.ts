import { defineConfig } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.js';

export default defineConfig({
  ...sourceConditions,
  test: {
    include: ['src/**/*.test.ts'],
    // Pure functions without process state: one module load per worker, not one per file.
    isolate: false,
    // fast-check's properties run hundreds of cases: 5 s was too tight for CI's Node 24 half,
    // which shares the 2 cores with the API and browser suites. A limit, not a speed goal.
    testTimeout: 30_000,
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
