import type { MikroORM } from '@mikro-orm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../src/model/account.entity.js';
import { Delegation } from '../src/model/delegation.entity.js';
import { Favorite } from '../src/model/favorite.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { TestClient } from './graphql-client.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

const fields = 'id plate formattedPlate country name';
const list = `query ($permitId: ID!) { favorites(permitId: $permitId) { ${fields} } }`;
const add = `mutation ($input: AddFavoriteInput!) { addFavorite(input: $input) { ${fields} } }`;
const rename = `mutation ($input: RenameFavoriteInput!) { renameFavorite(input: $input) { ${fields} } }`;
const remove = 'mutation ($id: ID!) { deleteFavorite(id: $id) }';

interface FavoriteData {
  id: string;
  plate: string;
  formattedPlate: string;
  country: string;
  name: string;
}

describe.each(dialects)('favorites through GraphQL on %s (docs/rules.md §7)', (dialect) => {
  const now = demoMonday;
  const api = useDemoApi(dialect, { start: now });
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;
  let annaPermit: string;
  let bramPermit: string;

  const permitIdAt = async (orm: MikroORM, addressKey: string) =>
    (
      await orm.em
        .fork()
        .findOneOrFail(Permit, { addressKey, productType: { code: 'visitor-permit' } })
    ).id;
  const codeOf = (result: { errors?: { extensions: { code: string } }[] }) =>
    result.errors?.[0]?.extensions.code;
  const addFavorite = (client: TestClient, input: Record<string, unknown>) =>
    client.request<{ addFavorite: FavoriteData }>(add, {
      input: { permitId: annaPermit, ...input },
    });
  const favoritesOf = async (client: TestClient, permitId: string) => {
    const result = await client.request<{ favorites: FavoriteData[] }>(list, { permitId });
    expect(result.errors).toBeUndefined();
    return result.data!.favorites;
  };

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    carla = await loggedIn(api.url, 'carla@demo.parkeer.nl', { 'accept-language': 'en' });
    annaPermit = await permitIdAt(api.orm, 'delft-oude-delft-1');
    bramPermit = await permitIdAt(api.orm, 'delft-westlandseweg-20');
  });

  it('adds a favorite with the plate normalised and the name trimmed, and lists them by name', async () => {
    const added = await addFavorite(anna, { plate: 'gb-123-k', name: '  Oma  ' });
    expect(added.errors).toBeUndefined();
    expect(added.data?.addFavorite).toMatchObject({
      plate: 'GB123K',
      formattedPlate: 'GB-123-K',
      country: 'NL',
      name: 'Oma',
    });
    expect((await addFavorite(anna, { plate: 'KL 123 X', name: 'zus' })).errors).toBeUndefined();
    const foreign = await addFavorite(anna, {
      plate: 'b-ab 123',
      country: 'de',
      name: 'Tante Heid',
    });
    expect(foreign.data?.addFavorite).toMatchObject({
      plate: 'BAB123',
      formattedPlate: 'BAB123',
      country: 'DE',
      name: 'Tante Heid',
    });
    // Case-insensitive by name; ten characters is the most a name may have.
    expect((await favoritesOf(anna, annaPermit)).map((f) => f.name)).toEqual([
      'Oma',
      'Tante Heid',
      'zus',
    ]);
  });

  it('refuses an empty or eleven-character name, a bad plate and the same plate twice', async () => {
    const empty = await addFavorite(anna, { plate: '99-XXB-9', name: '   ' });
    expect(codeOf(empty)).toBe('FAVORITE_NAME_REQUIRED');
    const long = await addFavorite(anna, { plate: '99-XXB-9', name: 'Elf tekens!' });
    expect(codeOf(long)).toBe('FAVORITE_NAME_TOO_LONG');
    expect(long.errors?.[0]?.extensions.messages.nl).toContain('10');
    const notDutch = await addFavorite(anna, { plate: 'XX-99', name: 'Kort' });
    expect(codeOf(notDutch)).toBe('PLATE_NOT_DUTCH');
    const characters = await addFavorite(anna, { plate: 'AB#12', name: 'Raar' });
    expect(codeOf(characters)).toBe('PLATE_INVALID_CHARACTERS');
    const country = await addFavorite(anna, { plate: 'AB12', country: 'QQ', name: 'Land' });
    expect(codeOf(country)).toBe('PLATE_INVALID_COUNTRY');
    const twice = await addFavorite(anna, { plate: 'GB 123 K', name: 'Oma 2' });
    expect(codeOf(twice)).toBe('FAVORITE_ALREADY_EXISTS');
    expect(twice.errors?.[0]?.extensions.messages.en).toContain('GB-123-K');
    expect(await favoritesOf(anna, annaPermit)).toHaveLength(3);
  });

  it('answers two simultaneous adds of one plate with one favorite and one refusal', async () => {
    const results = await Promise.all(
      [1, 2].map(() => addFavorite(anna, { plate: '1-abc-23', name: 'Buurman' })),
    );
    expect(results.map(codeOf).sort()).toEqual(['FAVORITE_ALREADY_EXISTS', undefined]);
    const stored = await api.em().count(Favorite, { plate: '1ABC23' });
    expect(stored).toBe(1);
  });

  it('renames a favorite with the same name rules, and deletes it', async () => {
    const [oma] = (await favoritesOf(anna, annaPermit)).filter((f) => f.name === 'Oma');
    const renamed = await anna.request<{ renameFavorite: FavoriteData }>(rename, {
      input: { id: oma!.id, name: ' Oma Jo ' },
    });
    expect(renamed.data?.renameFavorite).toMatchObject({
      id: oma!.id,
      name: 'Oma Jo',
      plate: 'GB123K',
    });
    const tooLong = await anna.request(rename, { input: { id: oma!.id, name: 'Oma Johanna' } });
    expect(codeOf(tooLong)).toBe('FAVORITE_NAME_TOO_LONG');
    expect(codeOf(await anna.request(rename, { input: { id: oma!.id, name: '' } }))).toBe(
      'FAVORITE_NAME_REQUIRED',
    );
    expect((await anna.request(remove, { id: oma!.id })).data).toEqual({ deleteFavorite: true });
    expect((await favoritesOf(anna, annaPermit)).map((f) => f.plate)).not.toContain('GB123K');
    expect(codeOf(await anna.request(remove, { id: oma!.id }))).toBe('NOT_FOUND');
  });

  it('stops at the upper bound of favorites per permit', async () => {
    const em = api.em();
    const permit = await em.findOneOrFail(Permit, { id: bramPermit });
    for (let i = 0; i < 50; i++) {
      em.create(Favorite, { permit, plate: `ZZ${String(i).padStart(2, '0')}AB`, name: `F${i}` });
    }
    await em.flush();
    const result = await bram.request(add, {
      input: { permitId: bramPermit, plate: 'KL-123-X', name: 'Eén teveel' },
    });
    expect(codeOf(result)).toBe('FAVORITE_LIMIT_REACHED');
    expect(result.errors?.[0]?.extensions.messages.en).toContain('50');
  });

  it('keeps favorites from a delegate (PRODUCT_OWNER_ONLY)', async () => {
    const em = api.em();
    em.create(Delegation, {
      permit: await em.findOneOrFail(Permit, { id: annaPermit }),
      email: 'bram@demo.parkeer.nl',
      delegate: await em.findOneOrFail(Account, { email: 'bram@demo.parkeer.nl' }),
      budget: 600,
      balance: 600,
      status: 'accepted',
      acceptedAt: now,
    });
    await em.flush();
    const [favorite] = await favoritesOf(anna, annaPermit);
    expect(codeOf(await bram.request(list, { permitId: annaPermit }))).toBe('PRODUCT_OWNER_ONLY');
    const added = await bram.request(add, {
      input: { permitId: annaPermit, plate: '99-XXB-9', name: 'Bram' },
    });
    expect(codeOf(added)).toBe('PRODUCT_OWNER_ONLY');
    expect(codeOf(await bram.request(rename, { input: { id: favorite!.id, name: 'Mijn' } }))).toBe(
      'PRODUCT_OWNER_ONLY',
    );
    expect(codeOf(await bram.request(remove, { id: favorite!.id }))).toBe('PRODUCT_OWNER_ONLY');
    expect((await favoritesOf(anna, annaPermit))[0]).toEqual(favorite);
  });

  it("answers another resident's permit and favorite ids, and unknown ids, with NOT_FOUND", async () => {
    const [favorite] = await favoritesOf(anna, annaPermit);
    expect(codeOf(await carla.request(list, { permitId: annaPermit }))).toBe('NOT_FOUND');
    expect(
      codeOf(
        await carla.request(add, { input: { permitId: annaPermit, plate: 'KL123X', name: 'C' } }),
      ),
    ).toBe('NOT_FOUND');
    expect(codeOf(await carla.request(rename, { input: { id: favorite!.id, name: 'C' } }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await carla.request(remove, { id: favorite!.id }))).toBe('NOT_FOUND');
    expect(codeOf(await anna.request(remove, { id: 'not-an-id' }))).toBe('NOT_FOUND');
    expect(
      codeOf(await anna.request(list, { permitId: '00000000-0000-4000-8000-000000000000' })),
    ).toBe('NOT_FOUND');
    expect((await favoritesOf(anna, annaPermit))[0]).toEqual(favorite);
  });

  it('needs a resident or business login', async () => {
    const anonymous = new TestClient(api.url);
    expect(codeOf(await anonymous.request(list, { permitId: annaPermit }))).toBe('UNAUTHENTICATED');
    expect(
      codeOf(
        await anonymous.request(add, {
          input: { permitId: annaPermit, plate: 'KL123X', name: 'X' },
        }),
      ),
    ).toBe('UNAUTHENTICATED');
    const officer = await loggedIn(api.url, 'handhaving@demo.parkeer.nl');
    expect(codeOf(await officer.request(list, { permitId: annaPermit }))).toBe('FORBIDDEN');
    expect(codeOf(await officer.request(remove, { id: annaPermit }))).toBe('FORBIDDEN');
  });
});
