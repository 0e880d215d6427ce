import { randomUUID } from 'node:crypto';
import { bill } from '@parkeer/domain/billing/bill';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { createScratchPostgres } from '../src/db/scratch-postgres.js';
import { seedDemo } from '../src/seed/demo-seed.js';
import { ScheduledJob } from '../src/model/scheduled-job.entity.js';
import { RightCheckLog } from '../src/model/right-check-log.entity.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { loadProductRules } from '../src/modules/product/product-rules.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { demoPassword } from '../src/seed/demo-seed.js';
import { startApiProcess } from './api-process.js';
import { TestClient } from './graphql-client.js';
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
        // Not signed off: the paid time up to the end that was set (docs/rules.md §5).
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

describe.skipIf(!postgres)('the right-check log survives a crash', () => {
  it('has the log row of every check that was answered before the API was killed', async () => {
    const scratch = await createScratchPostgres();
    const orm = await openDatabase({ databaseUrl: scratch.url });
    try {
      await seedDemo(orm.em.fork(), new Date());
      const api = await startApiProcess({
        PORT: '0',
        DATABASE_URL: scratch.url,
        SEED_DEMO: 'false',
        PAYMENT_WEBHOOK_SECRET: randomUUID(),
      });
      try {
        const issued = await new TestClient(api.url).request<{
          createAccessToken: { token: string };
        }>(
          'mutation ($email: String!, $password: String!) { createAccessToken(email: $email, password: $password) { token } }',
          { email: 'handhaving@demo.parkeer.nl', password: demoPassword },
        );
        const officer = new TestClient(api.url, {
          authorization: `Bearer ${issued.data!.createAccessToken.token}`,
        });
        // Each check asks about a moment of its own, which its log row keeps (`checkedFor`): the
        // rows say which answered checks they belong to, though they hold no plate.
        const base = Date.now() - 60 * 60_000;
        let next = 0;
        const answered: number[] = [];
        let killed = false;
        const worker = async () => {
          while (!killed) {
            const at = base + next++;
            try {
              const result = await officer.request<{ rightCheck: { valid: boolean } }>(
                `query ($input: RightCheckInput!) { rightCheck(input: $input) { valid } }`,
                {
                  input: {
                    plate: 'AB12CD',
                    zone: 'B',
                    municipality: 'delft',
                    at: new Date(at).toISOString(),
                  },
                },
              );
              if (result.data?.rightCheck) answered.push(at);
            } catch {
              return; // the process is gone
            }
          }
        };
        const workers = Array.from({ length: 16 }, worker);
        while (answered.length < 400) await new Promise((resolve) => setTimeout(resolve, 5));
        // Mid-load: checks are being answered and logged as the process dies.
        await api.kill();
        killed = true;
        await Promise.all(workers);

        const logged = new Set(
          (await orm.em.fork().find(RightCheckLog, {}, { fields: ['checkedFor'] })).map((row) =>
            row.checkedFor.getTime(),
          ),
        );
        const lost = answered.filter((at) => !logged.has(at));
        expect({ answered: answered.length, lost: lost.length }).toEqual({
          answered: answered.length,
          lost: 0,
        });
      } finally {
        await api.kill();
      }
    } finally {
      await orm.close(true);
      await scratch.drop();
    }
  }, 120_000);
});
