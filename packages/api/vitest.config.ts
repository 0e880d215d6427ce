import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.js';
import { dialectsOfThisRun } from './test/test-pass.js';

const testFiles = ['src/**/*.test.ts', 'test/**/*.test.ts'];

/**
 * A run without SQLite (`API_TEST_DIALECTS=postgresql`, npm test's Node 24 half) takes only the
 * files that test on a dialect: the others, which need no database, run once, in the SQLite
 * half, not twice.
 */
function filesOfThisRun(): string[] {
  if (dialectsOfThisRun().includes('sqlite')) return testFiles;
  const folder = fileURLToPath(new URL('./test', import.meta.url));
  return readdirSync(folder)
    .filter((name) => name.endsWith('.test.ts'))
    .filter((name) => readFileSync(join(folder, name), 'utf8').includes('testDialects('))
    .map((name) => `test/${name}`);
}

export default defineConfig({
  ...sourceConditions,
  resolve: {
    ...sourceConditions.resolve,
    // One copy of graphql. Vite resolves our sources' `from 'graphql'` to index.mjs (the `module`
    // field) while Node loads index.js for type-graphql and Apollo: two realms, and `instanceof`
    // checks fail ("Cannot use GraphQLSchema from another module or realm"). Exact match only:
    // `graphql/...` subpaths stay as they are.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  ssr: {
    // Vitest starts its workers with these as Node's --conditions. Without `module`, which
    // Node does not know: with it, prom-client's require('@opentelemetry/api') got that
    // package's `module` build, which Node cannot load (imports without file extensions).
    resolve: { conditions: ['@parkeer/source', 'node', 'development|production'] },
  },
  test: {
    include: filesOfThisRun(),
    // The server's modules (apollo, type-graphql, MikroORM and all of src/) took 5 s to load
    // per file, most of the suite's CPU when each file had a process of its own: files now share
    // their worker's, and this setup puts back what a file changed process-wide.
    isolate: false,
    setupFiles: ['test/fresh-process-state.ts'],
    globalSetup: ['test/postgres-template.ts', 'test/api-layout-setup.ts'],
    // The files wait on databases, sockets and child processes more than they compute: vitest's
    // default (cores - 1) ran them one at a time on a 2-core machine with a core to spare.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Cheap argon2 for the demo seed and logins: production's cost was most of the suite's CPU.
    // Production refuses these (config.ts); production-defaults.test.ts proves its own cost, and
    // the hashing-queue tests raise it back where they need hashes that take a while.
    env: {
      PASSWORD_HASH_MEMORY_KIB: '1024',
      PASSWORD_HASH_TIME_COST: '1',
      PASSWORD_HASH_PARALLELISM: '1',
    },
    // Integration tests migrate databases and hash passwords (argon2, slow on purpose); on a busy
    // 2-core machine the 5-second default is too tight.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
