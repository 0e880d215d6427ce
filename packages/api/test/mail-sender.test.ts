import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { queueMail } from '../src/modules/mail/mail-outbox.js';
import {
  claimLease,
  retryDelay,
  sendPendingMail,
  startMailSender,
} from '../src/modules/mail/mail-sender.js';
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
  it('backs off 1, 2, 4, … minutes up to 6 hours', () => {
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([1, 2, 4, 8].map((m) => m * minute));
    expect(retryDelay(30)).toBe(6 * 60 * minute);
  });

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

describe.each(dialects)('mail outbox sender on %s', (dialect) => {
  let database: TestDatabase;
  const start = new Date('2026-11-23T09:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(async () => {
    await database.orm.em.fork().nativeDelete(MailOutbox, {});
  });

  const queue = async (to: string, at = start) => {
    const em = database.orm.em.fork();
    const mail = queueMail(em, { to, subject: `Voor ${to}`, text: 'Hallo' }, at);
    await em.flush();
    return mail.id;
  };
  const row = (id: string) => database.orm.em.fork().findOneOrFail(MailOutbox, { id });
  const send = (transport: MailTransport, now: Date) =>
    sendPendingMail(database.orm.em.fork(), transport, now);

  it('sends each mail once and retries a failed one later with its error', async () => {
    const ok = await queue('ok@example.nl');
    const flaky = await queue('flaky@example.nl');
    const transport = new FakeTransport(new Map([['flaky@example.nl', 'connection refused']]));

    expect(await send(transport, start)).toEqual({ sent: 1, failed: 1 });
    expect((await row(ok)).sentAt).toEqual(start);
    const failed = await row(flaky);
    expect(failed).toMatchObject({ sentAt: null, attempts: 1, lastError: 'connection refused' });
    expect(failed.nextAttemptAt).toEqual(new Date(start.getTime() + retryDelay(1)));

    // Not due yet: nothing happens, and the sent one is never sent again.
    expect(await send(transport, new Date(start.getTime() + 30_000))).toEqual({
      sent: 0,
      failed: 0,
    });
    const later = new Date(start.getTime() + retryDelay(1));
    expect(await send(transport, later)).toEqual({ sent: 1, failed: 0 });
    expect((await row(flaky)).sentAt).toEqual(later);
    expect((await row(flaky)).attempts).toBe(1);
    expect(transport.delivered.map((m) => m.to)).toEqual(['ok@example.nl', 'flaky@example.nl']);
    expect(await send(transport, new Date(later.getTime() + 60 * minute))).toEqual({
      sent: 0,
      failed: 0,
    });
  });

  it('backs off further after each failure and keeps the error short', async () => {
    const id = await queue('down@example.nl');
    const failing: MailTransport = {
      name: 'down',
      send: async () => {
        throw new Error('x'.repeat(2000));
      },
    };
    let now = start;
    for (const attempts of [1, 2, 3]) {
      expect(await send(failing, now)).toEqual({ sent: 0, failed: 1 });
      const mail = await row(id);
      expect(mail.attempts).toBe(attempts);
      expect(mail.lastError).toHaveLength(500);
      expect(mail.nextAttemptAt).toEqual(new Date(now.getTime() + retryDelay(attempts)));
      now = mail.nextAttemptAt;
    }
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
    expect(await send(transport, new Date(start.getTime() + 60 * minute))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(transport.delivered).toEqual([]);
    expect(await database.orm.em.fork().count(MailOutbox, {})).toBe(0);
  });

  it('lets two senders polling at once deliver each mail exactly once', async () => {
    for (const to of ['a@example.nl', 'b@example.nl', 'c@example.nl', 'd@example.nl']) {
      await queue(to);
    }
    const transport = new FakeTransport();
    const reports = await Promise.all([send(transport, start), send(transport, start)]);
    expect(reports[0]!.sent + reports[1]!.sent).toBe(4);
    expect(transport.delivered.map((m) => m.to).sort()).toEqual([
      'a@example.nl',
      'b@example.nl',
      'c@example.nl',
      'd@example.nl',
    ]);
  });

  it('retries a mail whose sender died after claiming it, once the lease has passed', async () => {
    const id = await queue('crash@example.nl');
    // A sender that claimed it and then died: the claim moved its next attempt past the lease.
    await database.orm.em
      .fork()
      .nativeUpdate(MailOutbox, { id }, { nextAttemptAt: new Date(start.getTime() + claimLease) });
    const transport = new FakeTransport();
    expect((await send(transport, start)).sent).toBe(0);
    expect((await send(transport, new Date(start.getTime() + claimLease))).sent).toBe(1);
  });

  it('polls in the background until stopped', async () => {
    let now = start;
    const transport = new FakeTransport();
    const stop = startMailSender({
      orm: database.orm,
      clock: () => now,
      intervalMs: 10,
      transport,
    });
    await queue('first@example.nl');
    await waitFor(() => transport.delivered.length === 1);
    await stop();
    now = new Date(start.getTime() + minute);
    await queue('second@example.nl', now);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(transport.delivered.map((m) => m.to)).toEqual(['first@example.nl']);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
