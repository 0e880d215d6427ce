import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Delegation } from '../src/model/delegation.entity.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { permitPot } from '../src/modules/ledger/ledger.js';
import { withPermitTransaction } from '../src/modules/ledger/permit-transaction.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const minute = 60_000;

const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id } } ... on SessionRefused { reason } } }`;
const stop = `mutation ($id: ID!) { stopSession(sessionId: $id) { id status } }`;
const invite = `mutation ($input: InviteDelegationInput!) { inviteDelegation(input: $input) { id } }`;
const transactionHistory = `query ($permitId: ID!, $first: Int, $after: String) {
  transactionHistory(permitId: $permitId, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { id amount balanceAfter } } } }`;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(dialects)('the ledger in write order on %s (docs/architecture.md)', (dialect) => {
  const api = useDemoApi(dialect);

  it('chains every pot by sequence under 30 concurrent starts, stops, top-ups and grants, and history lists that order', async () => {
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const permitId = await api.permitOf('anna@demo.parkeer.nl');
    const end = new Date(demoMonday.getTime() + 90 * minute).toISOString();
    const startOne = (plate: string) =>
      anna.request<Data>(start, {
        input: { productId: permitId, plate, end, idempotencyKey: randomUUID() },
      });
    // Sessions to stop during the rush.
    const running: string[] = [];
    for (const plate of ['GB100K', 'GB101K', 'GB102K']) {
      const started = await startOne(plate);
      running.push(started.data!.startSession.session.id);
    }

    const topUp = (amount: number) =>
      withPermitTransaction(api.em(), permitId, api.now, (unit) =>
        unit.ledger.post(permitPot, { kind: 'topUp', amount, at: api.now }),
      );
    const operations: Promise<unknown>[] = [
      ...Array.from({ length: 20 }, (_, i) => startOne(`GB${110 + i}K`)),
      ...running.map((id) => anna.request<Data>(stop, { id })),
      ...Array.from({ length: 5 }, (_, i) => topUp(10 + i)),
      ...['x@example.org', 'y@example.org'].map((email) =>
        anna.request<Data>(invite, {
          input: { productId: permitId, email, amount: 30, idempotencyKey: randomUUID() },
        }),
      ),
    ];
    expect(operations).toHaveLength(30);
    const results = await Promise.all(operations);
    for (const result of results) expect((result as Data).errors).toBeUndefined();

    const em = api.em();
    const rows = await em.find(LedgerEntry, { permit: permitId }, { orderBy: { sequence: 'asc' } });
    expect(rows.map((row) => row.sequence)).toEqual(rows.map((_, i) => i + 1));
    const pots = new Map<string | null, LedgerEntry[]>();
    for (const row of rows) {
      const key = row.pot === 'permit' ? null : row.delegation!.id;
      pots.set(key, [...(pots.get(key) ?? []), row]);
    }
    expect(pots.size).toBeGreaterThanOrEqual(3);
    for (const [delegationId, entries] of pots) {
      let balance = 0;
      for (const entry of entries) {
        expect(entry.balanceAfter).toBe(balance + entry.amount);
        balance = entry.balanceAfter;
      }
      const cached = delegationId
        ? (await em.findOneOrFail(Delegation, { id: delegationId })).balance
        : (await em.findOneOrFail(Permit, { id: permitId })).balance;
      expect(balance).toBe(cached);
    }

    // The holder's history: the permit's own rows, newest written first, over several pages.
    const listed: { id: string }[] = [];
    let after: string | null = null;
    do {
      const page: Data = await anna.request<Data>(transactionHistory, {
        permitId,
        first: 7,
        after,
      });
      expect(page.errors).toBeUndefined();
      const history = page.data!.transactionHistory;
      listed.push(...history.edges.map((edge: Data) => edge.node));
      after = history.pageInfo.hasNextPage ? history.pageInfo.endCursor : null;
    } while (after);
    expect(listed.map((row) => row.id)).toEqual(
      pots
        .get(null)!
        .map((row) => row.id)
        .reverse(),
    );
  });
});
