/** Refused at once: the gate's queue is full. */
export class GateFullError extends Error {
  constructor() {
    super('work gate full');
    this.name = 'GateFullError';
  }
}

/**
 * Runs at most `concurrency` jobs at once; up to `queueLimit` more wait in arrival order, and
 * any beyond that are refused at once (GateFullError) rather than piling up. For CPU-heavy work
 * (argon2) that would otherwise take every core and the thread pool from other requests.
 */
export class WorkGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most jobs that ever ran at once (tests check the bound holds). */
  peakRunning = 0;

  constructor(
    readonly concurrency: number,
    readonly queueLimit: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) throw new GateFullError();
      // The slot is handed over by the job that leaves it, so `running` never overshoots.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    this.peakRunning = Math.max(this.peakRunning, this.running);
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
