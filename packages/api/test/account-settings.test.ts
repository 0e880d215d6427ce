import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/seed/demo-seed.js';
import { Account } from '../src/model/account.entity.js';
import { Delegation } from '../src/model/delegation.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { TestClient } from './graphql-client.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const login = `mutation ($email: String!) {
  login(input: { email: $email, password: "${demoPassword}" }) { me { email } }
}`;
const updateSettings = `mutation ($input: UpdateSettingsInput!) {
  updateSettings(input: $input) { email language highContrast startPermitId }
}`;
const me = '{ me { language highContrast startPermitId } }';

describe.each(dialects)('account settings on %s (docs/rules.md §6)', (dialect) => {
  const now = demoMonday;
  const api = useDemoApi(dialect, { start: now });
  const permitOf = async (email: string) =>
    (
      await api.orm.em
        .fork()
        .findOneOrFail(Permit, { holder: { email } }, { orderBy: { createdAt: 'asc' } })
    ).id;

  beforeAll(async () => {});

  const loggedIn = async (email: string) => {
    const client = new TestClient(api.url);
    expect((await client.request(login, { email })).errors).toBeUndefined();
    return client;
  };
  const code = (result: { errors?: { extensions: { code: string } }[] }) =>
    result.errors?.[0]?.extensions.code;

  it('needs a login', async () => {
    const result = await new TestClient(api.url).request(updateSettings, {
      input: { language: 'en' },
    });
    expect(code(result)).toBe('UNAUTHENTICATED');
  });

  it('changes language and contrast, leaving out what is not given', async () => {
    const anna = await loggedIn('anna@demo.parkeer.nl');
    const changed = await anna.request(updateSettings, {
      input: { language: 'en', highContrast: true },
    });
    expect(changed.data).toEqual({
      updateSettings: {
        email: 'anna@demo.parkeer.nl',
        language: 'en',
        highContrast: true,
        startPermitId: null,
      },
    });
    const contrastOnly = await anna.request(updateSettings, { input: { highContrast: false } });
    expect(contrastOnly.data).toMatchObject({
      updateSettings: { language: 'en', highContrast: false },
    });
    expect((await anna.request(me)).data).toEqual({
      me: { language: 'en', highContrast: false, startPermitId: null },
    });
    // The account's language now decides the language of its error messages.
    const refused = await anna.request(updateSettings, { input: { startPermitId: 'nope' } });
    expect(refused.errors?.[0]?.message).toBe('Not found.');
  });

  it('sets the start product to one of the viewer’s own, and clears it with null', async () => {
    const bram = await loggedIn('bram@demo.parkeer.nl');
    const own = await permitOf('bram@demo.parkeer.nl');
    const set = await bram.request(updateSettings, { input: { startPermitId: own } });
    expect(set.data).toMatchObject({ updateSettings: { startPermitId: own } });
    const unchanged = await bram.request(updateSettings, { input: { language: 'nl' } });
    expect(unchanged.data).toMatchObject({ updateSettings: { startPermitId: own } });
    const cleared = await bram.request(updateSettings, { input: { startPermitId: null } });
    expect(cleared.data).toMatchObject({ updateSettings: { startPermitId: null } });
  });

  it("refuses someone else's product or an unknown id as NOT_FOUND, changing nothing", async () => {
    const bram = await loggedIn('bram@demo.parkeer.nl');
    const annas = await permitOf('anna@demo.parkeer.nl');
    for (const startPermitId of [annas, '00000000-0000-4000-8000-000000000000', 'x']) {
      const result = await bram.request(updateSettings, {
        input: { startPermitId, highContrast: true },
      });
      expect(code(result), startPermitId).toBe('NOT_FOUND');
    }
    const account = await api.orm.em
      .fork()
      .findOneOrFail(Account, { email: 'bram@demo.parkeer.nl' });
    expect(account.startPermitId ?? null).toBeNull();
    expect(account.highContrast).toBe(false);
  });

  it('accepts a product used through an accepted delegation, not an invitation', async () => {
    const em = api.em();
    const carlasPermit = await em.findOneOrFail(Permit, {
      holder: { email: 'carla@demo.parkeer.nl' },
      productType: { code: 'visitor-permit' },
    });
    const bram = await em.findOneOrFail(Account, { email: 'bram@demo.parkeer.nl' });
    const delegation = em.create(Delegation, {
      permit: carlasPermit,
      email: bram.email!,
      delegate: bram,
      budget: 0,
      balance: 0,
      status: 'invited',
    });
    await em.flush();

    const client = await loggedIn('bram@demo.parkeer.nl');
    const input = { input: { startPermitId: carlasPermit.id } };
    expect(code(await client.request(updateSettings, input))).toBe('NOT_FOUND');
    delegation.status = 'accepted';
    await em.flush();
    expect((await client.request(updateSettings, input)).data).toMatchObject({
      updateSettings: { startPermitId: carlasPermit.id },
    });
  });
});
