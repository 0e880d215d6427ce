// Two API processes, each on a database of its own, sharing nothing but Redis: the login limit
// counts their attempts together. Under CI a missing Redis fails this test; elsewhere it skips.
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/seed/demo-seed.js';
import { limitPolicies } from '../src/modules/rate-limit/limit-policies.js';
import { startApiProcess, type ApiProcess } from './api-process.js';
import { redisAnswers, requireServices, sharedRedisUrl } from './redis-available.js';
import { TestClient } from './graphql-client.js';

const redisUrl = sharedRedisUrl;
const login = `mutation ($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { me { email } }
}`;

const runs = requireServices(
  await redisAnswers(redisUrl),
  `Redis at ${redisUrl} (the rate-limit test across instances)`,
);

describe.skipIf(!runs)('login limits across two instances on one Redis', () => {
  const prefix = `parkeer-test-${randomUUID()}`;
  const files = [0, 1].map(() => join(tmpdir(), `parkeer-rl-${randomBytes(6).toString('hex')}.db`));
  let instances: ApiProcess[] = [];

  beforeAll(async () => {
    instances = await Promise.all(
      files.map((file) =>
        startApiProcess({
          PORT: '0',
          SQLITE_FILE: file,
          REDIS_URL: redisUrl,
          REDIS_CHANNEL_PREFIX: prefix,
        }),
      ),
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    for (const file of files) {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    }
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }, 60_000);

  it('refuses the attempt after the limit, whichever instance the attempts went to', async () => {
    const [a, b] = instances.map((instance) => new TestClient(instance.url)) as [
      TestClient,
      TestClient,
    ];
    const email = 'anna@demo.parkeer.nl';
    const { points } = limitPolicies.login.account;
    const codes: string[] = [];
    for (let i = 0; i < points; i++) {
      const answer = await (i % 2 === 0 ? a : b).request(login, { email, password: `fout-${i}` });
      codes.push(answer.errors?.[0]?.extensions.code ?? 'OK');
    }
    expect(codes).toEqual(Array(points).fill('LOGIN_FAILED'));
    // Neither instance has seen more than three tries in its own database: Redis counted five.
    for (const client of [a, b]) {
      const refused = await client.request(login, { email, password: demoPassword });
      expect(refused.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    }
  });
});
