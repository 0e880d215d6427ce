import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';
import { apiEnvironment, defaultClockStart } from './api-environment.js';
import { copyDemoDatabase } from './demo-database.js';

export { defaultClockStart };

/** The platform as `npm start` runs it: the API serving the built SPA, with the demo towns. */
export interface Platform {
  readonly url: string;
  /** The demo accounts' password, as the demo seeding printed it (`npm start` on first run). */
  readonly password: string;
  /** Allocation letters the seeding printed: product code and PIN of uncoupled products. */
  readonly letters: readonly { code: string; pin: string; what: string }[];
  /** The platform's clock now: it started at `clockStart` and runs in real time. */
  now(): Date;
  /** Where the API writes each mail it sends as an `.eml` file (MAIL_DIR). */
  readonly mailFolder: string;
  /** The API's SQLite file (SQLITE_FILE): for a state no user action can reach in a test. */
  readonly databaseFile: string;
  stop(): Promise<void>;
}

/**
 * Starts the API (its own SQLite file, freshly seeded) serving the SPA built in `webDist`. The
 * port is chosen before the API starts (for PUBLIC_URL), so another process can take it first:
 * then it starts again on another port, from a fresh database. At the default clock's start the
 * file is a copy of the run's demo database (global-setup.ts); at another the API seeds it, so
 * the demo data is never dated after the clock.
 */
export async function startPlatform(
  webDist: string,
  options: { clockStart?: Date } = {},
): Promise<Platform> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchPlatform(webDist, options.clockStart ?? defaultClockStart);
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt >= 5) throw error;
    }
  }
}

class PortTakenError extends Error {}

async function launchPlatform(webDist: string, clockStart: Date): Promise<Platform> {
  const startedAt = Date.now();
  const folder = mkdtempSync(join(tmpdir(), 'parkeer-browser-'));
  const port = await freePort();
  const mailFolder = join(folder, 'mail');
  const databaseFile = join(folder, 'parkeer.db');
  // Links in mails and the simulated bank's return address point at this very server.
  const publicUrl = `http://localhost:${port}`;
  const demo = inject('demoDatabase');
  const fromDemoCopy = demo.clockStart === clockStart.toISOString();
  if (fromDemoCopy) copyDemoDatabase(demo, databaseFile, publicUrl);
  // The run's build of the API (global-setup.ts), as `npm start` runs the API's dist.
  const apiMain = inject('apiMain');
  const child: ChildProcess = spawn(process.execPath, [apiMain], {
    cwd: dirname(dirname(apiMain)),
    env: apiEnvironment({
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      CLOCK_START: clockStart.toISOString(),
      SQLITE_FILE: databaseFile,
      WEB_DIST: webDist,
      MAIL_DIR: mailFolder,
      PAYMENT_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    process.stderr.write(chunk);
  });
  const ready = await new Promise<{ url: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start:\n${output}`)), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rmSync(folder, { recursive: true, force: true });
      reject(
        errors.includes('EADDRINUSE')
          ? new PortTakenError(`port ${port} was taken`)
          : new Error(`the API exited with ${code}:\n${output}`),
      );
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url });
      }
    });
  });
  // A copy of the demo database was seeded in global setup, which kept what the seeding printed.
  const printed = fromDemoCopy ? demo.output : output;
  const password = /password: (\S+)/.exec(printed)?.[1];
  if (!password) throw new Error(`no demo logins in the API's output:\n${printed}`);
  const letters = [...printed.matchAll(/^\s+(\S+) \/ PIN (\S+)\s+(.*)$/gm)].map((match) => ({
    code: match[1]!,
    pin: match[2]!,
    what: match[3]!,
  }));
  return {
    url: ready.url,
    now: () => new Date(clockStart.getTime() + (Date.now() - startedAt)),
    password,
    letters,
    mailFolder,
    databaseFile,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A port nothing listens on now (the API needs to know it before it starts, for PUBLIC_URL). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
