import { logger } from '../logging/logger.js';

/** A subscriber with this many events not taken yet has fallen behind (see `push`). */
const maxQueued = 256;

/**
 * In a subscriber's stream instead of events that were lost (Redis was away, the subscriber fell
 * behind): what it shows may be stale, so it fetches again. Subscriptions deliver it as the
 * EVENTS_MISSED error (see shared-subscription.ts), and stay open.
 */
export const eventsMissed: unique symbol = Symbol('eventsMissed');
export type EventsMissed = typeof eventsMissed;

/**
 * One subscriber's events as the async iterator GraphQL's `subscribe` consumes. A publish
 * hands the event over directly when the subscriber is waiting, and queues it otherwise: no
 * stream operators in between, because with a thousand subscribers every promise per event
 * shows in the delivery time. `return()` (the client completes, the socket closes) detaches it.
 */
export class SubscriberQueue<T> implements AsyncIterableIterator<T | EventsMissed> {
  private queued: (T | EventsMissed)[] = [];
  private waiting: ((result: IteratorResult<T | EventsMissed>) => void) | null = null;
  private closed = false;
  private warned = false;

  constructor(private readonly detach: () => void) {}

  push(value: T | EventsMissed): void {
    if (this.closed) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting({ value, done: false });
      return;
    }
    // A client that stopped reading: what it has not taken gives way to one EVENTS_MISSED, so
    // it fetches again when it catches up, and memory stays bounded.
    if (this.queued.length >= maxQueued) {
      if (!this.warned) logger.warn({ queued: maxQueued }, 'subscriber too slow, dropping events');
      this.warned = true;
      this.queued = [eventsMissed];
    }
    // The fetch it asks for covers everything still queued before it.
    if (value === eventsMissed) this.queued = [];
    this.queued.push(value);
  }

  /** Events were lost on the way here: the subscriber must fetch again. */
  missed(): void {
    this.push(eventsMissed);
  }

  next(): Promise<IteratorResult<T | EventsMissed>> {
    if (this.queued.length > 0)
      return Promise.resolve({ value: this.queued.shift()!, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T | EventsMissed>> {
    if (!this.closed) {
      this.closed = true;
      this.queued = [];
      this.detach();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T | EventsMissed>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
