import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../src/model/account.entity.js';
import { Delegation } from '../src/model/delegation.entity.js';
import { LedgerEntry, type LedgerKind } from '../src/model/ledger-entry.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ParkingSession, type SessionStatus } from '../src/model/parking-session.entity.js';
import { TestClient } from './graphql-client.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const minute = 60_000;
const hour = 60 * minute;

const sessionHistory = `query ($permitId: ID!, $first: Int, $after: String) {
  sessionHistory(permitId: $permitId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id plate formattedPlate start end stoppedAt status cost amountState unit startedByEmail delegated
      segments { date start end minutes cost } } } } }`;
const transactionHistory = `query ($permitId: ID!, $first: Int, $after: String) {
  transactionHistory(permitId: $permitId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind amount amountState balanceAfter at unit sessionId paymentId plate formattedPlate } } } }`;

interface Page<TNode> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: TNode }[];
}
interface SessionNode {
  id: string;
  plate: string;
  formattedPlate: string;
  start: string;
  end: string;
  stoppedAt: string | null;
  status: SessionStatus;
  cost: number;
  amountState: 'reserved' | 'final';
  unit: string | null;
  startedByEmail: string | null;
  delegated: boolean;
  segments: { date: string; start: string; end: string; minutes: number; cost: number }[];
}
interface TransactionNode {
  id: string;
  kind: LedgerKind;
  amount: number;
  amountState: 'reserved' | 'final';
  balanceAfter: number;
  at: string;
  unit: string | null;
  sessionId: string | null;
  paymentId: string | null;
  plate: string | null;
  formattedPlate: string | null;
}

