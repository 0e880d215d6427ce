import { describe, expect, it } from 'vitest';
import { ensureRetentionJob, runDueJobs } from '../src/jobs/job-runner.js';
import { applyRetention } from '../src/jobs/retention.js';
import { anonymisedPlate } from '../src/model/parking-session.entity.js';
import { EmailToken } from '../src/model/email-token.entity.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { ScheduledJob, type JobKind } from '../src/model/scheduled-job.entity.js';
import { ParkingSession, type SessionStatus } from '../src/model/parking-session.entity.js';
import { useDemoApi } from './demo-api.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const hour = 60 * 60_000;

describe.each(dialects)('retention on %s (docs/rules.md §8)', (dialect) => {
  const api = useDemoApi(dialect);

  it("anonymises plates of ended sessions after the town's period, and nothing else", async () => {
    const em = api.em();
    const delft = await api.permitOf('anna@demo.parkeer.nl'); // 48 hours after parking
    const oudstad = await api.permitOf('carla@demo.parkeer.nl'); // 13 weeks
    const session = (permit: string, plate: string, endedHoursAgo: number, status: SessionStatus) =>
      em.create(ParkingSession, {
        permit,
        plate,
        start: new Date(api.now.getTime() - (endedHoursAgo + 1) * hour),
        end: new Date(api.now.getTime() - endedHoursAgo * hour),
        reservation: 60,
        charge: status === 'ended' ? 60 : null,
        channel: 'web',
        status,
      });
    const due = session(delft, 'GB123K', 49, 'ended');
    const recent = session(delft, 'XB123K', 47, 'ended');
    const deleted = session(delft, 'KK100B', 50, 'deleted');
    const notYet = session(oudstad, 'HT100B', 49, 'ended');
    const oudstadDue = session(oudstad, 'AB123C', 13 * 7 * 24 + 1, 'ended');
    // Still registered (its end lies ahead): never touched, whatever its start.
    const running = em.create(ParkingSession, {
      permit: delft,
      plate: 'GZ123K',
      start: new Date(api.now.getTime() - 100 * hour),
      end: new Date(api.now.getTime() + hour),
      reservation: 60,
      channel: 'web',
      status: 'running',
    });
    em.create(EmailToken, {
      tokenHash: 'expired'.padEnd(64, '0'),
      purpose: 'passwordReset',
      email: 'anna@demo.parkeer.nl',
      expiresAt: new Date(api.now.getTime() - 25 * hour),
    });
    em.create(EmailToken, {
      tokenHash: 'valid'.padEnd(64, '0'),
      purpose: 'passwordReset',
      email: 'anna@demo.parkeer.nl',
      expiresAt: new Date(api.now.getTime() + hour),
    });
    await em.flush();

    const result = await applyRetention(api.em(), api.now);
    expect(result.anonymisedSessions).toBe(3);
    expect(result.removedSecrets).toBeGreaterThanOrEqual(1);
    const plateOf = async (id: string) =>
      (await api.em().findOneOrFail(ParkingSession, { id })).plate;
    expect(await plateOf(due.id)).toBe(anonymisedPlate);
    expect(await plateOf(deleted.id)).toBe(anonymisedPlate);
    expect(await plateOf(oudstadDue.id)).toBe(anonymisedPlate);
    expect(await plateOf(recent.id)).toBe('XB123K');
    expect(await plateOf(notYet.id)).toBe('HT100B');
    expect(await plateOf(running.id)).toBe('GZ123K');
    expect(await api.em().count(EmailToken, { tokenHash: 'expired'.padEnd(64, '0') })).toBe(0);
    expect(await api.em().count(EmailToken, { tokenHash: 'valid'.padEnd(64, '0') })).toBe(1);

    // Nothing of the plate is kept, so a second pass finds nothing more to do.
    expect((await applyRetention(api.em(), api.now)).anonymisedSessions).toBe(0);
  });

  it('removes sent mail and finished one-off work after 30 days, and keeps the rest', async () => {
    const em = api.em();
    const day = 24 * hour;
    const ago = (days: number) => new Date(api.now.getTime() - days * day);
    const mail = (sentDaysAgo: number | null) =>
      em.create(MailOutbox, {
        recipient: 'gast@example.nl',
        subject: 'U bent gemachtigd',
        text: 'Hallo',
        createdAt: ago(40),
        // The old poller's column, still mapped for a rolling upgrade (docs/operations.md).
        nextAttemptAt: ago(40),
        sentAt: sentDaysAgo === null ? null : ago(sentDaysAgo),
      });
    const oldMail = mail(31);
    const recentMail = mail(29);
    const unsent = mail(null);
    const job = (kind: JobKind, subject: string, done: Date | null, dead: Date | null = null) =>
      em.create(ScheduledJob, { kind, subject, runAt: ago(40), doneAt: done, deadAt: dead });
    const oldJob = job('sendMail', oldMail.id, ago(31));
    const recentJob = job('sendMail', recentMail.id, ago(29));
    const deadJob = job('refundPayment', 'payment-x', null, ago(60));
    const settlement = job('settlePermit', 'permit-x', ago(60));
    await em.flush();

    const { removedFinishedWork } = await applyRetention(api.em(), api.now);
    expect(removedFinishedWork).toBe(2);
    const mails = await api
      .em()
      .find(MailOutbox, { id: { $in: [oldMail.id, recentMail.id, unsent.id] } });
    expect(mails.map((m) => m.id).sort()).toEqual([recentMail.id, unsent.id].sort());
    const jobs = await api.em().find(ScheduledJob, {
      id: { $in: [oldJob.id, recentJob.id, deadJob.id, settlement.id] },
    });
    expect(jobs.map((j) => j.id).sort()).toEqual([recentJob.id, deadJob.id, settlement.id].sort());
  });

  it('runs as scheduled work, inside the job’s transaction, on every database', async () => {
    const em = api.em();
    const permit = await api.permitOf('bram@demo.parkeer.nl'); // Delft: 48 hours
    const old = em.create(ParkingSession, {
      permit,
      plate: 'ZZ999Z',
      start: new Date(api.now.getTime() - 100 * hour),
      end: new Date(api.now.getTime() - 99 * hour),
      reservation: 60,
      charge: 60,
      channel: 'web',
      status: 'ended',
    });
    await em.flush();
    await ensureRetentionJob(api.em(), api.now);
    // SQLite has one connection: a statement outside the job's transaction would wait forever.
    expect(await runDueJobs(api.orm, { now: api.now })).toBeGreaterThanOrEqual(1);
    expect((await api.em().findOneOrFail(ParkingSession, { id: old.id })).plate).toBe(
      anonymisedPlate,
    );
  }, 20_000);
});
