import { defineConfig } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.js';

export default defineConfig({
  ...sourceConditions,
  test: {
    include: ['src/**/*.test.ts'],
    // Pure functions without process state: one module load per worker, not one per file.
    isolate: false,
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
