import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postgresqlMigrations } from '../src/db/migrations/postgresql/postgresql-migrations.js';
import { sqliteMigrations } from '../src/db/migrations/sqlite/sqlite-migrations.js';
import { ormOptions, type Dialect } from '../src/db/orm-config.js';
import { createScratchPostgres } from '../src/db/scratch-postgres.js';
import { sqlDate } from '../src/db/sql-date.js';
import { runDueJobs, startJobWorker } from '../src/jobs/job-runner.js';
import { jobPolicies } from '../src/jobs/job-policies.js';
import { claimDueJobs } from '../src/jobs/work-queue.js';
import { legacySenderNever, MailOutbox } from '../src/model/mail-outbox.entity.js';
import { ScheduledJob } from '../src/model/scheduled-job.entity.js';
import { queueMail } from '../src/modules/mail/mail-outbox.js';
import { adoptLegacyMails } from '../src/modules/mail/mail-sender.js';
import {
  fileTransport,
  mailTransportFromEnv,
  type MailMessage,
  type MailTransport,
} from '../src/modules/mail/mail-transport.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';

const dialects = await testDialects();
const minute = 60_000;

/** Records what it was given; throws for recipients listed in `failFor` (once each by default). */
class FakeTransport implements MailTransport {
  readonly name = 'fake';
  readonly delivered: MailMessage[] = [];
  constructor(private readonly failFor = new Map<string, string>()) {}
  async send(message: MailMessage): Promise<void> {
    const failure = this.failFor.get(message.to);
    if (failure !== undefined) {
      this.failFor.delete(message.to);
      throw new Error(failure);
    }
    this.delivered.push(message);
  }
}

