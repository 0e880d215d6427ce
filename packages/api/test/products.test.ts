import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo-seed.js';
import { Account } from '../src/model/account.entity.js';
import { Delegation } from '../src/model/delegation.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { createServer, type RunningServer } from '../src/server.js';
import { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';

const dialects = await testDialects();

const productFields = `id name kind status validFrom validUntil zone { code name }
  municipality { code name logoUrl } balance { amount unit } delegatedBy delegationPlate address
  productCode isOwner delegationAllowed hasSessions canTopUp runningCount plannedCount
  plates { plate formattedPlate active } rules`;
const groups = `{ productGroups { municipality { code name logoUrl } count products { ${productFields} } } }`;
const product = `query ($id: ID!) { product(id: $id) { ${productFields} } }`;
const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) { __typename } }`;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(dialects)('products through GraphQL on %s (docs/rules.md §6)', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let statements = 0;
  const now = new Date('2026-11-23T09:00:00Z');
  let annaPermit: string;

  beforeAll(async () => {
    database = await openTestDatabase(dialect, {
      onQuery: (sql) => {
        if (sql.startsWith('[query]')) statements++;
      },
    });
    await seedDemo(database.orm.em.fork(), now);
    server = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => now });
    const em = database.orm.em.fork();
    const annaAccount = await em.findOneOrFail(Account, { email: 'anna@demo.parkeer.nl' });
    const bramAccount = await em.findOneOrFail(Account, { email: 'bram@demo.parkeer.nl' });
    const permit = await em.findOneOrFail(Permit, { holder: annaAccount });
    annaPermit = permit.id;
    em.create(Delegation, {
      permit,
      email: bramAccount.email!,
      delegate: bramAccount,
      plate: 'GB123K',
      budget: 600,
      balance: 600,
      status: 'accepted',
    });
    await em.flush();
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it('shows the product cards grouped per municipality with balance and session counts', async () => {
    const anna = await loggedIn(server.url, 'anna@demo.parkeer.nl');
    for (const plate of ['XB-123-K', 'HT-100-B']) {
      await anna.request(start, {
        input: { productId: annaPermit, plate, idempotencyKey: `card-${plate}` },
      });
    }
    await anna.request(start, {
      input: {
        productId: annaPermit,
        plate: 'KK-100-B',
        start: '2026-11-24T09:00:00Z',
        idempotencyKey: 'card-planned',
      },
    });
    const result = await anna.request<Data>(groups);
    expect(result.errors).toBeUndefined();
    expect(result.data?.productGroups).toHaveLength(1);
    const [delft] = result.data?.productGroups ?? [];
    expect(delft).toMatchObject({ municipality: { code: 'delft' }, count: 1 });
    expect(delft.products[0]).toMatchObject({
      id: annaPermit,
      name: 'Bezoekersvergunning',
      kind: 'visitorPermit',
      zone: { code: 'B' },
      balance: { unit: 'minutes' },
      delegatedBy: null,
      address: 'Oude Delft 1, Delft',
      isOwner: true,
      delegationAllowed: true,
      hasSessions: true,
      canTopUp: true,
      runningCount: 2,
      plannedCount: 1,
      plates: [],
      rules: {
        timeZone: 'Europe/Amsterdam',
        policy: { defaultEnd: 'endOfPaidHours' },
        billing: { unit: 'minutes', minuteCounting: 'started' },
      },
    });
    expect(delft.products[0].balance.amount).toBeLessThan(200 * 60);
  });

  it('shows a delegated product as delegated by its owner, with the budget and without the address', async () => {
    const bram = await loggedIn(server.url, 'bram@demo.parkeer.nl', { 'accept-language': 'en' });
    const result = await bram.request<Data>(groups);
    const [delft] = result.data?.productGroups ?? [];
    expect(delft.count).toBe(2);
    const delegated = delft.products.find((p: { id: string }) => p.id === annaPermit);
    expect(delegated).toMatchObject({
      delegatedBy: 'anna@demo.parkeer.nl',
      delegationPlate: 'GB123K',
      balance: { amount: 600, unit: 'minutes' },
      address: null,
      productCode: null,
      isOwner: false,
      delegationAllowed: false,
      canTopUp: false,
      runningCount: 0,
    });
  });

  it('groups several municipalities and shows the plates of a resident permit, active first', async () => {
    const carla = await loggedIn(server.url, 'carla@demo.parkeer.nl');
    const result = await carla.request<Data>(groups);
    const [oudstad] = result.data?.productGroups ?? [];
    expect(oudstad).toMatchObject({ municipality: { code: 'oudstad' }, count: 2 });
    const resident = oudstad.products.find((p: { kind: string }) => p.kind === 'residentPermit');
    expect(resident).toMatchObject({
      balance: null,
      hasSessions: false,
      canTopUp: false,
      rules: null,
      plates: [
        { plate: 'XX999X', formattedPlate: 'XX-999-X', active: true },
        { plate: '12ABC3', active: false },
      ],
    });
    const visitor = oudstad.products.find((p: { kind: string }) => p.kind === 'visitorPermit');
    expect(visitor.rules.billing).toMatchObject({
      unit: 'cents',
      tariffs: [{ validFrom: '2024-01-01', centsPerHour: 210 }],
    });
  });

  it('offers a top-up only on a product whose type has a top-up policy (docs/rules.md §4)', async () => {
    const bakkerij = await loggedIn(server.url, 'bakkerij@demo.parkeer.nl');
    const [delft] = (await bakkerij.request<Data>(groups)).data?.productGroups ?? [];
    // The flexible business permit has a balance, but Delft sells none for it.
    expect(delft.products[0]).toMatchObject({
      kind: 'flexibleBusinessPermit',
      balance: { unit: 'minutes' },
      isOwner: true,
      canTopUp: false,
    });
  });

  it('shows one product in detail, and nobody else’s', async () => {
    const anna = await loggedIn(server.url, 'anna@demo.parkeer.nl');
    const own = await anna.request<Data>(product, { id: annaPermit });
    expect(own.data?.product).toMatchObject({ id: annaPermit, zone: { code: 'B' } });
    const carla = await loggedIn(server.url, 'carla@demo.parkeer.nl');
    for (const id of [annaPermit, '00000000-0000-4000-8000-000000000000', 'garbage']) {
      const result = await carla.request<Data>(product, { id });
      expect(result.errors?.[0]?.extensions.code, id).toBe('NOT_FOUND');
    }
  });

  it('refuses products to anonymous callers, admins and enforcement', async () => {
    expect((await new TestClient(server.url).request(groups)).errors?.[0]?.extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    for (const email of ['beheer@delft.demo.parkeer.nl', 'handhaving@demo.parkeer.nl']) {
      const client = await loggedIn(server.url, email);
      expect((await client.request(groups)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
  });

  it('reads the products page in a fixed number of SQL statements, however many products', async () => {
    const anna = await loggedIn(server.url, 'anna@demo.parkeer.nl');
    const measure = async () => {
      statements = 0;
      const result = await anna.request<Data>(groups);
      expect(result.errors).toBeUndefined();
      return { statements, products: result.data?.productGroups[0].count as number };
    };
    const few = await measure();

    const em = database.orm.em.fork();
    const template = await em.findOneOrFail(Permit, { id: annaPermit });
    for (let i = 0; i < 6; i++) {
      em.create(Permit, {
        municipality: template.municipality,
        productType: template.productType,
        zone: template.zone,
        holder: template.holder,
        holderType: 'resident',
        addressKey: `delft-extra-${i}`,
        addressLabel: `Extra ${i}, Delft`,
        validFrom: template.validFrom,
        productCode: `PKX${dialect}${i}`,
        pinHash: 'unused',
        addressSlot: `delft-extra-${i}`,
        balance: 0,
      });
    }
    await em.flush();
    const many = await measure();
    expect(many.products).toBe(few.products + 6);
    expect(many.statements).toBe(few.statements);
    expect(few.statements).toBeLessThanOrEqual(8);
  });
});
