import { describe, expect, it } from 'vitest';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const find = `query ($postcode: String!, $houseNumber: Int!, $addition: String) {
  findAddress(postcode: $postcode, houseNumber: $houseNumber, addition: $addition) {
    key label zoneCode zoneName } }`;

const dialects = await testDialects();

describe.each(dialects)("looking up an address of the admin's town, on %s", (dialect) => {
  const api = useDemoApi(dialect);

  it('finds it by postcode and house number (and addition), written loosely', async () => {
    const delft = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const found = await delft.request<Data>(find, { postcode: '2611 ba', houseNumber: 1 });
    expect(found.data!.findAddress).toEqual({
      key: 'delft-oude-delft-1',
      label: 'Oude Delft 1, Delft',
      zoneCode: 'B',
      zoneName: 'Binnenstad',
    });
    const withAddition = await delft.request<Data>(find, {
      postcode: '2611GS',
      houseNumber: 7,
      addition: ' a ',
    });
    expect(withAddition.data!.findAddress).toMatchObject({ key: 'delft-markt-7a', zoneCode: 'D' });
    // Without the addition it is the other house.
    const plain = await delft.request<Data>(find, { postcode: '2611GS', houseNumber: 7 });
    expect(plain.data!.findAddress.key).toBe('delft-markt-7');
  });

  it("answers null for an address it does not know, also another town's", async () => {
    const delft = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const unknown = await delft.request<Data>(find, { postcode: '2611BA', houseNumber: 2 });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.findAddress).toBeNull();
    const oudstads = await delft.request<Data>(find, { postcode: '9999AA', houseNumber: 3 });
    expect(oudstads.data!.findAddress).toBeNull();
    const oudstad = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
    const own = await oudstad.request<Data>(find, { postcode: '9999AA', houseNumber: 3 });
    expect(own.data!.findAddress.key).toBe('oudstad-markt-3');
  });

  it('refuses a malformed postcode or house number with a typed error per field', async () => {
    const delft = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const wrong = await delft.request<Data>(find, {
      postcode: '26111',
      houseNumber: 0,
      addition: 'x'.repeat(11),
    });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('SETTINGS_INVALID');
    expect(
      (wrong.errors?.[0]?.extensions?.problems as { code: string; path: string }[]).map(
        (problem) => `${problem.code} ${problem.path}`,
      ),
    ).toEqual(['ADDRESS_POSTCODE_INVALID postcode', 'ADDRESS_HOUSE_NUMBER_INVALID houseNumber']);
  });

  it('finds an address of any town for an applicant at the permit counter (docs/rules.md §2)', async () => {
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const delft = await anna.request<Data>(find, { postcode: '2611GS', houseNumber: 7 });
    expect(delft.data!.findAddress).toMatchObject({ key: 'delft-markt-7' });
    const oudstad = await anna.request<Data>(find, { postcode: '9999 aa', houseNumber: 3 });
    expect(oudstad.data!.findAddress.key).toBe('oudstad-markt-3');
    const unknown = await anna.request<Data>(find, { postcode: '2611BA', houseNumber: 2 });
    expect(unknown.data!.findAddress).toBeNull();
  });
});
