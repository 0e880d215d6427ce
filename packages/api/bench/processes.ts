import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface Target {
  readonly url: string;
  /** The serving process's id (its CPU time is read from /proc). */
  readonly pid: number;
  /** CPU time (user + system) the process has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
}

/** Stops every child process started, ready or not; run on the way out whatever happened. */
export const stops: (() => Promise<void>)[] = [];

/** BENCH_CPU_PROF=dir writes a V8 CPU profile of the API process there (open it in DevTools). */
const cpuProfileDir = process.env.BENCH_CPU_PROF;
/** BENCH_API_NODE_ARGS='--trace-gc' (say) adds Node options to the API process. */
const apiNodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ: 100 on Linux). */
const ticksPerSecond = 100;

/**
 * CPU time (user + system) of a process from /proc/<pid>/stat, in microseconds: read from
 * outside, so asking costs the measured process nothing.
 */
export async function procCpuMicros(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces), from field 3 on: utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1_000_000) / ticksPerSecond;
}

/** Runs a bench/*.ts file in its own Node process (see bench-child.ts). */
export function startProcess(
  file: string,
  env: Record<string, string>,
  profile = false,
): Promise<Target> {
  const execArgv = ['--import', import.meta.resolve('tsx'), '--conditions=@parkeer/source'];
  if (profile && cpuProfileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`);
  if (profile) execArgv.push(...apiNodeArgs);
  const child = fork(new URL(file, import.meta.url), [], {
    execArgv,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stops.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  const pid = child.pid!;
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
    child.once('message', (message) =>
      resolve({ url: (message as { url: string }).url, pid, cpuMicros: () => procCpuMicros(pid) }),
    );
  });
}
