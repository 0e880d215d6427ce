import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const apiFolder = fileURLToPath(new URL('../../../api', import.meta.url));

/** The platform as `npm start` runs it: the API serving the built SPA, with the demo towns. */
export interface Platform {
  readonly url: string;
  /** The demo accounts' password, as the API printed it on first start. */
  readonly password: string;
  /** Allocation letters printed at start: product code and PIN of uncoupled products. */
  readonly letters: readonly { code: string; pin: string }[];
  /** Where the API writes each mail it sends as an `.eml` file (MAIL_DIR). */
  readonly mailFolder: string;
  stop(): Promise<void>;
}

/** Starts the API (its own SQLite file, freshly seeded) serving the SPA built in `webDist`. */
export async function startPlatform(webDist: string): Promise<Platform> {
  const folder = mkdtempSync(join(tmpdir(), 'parkeer-browser-'));
  const mailFolder = join(folder, 'mail');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@parkeer/source', 'src/main.ts'],
    {
      cwd: apiFolder,
      env: {
        ...process.env,
        PORT: '0',
        SQLITE_FILE: join(folder, 'parkeer.db'),
        WEB_DIST: webDist,
        MAIL_DIR: mailFolder,
        PAYMENT_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
        JOB_INTERVAL_MS: '500',
        LOG_LEVEL: 'info',
        VITEST: '',
        DATABASE_URL: '',
        REDIS_URL: '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const ready = await new Promise<{ url: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start:\n${output}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`the API exited with ${code}:\n${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url });
      }
    });
  });
  const password = /password: (\S+)/.exec(output)?.[1];
  if (!password) throw new Error(`no demo logins in the API's output:\n${output}`);
  const letters = [...output.matchAll(/^\s+(\S+) \/ PIN (\S+)/gm)].map((match) => ({
    code: match[1]!,
    pin: match[2]!,
  }));
  return {
    url: ready.url,
    password,
    letters,
    mailFolder,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