describe('mail delivery (unit)', () => {
  it('uses SMTP when SMTP_URL is set, files in development, nothing in production', () => {
    expect(mailTransportFromEnv({ SMTP_URL: 'smtp://localhost:2525' })?.name).toBe('smtp');
    expect(mailTransportFromEnv({})?.name).toBe('file');
    expect(mailTransportFromEnv({ NODE_ENV: 'production' })).toBeNull();
  });

  it('writes a development mail as an .eml file and logs neither link nor address', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'parkeer-mail-'));
    const lines: string[] = [];
    try {
      const transport = fileTransport(directory, 'Parkeer <noreply@parkeer.local>', (line) =>
        lines.push(line),
      );
      await transport.send({
        to: 'anna@demo.parkeer.nl',
        subject: 'Nieuw wachtwoord instellen',
        text: 'Open http://localhost:4000/wachtwoord-herstellen?token=SECRET123\n',
        html: '<p>html part</p>',
      });
      const files = readdirSync(directory);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const eml = readFileSync(join(directory, files[0]!), 'utf8');
      expect(eml).toMatch(/^From: Parkeer <noreply@parkeer\.local>$/m);
      expect(eml).toMatch(/^To: anna@demo\.parkeer\.nl$/m);
      expect(eml).toMatch(/^Subject: Nieuw wachtwoord instellen$/m);
      expect(eml).toContain('token=SECRET123');
      expect(eml).toContain('multipart/alternative');
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toContain('anna@demo.parkeer.nl');
      expect(lines[0]).toContain('Nieuw wachtwoord instellen');
      expect(lines[0]).not.toContain('SECRET123');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe.each(dialects)('mail through the work queue on %s', (dialect) => {
  let database: TestDatabase;
  const start = new Date('2026-11-23T09:00:00Z');
  const mailPolicy = jobPolicies.sendMail;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(async () => {
    await database.orm.em.fork().nativeDelete(ScheduledJob, {});
    await database.orm.em.fork().nativeDelete(MailOutbox, {});
  });

  const queue = async (to: string, at = start) => {
    const em = database.orm.em.fork();
    const mail = queueMail(em, { to, subject: `Voor ${to}`, text: 'Hallo' }, at);
    await em.flush();
    return mail.id;
  };
  const row = (id: string) => database.orm.em.fork().findOneOrFail(MailOutbox, { id });
  const jobOf = (id: string) =>
    database.orm.em.fork().findOneOrFail(ScheduledJob, { kind: 'sendMail', subject: id });
  const send = (transport: MailTransport | null, now: Date, worker?: string) =>
    runDueJobs(database.orm, { now, mailTransport: transport, worker });

  it('sends each mail once and retries a failed one later with its error', async () => {
    const ok = await queue('ok@example.nl');
    const flaky = await queue('flaky@example.nl');
    const transport = new FakeTransport(new Map([['flaky@example.nl', 'connection refused']]));

    expect(await send(transport, start)).toBe(2);
    expect((await row(ok)).sentAt).toEqual(start);
    expect(await jobOf(ok)).toMatchObject({ doneAt: start, attempts: 0, lastError: null });
    expect((await row(flaky)).sentAt).toBeNull();
    const failed = await jobOf(flaky);
    expect(failed).toMatchObject({ doneAt: null, attempts: 1, lastError: 'connection refused' });
    // The first retry waits exactly the base; later ones are spread (backoff.test.ts).
    expect(failed.runAt).toEqual(new Date(start.getTime() + mailPolicy.baseMs));

    // Not due yet: nothing happens, and the sent one is never sent again.
    expect(await send(transport, new Date(start.getTime() + 30_000))).toBe(0);
    const later = failed.runAt;
    expect(await send(transport, later)).toBe(1);
    expect((await row(flaky)).sentAt).toEqual(later);
    expect(await jobOf(flaky)).toMatchObject({ doneAt: later, attempts: 0, lastError: null });
    expect(transport.delivered.map((m) => m.to)).toEqual(['ok@example.nl', 'flaky@example.nl']);
    expect(await send(transport, new Date(later.getTime() + 60 * minute))).toBe(0);
  });

  it('keeps the error short and without the e-mail addresses it quotes', async () => {
    const id = await queue('down@example.nl');
    const failing: MailTransport = {
      name: 'down',
      send: async () => {
        throw new Error(`550 mailbox down@example.nl unavailable ${'x'.repeat(2000)}`);
      },
    };
    await send(failing, start);
    const { lastError } = await jobOf(id);
    expect(lastError).toHaveLength(500);
    expect(lastError).toMatch(/^550 mailbox \[email\] unavailable x+$/);
  });

  it('never sends a mail whose transaction rolled back', async () => {
    await expect(
      database.orm.em.fork().transactional(async (tx) => {
        queueMail(tx, { to: 'ghost@example.nl', subject: 'Nooit', text: 'Nooit' }, start);
        await tx.flush();
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const transport = new FakeTransport();
    expect(await send(transport, new Date(start.getTime() + 60 * minute))).toBe(0);
    expect(transport.delivered).toEqual([]);
    expect(await database.orm.em.fork().count(MailOutbox, {})).toBe(0);
    expect(await database.orm.em.fork().count(ScheduledJob, { kind: 'sendMail' })).toBe(0);
  });

  it('lets two workers polling at once deliver each mail exactly once', async () => {
    const recipients = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `${name}@example.nl`);
    for (const to of recipients) await queue(to);
    const transport = new FakeTransport();
    const claimed = await Promise.all([
      send(transport, start, 'worker-a'),
      send(transport, start, 'worker-b'),
    ]);
    expect(claimed[0] + claimed[1]).toBe(recipients.length);
    expect(transport.delivered.map((m) => m.to).sort()).toEqual(recipients);
  });

  it('leaves mail queued while there is no transport, and sends it once there is one', async () => {
    const id = await queue('later@example.nl');
    expect(await send(null, start)).toBe(0);
    expect(await jobOf(id)).toMatchObject({ attempts: 0, doneAt: null, deadAt: null });
    const transport = new FakeTransport();
    expect(await send(transport, new Date(start.getTime() + 60 * minute))).toBe(1);
    expect(transport.delivered.map((m) => m.to)).toEqual(['later@example.nl']);
  });

  it('retries a mail whose worker died after claiming it, once the lease has passed', async () => {
    const id = await queue('crash@example.nl');
    // A worker that claimed it and then died.
    const [claimed] = await claimDueJobs(database.orm.em.fork(), {
      worker: 'died',
      now: start,
      limit: 10,
    });
    expect(claimed).toMatchObject({ kind: 'sendMail', subject: id, attempts: 1 });
    const transport = new FakeTransport();
    const leaseEnd = start.getTime() + mailPolicy.leaseMs;
    expect(await send(transport, new Date(leaseEnd - 1000))).toBe(0);
    expect(await send(transport, new Date(leaseEnd + 1000))).toBe(1);
    expect(transport.delivered.map((m) => m.to)).toEqual(['crash@example.nl']);
  });

  it('takes over a mail the version before the work queue wrote during a rolling restart', async () => {
    const em = database.orm.em.fork();
    const legacy = em.create(MailOutbox, {
      recipient: 'old@example.nl',
      subject: 'Van de vorige versie',
      text: 'Hallo',
      createdAt: start,
      nextAttemptAt: new Date(start.getTime() + 2 * minute),
      attempts: 2,
      lastError: 'connection refused',
    });
    const sent = em.create(MailOutbox, {
      recipient: 'done@example.nl',
      subject: 'Al verstuurd',
      text: 'Hallo',
      createdAt: start,
      nextAttemptAt: start,
      sentAt: start,
    });
    await em.flush();
    expect(await adoptLegacyMails(database.orm.em.fork())).toBe(1);
    expect(await jobOf(legacy.id)).toMatchObject({
      runAt: new Date(start.getTime() + 2 * minute),
      attempts: 2,
      lastError: 'connection refused',
    });
    // The version before's own sender never reaches it now.
    expect((await row(legacy.id)).nextAttemptAt).toEqual(legacySenderNever);
    expect(await database.orm.em.fork().count(ScheduledJob, { subject: sent.id })).toBe(0);
    expect(await adoptLegacyMails(database.orm.em.fork())).toBe(0);

    const transport = new FakeTransport();
    expect(await send(transport, new Date(start.getTime() + 2 * minute))).toBe(1);
    expect(transport.delivered.map((m) => m.to)).toEqual(['old@example.nl']);
  });

  it('polls in the background until stopped', async () => {
    let now = start;
    const transport = new FakeTransport();
    const worker = startJobWorker({
      orm: database.orm,
      clock: () => now,
      intervalMs: 10,
      mailTransport: transport,
    });
    await queue('first@example.nl');
    await waitFor(() => transport.delivered.length === 1);
    await worker.stop();
    now = new Date(start.getTime() + minute);
    await queue('second@example.nl', now);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(transport.delivered.map((m) => m.to)).toEqual(['first@example.nl']);
  });
});

describe.each(dialects)('mail queued before the work queue, on %s', (dialect) => {
  const migrations: Record<Dialect, { name: string }[]> = {
    sqlite: sqliteMigrations,
    postgresql: postgresqlMigrations,
  };
  const queueMigration: Record<Dialect, string> = {
    sqlite: 'Migration20261206220812',
    postgresql: 'Migration20261206220815',
  };

  it('is moved into the queue by the migration, and sent from there', async () => {
    const list = migrations[dialect].map((migration) => migration.name);
    const before = list[list.indexOf(queueMigration[dialect]) - 1]!;
    const scratch = dialect === 'postgresql' ? await createScratchPostgres() : null;
    const file = join(tmpdir(), `parkeer-mail-migration-${process.pid}-${Date.now()}.db`);
    const orm = await MikroORM.init(
      ormOptions(
        scratch ? { databaseUrl: scratch.url, forMigrations: true } : { sqliteFile: file },
      ),
    );
    try {
      await orm.migrator.up({ to: before });
      const start = new Date('2026-11-23T09:00:00Z');
      const insert = (id: string, to: string, sentAt: Date | null) =>
        orm.em.getConnection().execute(
          `insert into mail_outbox (id, recipient, subject, text, created_at, next_attempt_at,
            sent_at, attempts, last_error) values (?, ?, 'Onderwerp', 'Hallo', ?, ?, ?, 3, ?)`,
          [
            id,
            to,
            sqlDate(orm.em, start),
            sqlDate(orm.em, new Date(start.getTime() + 4 * minute)),
            sentAt && sqlDate(orm.em, sentAt),
            sentAt ? null : 'timeout',
          ],
        );
      const waiting = '6f7c1a52-0c1e-4d8e-9a57-6d1b8c2b0a11';
      const sent = '0b0e5f8e-1c7f-4a55-8f1e-2e0b2f3a4c55';
      await insert(waiting, 'waiting@example.nl', null);
      await insert(sent, 'sent@example.nl', start);
      await orm.migrator.up();

      const jobs = await orm.em.fork().find(ScheduledJob, { kind: 'sendMail' });
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({
        subject: waiting,
        runAt: new Date(start.getTime() + 4 * minute),
        attempts: 3,
        lastError: 'timeout',
        doneAt: null,
        deadAt: null,
      });
      expect(
        (await orm.em.fork().findOneOrFail(MailOutbox, { id: waiting })).nextAttemptAt,
      ).toEqual(legacySenderNever);
      const transport = new FakeTransport();
      expect(
        await runDueJobs(orm, {
          now: new Date(start.getTime() + 4 * minute),
          mailTransport: transport,
        }),
      ).toBe(1);
      expect(transport.delivered.map((m) => m.to)).toEqual(['waiting@example.nl']);
    } finally {
      await orm.close(true);
      await scratch?.drop();
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
