import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { layOutApi } from '../../../../scripts/api-layout.mjs';
import { chromiumArgs, chromiumPath, missingChromium } from './chromium-path.js';
import { seedDemoDatabase, type DemoDatabase } from './demo-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the SPA built for this run. */
    webDist: string;
    /** The API built for this run (scripts/api-layout.mjs): its `dist/main.js`. */
    apiMain: string;
    /** The run's one chromium, which every test file connects to. */
    chromiumEndpoint: string;
    /** The demo towns seeded once for this run: each test file's API starts on a copy. */
    demoDatabase: DemoDatabase;
  }
}

/**
 * The browser tests use the built SPA, as `npm start` serves it: built once per run, into a
 * folder of its own (two runs at once must not overwrite each other's files). The API each test
 * file starts runs from one build of it, plain JavaScript that starts in half the time tsx took,
 * and every file connects to one chromium instead of launching its own: together most of the
 * CPU the files spent before their first test. The demo database is seeded once too, while the
 * SPA builds.
 */
export default async function buildOnce(project: TestProject) {
  const missing = missingChromium();
  if (missing) {
    // Thrown, it would come wrapped in vitest's report of unfound test files and a stack.
    console.error(missing);
    process.exit(1);
  }
  const outDir = mkdtempSync(join(tmpdir(), 'parkeer-web-'));
  const demoFolder = mkdtempSync(join(tmpdir(), 'parkeer-demo-'));
  const [api, browserServer] = await Promise.all([
    layOutApi(),
    chromium.launchServer({ executablePath: chromiumPath, headless: true, args: chromiumArgs }),
  ]);
  const [demoDatabase] = await Promise.all([
    seedDemoDatabase(api.main, demoFolder),
    buildSpa(outDir),
  ]);
  project.provide('webDist', outDir);
  project.provide('apiMain', api.main);
  project.provide('chromiumEndpoint', browserServer.wsEndpoint());
  project.provide('demoDatabase', demoDatabase);
  return async () => {
    await browserServer.close();
    api.remove();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(demoFolder, { recursive: true, force: true });
  };
}

/** The SPA as `npm run build` builds it, into `outDir`. */
async function buildSpa(outDir: string): Promise<void> {
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
}
