import { MikroORM } from '@mikro-orm/core';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ormOptions, type DatabaseSettings } from '../src/db/orm-config.js';
import { createScratchPostgres } from '../src/db/scratch-postgres.js';
import { sqlDate } from '../src/db/sql-date.js';
import { demoPassword } from '../src/seed/demo-seed.js';
import { Municipality } from '../src/model/municipality.entity.js';
import { PermitPlate } from '../src/model/permit-plate.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ProductType } from '../src/model/product-type.entity.js';
import { Zone } from '../src/model/zone.entity.js';
import { permitZones } from '../src/modules/vehicle/vehicle-check.js';
import { TestClient } from './graphql-client.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const fields = `id code kind nameNl nameEn delegationAllowed topUpPolicy
  sessionPolicy { maxDurationMinutes defaultEnd latestEnd maxConcurrentSessions insufficientBalance invalidWeekdays pastStartToleranceMinutes }
  vehicleSizeLimits { maxMassKg maxLengthCm } foreignPlates maxListedPlates validIn validZoneCodes`;
const products = `{ adminProductTypes { ${fields} } }`;
const update = `mutation ($id: ID!, $input: ProductSettingsInput!) {
  updateProductSettings(id: $id, input: $input) { ${fields} } }`;
const audit = `query ($filter: AuditLogFilter) { auditLog(filter: $filter) {
  edges { node { action before after } } } }`;
const rightCheck = `query ($input: RightCheckInput!) { rightCheck(input: $input) { valid kind } }`;

const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;
const problemsOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  (result.errors?.[0]?.extensions?.problems as { code: string; path: string }[] | undefined)?.map(
    (problem) => `${problem.code} ${problem.path}`,
  );
/** The settings as they are, with some changed: what the back office's form sends. */
const inputOf = (product: Data, changes: Data = {}) => ({
  nameNl: product.nameNl,
  nameEn: product.nameEn,
  delegationAllowed: product.delegationAllowed,
  sessionPolicy: product.sessionPolicy,
  topUpPolicy: product.topUpPolicy,
  ...changes,
});

describe.each(dialects)('care permit zones and vehicle rules on %s', (dialect) => {
  const now = demoMonday;
  const api = useDemoApi(dialect, { start: now });
  let officer: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    // A care worker living in zone B with an active care permit for plate CA-12-RE.
    const em = api.em();
    const delft = await em.findOneOrFail(Municipality, { code: 'delft' });
    const care = await em.findOneOrFail(ProductType, { municipality: delft, kind: 'carePermit' });
    const zoneB = await em.findOneOrFail(Zone, { municipality: delft, code: 'B' });
    const permit = em.create(Permit, {
      municipality: delft,
      productType: care,
      zone: zoneB,
      holder: null,
      holderType: 'resident',
      addressKey: 'delft-care-worker',
      addressLabel: 'Oude Delft 1, Delft',
      validFrom: new Date(now.getTime() - 86_400_000),
      validUntil: new Date(now.getTime() + 30 * 86_400_000),
      status: 'active',
      productCode: 'ZP100001',
      pinHash: 'not-used',
    });
    em.create(PermitPlate, { permit, plate: 'CA12RE', activeSlot: permit.id });
    await em.flush();
    const issued = await new TestClient(api.url).request<Data>(
      'mutation ($email: String!, $password: String!) { createAccessToken(email: $email, password: $password) { token } }',
      { email: 'handhaving@demo.parkeer.nl', password: demoPassword },
    );
    officer = new TestClient(api.url, {
      authorization: `Bearer ${issued.data!.createAccessToken.token}`,
    });
    admin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
  });

  const product = async (code: string, client = admin) =>
    ((await client.request<Data>(products)).data!.adminProductTypes as Data[]).find(
      (type) => type.code === code,
    )!;
  const validIn = async (zone: string) => {
    const result = await officer.request<Data>(rightCheck, {
      input: { plate: 'CA-12-RE', zone, municipality: 'delft' },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.rightCheck.valid as boolean;
  };
  const setZones = async (changes: Data) => {
    const result = await admin.request<Data>(update, {
      id: (await product('care-permit')).id,
      input: inputOf(await product('care-permit'), changes),
    });
    expect(result.errors).toBeUndefined();
    return result.data!.updateProductSettings;
  };

  it('docs/rules.md §1 care permit: the demo care permit (valid in all zones before) is green in every zone', async () => {
    expect(await product('care-permit')).toMatchObject({ validIn: 'allZones', validZoneCodes: [] });
    expect(await validIn('B')).toBe(true);
    expect(await validIn('Z')).toBe(true);
  });

  it('docs/rules.md §1 care permit: limited to listed zones, green in its own and a listed zone, red in an unlisted one', async () => {
    expect(await setZones({ validIn: 'listedZones', validZoneCodes: ['TU', 'C'] })).toMatchObject({
      validIn: 'listedZones',
      validZoneCodes: ['C', 'TU'],
    });
    expect(await validIn('C')).toBe(true);
    expect(await validIn('TU')).toBe(true);
    expect(await validIn('B')).toBe(true);
    expect(await validIn('Z')).toBe(false);
    expect(await validIn('D')).toBe(false);

    // The vehicle check judges the plate against the same zones.
    const em = api.em();
    const permit = await em.findOneOrFail(
      Permit,
      { productCode: 'ZP100001' },
      { populate: ['productType', 'zone'] },
    );
    const zones = await permitZones(em, permit.productType, permit.zone);
    expect(zones.map((zone) => zone.code)).toEqual(['B', 'C', 'TU']);

    // A new list replaces the old one; its own zone only takes every other zone away again.
    expect(await setZones({ validZoneCodes: ['Z'] })).toMatchObject({ validZoneCodes: ['Z'] });
    expect(await validIn('Z')).toBe(true);
    expect(await validIn('C')).toBe(false);
    expect(await setZones({ validIn: 'ownZone' })).toMatchObject({
      validIn: 'ownZone',
      validZoneCodes: [],
    });
    expect(await validIn('Z')).toBe(false);
    expect(await validIn('B')).toBe(true);
    expect(await setZones({ validIn: 'allZones' })).toMatchObject({ validIn: 'allZones' });
    expect(await validIn('D')).toBe(true);
  });

  it('refuses a list without zones or with another town’s zone, and zones for a visitor permit', async () => {
    const care = await product('care-permit');
    const wrong = await admin.request<Data>(update, {
      id: care.id,
      input: inputOf(care, { validIn: 'listedZones', validZoneCodes: ['B', 'centrum'] }),
    });
    expect(codeOf(wrong)).toBe('SETTINGS_INVALID');
    expect(problemsOf(wrong)).toEqual(['SETTING_UNKNOWN_ZONE validZoneCodes.1']);
    const empty = await admin.request<Data>(update, {
      id: care.id,
      input: inputOf(care, { validIn: 'listedZones' }),
    });
    expect(problemsOf(empty)).toEqual(['SETTING_REQUIRED validZoneCodes']);
    const visitor = await product('visitor-permit');
    const visitorWide = await admin.request<Data>(update, {
      id: visitor.id,
      input: inputOf(visitor, { validIn: 'allZones' }),
    });
    expect(problemsOf(visitorWide)).toEqual(['SETTING_INVALID_CHOICE validIn']);
    expect(await product('care-permit')).toEqual(care);
  });

  it('docs/rules.md §2 Vehicles: sets size limits and foreign plates, audit-logged; left out keeps them', async () => {
    const care = await product('care-permit');
    expect(care).toMatchObject({ vehicleSizeLimits: null, foreignPlates: 'review' });
    const changed = await admin.request<Data>(update, {
      id: care.id,
      input: inputOf(care, {
        vehicleSizeLimits: { maxMassKg: 2500, maxLengthCm: 550 },
        foreignPlates: 'accept',
      }),
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateProductSettings).toMatchObject({
      vehicleSizeLimits: { maxMassKg: 2500, maxLengthCm: 550 },
      foreignPlates: 'accept',
    });
    const stored = await api.orm.em
      .fork()
      .findOneOrFail(ProductType, { id: care.id }, { fields: ['eligibility'] });
    expect(stored.eligibility).toMatchObject({
      productCode: 'care-permit',
      vehicleSizeLimits: { maxMassKg: 2500, maxLengthCm: 550 },
      foreignPlates: 'accept',
    });
    // The clock stands still in this test, so the entry is found by what it changed.
    const entry = (
      (await admin.request<Data>(audit, { filter: { subjectId: care.id } })).data!.auditLog
        .edges as Data[]
    ).find((edge) => edge.node.after.foreignPlates === 'accept')!;
    expect(entry.node.action).toBe('productType.settings.set');
    expect(entry.node.before).toMatchObject({ vehicleSizeLimits: null, foreignPlates: 'review' });
    expect(entry.node.after).toMatchObject({
      vehicleSizeLimits: { maxMassKg: 2500, maxLengthCm: 550 },
      foreignPlates: 'accept',
    });

    // A form that does not send them keeps them; null is the common line again.
    const kept = await admin.request<Data>(update, { id: care.id, input: inputOf(care) });
    expect(kept.data!.updateProductSettings.foreignPlates).toBe('accept');
    const cleared = await admin.request<Data>(update, {
      id: care.id,
      input: inputOf(care, { vehicleSizeLimits: null }),
    });
    expect(cleared.data!.updateProductSettings.vehicleSizeLimits).toBeNull();

    const wrong = await admin.request<Data>(update, {
      id: care.id,
      input: inputOf(care, {
        vehicleSizeLimits: { maxMassKg: 0, maxLengthCm: 600 },
        foreignPlates: 'ignore',
      }),
    });
    expect(problemsOf(wrong)).toEqual([
      'SETTING_NOT_POSITIVE vehicleSizeLimits.maxMassKg',
      'SETTING_INVALID_CHOICE foreignPlates',
    ]);
  });

  it('docs/rules.md §5 The flexible business permit: sets how many plates it lists, for that permit only', async () => {
    const flex = await product('flexible-business-permit');
    expect(flex.maxListedPlates).toBe(10);
    const changed = await admin.request<Data>(update, {
      id: flex.id,
      input: inputOf(flex, { maxListedPlates: 6 }),
    });
    expect(changed.data!.updateProductSettings.maxListedPlates).toBe(6);
    const none = await admin.request<Data>(update, {
      id: flex.id,
      input: inputOf(flex, { maxListedPlates: null }),
    });
    expect(problemsOf(none)).toEqual(['SETTING_REQUIRED maxListedPlates']);
    const care = await product('care-permit');
    const onCare = await admin.request<Data>(update, {
      id: care.id,
      input: inputOf(care, { maxListedPlates: 3 }),
    });
    expect(problemsOf(onCare)).toEqual(['SETTING_INVALID_CHOICE maxListedPlates']);
  });

  it('lets only the town’s own admin change them: other towns NOT_FOUND, residents FORBIDDEN, nobody UNAUTHENTICATED', async () => {
    const care = await product('care-permit');
    const input = inputOf(care, { validIn: 'ownZone' });
    const oudstad = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
    expect(codeOf(await oudstad.request(update, { id: care.id, input }))).toBe('NOT_FOUND');
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    expect(codeOf(await anna.request(update, { id: care.id, input }))).toBe('FORBIDDEN');
    expect(codeOf(await officer.request(update, { id: care.id, input }))).toBe('FORBIDDEN');
    const nobody = new TestClient(api.url);
    expect(codeOf(await nobody.request(update, { id: care.id, input }))).toBe('UNAUTHENTICATED');
    expect((await product('care-permit')).validIn).toBe(care.validIn);
  });
});

/** The migration that replaced `valid_in_all_zones` by `valid_in`, per dialect. */
const validInMigration = {
  sqlite: 'Migration20261207072926',
  postgresql: 'Migration20261207072934',
} as const;

describe.each(dialects)(
  'the care permit zones on a database from before them, on %s',
  (dialect) => {
    it('docs/rules.md §1 care permit: a product valid in all zones stays so, the others keep their own zone', async () => {
      const file = join(tmpdir(), `parkeer-valid-in-${randomBytes(6).toString('hex')}.db`);
      const scratch = dialect === 'postgresql' ? await createScratchPostgres() : null;
      const settings: DatabaseSettings = scratch
        ? { databaseUrl: scratch.url }
        : { sqliteFile: file };
      const orm = await MikroORM.init(ormOptions(settings));
      try {
        const pending = (await orm.migrator.getPendingMigrations()).map((m) => m.name);
        const before = pending[pending.indexOf(validInMigration[dialect]) - 1]!;
        await orm.migrator.up({ to: before });
        // Rows in the shape of that time, in plain SQL: the entities have the new column.
        const connection = orm.em.getConnection();
        const town = randomUUID();
        await connection.execute(
          `insert into municipality (id, code, name, retention, created_at) values (?, 'delft', 'Delft', ?, ?)`,
          [town, JSON.stringify({ kind: 'hoursAfterEnd', hours: 48 }), sqlDate(orm.em, new Date())],
        );
        for (const [code, kind, everywhere] of [
          ['care-permit', 'carePermit', true],
          ['resident-permit', 'residentPermit', false],
        ] as const) {
          await connection.execute(
            `insert into product_type (id, municipality_id, code, kind, name, eligibility, valid_in_all_zones)
            values (?, ?, ?, ?, ?, ?, ?)`,
            [
              randomUUID(),
              town,
              code,
              kind,
              JSON.stringify({ nl: code, en: code }),
              '{}',
              everywhere,
            ],
          );
        }

        await orm.migrator.up();
        const types = await orm.em.fork().find(ProductType, {}, { orderBy: { code: 'asc' } });
        expect(types.map((type) => [type.code, type.validIn])).toEqual([
          ['care-permit', 'allZones'],
          ['resident-permit', 'ownZone'],
        ]);
      } finally {
        await orm.close(true);
        await scratch?.drop();
        rmSync(file, { force: true });
      }
    });
  },
);
