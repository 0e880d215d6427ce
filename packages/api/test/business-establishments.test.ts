import { describe, expect, it } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { Account } from '../src/model/account.entity.js';
import { PermitApplication } from '../src/model/permit-application.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { forgetKvkEstablishments } from '../src/modules/business/kvk-client.js';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { useRegistryFakes } from './registry-fakes.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const establishmentsQuery = `{ businessEstablishments { establishmentNumber name isMain
  visitingAddress addressKey addressLabel zoneCode municipalityName sold } }`;
const applicationFields = `id status zoneCode addressLabel establishmentNumber plates permitId
  paymentStatus`;
const applyMutation = `mutation ($input: ApplyForPermitInput!) { applyForPermit(input: $input) {
  __typename
  ... on PermitApplicationSubmitted { checkoutUrl application { ${applicationFields} } }
  ... on PermitApplicationRefused { rule reasons { rule message params } } } }`;
const quoteQuery = `query ($input: PermitApplicationInput!) { quotePermitApplication(input: $input) {
  __typename
  ... on PermitApplicationQuote { totalCents needsReview unansweredRegistries }
  ... on PermitApplicationRefused { rule reasons { rule message } } } }`;
const officialQuery = `query ($id: ID!) { adminPermitApplication(id: $id) {
  application { establishmentNumber unansweredRegistries } eligibility { rule } } }`;
const adminPermitQuery = `query ($id: ID!) { adminPermit(id: $id) { establishmentNumber } }`;
const applicationQuery = `query ($id: ID!) { permitApplication(id: $id) {
  ${applicationFields} unansweredRegistries } }`;

// The bakery's establishments in the KvK fake (src/registry-fakes/kvk-fake.ts).
const kerkstraat = '000090000121';
const markt = '000090000122';
const buitenhof = '000090000123';

