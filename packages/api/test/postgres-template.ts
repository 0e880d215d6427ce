import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { createScratchPostgres } from '../src/db/scratch-postgres.js';
import { postgresAvailable } from './postgres-available.js';
import { dialectsOfThisRun } from './test-pass.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PostgreSQL database to copy for each test database; null without PostgreSQL. */
    postgresTemplate: string | null;
  }
}

/**
 * vitest globalSetup: migrates one PostgreSQL database per run, which `openTestDatabase` copies
 * (`create database … template`, a file copy) instead of running every migration for each test
 * file and dialect. Its connections are closed before any copy: PostgreSQL refuses to copy a
 * database someone is connected to.
 */
export default async function migrateTemplateOnce(project: TestProject) {
  if (!dialectsOfThisRun().includes('postgresql') || !(await postgresAvailable())) {
    project.provide('postgresTemplate', null);
    return;
  }
  const template = await createScratchPostgres();
  try {
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--conditions=@parkeer/source', 'test/migrate-database.ts', template.url],
      { cwd: fileURLToPath(new URL('..', import.meta.url)) },
    );
  } catch (error) {
    await template.drop();
    throw error;
  }
  project.provide('postgresTemplate', new URL(template.url).pathname.slice(1));
  return () => template.drop();
}
