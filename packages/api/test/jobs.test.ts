import { describe, expect, it } from 'vitest';
import { backoffCeiling, retryDelay } from '../src/jobs/backoff.js';
import { jobsDeadLettered, jobsFailed, registerQueueGauges } from '../src/jobs/job-metrics.js';
import { metricValue } from '../src/observability/metrics.js';
import { jobPolicies } from '../src/jobs/job-policies.js';
import { type DueEventListener, runDueJobs } from '../src/jobs/job-runner.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { ScheduledJob } from '../src/model/scheduled-job.entity.js';
import { queueMail } from '../src/modules/mail/mail-outbox.js';
import type { MailMessage, MailTransport } from '../src/modules/mail/mail-transport.js';
import { loggedIn } from './login.js';
import type { Viewer } from '../src/graphql/viewer.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { SessionService } from '../src/modules/session/session.service.js';
import { addSessionResidents } from '../bench/bench-data.js';
import { useDemoApi } from './demo-api.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const minute = 60_000;

describe.each(dialects)('scheduled work on %s (durable, in the database)', (dialect) => {
  const api = useDemoApi(dialect);

  const viewerOf = (accountId: string): Viewer => ({
    accountId,
    holderAccountId: accountId,
    role: 'resident',
    municipalityId: null,
    language: 'nl',
    authSessionId: 'test',
    via: 'cookie',
    signIn: { method: 'password', assurance: null },
    actingFor: null,
    permitOnly: null,
    scopes: null,
  });
  const startFor = async (
    permitId: string,
    accountId: string,
    plate: string,
    times: { start?: Date; end: Date },
  ) => {
    const outcome = await new SessionService(api.em(), viewerOf(accountId), api.now).start({
      permitId,
      plate,
      ...times,
      channel: 'web',
    });
    if (!outcome.ok) throw new Error(outcome.decision.reason);
    return outcome.session;
  };

  it('settles a session at its end exactly once, and starts a planned one at its start', async () => {
    const permitId = await api.permitOf('anna@demo.parkeer.nl');
    const em = api.em();
    const anna = await em
      .getConnection()
      .execute<{ id: string }[]>("select id from account where email = 'anna@demo.parkeer.nl'");
    const running = await startFor(permitId, anna[0]!.id, 'GB123K', {
      end: new Date(api.now.getTime() + 30 * minute),
    });
    const planned = await startFor(permitId, anna[0]!.id, 'XB123K', {
      start: new Date(api.now.getTime() + 40 * minute),
      end: new Date(api.now.getTime() + 50 * minute),
    });
    const job = await api.em().findOneOrFail(ScheduledJob, { subject: permitId });
    expect(job.runAt).toEqual(running.end);

    expect(await runDueJobs(api.orm, { now: api.now })).toBe(0); // nothing due yet
    const at = new Date(api.now.getTime() + 31 * minute);
    const events: string[] = [];
    const onEvent: DueEventListener = (work) => {
      for (const event of work.permits.flatMap((permit) => permit.events)) {
        if (event.type === 'session') events.push(`${event.kind} ${event.session.id}`);
      }
    };
    expect(await runDueJobs(api.orm, { now: at, onEvent })).toBe(1);
    expect(events).toEqual([`autoStopped ${running.id}`]);
    const settled = await api.em().findOneOrFail(ParkingSession, { id: running.id });
    expect(settled).toMatchObject({ status: 'ended', charge: 30, stoppedAt: null });
    // The job moved on to the planned session's start; run again at the same moment: nothing.
    expect((await api.em().findOneOrFail(ScheduledJob, { subject: permitId })).runAt).toEqual(
      planned.start,
    );
    expect(await runDueJobs(api.orm, { now: at })).toBe(0);

    const atStart = new Date(api.now.getTime() + 41 * minute);
    expect(await runDueJobs(api.orm, { now: atStart, onEvent })).toBe(1);
    expect(events).toEqual([`autoStopped ${running.id}`, `activated ${planned.id}`]);
    expect(await api.em().findOneOrFail(ParkingSession, { id: planned.id })).toMatchObject({
      status: 'running',
    });
    const rows = await api.em().find(LedgerEntry, { session: running.id });
    expect(rows.map((row) => row.kind)).toEqual(['reserve']);
    expect(await api.ledgerSum(permitId)).toBe(await api.balanceOf(permitId));
  });

  it('never runs a job twice when two workers poll at once', async () => {
    const households = await addSessionResidents(api.em(), api.now, 20, 500);
    const em = api.em();
    for (const [i, household] of households.entries()) {
      const [{ holder_id: holder }] = await em
        .getConnection()
        .execute<{ holder_id: string }[]>('select holder_id from permit where id = ?', [
          household.permitId,
        ]);
      await startFor(household.permitId, holder, `KK${100 + i}B`, {
        end: new Date(api.now.getTime() + 10 * minute),
      });
    }
    const at = new Date(api.now.getTime() + 11 * minute);
    const [a, b] = await Promise.all([
      runDueJobs(api.orm, { now: at, worker: 'a' }),
      runDueJobs(api.orm, { now: at, worker: 'b' }),
    ]);
    expect(a + b).toBe(20);
    const ended = await api.em().count(ParkingSession, {
      permit: { $in: households.map((h) => h.permitId) },
      status: 'ended',
    });
    expect(ended).toBe(20);
    expect(await runDueJobs(api.orm, { now: at })).toBe(0);
  });

  it('gives a dead-lettered settlement its attempts back when its permit gets a new session', async () => {
    const permitId = await api.permitOf('anna@demo.parkeer.nl');
    const [anna] = await api
      .em()
      .getConnection()
      .execute<{ id: string }[]>("select id from account where email = 'anna@demo.parkeer.nl'");
    const first = await startFor(permitId, anna!.id, 'GB124K', {
      end: new Date(api.now.getTime() + 30 * minute),
    });
    // As the queue leaves a settlement that failed its last attempt.
    await api
      .em()
      .nativeUpdate(
        ScheduledJob,
        { kind: 'settlePermit', subject: permitId },
        { deadAt: api.now, attempts: 10, lastError: 'database gone' },
      );
    const second = await startFor(permitId, anna!.id, 'GB125K', {
      end: new Date(api.now.getTime() + 20 * minute),
    });
    const job = await api.em().findOneOrFail(ScheduledJob, { subject: permitId });
    expect(job).toMatchObject({ deadAt: null, attempts: 0, doneAt: null });
    expect(job.runAt).toEqual(second.end);
    const at = new Date(api.now.getTime() + 31 * minute);
    expect(await runDueJobs(api.orm, { now: at })).toBe(1);
    for (const id of [first.id, second.id]) {
      expect((await api.em().findOneOrFail(ParkingSession, { id })).status).toBe('ended');
    }
  });

  it('retries a failing job with growing waits, dead-letters it after its last attempt, and runs it again once the platform admin retries it', async () => {
    const recipient = 'onbereikbaar@voorbeeld.nl';
    const em = api.em();
    const mail = queueMail(em, { to: recipient, subject: 'Uw machtiging', text: 'Hallo' }, api.now);
    await em.flush();
    let down = true;
    const delivered: MailMessage[] = [];
    const transport: MailTransport = {
      name: 'flaky',
      send: async (message) => {
        if (down) throw new Error(`451 ${message.to}: mailbox busy`);
        delivered.push(message);
      },
    };
    const jobOf = () =>
      api.em().findOneOrFail(ScheduledJob, { kind: 'sendMail', subject: mail.id });
    const policy = jobPolicies.sendMail;
    // Jitter pinned near its top: each wait is its ceiling, so growth shows.
    const random = () => 0.999;
    const failedBefore = await metricValue(jobsFailed, { kind: 'sendMail' });
    const deadBefore = await metricValue(jobsDeadLettered, { kind: 'sendMail' });

    let now = api.now;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
      // Not a moment early: one second before it is due, the job is not claimed. (Other due
      // work of the demo may run: only this job's attempts count.)
      await runDueJobs(api.orm, { now: new Date(now.getTime() - 1000), mailTransport: transport });
      expect((await jobOf()).attempts).toBe(attempt - 1);
      await runDueJobs(api.orm, { now, mailTransport: transport, random });
      const job = await jobOf();
      expect(job.attempts).toBe(attempt);
      expect(job.lastError).toBe('451 [email]: mailbox busy');
      if (attempt < policy.maxAttempts) {
        expect(job.deadAt).toBeNull();
        const wait = job.runAt.getTime() - now.getTime();
        expect(wait).toBe(retryDelay(policy, attempt, random));
        expect(wait).toBeLessThanOrEqual(backoffCeiling(policy, attempt));
        waits.push(wait);
        now = job.runAt;
      } else {
        expect(job.deadAt).toEqual(now);
      }
    }
    // The waits grow until the cap holds them.
    for (let i = 1; i < waits.length; i++) {
      expect(waits[i]!).toBeGreaterThanOrEqual(waits[i - 1]!);
    }
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(Math.max(...waits)).toBeLessThanOrEqual(policy.capMs);
    expect((await metricValue(jobsFailed, { kind: 'sendMail' })) - failedBefore).toBe(
      policy.maxAttempts,
    );
    expect((await metricValue(jobsDeadLettered, { kind: 'sendMail' })) - deadBefore).toBe(1);

    // Dead: never claimed again, however late, and counted by the gauge.
    down = false;
    await runDueJobs(api.orm, {
      now: new Date(now.getTime() + 30 * 24 * 60 * minute),
      mailTransport: transport,
    });
    expect(delivered).toHaveLength(0);
    expect((await jobOf()).attempts).toBe(policy.maxAttempts);
    registerQueueGauges(api.orm, () => api.now);
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(metrics).toMatch(/^parkeer_jobs_dead\{kind="sendMail"\} 1$/m);
    expect(metrics).toMatch(/^parkeer_jobs_dead_lettered_total\{kind="sendMail"\} [1-9]/m);

    const platform = await loggedIn(api.url, 'platform@demo.parkeer.nl');
    const listQuery = `{ deadLetteredJobs { id kind subject recipient attempts lastError deadAt } }`;
    const listed = await platform.request<{ deadLetteredJobs: Record<string, unknown>[] }>(
      listQuery,
    );
    expect(listed.errors).toBeUndefined();
    const job = await jobOf();
    expect(listed.data?.deadLetteredJobs).toEqual([
      {
        id: job.id,
        kind: 'sendMail',
        subject: 'Uw machtiging',
        recipient: 'o•••@v•••.nl',
        attempts: policy.maxAttempts,
        lastError: '451 [email]: mailbox busy',
        deadAt: now.toISOString(),
      },
    ]);
    // The address is nowhere in what the back office gets.
    expect(JSON.stringify(listed)).not.toContain('onbereikbaar');

    const retryMutation = `mutation ($id: ID!) { retryDeadLetteredJob(id: $id) { id attempts deadAt runAt } }`;
    const retried = await platform.request<{ retryDeadLetteredJob: Record<string, unknown> }>(
      retryMutation,
      { id: job.id },
    );
    expect(retried.errors).toBeUndefined();
    expect(retried.data?.retryDeadLetteredJob).toEqual({
      id: job.id,
      attempts: 0,
      deadAt: null,
      runAt: api.now.toISOString(),
    });
    expect((await platform.request(listQuery)).data).toEqual({ deadLetteredJobs: [] });
    // Retried already: not in the dead letter any more.
    const again = await platform.request(retryMutation, { id: job.id });
    expect(again.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const audit = await api.em().find(AuditEntry, { action: 'job.retry', subjectId: job.id });
    expect(audit).toHaveLength(1);

    // Due now: it runs, once.
    await runDueJobs(api.orm, { now: api.now, mailTransport: transport });
    expect(delivered.map((message) => message.to)).toEqual([recipient]);
    expect((await api.em().findOneOrFail(MailOutbox, { id: mail.id })).sentAt).toEqual(api.now);
    expect(await jobOf()).toMatchObject({ attempts: 0, lastError: null, deadAt: null });
    await runDueJobs(api.orm, { now: api.now, mailTransport: transport });
    expect(delivered).toHaveLength(1);
  });
});