describe.each(dialects)(
  'business permits per establishment from the business registry (KvK) on %s (docs/rules.md §2 business permits)',
  (dialect) => {
    // The KvK API wants its key in the `apikey` header; its fake refuses a request without one
    // (useRegistryFakes configures 'test-key'). The first question asks for four profiles at
    // once; 3 s keeps a loaded CI machine's cold start from looking like a silent KvK.
    const fakes = useRegistryFakes({ timeoutMs: 3000 });
    const api = useDemoApi(dialect);
    let key = 0;
    const nextKey = () => `business-${dialect}-${++key}`;

    const ask = async (client: TestClient, query: string, variables: Data = {}) => {
      const result = await client.request<Data>(query, variables);
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    const apply = async (client: TestClient, application: Data) =>
      (await ask(client, applyMutation, { input: { application, idempotencyKey: nextKey() } }))
        .applyForPermit;
    const quote = async (client: TestClient, input: Data) =>
      (await ask(client, quoteQuery, { input })).quotePermitApplication;
    const pay = async (checkoutUrl: string) => {
      const response = await fetch(api.url + new URL(checkoutUrl).pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ action: 'paid' }).toString(),
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
    };
    const businessPermit = (
      addressKey: string,
      establishmentNumber?: string,
      plate = '12-ABC-3',
    ) => ({
      productTypeCode: 'business-permit',
      addressKey,
      establishmentNumber,
      plates: [{ plate }],
    });
    // The business permits' maximum is reached by the test before the last two.
    const flexibleAt = (addressKey: string, establishmentNumber?: string) => ({
      productTypeCode: 'flexible-business-permit',
      addressKey,
      establishmentNumber,
      plates: [],
    });
    const bakery = () => loggedIn(api.url, 'bakkerij@demo.parkeer.nl');

    it("lists the business's establishments from KvK with the town's address, zone and whether the town sells there, asking with the apikey header; a resident may not ask (docs/rules.md §2 business permits)", async () => {
      const bakkerij = await bakery();
      const asked = fakes.kvk.received.length;
      const { businessEstablishments } = await ask(bakkerij, establishmentsQuery);
      expect(businessEstablishments).toEqual([
        {
          establishmentNumber: kerkstraat,
          name: 'Bakkerij De Korenschoof',
          isMain: true,
          visitingAddress: 'Kerkstraat 5, 2611GX Delft',
          addressKey: 'delft-kerkstraat-5',
          addressLabel: 'Kerkstraat 5, Delft',
          zoneCode: 'H',
          municipalityName: 'Gemeente Delft (demo)',
          sold: true,
        },
        {
          establishmentNumber: markt,
          name: 'De Korenschoof aan de Markt',
          isMain: false,
          visitingAddress: 'Markt 7, 2611GS Delft',
          addressKey: 'delft-markt-7',
          addressLabel: 'Markt 7, Delft',
          zoneCode: 'D',
          municipalityName: 'Gemeente Delft (demo)',
          sold: true,
        },
        {
          establishmentNumber: buitenhof,
          name: 'De Korenschoof Bakkerij-atelier',
          isMain: false,
          visitingAddress: 'Buitenhof 40, 2613AD Delft',
          addressKey: 'delft-buitenhof-40',
          addressLabel: 'Buitenhof 40, Delft',
          zoneCode: null,
          municipalityName: 'Gemeente Delft (demo)',
          sold: false,
        },
      ]);
      const requests = fakes.kvk.received.slice(asked);
      expect(requests.map((request) => request.path)).toEqual([
        '/v1/basisprofielen/90000012/vestigingen',
        ...[kerkstraat, markt, buitenhof].map((n) => `/v1/vestigingsprofielen/${n}`),
      ]);
      expect(requests.every((request) => request.headers.apikey === 'test-key')).toBe(true);

      const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
      const refused = await anna.request(establishmentsQuery);
      expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    });

    it('refuses an address that is not one of the business’s establishments, an establishment number of another address, and an establishment outside the zones (docs/rules.md §2 business permits: ELIGIBILITY_NOT_AN_ESTABLISHMENT)', async () => {
      const bakkerij = await bakery();
      const elsewhere = await quote(bakkerij, businessPermit('delft-oude-delft-1'));
      expect(elsewhere.__typename).toBe('PermitApplicationRefused');
      expect(elsewhere.reasons.map((reason: Data) => reason.rule)).toEqual([
        'ELIGIBILITY_NOT_AN_ESTABLISHMENT',
      ]);
      expect(elsewhere.reasons[0].message).toBe(
        'Dit adres is geen vestiging van uw bedrijf volgens het Handelsregister van de KvK.',
      );
      const mismatched = await apply(bakkerij, businessPermit('delft-kerkstraat-5', markt));
      expect(mismatched.rule).toBe('ELIGIBILITY_NOT_AN_ESTABLISHMENT');
      const outside = await quote(bakkerij, businessPermit('delft-buitenhof-40', buitenhof));
      expect(outside.reasons.map((reason: Data) => reason.rule)).toEqual([
        'ELIGIBILITY_ADDRESS_OUTSIDE_PERMIT_ZONE',
      ]);
      expect(
        await api.em().count(PermitApplication, { productType: { code: 'business-permit' } }),
      ).toBe(0);
    });

    it('grants business permits per establishment within the maximums per establishment (2) and per business (3), storing the establishment; the flexible permit counts one per establishment; the town’s admin sees each permit’s establishment (docs/rules.md §2 business permits)', async () => {
      const bakkerij = await bakery();
      const granted: string[] = [];
      for (const [addressKey, number, plate] of [
        ['delft-kerkstraat-5', kerkstraat, '12-ABC-3'],
        ['delft-kerkstraat-5', undefined, '34-DEF-5'],
      ] as const) {
        const submitted = await apply(bakkerij, businessPermit(addressKey, number, plate));
        expect(submitted.__typename).toBe('PermitApplicationSubmitted');
        expect(submitted.application).toMatchObject({
          status: 'awaitingPayment',
          zoneCode: 'H',
          addressLabel: 'Kerkstraat 5, Delft',
          // Found by its address when the business names none.
          establishmentNumber: kerkstraat,
        });
        await pay(submitted.checkoutUrl);
        const after = (await ask(bakkerij, applicationQuery, { id: submitted.application.id }))
          .permitApplication;
        expect(after.status).toBe('granted');
        granted.push(after.permitId);
      }
      const third = await apply(
        bakkerij,
        businessPermit('delft-kerkstraat-5', kerkstraat, '56-GHJ-7'),
      );
      expect(third.reasons).toEqual([
        {
          rule: 'ELIGIBILITY_ESTABLISHMENT_LIMIT_REACHED',
          message:
            'Deze vestiging heeft het maximum aantal vergunningen van dit type (2) al bereikt.',
          params: { max: 2 },
        },
      ]);
      const atMarkt = await apply(bakkerij, businessPermit('delft-markt-7', markt, '56-GHJ-7'));
      expect(atMarkt.application).toMatchObject({ zoneCode: 'D', establishmentNumber: markt });
      await pay(atMarkt.checkoutUrl);
      const fourth = await quote(bakkerij, businessPermit('delft-markt-7', markt, '78-KLM-9'));
      expect(fourth.reasons.map((reason: Data) => reason.rule)).toEqual([
        'ELIGIBILITY_BUSINESS_LIMIT_REACHED',
      ]);
      const permits = await api.em().find(Permit, { id: { $in: granted } });
      expect(permits.map((permit) => [permit.holderType, permit.addressKey])).toEqual([
        ['business', 'delft-kerkstraat-5'],
        ['business', 'delft-kerkstraat-5'],
      ]);

      // The demo bakery holds the flexible permit at Kerkstraat 5: one per establishment.
      const flexible = (addressKey: string, establishmentNumber: string) => ({
        productTypeCode: 'flexible-business-permit',
        addressKey,
        establishmentNumber,
        plates: [],
      });
      const again = await quote(bakkerij, flexible('delft-kerkstraat-5', kerkstraat));
      expect(again.reasons.map((reason: Data) => reason.rule)).toEqual([
        'ELIGIBILITY_ESTABLISHMENT_LIMIT_REACHED',
      ]);
      expect((await quote(bakkerij, flexible('delft-markt-7', markt))).__typename).toBe(
        'PermitApplicationQuote',
      );

      // The back office reads the establishment from the application that granted the permit;
      // the demo's flexible permit was issued without one, a resident's permit has none.
      const delftAdmin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
      const establishmentOf = async (id: string) =>
        (await ask(delftAdmin, adminPermitQuery, { id })).adminPermit.establishmentNumber;
      const marktPermit = (await ask(bakkerij, applicationQuery, { id: atMarkt.application.id }))
        .permitApplication.permitId;
      expect(await establishmentOf(granted[0]!)).toBe(kerkstraat);
      expect(await establishmentOf(granted[1]!)).toBe(kerkstraat);
      expect(await establishmentOf(marktPermit)).toBe(markt);
      const demoFlexible = await api.permitOf(
        'bakkerij@demo.parkeer.nl',
        'flexible-business-permit',
      );
      expect(await establishmentOf(demoFlexible)).toBeNull();
      expect(await establishmentOf(await api.permitOf('anna@demo.parkeer.nl'))).toBeNull();
    });

    it('sends the application to an official after payment when KvK is down or silent, never to a yes, says so for the establishments, and the official sees what KvK says once it answers (docs/rules.md §2 business permits, registry unavailable)', async () => {
      const bakkerij = await bakery();
      try {
        fakes.kvk.mode = 'down';
        const listed = await bakkerij.request(establishmentsQuery);
        expect(listed.errors?.[0]?.extensions.code).toBe('BUSINESS_REGISTRY_UNAVAILABLE');
        const submitted = await apply(bakkerij, {
          productTypeCode: 'flexible-business-permit',
          addressKey: 'delft-markt-7',
          establishmentNumber: markt,
          plates: [],
        });
        expect(submitted.application).toMatchObject({ establishmentNumber: markt });
        await pay(submitted.checkoutUrl);
        const after = (await ask(bakkerij, applicationQuery, { id: submitted.application.id }))
          .permitApplication;
        expect(after).toMatchObject({
          status: 'awaitingReview',
          permitId: null,
          unansweredRegistries: ['kvk'],
        });

        // Not an establishment, but KvK cannot say so now: it waits for an official too.
        const elsewhere = await apply(bakkerij, flexibleAt('delft-oude-delft-1'));
        expect(elsewhere.application).toMatchObject({ establishmentNumber: null });
        await pay(elsewhere.checkoutUrl);

        // Once KvK answers again, the official sees what it says about each.
        fakes.kvk.mode = 'up';
        const admin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
        const judged = async (id: string) =>
          (await ask(admin, officialQuery, { id })).adminPermitApplication;
        expect(await judged(submitted.application.id)).toEqual({
          application: { establishmentNumber: markt, unansweredRegistries: ['kvk'] },
          eligibility: [],
        });
        expect((await judged(elsewhere.application.id)).eligibility).toEqual([
          { rule: 'ELIGIBILITY_NOT_AN_ESTABLISHMENT' },
        ]);

        fakes.kvk.mode = 'silent';
        const silent = await quote(bakkerij, flexibleAt('delft-oude-delft-1'));
        expect(silent).toMatchObject({ needsReview: true, unansweredRegistries: ['kvk'] });
      } finally {
        fakes.kvk.mode = 'up';
      }
    });

    it('asks KvK once per business within KVK_CACHE_TTL_MS: the list and the quote after it share one answer, requests at the same moment share one question, and an unanswered question is not remembered (docs/architecture.md §Registries, KvK)', async () => {
      const bakkerij = await bakery();
      const withCache = async (ttlMs: string, run: () => Promise<void>) => {
        const saved = process.env.KVK_CACHE_TTL_MS;
        process.env.KVK_CACHE_TTL_MS = ttlMs;
        reloadConfig();
        forgetKvkEstablishments();
        try {
          await run();
        } finally {
          process.env.KVK_CACHE_TTL_MS = saved;
          reloadConfig();
          forgetKvkEstablishments();
          fakes.kvk.mode = 'up';
        }
      };
      const kvkCallsDuring = async (run: () => Promise<unknown>) => {
        const before = fakes.kvk.received.length;
        await run();
        return fakes.kvk.received.slice(before).map((request) => request.path);
      };
      // The basisprofiel's list and the bakery's three vestigingsprofielen.
      const oneQuestion = [
        '/v1/basisprofielen/90000012/vestigingen',
        ...[kerkstraat, markt, buitenhof].map((n) => `/v1/vestigingsprofielen/${n}`),
      ];

      await withCache('60000', async () => {
        expect(await kvkCallsDuring(() => ask(bakkerij, establishmentsQuery))).toEqual(oneQuestion);
        const again = await kvkCallsDuring(async () => {
          const { businessEstablishments } = await ask(bakkerij, establishmentsQuery);
          expect(businessEstablishments.map((view: Data) => view.establishmentNumber)).toEqual([
            kerkstraat,
            markt,
            buitenhof,
          ]);
          const quoted = await quote(bakkerij, flexibleAt('delft-oude-delft-1'));
          expect(quoted.reasons.map((reason: Data) => reason.rule)).toEqual([
            'ELIGIBILITY_NOT_AN_ESTABLISHMENT',
          ]);
        });
        expect(again).toEqual([]);

        forgetKvkEstablishments();
        const together = await kvkCallsDuring(() =>
          Promise.all([ask(bakkerij, establishmentsQuery), ask(bakkerij, establishmentsQuery)]),
        );
        expect(together).toEqual(oneQuestion);

        forgetKvkEstablishments();
        fakes.kvk.mode = 'down';
        const down = await bakkerij.request(establishmentsQuery);
        expect(down.errors?.[0]?.extensions.code).toBe('BUSINESS_REGISTRY_UNAVAILABLE');
        fakes.kvk.mode = 'up';
        expect(await kvkCallsDuring(() => ask(bakkerij, establishmentsQuery))).toEqual(oneQuestion);
      });

      // Once the time has passed, KvK is asked again.
      await withCache('30', async () => {
        await ask(bakkerij, establishmentsQuery);
        await new Promise((resolve) => setTimeout(resolve, 60));
        expect(await kvkCallsDuring(() => ask(bakkerij, establishmentsQuery))).toEqual(oneQuestion);
      });
    });

    it('refuses a business account that KvK cannot be asked about: no KvK number, never signed in with eHerkenning (docs/rules.md §2 business permits)', async () => {
      const bakkerij = await bakery();
      const em = api.em();
      const account = await em.findOneOrFail(Account, { email: 'bakkerij@demo.parkeer.nl' });
      account.kvkNumber = null;
      await em.flush();
      try {
        const refused = await quote(bakkerij, flexibleAt('delft-markt-7', markt));
        expect(refused.reasons.map((reason: Data) => reason.rule)).toEqual([
          'BUSINESS_KVK_NUMBER_UNKNOWN',
        ]);
        const listed = await bakkerij.request(establishmentsQuery);
        expect(listed.errors?.[0]?.extensions.code).toBe('BUSINESS_KVK_NUMBER_UNKNOWN');
      } finally {
        account.kvkNumber = '90000012';
        await em.flush();
      }
    });
  },
);
