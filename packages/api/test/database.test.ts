import {
  OptimisticLockError,
  UniqueConstraintViolationException,
  type EntityManager,
} from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo-seed.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { Municipality } from '../src/model/municipality.entity.js';
import { PermitPlate } from '../src/model/permit-plate.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { Zone } from '../src/model/zone.entity.js';
import { openTestDatabase, testDialects, withDatabase } from './test-databases.js';

const dialects = await testDialects();
const now = new Date('2026-11-23T09:00:00Z');

async function visitorPermitOfAnna(em: EntityManager): Promise<Permit> {
  return em.findOneOrFail(
    Permit,
    { addressKey: 'delft-oude-delft-1', productType: { code: 'visitor-permit' } },
    { populate: ['productType', 'zone', 'municipality'] },
  );
}

describe.each(dialects)('the database on %s', (dialect) => {
  it('migrates an empty database and seeds the demo once', async () => {
    await withDatabase(
      dialect,
      async (orm) => {
        const seeded = await seedDemo(orm.em.fork(), now);
        expect(seeded?.logins.map((login) => login.role)).toEqual(
          expect.arrayContaining(['resident', 'business', 'municipalAdmin', 'enforcement']),
        );
        expect(await seedDemo(orm.em.fork(), now)).toBeNull();
        const em = orm.em.fork();
        expect(await em.count(Municipality)).toBe(2);
        const delftZones = await em.find(
          Zone,
          { municipality: { code: 'delft' } },
          { orderBy: { code: 'asc' } },
        );
        expect(delftZones.map((zone) => zone.code)).toEqual([
          'B',
          'C',
          'D',
          'E',
          'F',
          'H',
          'TU',
          'Y',
          'Z',
        ]);
        expect(delftZones.find((zone) => zone.code === 'TU')?.excludedHolderTypes).toEqual({
          'visitor-permit': ['business'],
        });
        const anna = await visitorPermitOfAnna(em);
        expect(anna.productType.sessionPolicy?.defaultEnd).toBe('endOfPaidHours');
        expect(anna.zone.regime.weekly).toHaveLength(7);
      },
      { fromEmpty: true },
    );
  });

  it('has a migration for every entity change', async () => {
    await withDatabase(dialect, async (orm) => {
      expect(await orm.migrator.checkMigrationNeeded()).toBe(false);
    });
  });

  it('keeps every cached balance equal to the sum of its ledger', async () => {
    await withDatabase(dialect, async (orm) => {
      await seedDemo(orm.em.fork(), now);
      const em = orm.em.fork();
      for (const permit of await em.find(Permit, {})) {
        const entries = await em.find(LedgerEntry, { permit, pot: 'permit' });
        expect(entries.reduce((sum, entry) => sum + entry.amount, 0)).toBe(permit.balance);
      }
    });
  });

  it('refuses a second visitor permit at one address (docs/rules.md §2), but not after a revoke', async () => {
    await withDatabase(dialect, async (orm) => {
      await seedDemo(orm.em.fork(), now);
      const em = orm.em.fork();
      const existing = await visitorPermitOfAnna(em);
      const second = (productCode: string) =>
        em.create(Permit, {
          municipality: existing.municipality,
          productType: existing.productType,
          zone: existing.zone,
          holderType: 'resident',
          addressKey: existing.addressKey,
          addressLabel: existing.addressLabel,
          validFrom: now,
          productCode,
          pinHash: 'x',
          addressSlot: existing.addressKey,
        });
      second('PK-DOUBLE');
      await expect(em.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);

      const fresh = orm.em.fork();
      const revoked = await visitorPermitOfAnna(fresh);
      revoked.status = 'revoked';
      revoked.addressSlot = null;
      await fresh.flush();
      fresh.create(Permit, {
        municipality: revoked.municipality,
        productType: revoked.productType,
        zone: revoked.zone,
        holderType: 'resident',
        addressKey: revoked.addressKey,
        addressLabel: revoked.addressLabel,
        validFrom: now,
        productCode: 'PK-AFTER',
        pinHash: 'x',
        addressSlot: revoked.addressKey,
      });
      await expect(fresh.flush()).resolves.toBeUndefined();
    });
  });

  it('refuses a second active plate on one permit (docs/rules.md §6 plate switch)', async () => {
    await withDatabase(dialect, async (orm) => {
      await seedDemo(orm.em.fork(), now);
      const em = orm.em.fork();
      const plates = await em.find(PermitPlate, {
        permit: { productType: { code: 'resident-permit' } },
      });
      expect(plates.filter((plate) => plate.active)).toHaveLength(1);
      const inactive = plates.find((plate) => !plate.active)!;
      inactive.activeSlot = inactive.permit.id;
      await expect(em.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    });
  });

  it('guards the cached balance with a version: a stale write fails', async () => {
    await withDatabase(dialect, async (orm) => {
      await seedDemo(orm.em.fork(), now);
      const first = orm.em.fork();
      const second = orm.em.fork();
      const a = await visitorPermitOfAnna(first);
      const b = await visitorPermitOfAnna(second);
      a.balance -= 60;
      await first.flush();
      b.balance -= 30;
      await expect(second.flush()).rejects.toBeInstanceOf(OptimisticLockError);
      const reread = await visitorPermitOfAnna(orm.em.fork());
      expect(reread.balance).toBe(200 * 60 - 60);
      expect(reread.version).toBe(2);
    });
  });
});

describe.each(dialects)('the unit of work on %s', (dialect) => {
  it('writes nothing when entities were only read', async () => {
    const statements: string[] = [];
    const database = await openTestDatabase(dialect, {
      onQuery: (sql) => statements.push(sql),
    });
    try {
      await seedDemo(database.orm.em.fork(), now);
      const em = database.orm.em.fork();
      await em.find(Permit, {}, { populate: ['productType', 'zone', 'municipality', 'holder'] });
      await em.find(LedgerEntry, {});
      statements.length = 0;
      await em.flush();
      // Dates read back from SQLite once looked changed and were written again on every flush.
      expect(statements.filter((sql) => /\b(update|insert|delete)\b/i.test(sql))).toEqual([]);
    } finally {
      await database.dispose();
    }
  });
});