describe.each(dialects)('history through GraphQL on %s (docs/rules.md §8)', (dialect) => {
  // Monday 23 November 2026, 10:00 in Amsterdam.
  const now = demoMonday;
  const api = useDemoApi(dialect, { start: now });
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;
  let annaPermit: string;
  let bramPermit: string;
  let carlaPermit: string;
  let delegation: Delegation;
  const ids: Record<string, string> = {};

  const permitIdAt = async (orm: MikroORM, addressKey: string) =>
    (
      await orm.em
        .fork()
        .findOneOrFail(Permit, { addressKey, productType: { code: 'visitor-permit' } })
    ).id;
  const codeOf = (result: { errors?: { extensions: { code: string } }[] }) =>
    result.errors?.[0]?.extensions.code;

  async function sessions(client: TestClient, variables: Record<string, unknown>) {
    const result = await client.request<{ sessionHistory: Page<SessionNode> }>(
      sessionHistory,
      variables,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.sessionHistory;
  }
  async function transactions(client: TestClient, variables: Record<string, unknown>) {
    const result = await client.request<{ transactionHistory: Page<TransactionNode> }>(
      transactionHistory,
      variables,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.transactionHistory;
  }

  /** A session written directly: the session mutations are someone else's subject. */
  function session(
    em: EntityManager,
    permit: Permit,
    fields: {
      plate: string;
      start: Date;
      end: Date;
      status?: SessionStatus;
      stoppedAt?: Date;
      reservation?: number;
      charge?: number | null;
      delegated?: boolean;
    },
  ): ParkingSession {
    const status = fields.status ?? 'ended';
    return em.create(ParkingSession, {
      permit,
      plate: fields.plate,
      start: fields.start,
      end: fields.end,
      stoppedAt: fields.stoppedAt ?? null,
      reservation: fields.reservation ?? 60,
      charge: fields.charge !== undefined ? fields.charge : status === 'ended' ? 60 : null,
      channel: 'web',
      status,
      delegation: fields.delegated ? delegation : null,
      startedBy: fields.delegated ? delegation.delegate : permit.holder,
      createdAt: fields.start,
    });
  }

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    carla = await loggedIn(api.url, 'carla@demo.parkeer.nl');
    annaPermit = await permitIdAt(api.orm, 'delft-oude-delft-1');
    bramPermit = await permitIdAt(api.orm, 'delft-westlandseweg-20');
    carlaPermit = await permitIdAt(api.orm, 'oudstad-markt-3');

    const em = api.em();
    const annas = await em.findOneOrFail(Permit, { id: annaPermit }, { populate: ['holder'] });
    const carlas = await em.findOneOrFail(Permit, { id: carlaPermit }, { populate: ['holder'] });
    delegation = em.create(Delegation, {
      permit: annas,
      email: 'bram@demo.parkeer.nl',
      delegate: await em.findOneOrFail(Account, { email: 'bram@demo.parkeer.nl' }),
      budget: 600,
      balance: 540,
      status: 'accepted',
      acceptedAt: new Date(now.getTime() - 3 * hour),
    });

    // Delft zone B is paid Mon–Sat 09:00–21:00. Monday 16 Nov 20:00 to Tuesday 10:00 local
    // (stopped there, two hours before its end): 60 paid minutes on each day.
    const crossing = session(em, annas, {
      plate: 'GB123K',
      start: new Date('2026-11-16T19:00:00Z'),
      end: new Date('2026-11-17T11:00:00Z'),
      stoppedAt: new Date('2026-11-17T09:00:00Z'),
      reservation: 180,
      charge: 120,
    });
    ids.crossing = crossing.id;
    ids.running = session(em, annas, {
      plate: 'KL123X',
      start: new Date(now.getTime() - 30 * minute),
      end: new Date(now.getTime() + hour),
      status: 'running',
      reservation: 90,
    }).id;
    session(em, annas, {
      plate: '99XXB9',
      start: new Date(now.getTime() + 2 * hour),
      end: new Date(now.getTime() + 3 * hour),
      status: 'deleted',
    });
    const delegated = session(em, annas, {
      plate: 'ZZ12AB',
      start: new Date(now.getTime() - 2 * hour),
      end: new Date(now.getTime() - hour),
      delegated: true,
    });
    ids.delegated = delegated.id;

    // Oudstad (money, €2.10 an hour): Saturday 21 Nov 20:30 to Sunday 12:30 local: 30 paid
    // minutes on Saturday (until 21:00) and 30 on Sunday (from 12:00).
    ids.cents = session(em, carlas, {
      plate: '1ABC23',
      start: new Date('2026-11-21T19:30:00Z'),
      end: new Date('2026-11-22T11:30:00Z'),
      reservation: 300,
      charge: 210,
    }).id;

    let written = 0;
    const ledger = (fields: {
      kind: LedgerKind;
      amount: number;
      balanceAfter: number;
      at: Date;
      pot?: 'permit' | 'delegation';
      session?: ParkingSession;
    }) =>
      em.create(LedgerEntry, {
        permit: annas,
        // Numbered in date order below, as the migration numbered rows written before it.
        sequence: 1000 + ++written,
        kind: fields.kind,
        amount: fields.amount,
        balanceAfter: fields.balanceAfter,
        pot: fields.pot ?? 'permit',
        delegation: fields.pot === 'delegation' ? delegation : null,
        session: fields.session ?? null,
        createdAt: fields.at,
      });
    // The seed's top-up (+12000 at `now`) is the permit pot's newest row.
    ids.reserve = ledger({
      kind: 'reserve',
      amount: -180,
      balanceAfter: 11820,
      at: crossing.start,
      session: crossing,
    }).id;
    ids.grant = ledger({
      kind: 'delegationGrant',
      amount: -600,
      balanceAfter: 11220,
      at: new Date(now.getTime() - 3 * hour),
    }).id;
    ledger({
      kind: 'delegationGrant',
      amount: 600,
      balanceAfter: 600,
      at: new Date(now.getTime() - 3 * hour),
      pot: 'delegation',
    });
    ids.delegatedReserve = ledger({
      kind: 'reserve',
      amount: -60,
      balanceAfter: 540,
      at: delegated.start,
      pot: 'delegation',
      session: delegated,
    }).id;

    // Bram's own permit: 25 sessions an hour apart, two of them starting at the same moment
    // across the seam of the first two pages, and a deleted planned session that never counts.
    const bramsPermit = await em.findOneOrFail(
      Permit,
      { id: bramPermit },
      { populate: ['holder'] },
    );
    for (let i = 0; i < 25; i++) {
      const start = new Date(now.getTime() - (i === 24 ? 10 : i + 1) * hour);
      session(em, bramsPermit, { plate: 'SX12AB', start, end: new Date(start.getTime() + hour) });
    }
    session(em, bramsPermit, {
      plate: 'SX12AB',
      start: new Date(now.getTime() + hour),
      end: new Date(now.getTime() + 2 * hour),
      status: 'deleted',
    });
    await em.flush();
    // Anna's rows in the order they are dated (two steps: the pair stays unique throughout).
    const sql = em.getConnection();
    await sql.execute('update ledger_entry set sequence = -sequence where permit_id = ?', [
      annas.id,
    ]);
    await sql.execute(
      `update ledger_entry set sequence = (select numbered.n from (select id, row_number()
        over (partition by permit_id order by created_at, id) as n from ledger_entry) numbered
        where numbered.id = ledger_entry.id) where permit_id = ?`,
      [annas.id],
    );
  });

  it('pages 25 sessions as 10 + 10 + 5, newest first, with the total on every page', async () => {
    const expected = (
      await api.orm.em
        .fork()
        .find(ParkingSession, { permit: bramPermit, status: { $ne: 'deleted' } })
    )
      .sort((a, b) => b.start.getTime() - a.start.getTime() || (a.id < b.id ? 1 : -1))
      .map((s) => s.id);
    expect(expected).toHaveLength(25);

    const first = await sessions(bram, { permitId: bramPermit });
    const second = await sessions(bram, { permitId: bramPermit, after: first.pageInfo.endCursor });
    const third = await sessions(bram, { permitId: bramPermit, after: second.pageInfo.endCursor });
    expect([first, second, third].map((page) => page.edges.length)).toEqual([10, 10, 5]);
    expect([first, second, third].map((page) => page.totalCount)).toEqual([25, 25, 25]);
    expect([first, second, third].map((page) => page.pageInfo.hasNextPage)).toEqual([
      true,
      true,
      false,
    ]);
    expect(third.pageInfo.endCursor).toBe(third.edges.at(-1)!.cursor);
    const paged = [first, second, third].flatMap((page) => page.edges.map((e) => e.node.id));
    expect(paged).toEqual(expected);

    const all = await sessions(bram, { permitId: bramPermit, first: 25 });
    expect(all.edges.map((e) => e.node.id)).toEqual(expected);
    expect(all.pageInfo.hasNextPage).toBe(false);
    // Continuing from the middle of the list gives the same rows as the page did.
    const fromEdge = await sessions(bram, {
      permitId: bramPermit,
      first: 3,
      after: first.edges[4]!.cursor,
    });
    expect(fromEdge.edges.map((e) => e.node.id)).toEqual(expected.slice(5, 8));
  });

  it('splits an ended session into its paid windows, whose costs add up to its charge', async () => {
    const page = await sessions(anna, { permitId: annaPermit });
    const crossing = page.edges.find((e) => e.node.id === ids.crossing)!.node;
    expect(crossing).toMatchObject({
      status: 'ended',
      cost: 120,
      amountState: 'final',
      unit: 'minutes',
      plate: 'GB123K',
      formattedPlate: 'GB-123-K',
      stoppedAt: '2026-11-17T09:00:00.000Z',
      startedByEmail: null,
      delegated: false,
    });
    expect(crossing.segments).toEqual([
      {
        date: '2026-11-16',
        start: '2026-11-16T19:00:00.000Z',
        end: '2026-11-16T20:00:00.000Z',
        minutes: 60,
        cost: 60,
      },
      {
        date: '2026-11-17',
        start: '2026-11-17T08:00:00.000Z',
        end: '2026-11-17T09:00:00.000Z',
        minutes: 60,
        cost: 60,
      },
    ]);
    expect(crossing.segments.reduce((sum, s) => sum + s.cost, 0)).toBe(crossing.cost);

    const running = page.edges.find((e) => e.node.id === ids.running)!.node;
    expect(running).toMatchObject({
      status: 'running',
      cost: 90,
      amountState: 'reserved',
      segments: [],
    });
  });

  it('bills a money product in cents with its tariff', async () => {
    const page = await sessions(carla, { permitId: carlaPermit });
    const node = page.edges.find((e) => e.node.id === ids.cents)!.node;
    expect(node.unit).toBe('cents');
    expect(node.segments.map((s) => [s.date, s.minutes, s.cost])).toEqual([
      ['2026-11-21', 30, 105],
      ['2026-11-22', 30, 105],
    ]);
    expect(node.segments.reduce((sum, s) => sum + s.cost, 0)).toBe(node.cost);
  });

  it("shows the owner the delegates' sessions, and a delegate only its own", async () => {
    const owner = await sessions(anna, { permitId: annaPermit });
    // Deleted planned sessions are not history.
    expect(owner.totalCount).toBe(3);
    expect(owner.edges.map((e) => e.node.status)).not.toContain('deleted');
    expect(owner.edges.map((e) => e.node.id)).toEqual([ids.running, ids.delegated, ids.crossing]);
    expect(owner.edges[1]!.node).toMatchObject({
      delegated: true,
      startedByEmail: 'bram@demo.parkeer.nl',
      plate: 'ZZ12AB',
    });

    const delegate = await sessions(bram, { permitId: annaPermit });
    expect(delegate.totalCount).toBe(1);
    expect(delegate.edges.map((e) => e.node.id)).toEqual([ids.delegated]);
  });

  it("lists the owner's balance changes, newest first, and none to a delegate (docs/rules.md §8)", async () => {
    const first = await transactions(anna, { permitId: annaPermit, first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges.map((e) => [e.node.kind, e.node.amount])).toEqual([
      ['topUp', 12000],
      ['delegationGrant', -600],
    ]);
    const rest = await transactions(anna, {
      permitId: annaPermit,
      first: 2,
      after: first.pageInfo.endCursor,
    });
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.edges.map((e) => e.node)).toEqual([
      {
        id: ids.reserve,
        kind: 'reserve',
        amount: -180,
        // Its session is settled: the reservation less the release row was the charge.
        amountState: 'final',
        balanceAfter: 11820,
        at: '2026-11-16T19:00:00.000Z',
        unit: 'minutes',
        sessionId: ids.crossing,
        paymentId: null,
        plate: 'GB123K',
        formattedPlate: 'GB-123-K',
      },
    ]);

    const delegate = await bram.request(transactionHistory, { permitId: annaPermit });
    expect(codeOf(delegate)).toBe('PRODUCT_OWNER_ONLY');
  });

  it('refuses a bad cursor or page size with BAD_USER_INPUT', async () => {
    const notUuid = Buffer.from(JSON.stringify([now.getTime(), 'x'])).toString('base64url');
    const textKey = Buffer.from(
      JSON.stringify(['yesterday', '00000000-0000-4000-8000-000000000000']),
    ).toString('base64url');
    for (const query of [sessionHistory, transactionHistory]) {
      for (const after of ['nonsense!', notUuid, textKey, '']) {
        const result = await anna.request(query, { permitId: annaPermit, after });
        expect(codeOf(result), after).toBe('BAD_USER_INPUT');
      }
      for (const first of [0, 51]) {
        const result = await anna.request(query, { permitId: annaPermit, first });
        expect(codeOf(result), String(first)).toBe('BAD_USER_INPUT');
      }
    }
  });

  it("answers another resident's permit with NOT_FOUND and needs a resident login", async () => {
    expect(codeOf(await carla.request(sessionHistory, { permitId: annaPermit }))).toBe('NOT_FOUND');
    expect(codeOf(await carla.request(transactionHistory, { permitId: annaPermit }))).toBe(
      'NOT_FOUND',
    );
    const anonymous = new TestClient(api.url);
    expect(codeOf(await anonymous.request(sessionHistory, { permitId: annaPermit }))).toBe(
      'UNAUTHENTICATED',
    );
    const officer = await loggedIn(api.url, 'handhaving@demo.parkeer.nl');
    expect(codeOf(await officer.request(transactionHistory, { permitId: annaPermit }))).toBe(
      'FORBIDDEN',
    );
  });
});
