import { beforeAll, describe, expect, it } from 'vitest';
import { permitPot } from '../src/modules/ledger/ledger.js';
import { withPermitTransaction } from '../src/modules/ledger/permit-transaction.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { TestClient } from './graphql-client.js';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const minute = 60_000;

const sessionFields = `id productId plate formattedPlate start end stoppedAt status reservation charge unit delegated startedByMe`;
const quoteFields = `plate start end paidMinutes cost reservation unit planned startsNow runsToZero coveredUntil segments { date minutes cost }`;
const resultFields = `
  __typename
  ... on SessionAccepted { session { ${sessionFields} } quote { ${quoteFields} } }
  ... on SessionRefused { reason code message params proposal { ${quoteFields} } }`;

const quote = `query ($input: SessionRequestInput!) { quoteSession(input: $input) {
  __typename ... on SessionQuote { ${quoteFields} } ... on SessionRefused { reason message params proposal { ${quoteFields} } } } }`;
const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) { ${resultFields} } }`;
const changeEnd = `mutation ($input: ChangeSessionEndInput!) { changeSessionEnd(input: $input) { ${resultFields} } }`;
const stop = `mutation ($id: ID!) { stopSession(sessionId: $id) { ${sessionFields} } }`;
const remove = `mutation ($id: ID!) { deleteSession(sessionId: $id) { ${sessionFields} } }`;
const one = `query ($id: ID!) { session(id: $id) { id status reservation charge amountState } }`;
const reserveRows = `query ($permitId: ID!) { transactionHistory(permitId: $permitId, first: 50) {
  edges { node { kind sessionId amountState } } } }`;
const list = `query ($productId: ID) { sessions(productId: $productId) {
  runningCount plannedCount running { id plate status } planned { id plate status } } }`;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(dialects)('visitor sessions over GraphQL, %s (docs/rules.md §4, §5)', (dialect) => {
  // Monday 23 November 2026, 10:00 in Amsterdam: inside paid hours of Delft and Oudstad.
  const api = useDemoApi(dialect);
  let anna: TestClient;
  let carla: TestClient;
  let annaPermit: string;
  let carlaPermit: string;
  let key = 0;
  const nextKey = () => `key-${dialect}-${++key}`;

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    carla = await loggedIn(api.url, 'carla@demo.parkeer.nl', { 'accept-language': 'en' });
    annaPermit = await api.permitOf('anna@demo.parkeer.nl');
    carlaPermit = await api.permitOf('carla@demo.parkeer.nl');
  });

  it('quotes a session without saving it: the default end is the end of paid hours (004)', async () => {
    const result = await anna.request<Data>(quote, {
      input: { productId: annaPermit, plate: 'gb-123-k' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.quoteSession).toMatchObject({
      __typename: 'SessionQuote',
      plate: 'GB123K',
      start: api.now.toISOString(),
      end: '2026-11-23T20:00:00.000Z', // 21:00 in Amsterdam
      paidMinutes: 11 * 60,
      cost: 11 * 60,
      unit: 'minutes',
      planned: false,
    });
    expect(await api.balanceOf(annaPermit)).toBe(200 * 60);
  });

  it('charges only paid time: Sunday 16:30–19:30 in the centre costs 30 minutes', async () => {
    const result = await anna.request<Data>(quote, {
      input: {
        productId: annaPermit,
        plate: 'GB123K',
        start: '2026-11-29T15:30:00Z',
        end: '2026-11-29T18:30:00Z',
      },
    });
    expect(result.data?.quoteSession).toMatchObject({
      paidMinutes: 30,
      cost: 30,
      planned: true,
      segments: [{ date: '2026-11-29', minutes: 30, cost: 30 }],
    });
  });

  it('starts a session, reserves its cost in the same transaction as the ledger row, and answers a retry with the first result', async () => {
    const idempotencyKey = nextKey();
    const input = {
      productId: annaPermit,
      plate: 'GB-123-K',
      end: new Date(api.now.getTime() + 90 * minute).toISOString(),
      idempotencyKey,
    };
    const first = await anna.request<Data>(start, { input });
    expect(first.errors).toBeUndefined();
    const accepted = first.data?.startSession;
    expect(accepted).toMatchObject({
      __typename: 'SessionAccepted',
      session: { plate: 'GB123K', status: 'running', reservation: 90, startedByMe: true },
      quote: { cost: 90, reservation: 90 },
    });
    expect(await api.balanceOf(annaPermit)).toBe(200 * 60 - 90);

    const retry = await anna.request<Data>(start, { input });
    expect(retry.data?.startSession).toEqual(accepted);
    expect(await api.balanceOf(annaPermit)).toBe(200 * 60 - 90);

    const reused = await anna.request<Data>(start, { input: { ...input, plate: 'XB-123-K' } });
    expect(reused.errors?.[0]?.extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await api.ledgerSum(annaPermit)).toBe(await api.balanceOf(annaPermit));
  });

  it('lists running and planned sessions with their counts, per product and across products', async () => {
    const planned = await anna.request<Data>(start, {
      input: {
        productId: annaPermit,
        plate: 'HT-100-B',
        start: '2026-11-24T10:00:00Z',
        end: '2026-11-24T11:00:00Z',
        idempotencyKey: nextKey(),
      },
    });
    expect(planned.data?.startSession.session.status).toBe('planned');
    const perProduct = await anna.request<Data>(list, { productId: annaPermit });
    expect(perProduct.data?.sessions).toMatchObject({ runningCount: 1, plannedCount: 1 });
    expect(perProduct.data?.sessions.planned[0].plate).toBe('HT100B');
    const all = await anna.request<Data>(list, {});
    expect(all.data?.sessions).toEqual(perProduct.data?.sessions);
    const others = await carla.request<Data>(list, {});
    expect(others.data?.sessions).toMatchObject({ runningCount: 0, plannedCount: 0 });
  });

  it('stops a running session: the paid minutes so far are charged and the rest released', async () => {
    const started = await anna.request<Data>(start, {
      input: {
        productId: annaPermit,
        plate: 'KK-100-B',
        end: new Date(api.now.getTime() + 120 * minute).toISOString(),
        idempotencyKey: nextKey(),
      },
    });
    const id = started.data?.startSession.session.id as string;
    const before = await api.balanceOf(annaPermit);
    api.now = new Date(api.now.getTime() + 29 * minute + 10_000); // 29 min 10 s: 30 started minutes
    const running = await anna.request<Data>(one, { id });
    // Running: the reservation is held back, the final amount not known (docs/graphql.md).
    expect(running.data?.session).toMatchObject({
      id,
      status: 'running',
      reservation: 120,
      charge: null,
      amountState: 'reserved',
    });
    const reserveRow = async () =>
      (
        await anna.request<Data>(reserveRows, { permitId: annaPermit })
      ).data?.transactionHistory.edges
        .map((e: Data) => e.node)
        .find((n: Data) => n.kind === 'reserve' && n.sessionId === id);
    expect(await reserveRow()).toMatchObject({ amountState: 'reserved' });
    const stopped = await anna.request<Data>(stop, { id });
    expect(stopped.data?.stopSession).toMatchObject({ status: 'ended', charge: 30 });
    expect(await reserveRow()).toMatchObject({ amountState: 'final' });
    const settled = await anna.request<Data>(one, { id });
    expect(settled.data?.session).toMatchObject({
      status: 'ended',
      charge: 30,
      amountState: 'final',
    });
    expect(await api.balanceOf(annaPermit)).toBe(before + 90);
    const again = await anna.request<Data>(stop, { id });
    expect(again.data?.stopSession).toMatchObject({ status: 'ended', charge: 30 });
    expect(await api.balanceOf(annaPermit)).toBe(before + 90);
    expect(await api.ledgerSum(annaPermit)).toBe(await api.balanceOf(annaPermit));
  });

  it('extends and shortens a session; the reservation follows the new cost', async () => {
    const started = await anna.request<Data>(start, {
      input: {
        productId: annaPermit,
        plate: 'GZ-123-K',
        end: new Date(api.now.getTime() + 60 * minute).toISOString(),
        idempotencyKey: nextKey(),
      },
    });
    const id = started.data?.startSession.session.id as string;
    const before = await api.balanceOf(annaPermit);
    const longer = await anna.request<Data>(changeEnd, {
      input: {
        sessionId: id,
        end: new Date(api.now.getTime() + 150 * minute).toISOString(),
        idempotencyKey: nextKey(),
      },
    });
    expect(longer.data?.changeSessionEnd.session).toMatchObject({ reservation: 150 });
    expect(await api.balanceOf(annaPermit)).toBe(before - 90);
    const shorter = await anna.request<Data>(changeEnd, {
      input: {
        sessionId: id,
        end: new Date(api.now.getTime() + 30 * minute).toISOString(),
        idempotencyKey: nextKey(),
      },
    });
    expect(shorter.data?.changeSessionEnd.session).toMatchObject({ reservation: 30 });
    expect(await api.balanceOf(annaPermit)).toBe(before + 30);
    expect(await api.ledgerSum(annaPermit)).toBe(await api.balanceOf(annaPermit));
  });

  it('deletes a planned session with a full release; a running one must be stopped instead', async () => {
    const planned = await anna.request<Data>(start, {
      input: {
        productId: annaPermit,
        plate: 'AB-123-C',
        start: '2026-11-25T10:00:00Z',
        end: '2026-11-25T12:00:00Z',
        idempotencyKey: nextKey(),
      },
    });
    const plannedId = planned.data?.startSession.session.id as string;
    const before = await api.balanceOf(annaPermit);
    expect((await anna.request<Data>(stop, { id: plannedId })).errors?.[0]?.extensions.code).toBe(
      'SESSION_NOT_RUNNING',
    );
    const deleted = await anna.request<Data>(remove, { id: plannedId });
    expect(deleted.data?.deleteSession).toMatchObject({ status: 'deleted' });
    expect(await api.balanceOf(annaPermit)).toBe(before + 120);

    const running = (await anna.request<Data>(list, { productId: annaPermit })).data?.sessions
      .running[0].id as string;
    const refused = await anna.request<Data>(remove, { id: running });
    expect(refused.errors?.[0]?.extensions.code).toBe('SESSION_ALREADY_STARTED');
  });

  it('settles a session that reached its end before the next decision on the permit', async () => {
    const started = await anna.request<Data>(start, {
      input: {
        productId: annaPermit,
        plate: 'XB-123-K',
        end: new Date(api.now.getTime() + 10 * minute).toISOString(),
        idempotencyKey: nextKey(),
      },
    });
    const id = started.data?.startSession.session.id as string;
    api.now = new Date(api.now.getTime() + 15 * minute);
    const listed = await anna.request<Data>(list, { productId: annaPermit });
    expect(listed.data?.sessions.running.map((s: { id: string }) => s.id)).not.toContain(id);
    await anna.request<Data>(start, {
      input: { productId: annaPermit, plate: 'XB-123-K', idempotencyKey: nextKey() },
    });
    const settled = await api.orm.em.fork().findOneOrFail(ParkingSession, { id });
    expect(settled).toMatchObject({ status: 'ended', charge: 10 });
    expect(await api.ledgerSum(annaPermit)).toBe(await api.balanceOf(annaPermit));
  });

  it('refuses with a reason and a proposal that is accepted when asked again (002: 3 hours at most)', async () => {
    const input = {
      productId: carlaPermit,
      plate: 'GB-123-K',
      end: new Date(api.now.getTime() + 4 * 60 * minute).toISOString(),
      idempotencyKey: nextKey(),
    };
    const refused = await carla.request<Data>(start, { input });
    expect(refused.data?.startSession).toMatchObject({
      __typename: 'SessionRefused',
      reason: 'SESSION_OVER_MAX_DURATION',
      code: 'SESSION_OVER_MAX_DURATION',
      // Carla never chose a language: her request's Accept-Language (en) decides.
      message: 'Your visitor may park for at most 180 minutes.',
      params: { maxMinutes: 180 },
      proposal: { paidMinutes: 180, cost: 630, unit: 'cents', startsNow: true },
    });
    const proposal = refused.data?.startSession.proposal;
    expect(await api.balanceOf(carlaPermit)).toBe(2500);
    const accepted = await carla.request<Data>(start, {
      input: { ...input, start: proposal.start, end: proposal.end, idempotencyKey: nextKey() },
    });
    expect(accepted.data?.startSession).toMatchObject({
      __typename: 'SessionAccepted',
      session: { reservation: 630, unit: 'cents' },
    });
    expect(await api.balanceOf(carlaPermit)).toBe(2500 - 630);
  });

  it('refuses a Saturday where the product is not valid on Saturdays (002)', async () => {
    const result = await carla.request<Data>(quote, {
      input: {
        productId: carlaPermit,
        plate: 'GB-123-K',
        start: '2026-11-28T10:00:00Z',
        end: '2026-11-28T11:00:00Z',
      },
    });
    expect(result.data?.quoteSession).toMatchObject({
      __typename: 'SessionRefused',
      reason: 'SESSION_NOT_VALID_ON_DAY',
    });
  });

  it('refuses what the balance cannot cover and proposes the longest affordable session', async () => {
    await withPermitTransaction(api.orm.em.fork(), carlaPermit, api.now, (unit) =>
      unit.ledger.post(permitPot, {
        kind: 'compensation',
        amount: 105 - unit.permit.balance,
        at: api.now,
      }),
    );
    const result = await carla.request<Data>(quote, {
      input: {
        productId: carlaPermit,
        plate: 'HT-100-B',
        end: new Date(api.now.getTime() + 60 * minute).toISOString(),
      },
    });
    expect(result.data?.quoteSession).toMatchObject({
      __typename: 'SessionRefused',
      reason: 'SESSION_INSUFFICIENT_BALANCE',
      proposal: { paidMinutes: 30, cost: 105 },
    });
  });

  it('docs/rules.md §5: enough balance counts the sessions already running or planned', async () => {
    const sixtyMinutes = {
      productId: carlaPermit,
      plate: 'HT-100-B',
      end: new Date(api.now.getTime() + 60 * minute).toISOString(),
    };
    const alone = await carla.request<Data>(quote, { input: sixtyMinutes });
    const available = await api.balanceOf(carlaPermit);
    expect(alone.data?.quoteSession.proposal.cost).toBe(available);

    // A visit planned for tomorrow takes its cost off what a session now may use.
    const planned = await carla.request<Data>(start, {
      input: {
        productId: carlaPermit,
        plate: 'GB-123-K',
        start: '2026-11-24T09:00:00Z',
        end: '2026-11-24T09:10:00Z',
        idempotencyKey: nextKey(),
      },
    });
    const plannedSession = planned.data?.startSession.session;
    expect(plannedSession).toMatchObject({ status: 'planned' });
    expect(plannedSession.reservation).toBeGreaterThan(0);
    const beside = await carla.request<Data>(quote, { input: sixtyMinutes });
    expect(beside.data?.quoteSession).toMatchObject({
      __typename: 'SessionRefused',
      reason: 'SESSION_INSUFFICIENT_BALANCE',
      proposal: { cost: available - plannedSession.reservation },
    });
    expect(beside.data?.quoteSession.proposal.paidMinutes).toBeLessThan(
      alone.data?.quoteSession.proposal.paidMinutes,
    );

    // Taken back, the planned visit's reservation is there again for a session now.
    await carla.request<Data>(remove, { id: plannedSession.id });
    const again = await carla.request<Data>(quote, { input: sixtyMinutes });
    expect(again.data?.quoteSession.proposal).toEqual(alone.data?.quoteSession.proposal);
  });

  it('answers bad input with a typed error, never a 500', async () => {
    const badPlate = await anna.request<Data>(quote, {
      input: { productId: annaPermit, plate: 'not a plate!' },
    });
    expect(badPlate.errors?.[0]?.extensions.code).toBe('PLATE_INVALID_CHARACTERS');
    const badKey = await anna.request<Data>(start, {
      input: { productId: annaPermit, plate: 'GB-123-K', idempotencyKey: ' ' },
    });
    expect(badKey.errors?.[0]?.extensions.code).toBe('IDEMPOTENCY_KEY_INVALID');
    // ':' is the server's own: a client key such as `payment:…` is refused.
    const serverKey = await anna.request<Data>(start, {
      input: { productId: annaPermit, plate: 'GB-123-K', idempotencyKey: 'payment:1' },
    });
    expect(serverKey.errors?.[0]?.extensions.code).toBe('IDEMPOTENCY_KEY_INVALID');
    const badDate = await anna.request<Data>(quote, {
      input: { productId: annaPermit, plate: 'GB-123-K', end: 'tomorrow' },
    });
    expect(badDate.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await anna.request<Data>(stop, { id: 'nope' });
    expect(unknown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('names the permit permitId, and still takes the deprecated productId (docs/graphql.md, Names)', async () => {
    const input = { plate: 'GB-123-K' };
    const byPermitId = await anna.request<Data>(quote, {
      input: { ...input, permitId: annaPermit },
    });
    const byProductId = await anna.request<Data>(quote, {
      input: { ...input, productId: annaPermit },
    });
    expect(byPermitId.errors).toBeUndefined();
    expect(byPermitId.data?.quoteSession.__typename).toMatch(/^Session(Quote|Refused)$/);
    expect(byPermitId.data).toEqual(byProductId.data);
    const listed = await anna.request<Data>(
      'query ($id: ID) { sessions(permitId: $id) { running { permitId productId } } }',
      { id: annaPermit },
    );
    for (const session of listed.data?.sessions.running ?? []) {
      expect(session).toEqual({ permitId: annaPermit, productId: annaPermit });
    }
    const neither = await anna.request<Data>(quote, { input });
    expect(neither.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const twoPermits = await anna.request<Data>(quote, {
      input: { ...input, permitId: annaPermit, productId: carlaPermit },
    });
    expect(twoPermits.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('names the session id in stopSession and deleteSession, and still takes the deprecated sessionId (docs/graphql.md, Names)', async () => {
    const startOne = async (plate: string, planned: boolean) => {
      const started = await anna.request<Data>(start, {
        input: {
          permitId: annaPermit,
          plate,
          ...(planned ? { start: '2026-11-25T10:00:00Z', end: '2026-11-25T11:00:00Z' } : {}),
          idempotencyKey: nextKey(),
        },
      });
      return started.data?.startSession.session.id as string;
    };
    const byEither = (operation: string) =>
      `mutation ($id: ID, $sessionId: ID) { ${operation}(id: $id, sessionId: $sessionId) { id status } }`;
    const running = await startOne('NM-100-B', false);
    const planned = await startOne('NM-101-B', true);
    for (const operation of ['stopSession', 'deleteSession']) {
      for (const variables of [{}, { id: running, sessionId: planned }]) {
        const refused = await anna.request<Data>(byEither(operation), variables);
        expect(refused.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      }
    }
    const stopped = await anna.request<Data>(byEither('stopSession'), { id: running });
    expect(stopped.data?.stopSession).toEqual({ id: running, status: 'ended' });
    const deleted = await anna.request<Data>(byEither('deleteSession'), {
      id: planned,
      sessionId: planned,
    });
    expect(deleted.data?.deleteSession).toMatchObject({ id: planned });
    const oldName = await anna.request<Data>(stop, { id: await startOne('NM-102-B', false) });
    expect(oldName.data?.stopSession.status).toBe('ended');
    expect(await api.ledgerSum(annaPermit)).toBe(await api.balanceOf(annaPermit));
  });

  describe('authorization', () => {
    it("treats someone else's product and session as not found", async () => {
      const bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
      const quoteOther = await bram.request<Data>(quote, {
        input: { productId: annaPermit, plate: 'GB-123-K' },
      });
      expect(quoteOther.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      const annaSession = (await anna.request<Data>(list, { productId: annaPermit })).data?.sessions
        .running[0].id as string;
      for (const operation of [one, stop, remove]) {
        const result = await bram.request<Data>(operation, { id: annaSession });
        expect(result.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      }
      const listOther = await bram.request<Data>(list, { productId: annaPermit });
      expect(listOther.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    });

    it('refuses admins, enforcement and anonymous callers', async () => {
      const input = { productId: annaPermit, plate: 'GB-123-K', idempotencyKey: nextKey() };
      for (const [email, code] of [
        ['beheer@delft.demo.parkeer.nl', 'FORBIDDEN'],
        ['handhaving@demo.parkeer.nl', 'FORBIDDEN'],
      ] as const) {
        const client = await loggedIn(api.url, email);
        expect((await client.request<Data>(start, { input })).errors?.[0]?.extensions.code).toBe(
          code,
        );
      }
      const anonymous = await new TestClient(api.url).request<Data>(start, { input });
      expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  // Last: it gives Carla's account a language of its own (docs/graphql.md, Errors).
  it("refuses in the account's chosen language, else the request's Accept-Language, else Dutch", async () => {
    const tooLong = {
      input: {
        productId: carlaPermit,
        plate: 'GB-123-K',
        end: new Date(api.now.getTime() + 4 * 60 * minute).toISOString(),
      },
    };
    const messageFor = async (client: TestClient) =>
      (await client.request<Data>(quote, tooLong)).data?.quoteSession.message as string;
    const dutch = 'Uw bezoek mag maximaal 180 minuten parkeren.';
    const english = 'Your visitor may park for at most 180 minutes.';
    const withoutHeader = await loggedIn(api.url, 'carla@demo.parkeer.nl');
    const askingDutch = await loggedIn(api.url, 'carla@demo.parkeer.nl', {
      'accept-language': 'nl',
    });
    expect(await messageFor(withoutHeader)).toBe(dutch);
    expect(await messageFor(carla)).toBe(english);
    expect(await messageFor(askingDutch)).toBe(dutch);

    const chose = await withoutHeader.request<Data>(
      'mutation { updateSettings(input: { language: en }) { language } }',
    );
    expect(chose.data?.updateSettings).toEqual({ language: 'en' });
    expect(await messageFor(withoutHeader)).toBe(english);
    expect(await messageFor(askingDutch)).toBe(english);
  });
});
