import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.js';
import { icuCatalogues } from './build/icu-catalogues.js';

export default defineConfig({
  ...sourceConditions,
  plugins: [react(), icuCatalogues()],
  test: {
    // The browser tests mostly wait on chromium and the API process: vitest's default (cores - 1)
    // ran them one at a time on a 2-core machine with a core to spare.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'] },
      },
      {
        // Real chromium against the API serving the built SPA (see test/browser/).
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          environment: 'node',
          // Each file in a process of its own loaded vitest, playwright-core and the helpers
          // again: the files share their worker's instead. They keep no state in modules; each
          // starts and stops its own API and browser connection.
          isolate: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
