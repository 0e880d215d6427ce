/**
 * The platform's clock. `CLOCK_START` (an ISO instant) starts it at another moment, from which it
 * runs on in real time: for demos and browser tests that need paid hours whatever the hour of the
 * run. Production refuses it: there only the real time counts.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): () => Date {
  const start = env.CLOCK_START;
  if (!start) return () => new Date();
  if (env.NODE_ENV === 'production') throw new Error('CLOCK_START is not allowed in production');
  const startMs = Date.parse(start);
  if (Number.isNaN(startMs)) throw new Error(`CLOCK_START must be an ISO instant, got ${start}`);
  const offset = startMs - Date.now();
  return () => new Date(Date.now() + offset);
}
