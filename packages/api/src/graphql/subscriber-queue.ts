import { logger } from '../logging/logger.js';

/** Events a subscriber has not taken yet beyond this are dropped (oldest first). */
const maxQueued = 256;

/**
 * One subscriber's events as the async iterator GraphQL's `subscribe` consumes. A publish
 * hands the event over directly when the subscriber is waiting, and queues it otherwise: no
 * stream operators in between, because with a thousand subscribers every promise per event
 * shows in the delivery time. `return()` (the client completes, the socket closes) detaches it.
 */
export class SubscriberQueue<T> implements AsyncIterableIterator<T> {
  private queued: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private closed = false;
  private warned = false;

  constructor(private readonly detach: () => void) {}

  push(value: T): void {
    if (this.closed) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting({ value, done: false });
      return;
    }
    // A client that stopped reading: it refetches when it catches up, so old events may go.
    if (this.queued.length >= maxQueued) {
      this.queued.shift();
      if (!this.warned) logger.warn({ queued: maxQueued }, 'subscriber too slow, dropping events');
      this.warned = true;
    }
    this.queued.push(value);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queued.length > 0)
      return Promise.resolve({ value: this.queued.shift()!, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.queued = [];
      this.detach();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
