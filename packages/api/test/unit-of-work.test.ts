import { describe, expect, it } from 'vitest';
import { permitPot } from '../src/modules/ledger/ledger.js';
import {
  withPermitTransaction,
  type CommittedWork,
} from '../src/modules/ledger/permit-transaction.js';
import { useDemoApi } from './demo-api.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

describe.each(dialects)('a unit of work on %s (docs/architecture.md)', (dialect) => {
  const api = useDemoApi(dialect);

  it('tells nothing when it rolls back, and after a commit the balance each pot was written', async () => {
    const permitId = await api.permitOf('anna@demo.parkeer.nl');
    const before = await api.balanceOf(permitId);
    const told: CommittedWork<string>[] = [];
    const sink = (work: CommittedWork<string>) => told.push(work);

    await expect(
      withPermitTransaction<void, string>(
        api.em(),
        permitId,
        api.now,
        async (unit) => {
          await unit.ledger.post(permitPot, { kind: 'compensation', amount: 7, at: api.now });
          unit.emit('should not be told');
          throw new Error('refused after writing');
        },
        { sink },
      ),
    ).rejects.toThrow('refused after writing');
    expect(told).toEqual([]);
    expect(await api.balanceOf(permitId)).toBe(before);

    await withPermitTransaction<void, string>(
      api.em(),
      permitId,
      api.now,
      async (unit) => {
        await unit.ledger.post(permitPot, { kind: 'compensation', amount: 7, at: api.now });
        await unit.ledger.post(permitPot, { kind: 'charge', amount: -2, at: api.now });
        unit.emit('told');
      },
      { sink },
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.permits).toEqual([
      expect.objectContaining({
        events: ['told'],
        balances: [{ delegationId: null, balance: before + 5 }],
      }),
    ]);
    expect(await api.balanceOf(permitId)).toBe(before + 5);
  });
});
