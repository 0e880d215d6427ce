import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Result = FormattedExecutionResult<Data, unknown>;

/** One subscription's results as they arrive, to wait on in order. */
export class Stream {
  readonly received: Result[] = [];
  private waiters: (() => void)[] = [];
  private ended = false;
  private readonly iterator: AsyncIterableIterator<Result>;

  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    this.iterator = client.iterate<Data>({ query, variables });
    void (async () => {
      try {
        for await (const result of { [Symbol.asyncIterator]: () => this.iterator }) {
          this.received.push(result);
          this.wake();
        }
      } catch (error) {
        // graphql-ws rejects with the errors of an `error` message (a document that failed).
        const errors = Array.isArray(error) ? error : [{ message: String(error) }];
        this.received.push({ errors });
      } finally {
        this.ended = true;
        this.wake();
      }
    })();
  }

  /** The `index`th result (0-based), waiting for it up to `ms`. */
  async nth(index: number, ms = 5000): Promise<Result> {
    const deadline = Date.now() + ms;
    while (this.received.length <= index) {
      if (this.ended) throw new Error(`stream ended after ${this.received.length} results`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no result #${index} within ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received[index]!;
  }

  /** Resolves with the results received once the server completed the stream (within `ms`). */
  async completed(ms = 5000): Promise<Result[]> {
    const deadline = Date.now() + ms;
    while (!this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`still open after ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received;
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }

  private wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** A graphql-ws client sending the cookie of a logged-in TestClient with the upgrade request. */
export function wsClient(url: string, auth: { cookie?: string; bearer?: string } = {}): Client {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: auth.cookie ? { cookie: auth.cookie } : {} });
    }
  }
  return createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: CookieSocket,
    connectionParams: auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {},
    retryAttempts: 0,
  });
}

export async function until(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
