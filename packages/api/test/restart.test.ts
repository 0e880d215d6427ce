import { randomUUID } from 'node:crypto';
import { bill } from '@parkeer/domain/billing/bill';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { createScratchPostgres } from '../src/db/scratch-postgres.js';
import { seedDemo } from '../src/db/seed/demo-seed.js';
import { ScheduledJob } from '../src/jobs/scheduled-job.entity.js';
import { LedgerEntry } from '../src/modules/ledger/ledger-entry.entity.js';
import { Permit } from '../src/modules/permit/permit.entity.js';
import { loadProductRules } from '../src/modules/product/product-rules.js';
import { ParkingSession } from '../src/modules/session/parking-session.entity.js';
import { startApiProcess } from './api-process.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

// Two API processes one after the other on one database: needs PostgreSQL (required under CI).
const postgres = (await testDialects()).includes('postgresql');

describe.skipIf(!postgres)('scheduled work survives a crash', () => {
  it('settles a session that fell due while the API was killed, once, with the right charge', async () => {
    const scratch = await createScratchPostgres();
    const orm = await openDatabase({ databaseUrl: scratch.url });
    const env = {
      PORT: '0',
      DATABASE_URL: scratch.url,
      SEED_DEMO: 'false',
      JOB_INTERVAL_MS: '200',
      PAYMENT_WEBHOOK_SECRET: randomUUID(),
    };
    try {
      await seedDemo(orm.em.fork(), new Date());
      const permit = await orm.em
        .fork()
        .findOneOrFail(
          Permit,
          { holder: { email: 'anna@demo.parkeer.nl' } },
          { populate: ['productType', 'zone', 'municipality'] },
        );

      const first = await startApiProcess(env);
      const anna = await loggedIn(first.url, 'anna@demo.parkeer.nl');
      const end = new Date(Date.now() + 2_500);
      const started = await anna.request<{ startSession: { session: { id: string } } }>(
        `mutation ($input: StartSessionInput!) { startSession(input: $input) {
          ... on SessionAccepted { session { id } } } }`,
        {
          input: {
            productId: permit.id,
            plate: 'GB-123-K',
            end: end.toISOString(),
            idempotencyKey: randomUUID(),
          },
        },
      );
      const sessionId = started.data!.startSession.session.id;
      await first.kill();
      const read = () => orm.em.fork().findOneOrFail(ParkingSession, { id: sessionId });
      expect((await read()).status).toBe('running');

      await new Promise((resolve) => setTimeout(resolve, Math.max(0, end.getTime() - Date.now())));
      const second = await startApiProcess(env);
      try {
        let session = await read();
        for (let i = 0; i < 100 && session.status !== 'ended'; i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          session = await read();
        }
        expect(session.status).toBe('ended');
        expect(session.stoppedAt).toBeNull();
        // Not signed off: the paid time up to the end that was set (RULES §5).
        const rules = await loadProductRules(orm.em.fork(), permit);
        expect(session.charge).toBe(bill({ start: session.start, end: session.end }, rules).cost);
        const rows = await orm.em.fork().find(LedgerEntry, { session: sessionId });
        expect(rows.map((row) => row.kind)).toEqual(['reserve']);
        const job = await orm.em.fork().findOneOrFail(ScheduledJob, { subject: permit.id });
        expect(job.doneAt).not.toBeNull();
        expect(job.lockedBy).toBeNull();
      } finally {
        await second.stop();
      }
    } finally {
      await orm.close(true);
      await scratch.drop();
    }
  }, 120_000);
});
