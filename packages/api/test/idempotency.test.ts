import { beforeAll, describe, expect, it } from 'vitest';
import { CareGrant } from '../src/model/care-grant.entity.js';
import { Delegation } from '../src/model/delegation.entity.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { Payment } from '../src/model/payment.entity.js';
import { permitPot } from '../src/modules/ledger/ledger.js';
import { withPermitTransaction } from '../src/modules/ledger/permit-transaction.js';
import type { TestClient } from './graphql-client.js';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

/* docs/graphql.md, Idempotency keys: concurrent and later retries get the first call's answer. */

const dialects = await testDialects();
const minute = 60_000;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const quoteFields = `plate formattedPlate start end paidMinutes cost reservation unit planned
  runsToZero coveredUntil segments { date start end minutes cost }`;
const sessionResult = `__typename
  ... on SessionAccepted { session { id productId plate formattedPlate country start end stoppedAt
    status reservation charge unit channel delegated startedByMe } quote { ${quoteFields} } }
  ... on SessionRefused { reason message params proposal { ${quoteFields} } }`;
const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) { ${sessionResult} } }`;
const changeEnd = `mutation ($input: ChangeSessionEndInput!) {
  changeSessionEnd(input: $input) { ${sessionResult} } }`;
const stop = `mutation ($id: ID!) { stopSession(sessionId: $id) { id status } }`;
const remove = `mutation ($id: ID!) { deleteSession(sessionId: $id) { id status } }`;
const invite = `mutation ($input: InviteDelegationInput!) { inviteDelegation(input: $input) {
  id productId email delegateEmail plate formattedPlate budget balance unit status accepted
  createdAt acceptedAt revokedAt } }`;
const revoke = `mutation ($id: ID!) { revokeDelegation(id: $id) { id status } }`;
const grantCare = `mutation ($input: GrantCareHoursInput!) { grantCareHours(input: $input) {
  grant { id permitId minutes carerStatement grantedBy createdAt } balanceAfter remainingMinutes } }`;
const startTopUp = `mutation ($input: StartTopUpInput!) {
  startTopUp(input: $input) { paymentId checkoutUrl status totalCents } }`;

/** The same request sent `count` times at once, as a client's retries racing each other. */
const atOnce = <T>(count: number, send: () => Promise<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: count }, send));

const codeOf = (result: { errors?: readonly { extensions: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions.code;

describe.each(dialects)('idempotency keys on %s', (dialect) => {
  const api = useDemoApi(dialect);
  let anna: TestClient;
  let bram: TestClient;
  let admin: TestClient;
  let annaPermit: string;
  let bramPermit: string;
  const at = (minutes: number) => new Date(api.now.getTime() + minutes * minute).toISOString();

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    admin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    annaPermit = await api.permitOf('anna@demo.parkeer.nl');
    bramPermit = await api.permitOf('bram@demo.parkeer.nl');
  });

  const ledgerOf = (sessionId: string) =>
    api.em().find(LedgerEntry, { session: sessionId }, { orderBy: { createdAt: 'asc' } });

  describe('startSession', () => {
    it('answers eight concurrent calls with one key alike, and starts one session', async () => {
      const before = await api.balanceOf(annaPermit);
      const input = {
        productId: annaPermit,
        plate: 'GB-201-K',
        end: at(60),
        idempotencyKey: 'idem-start-concurrent',
      };
      const answers = await atOnce(8, () => anna.request<Data>(start, { input }));
      expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
      const first = answers[0]!.data!.startSession;
      expect(first).toMatchObject({ __typename: 'SessionAccepted', quote: { reservation: 60 } });
      for (const answer of answers) expect(answer.data!.startSession).toEqual(first);
      expect(await api.em().count(ParkingSession, { plate: 'GB201K' })).toBe(1);
      expect(await ledgerOf(first.session.id)).toHaveLength(1);
      expect(await api.balanceOf(annaPermit)).toBe(before - 60);
      expect(await api.ledgerSum(annaPermit)).toBe(before - 60);
    });

    it('replays the first answer after the session was stopped', async () => {
      const input = {
        productId: annaPermit,
        plate: 'GB-202-K',
        end: at(60),
        idempotencyKey: 'idem-start-replay',
      };
      const first = await anna.request<Data>(start, { input });
      const session = first.data!.startSession.session;
      expect(session.status).toBe('running');
      const stopped = await anna.request<Data>(stop, { id: session.id });
      expect(stopped.data!.stopSession.status).toBe('ended');

      const replay = await anna.request<Data>(start, { input });
      expect(replay).toEqual(first);
      expect(await api.em().count(ParkingSession, { plate: 'GB202K' })).toBe(1);
    });

    it('refuses the key for another request, also while nothing else changed', async () => {
      const input = {
        productId: annaPermit,
        plate: 'GB-203-K',
        end: at(60),
        idempotencyKey: 'idem-start-reused',
      };
      await anna.request<Data>(start, { input });
      const otherEnd = await anna.request<Data>(start, { input: { ...input, end: at(90) } });
      expect(codeOf(otherEnd)).toBe('IDEMPOTENCY_KEY_REUSED');
      const otherPlate = await anna.request<Data>(start, { input: { ...input, plate: 'GB204K' } });
      expect(codeOf(otherPlate)).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await api.em().count(ParkingSession, { plate: { $in: ['GB203K', 'GB204K'] } })).toBe(
        1,
      );
    });

    it('replays a refusal as the same refusal, even once the request would be accepted', async () => {
      const parked = await anna.request<Data>(start, {
        input: { productId: annaPermit, plate: 'GB-205-K', end: at(60), idempotencyKey: 'idem-p1' },
      });
      const input = {
        productId: annaPermit,
        plate: 'GB-205-K',
        end: at(60),
        idempotencyKey: 'idem-start-refused',
      };
      const answers = await atOnce(8, () => anna.request<Data>(start, { input }));
      const first = answers[0]!.data!.startSession;
      expect(first).toMatchObject({
        __typename: 'SessionRefused',
        reason: 'SESSION_PLATE_ALREADY_PARKED',
      });
      for (const answer of answers) expect(answer.data!.startSession).toEqual(first);

      await anna.request<Data>(stop, { id: parked.data!.startSession.session.id });
      const replay = await anna.request<Data>(start, { input });
      expect(replay.data!.startSession).toEqual(first);
      expect(await api.em().count(ParkingSession, { plate: 'GB205K' })).toBe(1);
    });
  });

  describe('changeSessionEnd', () => {
    const started = async (plate: string, minutes: number, key: string) => {
      const answer = await anna.request<Data>(start, {
        input: { productId: annaPermit, plate, end: at(minutes), idempotencyKey: key },
      });
      return answer.data!.startSession.session.id as string;
    };

    it('answers eight concurrent calls with one key alike, and moves the balance once', async () => {
      const sessionId = await started('GB-211-K', 60, 'idem-change-start');
      const before = await api.balanceOf(annaPermit);
      const input = { sessionId, end: at(120), idempotencyKey: 'idem-change-concurrent' };
      const answers = await atOnce(8, () => anna.request<Data>(changeEnd, { input }));
      expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
      const first = answers[0]!.data!.changeSessionEnd;
      expect(first).toMatchObject({
        __typename: 'SessionAccepted',
        session: { end: at(120), reservation: 120 },
      });
      for (const answer of answers) expect(answer.data!.changeSessionEnd).toEqual(first);
      expect((await ledgerOf(sessionId)).map((row) => row.amount)).toEqual([-60, -60]);
      expect(await api.balanceOf(annaPermit)).toBe(before - 60);
      expect(await api.ledgerSum(annaPermit)).toBe(before - 60);
    });

    it('replays the first answer after a later change and a stop', async () => {
      const sessionId = await started('GB-212-K', 60, 'idem-change-start-2');
      const input = { sessionId, end: at(90), idempotencyKey: 'idem-change-replay' };
      const first = await anna.request<Data>(changeEnd, { input });
      expect(first.data!.changeSessionEnd.session).toMatchObject({ end: at(90), reservation: 90 });
      const later = await anna.request<Data>(changeEnd, {
        input: { sessionId, end: at(30), idempotencyKey: 'idem-change-later' },
      });
      expect(later.data!.changeSessionEnd.session).toMatchObject({ end: at(30) });
      const beforeReplay = await api.balanceOf(annaPermit);

      const replay = await anna.request<Data>(changeEnd, { input });
      expect(replay).toEqual(first);
      await anna.request<Data>(stop, { id: sessionId });
      expect(await anna.request<Data>(changeEnd, { input })).toEqual(first);
      expect(await api.balanceOf(annaPermit)).toBeGreaterThanOrEqual(beforeReplay);
      expect(await api.ledgerSum(annaPermit)).toBe(await api.balanceOf(annaPermit));
    });

    it('refuses the key for another end or another session', async () => {
      const sessionId = await started('GB-213-K', 60, 'idem-change-start-3');
      const input = { sessionId, end: at(90), idempotencyKey: 'idem-change-reused' };
      await anna.request<Data>(changeEnd, { input });
      const otherEnd = await anna.request<Data>(changeEnd, { input: { ...input, end: at(100) } });
      expect(codeOf(otherEnd)).toBe('IDEMPOTENCY_KEY_REUSED');
      const other = await started('GB-214-K', 60, 'idem-change-start-4');
      const otherSession = await anna.request<Data>(changeEnd, {
        input: { ...input, sessionId: other },
      });
      expect(codeOf(otherSession)).toBe('IDEMPOTENCY_KEY_REUSED');
      expect((await ledgerOf(sessionId)).map((row) => row.amount)).toEqual([-60, -30]);
    });

    it('replays a refusal as the same refusal, even once the change would be accepted', async () => {
      const sessionId = await started('GB-215-K', 60, 'idem-change-start-5');
      const planned = await anna.request<Data>(start, {
        input: {
          productId: annaPermit,
          plate: 'GB-215-K',
          start: at(120),
          end: at(180),
          idempotencyKey: 'idem-change-planned',
        },
      });
      const input = { sessionId, end: at(150), idempotencyKey: 'idem-change-refused' };
      const answers = await atOnce(8, () => anna.request<Data>(changeEnd, { input }));
      const first = answers[0]!.data!.changeSessionEnd;
      expect(first).toMatchObject({
        __typename: 'SessionRefused',
        reason: 'SESSION_PLATE_ALREADY_PARKED',
      });
      for (const answer of answers) expect(answer.data!.changeSessionEnd).toEqual(first);

      await anna.request<Data>(remove, { id: planned.data!.startSession.session.id });
      const replay = await anna.request<Data>(changeEnd, { input });
      expect(replay.data!.changeSessionEnd).toEqual(first);
      expect((await ledgerOf(sessionId)).map((row) => row.amount)).toEqual([-60]);
    });
  });

  describe('inviteDelegation', () => {
    it('answers eight concurrent calls with one key alike, and invites once', async () => {
      const before = await api.balanceOf(annaPermit);
      const input = {
        productId: annaPermit,
        email: 'idem-1@example.nl',
        amount: 30,
        idempotencyKey: 'idem-invite-concurrent',
      };
      const answers = await atOnce(8, () => anna.request<Data>(invite, { input }));
      expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
      const first = answers[0]!.data!.inviteDelegation;
      expect(first).toMatchObject({ email: 'idem-1@example.nl', budget: 30, status: 'invited' });
      for (const answer of answers) expect(answer.data!.inviteDelegation).toEqual(first);
      expect(await api.em().count(Delegation, { email: 'idem-1@example.nl' })).toBe(1);
      expect(await api.em().count(LedgerEntry, { delegation: first.id })).toBe(2);
      expect(await api.balanceOf(annaPermit)).toBe(before - 30);
    });

    it('replays the invitation as it was after it was revoked, and refuses another amount', async () => {
      const input = {
        productId: annaPermit,
        email: 'idem-2@example.nl',
        amount: 20,
        idempotencyKey: 'idem-invite-replay',
      };
      const first = await anna.request<Data>(invite, { input });
      const id = first.data!.inviteDelegation.id as string;
      const revoked = await anna.request<Data>(revoke, { id });
      expect(revoked.data!.revokeDelegation.status).toBe('revoked');
      const balance = await api.balanceOf(annaPermit);

      expect(await anna.request<Data>(invite, { input })).toEqual(first);
      const other = await anna.request<Data>(invite, { input: { ...input, amount: 25 } });
      expect(codeOf(other)).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await api.balanceOf(annaPermit)).toBe(balance);
      expect(await api.em().count(Delegation, { email: 'idem-2@example.nl' })).toBe(1);
    });
  });

  describe('grantCareHours', () => {
    it('answers eight concurrent calls with one key alike, and credits once', async () => {
      const before = await api.balanceOf(bramPermit);
      const input = {
        permitId: bramPermit,
        minutes: 120,
        carerStatement: 'Mantelzorgverklaring idem-1',
        idempotencyKey: 'idem-care-concurrent',
      };
      const answers = await atOnce(8, () => admin.request<Data>(grantCare, { input }));
      expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
      const first = answers[0]!.data!.grantCareHours;
      expect(first).toMatchObject({ balanceAfter: before + 120, grant: { minutes: 120 } });
      for (const answer of answers) expect(answer.data!.grantCareHours).toEqual(first);
      expect(await api.em().count(CareGrant, { permit: bramPermit })).toBe(1);
      expect(await api.balanceOf(bramPermit)).toBe(before + 120);
      expect(await api.ledgerSum(bramPermit)).toBe(before + 120);
    });

    it('replays the first answer after another grant moved the balance and the room left', async () => {
      const input = {
        permitId: bramPermit,
        minutes: 60,
        carerStatement: 'Mantelzorgverklaring idem-2',
        idempotencyKey: 'idem-care-replay',
      };
      const first = await admin.request<Data>(grantCare, { input });
      expect(first.errors).toBeUndefined();
      const later = await admin.request<Data>(grantCare, {
        input: { ...input, idempotencyKey: 'idem-care-later' },
      });
      expect(later.data!.grantCareHours.balanceAfter).toBe(
        first.data!.grantCareHours.balanceAfter + 60,
      );

      expect(await admin.request<Data>(grantCare, { input })).toEqual(first);
      const other = await admin.request<Data>(grantCare, { input: { ...input, minutes: 61 } });
      expect(codeOf(other)).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await api.em().count(CareGrant, { permit: bramPermit })).toBe(3);
    });
  });

  describe('startTopUp', () => {
    /** Parking used up elsewhere: brings the balance down so a top-up is allowed again. */
    const spendDownTo = (permitId: string, target: number) =>
      withPermitTransaction(api.em(), permitId, api.now, async (unit) => {
        const balance = await unit.ledger.balance(permitPot);
        await unit.ledger.post(permitPot, {
          kind: 'charge',
          amount: target - balance,
          at: api.now,
        });
      });
    const pay = (checkoutUrl: string) =>
      fetch(api.url + new URL(checkoutUrl).pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ action: 'paid' }).toString(),
        redirect: 'manual',
      });

    it('answers eight concurrent calls with one key alike and opens one payment; a replay after paying answers the same', async () => {
      await spendDownTo(bramPermit, 30 * 60);
      const input = { permitId: bramPermit, amount: 200 * 60, idempotencyKey: 'idem-top-up' };
      const answers = await atOnce(8, () => bram.request<Data>(startTopUp, { input }));
      expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
      const first = answers[0]!.data!.startTopUp;
      expect(first).toMatchObject({ status: 'open', totalCents: 1935 });
      for (const answer of answers) expect(answer.data!.startTopUp).toEqual(first);
      expect(await api.em().count(Payment, { permit: bramPermit })).toBe(1);

      expect((await pay(first.checkoutUrl)).status).toBe(303);
      expect(await api.balanceOf(bramPermit)).toBe(230 * 60);
      // Above the threshold now: asked afresh, this top-up would be refused.
      expect(await bram.request<Data>(startTopUp, { input })).toEqual(answers[0]);
      const other = await bram.request<Data>(startTopUp, { input: { ...input, amount: 400 * 60 } });
      expect(codeOf(other)).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await api.em().count(Payment, { permit: bramPermit })).toBe(1);
    });

    it('keeps no answer for a call that failed: its retry is decided afresh', async () => {
      const input = { permitId: bramPermit, amount: 200 * 60, idempotencyKey: 'idem-top-up-2' };
      const refused = await bram.request<Data>(startTopUp, { input });
      expect(codeOf(refused)).toBe('TOP_UP_BALANCE_ABOVE_THRESHOLD');
      await spendDownTo(bramPermit, 30 * 60);
      const retried = await bram.request<Data>(startTopUp, { input });
      expect(retried.errors).toBeUndefined();
      expect(retried.data!.startTopUp).toMatchObject({ status: 'open' });
      expect(await api.em().count(Payment, { permit: bramPermit })).toBe(2);
    });
  });
});
