/**
 * The child side of the benchmarks' IPC (processes.ts): report the URL once listening, and close
 * down on SIGTERM or when the benchmark goes away. Its CPU time is read from /proc, from outside.
 */
export function serveBench(url: string, close: () => Promise<void>): void {
  let stopping: Promise<void> | undefined;
  const stop = () => void (stopping ??= close().finally(() => process.exit(0)));
  process.once('SIGTERM', stop);
  // The benchmark ended without stopping us (killed, crashed): do not linger.
  process.once('disconnect', stop);
  process.send?.({ url });
}
