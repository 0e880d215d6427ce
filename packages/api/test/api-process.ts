import { fork, spawn, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import { inject } from 'vitest';

export interface ApiProcess {
  readonly url: string;
  /** What the process wrote to stdout so far (its log lines). */
  output(): string;
  /** SIGTERM (graceful), resolving with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies mid-work, as in a crash. */
  kill(): Promise<void>;
}

/**
 * The API's `main` in a Node process of its own, as in production; resolves once it listens. It
 * runs from the run's build of the API (test/api-layout-setup.ts): plain JavaScript starts about
 * twice as fast as `src/main.ts` through tsx.
 */
export function startApiProcess(
  env: Record<string, string>,
  options: { nodeArgs?: readonly string[]; startTimeoutMs?: number } = {},
): Promise<ApiProcess> {
  const { main } = inject('apiLayout');
  const child: ChildProcess = fork(main, [], {
    cwd: dirname(dirname(main)),
    execArgv: [...(options.nodeArgs ?? [])],
    // The tests' own logger is silent (VITEST): the child must say where it listens.
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  return listening(child, options.startTimeoutMs && options.startTimeoutMs / 1000);
}

/**
 * An executable that starts the API (the image's start script) with exactly `env`: nothing of
 * the test's own environment leaks in, as nothing of the host's reaches a container.
 */
export function startApiScript(
  script: string,
  env: Record<string, string>,
  options: { startSeconds?: number } = {},
): Promise<ApiProcess> {
  const child = spawn(script, [], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return listening(child, options.startSeconds);
}

/** Resolves once the API says where it listens; rejects with its output when it exits first. */
function listening(child: ChildProcess, startSeconds = 45): Promise<ApiProcess> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (alive()) child.kill('SIGTERM');
    return exited;
  };
  const kill = async () => {
    if (alive()) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`the API did not start within ${startSeconds} s:\n${output}`));
    }, startSeconds * 1000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with ${code}:\n${output}`));
    });
    // Passed on as before, and kept: a start that fails says why in the rejection.
    child.stderr!.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      output += chunk.toString();
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stop, kill, output: () => output });
      }
    });
  });
}
