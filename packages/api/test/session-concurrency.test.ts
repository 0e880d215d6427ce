import { beforeAll, describe, expect, it } from 'vitest';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { useEnvironment } from './environment.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionRefused { reason } } }`;

// Fifty distinct Dutch plates (sidecode XX-999-X).
const plates = Array.from({ length: 50 }, (_, i) => `GB${String(100 + i)}K`);

describe.each(dialects)('concurrent starts on one permit on %s', (dialect) => {
  // Monday 10:00 in Amsterdam; bram's zone C is paid 09:00–18:00.
  const now = demoMonday;
  // Fifty requests for one permit's lock hold the pool's ten connections in turn: on a loaded CI
  // machine the last wait longer for a connection than the 3 s default, which answers
  // DATABASE_UNAVAILABLE (and all fifty in turn may outlast a request's 15 s); this test is about
  // the balance, not the pool's patience.
  useEnvironment({ DB_CONNECT_TIMEOUT_MS: '30000', REQUEST_TIMEOUT_MS: '60000' });
  const api = useDemoApi(dialect, { start: now });

  beforeAll(async () => {});

  it('lets exactly as many start as the balance covers, and the ledger sums to the balance', async () => {
    const bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    const em = api.em();
    const permit = await em.findOneOrFail(Permit, { holder: { email: 'bram@demo.parkeer.nl' } });
    // 45 hours of balance; each session costs 4.5 hours: exactly ten fit.
    expect(permit.balance).toBe(45 * 60);
    const end = new Date(now.getTime() + 270 * 60_000).toISOString();

    const results = await Promise.all(
      plates.map((plate, i) =>
        bram.request<{ startSession: { __typename: string; reason?: string } }>(start, {
          input: { productId: permit.id, plate, end, idempotencyKey: `concurrent-${i}` },
        }),
      ),
    );
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    const outcomes = results.map((result) => result.data!.startSession);
    expect(outcomes.filter((o) => o.__typename === 'SessionAccepted')).toHaveLength(10);
    // Past ten, the balance (and the limit of ten at once) refuses every other start.
    for (const refused of outcomes.filter((o) => o.__typename === 'SessionRefused')) {
      expect(['SESSION_INSUFFICIENT_BALANCE', 'SESSION_MAX_CONCURRENT_REACHED']).toContain(
        refused.reason,
      );
    }

    const fresh = api.em();
    const after = await fresh.findOneOrFail(Permit, { id: permit.id });
    const ledger = await fresh.find(LedgerEntry, { permit: permit.id, pot: 'permit' });
    expect(after.balance).toBe(0);
    expect(ledger.reduce((sum, entry) => sum + entry.amount, 0)).toBe(after.balance);
    const running = await fresh.count(ParkingSession, { permit: permit.id, status: 'running' });
    expect(running).toBe(10);
  });
});
