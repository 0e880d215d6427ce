import { describe, expect, it } from 'vitest';
import { type DueEventListener, runDueJobs } from '../src/jobs/job-runner.js';
import { ScheduledJob } from '../src/model/scheduled-job.entity.js';
import type { Viewer } from '../src/modules/auth/viewer.js';
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
    role: 'resident',
    municipalityId: null,
    language: 'nl',
    authSessionId: 'test',
    via: 'cookie',
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
      idempotencyKey: `job-${plate}-${times.end.getTime()}`,
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
});
