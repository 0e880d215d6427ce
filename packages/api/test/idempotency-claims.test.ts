import { beforeAll, describe, expect, it } from 'vitest';
import { applyRetention } from '../src/jobs/retention.js';
import { Account } from '../src/model/account.entity.js';
import { answerOnce, type KeyedCall } from '../src/modules/idempotency/answer-once.js';
import { ClaimStore } from '../src/modules/idempotency/claim-store.js';
import { withUnitOfWork } from '../src/modules/ledger/permit-transaction.js';
import { requestFingerprint } from '../src/modules/idempotency/request-fingerprint.js';
import { AppError } from '../src/graphql/app-error.js';
import { useDemoApi } from './demo-api.js';
import { testDialects } from './test-databases.js';

/* The idempotency step on its own (docs/graphql.md, Idempotency keys): leases, failures, dates. */

const dialects = await testDialects();
const minute = 60_000;

describe.each(dialects)('idempotency claims on %s', (dialect) => {
  const api = useDemoApi(dialect);
  let accountId: string;

  beforeAll(async () => {
    accountId = (await api.em().findOneOrFail(Account, { email: 'anna@demo.parkeer.nl' })).id;
  });

  const call = (key: string, request: unknown = { amount: 1 }, now = api.now): KeyedCall => ({
    em: api.em(),
    accountId,
    operation: 'test',
    key,
    request,
    now,
  });
  /** A claim left pending by a call that died, with its lease ending at `leaseUntil`. */
  const abandoned = (key: string, leaseUntil: Date) =>
    new ClaimStore(api.em()).claim(
      { accountId, operation: 'test', key },
      requestFingerprint({ amount: 1 }),
      api.now,
      leaseUntil,
    );
  const claimOf = (key: string) =>
    new ClaimStore(api.em()).find({ accountId, operation: 'test', key });

  it('gives the first answer back with its dates, as of the first call', async () => {
    const answer = { at: new Date('2026-11-23T10:30:00Z'), list: [{ end: new Date(0) }], n: null };
    const first = await answerOnce(call('dates'), async () => answer);
    const later = new Date(api.now.getTime() + 5 * minute);
    let ran = false;
    const replay = await answerOnce(call('dates', { amount: 1 }, later), async () => {
      ran = true;
      return answer;
    });
    expect(ran).toBe(false);
    expect(first).toEqual({ value: answer, replayed: false, answeredAt: api.now });
    expect(replay).toEqual({ value: answer, replayed: true, answeredAt: api.now });
    expect(replay.value.at).toBeInstanceOf(Date);
  });

  it('tells a retry to come back while the first call holds the key', async () => {
    await abandoned('running', new Date(api.now.getTime() + minute));
    let ran = false;
    const retry = answerOnce(
      call('running'),
      async () => {
        ran = true;
        return 1;
      },
      { waitMs: 0, leaseMs: minute },
    );
    await expect(retry).rejects.toMatchObject({
      code: 'IDEMPOTENCY_IN_PROGRESS',
      extensions: { retryAfterSeconds: 1 },
    });
    expect(ran).toBe(false);
  });

  it('never does a committed work twice when its answer was lost: the retry is told so', async () => {
    let runs = 0;
    // The work commits a unit of work and then fails: as a process dying before the answer.
    const first = answerOnce(call('lost'), async () => {
      runs++;
      await withUnitOfWork(api.em(), api.now, async () => undefined);
      throw new Error('gone after the commit');
    });
    await expect(first).rejects.toThrow('gone after the commit');
    expect((await claimOf('lost'))?.workedAt).toEqual(api.now);
    const work = async () => ++runs;
    const soon = answerOnce(call('lost'), work, { waitMs: 0, leaseMs: minute });
    await expect(soon).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    const afterLease = new Date(api.now.getTime() + 3 * minute);
    const late = answerOnce(call('lost', { amount: 1 }, afterLease), work);
    await expect(late).rejects.toMatchObject({ code: 'IDEMPOTENCY_ANSWER_LOST' });
    expect(runs).toBe(1);
  });

  it('takes over a claim whose lease ran out (its call died) and does the work once', async () => {
    await abandoned('died', api.now);
    let runs = 0;
    const answer = await answerOnce(call('died'), async () => ++runs);
    expect(answer).toMatchObject({ value: 1, replayed: false });
    expect(await answerOnce(call('died'), async () => ++runs)).toMatchObject({
      value: 1,
      replayed: true,
    });
    expect(runs).toBe(1);
  });

  it('releases the key when the work fails, so that a retry does it', async () => {
    const failed = answerOnce(call('failing'), async () => {
      throw new AppError('CONCURRENT_CHANGE');
    });
    await expect(failed).rejects.toMatchObject({ code: 'CONCURRENT_CHANGE' });
    expect(await claimOf('failing')).toBeNull();
    expect(await answerOnce(call('failing'), async () => 'done')).toMatchObject({
      value: 'done',
      replayed: false,
    });
  });

  it('refuses the key for another request of the same operation, not for another operation', async () => {
    await answerOnce(call('shared'), async () => 1);
    await expect(answerOnce(call('shared', { amount: 2 }), async () => 2)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    const other = await answerOnce({ ...call('shared'), operation: 'other' }, async () => 3);
    expect(other).toMatchObject({ value: 3, replayed: false });
  });

  it('forgets keys after a day (retention)', async () => {
    const dayLater = new Date(api.now.getTime() + 24 * 60 * minute);
    await answerOnce(call('old'), async () => 1);
    await answerOnce(
      call('new', { amount: 1 }, new Date(dayLater.getTime() - minute)),
      async () => 1,
    );
    const result = await applyRetention(api.em(), dayLater);
    expect(result.removedClaims).toBeGreaterThanOrEqual(1);
    expect(await claimOf('old')).toBeNull();
    expect(await claimOf('new')).not.toBeNull();
  });
});
