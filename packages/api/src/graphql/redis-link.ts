import { Redis, type RedisOptions } from 'ioredis';

/** Where the link reports its changes of state: pino's logger, or a test's. */
export interface LinkLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface RedisLinkOptions {
  readonly url: string;
  /** A command (publish, ping) without an answer by then has failed; also the connect timeout. */
  readonly commandTimeoutMs: number;
  readonly log: LinkLog;
  /**
   * Redis is back after an outage: both connections answer and the subscriber's channels are
   * subscribed again. Events published meanwhile, here or elsewhere, may be lost.
   */
  readonly onRecovered: () => void;
}

export interface RedisLink {
  /** The connection that receives; its channels are subscribed again after a reconnect. */
  readonly subscriber: Redis;
  /** Sends without waiting; while Redis is down, drops the message instead of queueing it. */
  publish(channel: string, message: string): void;
  /** 'up' when Redis answers a ping within the command timeout now. */
  status(): Promise<'up' | 'down'>;
  /** Whether Redis counted as there at the last news (no round trip). */
  isUp(): boolean;
  close(): Promise<void>;
}

/** While down, how often to ask whether Redis is back (ioredis reconnects on its own). */
const probeEveryMs = 1000;

/**
 * The two Redis connections of the pub/sub, and whether Redis can be counted on. ioredis
 * reconnects by itself and reports every attempt; this turns that into one state, `up` or
 * `down`, and logs each change once (not each reconnect attempt). Down means: publishing is
 * skipped at once instead of piling up, and when Redis is back `onRecovered` runs.
 */
export function redisLink(options: RedisLinkOptions): RedisLink {
  let state: 'starting' | 'up' | 'down' | 'closed' = 'starting';
  let downSince = 0;
  let unpublished = 0;
  let lastError: string | undefined;
  let probeTimer: NodeJS.Timeout | undefined;

  const connection = (role: string, extra: RedisOptions) => {
    const client = new Redis(options.url, {
      connectTimeout: options.commandTimeoutMs,
      ...extra,
    });
    // Every failed reconnect emits an error: remembered for the one line that reports the
    // outage, not logged each time.
    client.on('error', (error: Error) => (lastError = `${role}: ${error.message}`));
    client.on('close', () => markDown(lastError ?? `${role}: connection closed`));
    client.on('ready', () => void probe());
    return client;
  };
  // Publishing gives up soon (one retry); subscribing waits for Redis to come back, and ioredis
  // then subscribes to the channels again before it reports `ready`. The command timeout also
  // bounds ioredis's ready check, so a Redis that accepts connections but never answers is
  // left and tried again instead of waited on for ever.
  const publisher = connection('publish', {
    commandTimeout: options.commandTimeoutMs,
    maxRetriesPerRequest: 1,
  });
  const subscriber = connection('subscribe', {
    commandTimeout: options.commandTimeoutMs,
    maxRetriesPerRequest: null,
  });

  function markDown(reason: string): void {
    if (state === 'down' || state === 'closed') return;
    state = 'down';
    downSince = Date.now();
    unpublished = 0;
    options.log.warn(
      { redis: 'down', reason },
      'redis down: live events are not delivered between instances until it is back',
    );
    probeTimer = setInterval(() => void probe(), probeEveryMs);
    probeTimer.unref();
  }

  function markUp(): void {
    if (state === 'up' || state === 'closed') return;
    const wasDown = state === 'down';
    state = 'up';
    clearInterval(probeTimer);
    lastError = undefined;
    if (!wasDown) {
      options.log.info({ redis: 'up' }, 'redis connected');
      return;
    }
    options.log.info(
      { redis: 'up', downMs: Date.now() - downSince, unpublished },
      'redis up again: subscribers are told to fetch again',
    );
    options.onRecovered();
  }

  async function probe(): Promise<void> {
    if (state === 'up' || state === 'closed') return;
    if (publisher.status !== 'ready' || subscriber.status !== 'ready') return;
    try {
      // The subscriber's ping is answered after the SUBSCRIBEs ioredis sent on reconnecting.
      await Promise.all([publisher.ping(), subscriber.ping()]);
      markUp();
    } catch (error) {
      markDown(error instanceof Error ? error.message : String(error));
    }
  }

  return {
    subscriber,
    publish(channel, message) {
      if (state === 'down') {
        unpublished++;
        return;
      }
      publisher.publish(channel, message).catch((error: unknown) => {
        // Published or not, nobody can tell: subscribers must fetch again once Redis answers.
        markDown(error instanceof Error ? error.message : String(error));
        unpublished++;
      });
    },
    async status() {
      if (state !== 'up') {
        void probe();
        return 'down';
      }
      try {
        await publisher.ping();
        return 'up';
      } catch (error) {
        markDown(error instanceof Error ? error.message : String(error));
        return 'down';
      }
    },
    isUp: () => state === 'up',
    async close() {
      state = 'closed';
      clearInterval(probeTimer);
      subscriber.disconnect();
      // Lets queued publishes go out, but a Redis that is away must not hold up a shutdown.
      const quit = publisher.quit().catch(() => undefined);
      await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      publisher.disconnect();
    },
  };
}
