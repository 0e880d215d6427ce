import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo, type DemoProduct } from '../src/seed/demo-seed.js';
import { limitPolicies } from '../src/modules/rate-limit/limit-policies.js';
import { Permit } from '../src/model/permit.entity.js';
import { createServer, type RunningServer } from '../src/server.js';
import { TestClient } from './graphql-client.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';

const dialects = await testDialects();
const login = `mutation ($email: String!) {
  login(input: { email: $email, password: "${demoPassword}" }) { me { email } }
}`;
const addProduct = `mutation ($productCode: String!, $pin: String!) {
  addProductByCode(input: { productCode: $productCode, pin: $pin }) { id name }
}`;
const minute = 60_000;

describe.each(dialects)('adding a product by code + PIN on %s (docs/rules.md §6)', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let now = new Date('2026-11-23T09:00:00Z');
  let letter: DemoProduct;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const seed = await seedDemo(database.orm.em.fork(), now);
    letter = seed!.letters[0]!;
    server = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => now });
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const loggedIn = async (email: string, headers: Record<string, string> = {}) => {
    const client = new TestClient(server.url, headers);
    const result = await client.request(login, { email });
    expect(result.errors).toBeUndefined();
    return client;
  };
  const code = (result: { errors?: { extensions: { code: string } }[] }) =>
    result.errors?.[0]?.extensions.code;
  const holderOf = async (productCode: string) =>
    (await database.orm.em.fork().findOneOrFail(Permit, { productCode }, { populate: ['holder'] }))
      .holder?.email ?? null;

  it('needs a logged-in resident or business', async () => {
    const anonymous = await new TestClient(server.url).request(addProduct, { ...letter });
    expect(code(anonymous)).toBe('UNAUTHENTICATED');
    const officer = await loggedIn('handhaving@demo.parkeer.nl');
    expect(code(await officer.request(addProduct, { ...letter }))).toBe('FORBIDDEN');
    const admin = await loggedIn('beheer@delft.demo.parkeer.nl');
    expect(code(await admin.request(addProduct, { ...letter }))).toBe('FORBIDDEN');
    expect(await holderOf(letter.productCode)).toBeNull();
  });

  it('answers a wrong PIN and an unknown code alike', async () => {
    const client = await loggedIn('carla@demo.parkeer.nl');
    const wrongPin = await client.request(addProduct, {
      productCode: letter.productCode,
      pin: letter.pin === '0000' ? '0001' : '0000',
    });
    const unknownCode = await client.request(addProduct, {
      productCode: 'PK999999',
      pin: letter.pin,
    });
    expect(code(wrongPin)).toBe('PRODUCT_CODE_OR_PIN_WRONG');
    expect(wrongPin.errors?.[0]?.extensions.messages.en).toBe(
      'The product code or the PIN is not correct.',
    );
    expect(unknownCode.errors).toEqual(wrongPin.errors?.map((e) => ({ ...e })));
    expect(await holderOf(letter.productCode)).toBeNull();
  });

  it('locks an account out after 5 wrong tries in 15 minutes, even for the right code', async () => {
    const anna = await loggedIn('anna@demo.parkeer.nl');
    const wrong = { productCode: letter.productCode, pin: 'fout' };
    for (let i = 0; i < 3; i++) {
      expect(code(await anna.request(addProduct, wrong))).toBe('PRODUCT_CODE_OR_PIN_WRONG');
    }
    advance(5 * minute);
    for (let i = 0; i < 2; i++) {
      expect(code(await anna.request(addProduct, wrong))).toBe('PRODUCT_CODE_OR_PIN_WRONG');
    }
    expect(limitPolicies.productCode.account.points).toBe(5);

    const refused = await anna.request(addProduct, { ...letter });
    expect(code(refused)).toBe('RATE_LIMITED');
    // The first lockout: 15 minutes from the try that reached the limit.
    const extensions = refused.errors?.[0]?.extensions as {
      params?: unknown;
      retryAfterSeconds?: number;
    };
    expect(extensions.params).toEqual({ minutes: 15 });
    expect(extensions.retryAfterSeconds).toBe(15 * 60);
    expect(refused.errors?.[0]?.extensions.messages.nl).toContain('over 15 minuten');
    expect(await holderOf(letter.productCode)).toBeNull();

    // Someone else is not locked out by Anna's tries.
    const bram = await loggedIn('bram@demo.parkeer.nl');
    expect(code(await bram.request(addProduct, wrong))).toBe('PRODUCT_CODE_OR_PIN_WRONG');

    advance(15 * minute - 1000);
    expect(code(await anna.request(addProduct, { ...letter }))).toBe('RATE_LIMITED');
    advance(1000);
    const added = await anna.request(addProduct, {
      productCode: ` ${letter.productCode.toLowerCase()} `,
      pin: ` ${letter.pin} `,
    });
    expect(added.errors).toBeUndefined();
    const permit = await database.orm.em
      .fork()
      .findOneOrFail(Permit, { productCode: letter.productCode });
    expect(added.data).toEqual({
      addProductByCode: { id: permit.id, name: 'Bezoekersvergunning' },
    });
    expect(await holderOf(letter.productCode)).toBe('anna@demo.parkeer.nl');
  });

  it('refuses a product that is already coupled, to anyone', async () => {
    const bram = await loggedIn('bram@demo.parkeer.nl');
    expect(code(await bram.request(addProduct, { ...letter }))).toBe('PRODUCT_ALREADY_COUPLED');
    const anna = await loggedIn('anna@demo.parkeer.nl');
    expect(code(await anna.request(addProduct, { ...letter }))).toBe('PRODUCT_ALREADY_COUPLED');
    expect(await holderOf(letter.productCode)).toBe('anna@demo.parkeer.nl');
  });
});
