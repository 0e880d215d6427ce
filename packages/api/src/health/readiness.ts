import type { MikroORM } from '@mikro-orm/core';

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Record<string, 'ok' | 'failing'>;
}

const timeoutMs = 2000;

async function within(check: Promise<unknown>): Promise<'ok' | 'failing'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
  });
  try {
    await Promise.race([check, timeout]);
    return 'ok';
  } catch {
    return 'failing';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether this instance can serve (`/readyz`): its database answers and, when configured, its
 * Redis does. `/healthz` only says the process runs; a load balancer sends traffic on readiness.
 */
export async function readiness(options: {
  orm: MikroORM;
  redisPing?: (() => Promise<unknown>) | null;
}): Promise<Readiness> {
  const checks: Record<string, 'ok' | 'failing'> = {
    database: await within(options.orm.em.getConnection().execute('select 1')),
  };
  // The in-memory pub/sub answers at once; Redis, when configured, has to answer.
  if (options.redisPing) checks.pubsub = await within(options.redisPing());
  return { ready: Object.values(checks).every((state) => state === 'ok'), checks };
}
