import type { MikroORM } from '@mikro-orm/core';
import type { RedisStatus } from '../graphql/pubsub.js';
import { logger } from '../logging/logger.js';

/**
 * What `/readyz` answers. `ok`: everything answers; `degraded`: the database answers but Redis
 * does not, so this instance serves requests while live events do not reach other instances.
 */
export interface Readiness {
  readonly status: 'ok' | 'degraded' | 'unavailable';
  readonly database: 'up' | 'down';
  readonly redis: RedisStatus;
}

/** The database must answer within this; Redis within its own command timeout. */
const databaseTimeoutMs = 2000;

async function databaseAnswers(orm: MikroORM): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), databaseTimeoutMs);
  });
  try {
    await Promise.race([orm.em.getConnection().execute('select 1'), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

export type ReadinessCheck = () => Promise<Readiness>;

/**
 * Whether this instance can serve (`/readyz`): it can while its database answers. Redis down
 * takes no instance out of rotation (they would all go at once); it is reported as degraded.
 * A change of the database's state is logged once (Redis's by the pub/sub), not every poll.
 */
export function readinessCheck(options: {
  orm: MikroORM;
  redisStatus: () => Promise<RedisStatus>;
  log?: Pick<typeof logger, 'info' | 'warn'>;
}): ReadinessCheck {
  const log = options.log ?? logger;
  let lastDatabase: 'up' | 'down' | undefined;
  return async () => {
    const [database, redis] = await Promise.all([
      databaseAnswers(options.orm),
      options.redisStatus(),
    ]);
    if (database !== lastDatabase) {
      if (database === 'down') log.warn({ database }, 'database down: not ready');
      else if (lastDatabase === 'down') log.info({ database }, 'database up again: ready');
      lastDatabase = database;
    }
    const status = database === 'down' ? 'unavailable' : redis === 'down' ? 'degraded' : 'ok';
    return { status, database, redis };
  };
}
