import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/db/seed/demo-seed.js';
import { MailOutbox } from '../src/modules/mail/mail-outbox.entity.js';
import { createServer, type RunningServer } from '../src/server.js';
import { TestClient } from './graphql-client.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';

const dialects = await testDialects();
const requestReset = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';

describe.each(dialects)('password reset requests sent at once on %s', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  const now = new Date('2026-11-23T09:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await seedDemo(database.orm.em.fork(), now);
    server = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => now });
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it('queues exactly 3 mails for 10 concurrent requests for one address', async () => {
    const email = 'anna@demo.parkeer.nl';
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => new TestClient(server.url).request(requestReset, { email })),
    );
    for (const answer of answers) expect(answer.data).toEqual({ requestPasswordReset: true });
    const mails = await database.orm.em.fork().count(MailOutbox, { recipient: email });
    expect(mails).toBe(3);
  });
});
