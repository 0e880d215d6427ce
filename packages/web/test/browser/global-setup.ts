import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { missingChromium } from './chromium-path.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the SPA built for this run. */
    webDist: string;
  }
}

/**
 * The browser tests use the built SPA, as `npm start` serves it: built once per run, into a
 * folder of its own (two runs at once must not overwrite each other's files).
 */
export default async function buildOnce(project: TestProject) {
  const missing = missingChromium();
  if (missing) {
    // Thrown, it would come wrapped in vitest's report of unfound test files and a stack.
    console.error(missing);
    process.exit(1);
  }
  const outDir = mkdtempSync(join(tmpdir(), 'parkeer-web-'));
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
  const testEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: fileURLToPath(new URL('../..', import.meta.url)),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = testEnv;
  }
  project.provide('webDist', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
