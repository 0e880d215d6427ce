import { describe, expect, it } from 'vitest';
import { Address } from '../src/model/address.entity.js';
import { ProductType } from '../src/model/product-type.entity.js';
import { buildingFacts } from '../src/modules/address/building-facts.js';
import type { Viewer } from '../src/graphql/viewer.js';
import { useDemoApi } from './demo-api.js';
import { useEnvironment } from './environment.js';
import { loggedIn } from './login.js';
import { useRegistryFakes } from './registry-fakes.js';
import { testDialects } from './test-databases.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const find = `query ($postcode: String!, $houseNumber: Int!, $addition: String) {
  findAddress(postcode: $postcode, houseNumber: $houseNumber, addition: $addition) {
    key label zoneCode } }`;

const dialects = await testDialects();

describe.each(dialects)('addresses from the address registry (BAG), on %s', (dialect) => {
  const fakes = useRegistryFakes();
  useEnvironment({ BAG_API_KEY: 'bag-test-key' });
  const api = useDemoApi(dialect);

  it('asks BAG for an address the town does not know, stores it with its ids and point, in the zone its shape holds (docs/rules.md §2, §3)', async () => {
    fakes.bag.mode = 'up';
    const delft = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const asked = fakes.bag.received.length;
    const found = await delft.request<Data>(find, { postcode: '2611 ev', houseNumber: 10 });
    expect(found.errors).toBeUndefined();
    expect(found.data!.findAddress).toEqual({
      key: 'delft-voldersgracht-10',
      label: 'Voldersgracht 10, Delft',
      zoneCode: 'B',
    });
    const requests = fakes.bag.received.slice(asked);
    expect(requests.map((request) => request.path)).toEqual([
      '/adressen',
      expect.stringMatching(/^\/verblijfsobjecten\/050301\d{10}$/),
    ]);
    expect(requests[0]!.query.get('postcode')).toBe('2611EV');
    expect(requests[0]!.headers['x-api-key']).toBe('bag-test-key');
    const stored = await api.em().findOneOrFail(Address, { key: 'delft-voldersgracht-10' });
    expect(stored).toMatchObject({
      source: 'bag',
      bagAddressId: expect.stringMatching(/^0503200\d{9}$/),
      bagObjectId: expect.stringMatching(/^0503010\d{9}$/),
      pointX: 84_700,
      pointY: 447_350,
    });
    // Next time the town's table answers.
    const again = await delft.request<Data>(find, { postcode: '2611EV', houseNumber: 10 });
    expect(again.data!.findAddress.key).toBe('delft-voldersgracht-10');
    expect(fakes.bag.received.length).toBe(asked + 2);
    // The suffix 'bis' is another address; an unknown suffix is none.
    const bis = await delft.request<Data>(find, {
      postcode: '2611EV',
      houseNumber: 10,
      addition: '-bis',
    });
    expect(bis.data!.findAddress).toMatchObject({
      key: 'delft-voldersgracht-10bis',
      zoneCode: 'B',
    });
    const ter = await delft.request<Data>(find, {
      postcode: '2611EV',
      houseNumber: 10,
      addition: 'ter',
    });
    expect(ter.data!.findAddress).toBeNull();
  });

  it("places an address by a zone's ranges before its area, and in no zone outside every shape (docs/rules.md §3)", async () => {
    fakes.bag.mode = 'up';
    const delft = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    // Its point lies in zone B's area, but zone H lists the street's numbers.
    const ranged = await delft.request<Data>(find, { postcode: '2611GX', houseNumber: 11 });
    expect(ranged.data!.findAddress).toMatchObject({ zoneCode: 'H' });
    const outside = await delft.request<Data>(find, { postcode: '2624AM', houseNumber: 100 });
    expect(outside.data!.findAddress).toMatchObject({
      key: 'delft-papsouwselaan-100',
      zoneCode: null,
    });
  });

  it("finds another town's registry address for an applicant, never for an admin of another town", async () => {
    fakes.bag.mode = 'up';
    const delft = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const notDelfts = await delft.request<Data>(find, { postcode: '9999AB', houseNumber: 5 });
    expect(notDelfts.errors).toBeUndefined();
    expect(notDelfts.data!.findAddress).toBeNull();
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const oudstad = await anna.request<Data>(find, { postcode: '9999AB', houseNumber: 5 });
    expect(oudstad.data!.findAddress).toEqual({
      key: 'oudstad-noord-5',
      label: 'Noord 5, Oudstad',
      zoneCode: 'centrum',
    });
    const nowhere = await anna.request<Data>(find, { postcode: '1234AB', houseNumber: 1 });
    expect(nowhere.data!.findAddress).toBeNull();
  });

  it('says the registry is unavailable when BAG is down, not "not found"; the table still answers', async () => {
    const delft = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    fakes.bag.mode = 'down';
    try {
      const down = await delft.request<Data>(find, { postcode: '2611EG', houseNumber: 20 });
      expect(down.errors?.[0]?.extensions?.code).toBe('ADDRESS_REGISTRY_UNAVAILABLE');
      const known = await delft.request<Data>(find, { postcode: '2611BA', houseNumber: 1 });
      expect(known.data!.findAddress.key).toBe('delft-oude-delft-1');
      fakes.bag.mode = 'silent';
      const silent = await delft.request<Data>(find, { postcode: '2611EG', houseNumber: 20 });
      expect(silent.errors?.[0]?.extensions?.code).toBe('ADDRESS_REGISTRY_UNAVAILABLE');
    } finally {
      fakes.bag.mode = 'up';
    }
  });

  it('reads own parking from the imported data, else from BAG, and leaves it to an official when BAG is down (docs/rules.md §2 own parking)', async () => {
    fakes.bag.mode = 'up';
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    await anna.request<Data>(find, { postcode: '2611EG', houseNumber: 20 });
    const em = api.em();
    const product = await em.findOneOrFail(ProductType, {
      municipality: { code: 'delft' },
      code: 'visitor-permit',
    });
    const viewer = { accountId: 'x', role: 'resident' } as unknown as Viewer;
    const facts = async (key: string, disqualifies = true) => {
      const address = await em.findOneOrFail(Address, { key });
      product.eligibility = { ...product.eligibility, privateParkingDisqualifies: disqualifies };
      return buildingFacts({
        em,
        viewer,
        holderType: 'resident',
        address,
        productType: product,
        plates: [],
        now: api.now,
      });
    };
    // Koornmarkt 20 has a garage among its uses; Oude Delft 1 (no BAG id yet) has none.
    expect(await facts('delft-koornmarkt-20')).toEqual({ hasPrivateParking: true });
    expect(await facts('delft-oude-delft-1')).toEqual({ hasPrivateParking: false });
    // A product that does not care asks nothing.
    const asked = fakes.bag.received.length;
    expect(await facts('delft-koornmarkt-20', false)).toEqual({});
    expect(fakes.bag.received.length).toBe(asked);
    // The town's imported data wins, without asking.
    await em.nativeUpdate(Address, { key: 'delft-oude-delft-1' }, { privateParking: true });
    em.clear();
    expect(await facts('delft-oude-delft-1')).toEqual({ hasPrivateParking: true });
    expect(fakes.bag.received.length).toBe(asked);
    fakes.bag.mode = 'down';
    try {
      expect(await facts('delft-koornmarkt-20')).toEqual({ unanswered: ['bag'] });
    } finally {
      fakes.bag.mode = 'up';
    }
  });

  it('refuses a resident permit at an address BAG reports own parking for, unless the applicant states it as the accepted review case (docs/rules.md §2 own parking)', async () => {
    fakes.bag.mode = 'up';
    const em = api.em();
    const product = await em.findOneOrFail(ProductType, {
      municipality: { code: 'oudstad' },
      code: 'resident-permit',
    });
    product.eligibility = { ...product.eligibility, privateParkingDisqualifies: true };
    product.counter = {
      ...product.counter!,
      reviewCases: [...product.counter!.reviewCases, 'privateParking'],
    };
    await em.flush();
    const bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    const found = await bram.request<Data>(find, { postcode: '9999AB', houseNumber: 7 });
    expect(found.data!.findAddress.key).toBe('oudstad-noord-7');
    const quote = `query ($input: PermitApplicationInput!) { quotePermitApplication(input: $input) {
      __typename ... on PermitApplicationQuote { needsReview reviewCases }
      ... on PermitApplicationRefused { rule reasons { rule } } } }`;
    const input = {
      productTypeCode: 'resident-permit',
      addressKey: 'oudstad-noord-7',
      plates: [{ plate: 'GB-123-K' }],
    };
    const rules = (answer: Data) =>
      answer.__typename === 'PermitApplicationRefused'
        ? answer.reasons.map((reason: Data) => reason.rule)
        : [];
    const plain = await bram.request<Data>(quote, { input });
    expect(plain.errors).toBeUndefined();
    expect(rules(plain.data!.quotePermitApplication)).toContain('ELIGIBILITY_PRIVATE_PARKING');
    const asked = fakes.bag.received.length;
    const stated = await bram.request<Data>(quote, {
      input: { ...input, reviewCase: 'privateParking', explanation: 'De garage is een berging.' },
    });
    expect(stated.errors).toBeUndefined();
    expect(rules(stated.data!.quotePermitApplication)).not.toContain('ELIGIBILITY_PRIVATE_PARKING');
    // The registry was asked (the form itself passed), and its yes did not refuse.
    expect(fakes.bag.received.slice(asked).map((request) => request.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/verblijfsobjecten\//)]),
    );
  });
});
