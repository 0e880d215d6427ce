import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'libsql';
import { apiEnvironment, defaultClockStart } from './api-environment.js';

/**
 * The demo towns seeded once per run, at `defaultClockStart`, for every test file to copy:
 * migrating and seeding in each file's API was the same work every time.
 */
export interface DemoDatabase {
  /** The seeded SQLite file; never opened by a test, only copied. */
  readonly file: string;
  /** The clock's start it was seeded at (an ISO instant, the API's CLOCK_START). */
  readonly clockStart: string;
  /** The PUBLIC_URL it was seeded with: the Test-DigiD issuer each copy points elsewhere. */
  readonly publicUrl: string;
  /** What the seeding printed: the demo logins and allocation letters, as `npm start` prints. */
  readonly output: string;
}

// Nothing listens there: no copy keeps it (see `copyDemoDatabase`).
const seedingPublicUrl = 'http://localhost:9';

/** Seeds `folder/demo.db` with the API built for this run (its seed-demo-database script). */
export async function seedDemoDatabase(apiMain: string, folder: string): Promise<DemoDatabase> {
  const file = join(folder, 'demo.db');
  const clockStart = defaultClockStart.toISOString();
  const apiDist = dirname(apiMain);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(apiDist, 'seed-demo-database.js')],
    {
      cwd: dirname(apiDist),
      env: apiEnvironment({
        SQLITE_FILE: file,
        CLOCK_START: clockStart,
        PUBLIC_URL: seedingPublicUrl,
      }),
    },
  );
  return { file, clockStart, publicUrl: seedingPublicUrl, output: stdout };
}

/**
 * A copy of the demo database at `target` for an API serving at `publicUrl`: as that API would
 * have seeded it, whose Test-DigiD issuer is its own address.
 */
export function copyDemoDatabase(demo: DemoDatabase, target: string, publicUrl: string): void {
  copyFileSync(demo.file, target);
  const db = new Database(target);
  try {
    db.prepare('update identity_provider set issuer = replace(issuer, ?, ?)').run(
      demo.publicUrl,
      publicUrl,
    );
  } finally {
    db.close();
  }
}
