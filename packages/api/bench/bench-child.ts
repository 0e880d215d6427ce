/**
 * The child side of http-bench.ts's IPC: report the URL once listening, answer how much CPU time
 * this process has used (so the figures show cost per request even on a busy machine), and close
 * down on SIGTERM or when the benchmark goes away.
 */
export function serveBench(url: string, close: () => Promise<void>): void {
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
    }
  });
  let stopping: Promise<void> | undefined;
  const stop = () => void (stopping ??= close().finally(() => process.exit(0)));
  process.once('SIGTERM', stop);
  // The benchmark ended without stopping us (killed, crashed): do not linger.
  process.once('disconnect', stop);
  process.send?.({ url });
}
