import { beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../src/model/account.entity.js';
import { PermitDocument } from '../src/model/permit-document.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ProductType } from '../src/model/product-type.entity.js';
import type { TestClient } from './graphql-client.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { useRegistryFakes } from './registry-fakes.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const refusedFields = `rule message params reasons { rule message params }`;
const applicationFields = `id kind status productTypeCode zoneCode plates validFrom validUntil
  priceCents feeCents totalCents permitId paymentStatus unansweredRegistries`;
const offersQuery = `query ($addressKey: String) { permitOffers(addressKey: $addressKey) {
  productTypeCode kind period pricePerTermCents administrationFeeCents requiresPlate
  documents { code when } available refusals { rule } } }`;
const quoteQuery = `query ($input: PermitApplicationInput!) { quotePermitApplication(input: $input) {
  __typename
  ... on PermitApplicationQuote { validFrom validUntil priceCents feeCents totalCents needsReview
    unansweredRegistries }
  ... on PermitApplicationRefused { ${refusedFields} } } }`;
const applyMutation = `mutation ($input: ApplyForPermitInput!) { applyForPermit(input: $input) {
  __typename
  ... on PermitApplicationSubmitted { checkoutUrl application { ${applicationFields} } }
  ... on PermitApplicationRefused { ${refusedFields} } } }`;
const applicationQuery = `query ($id: ID!) { permitApplication(id: $id) { ${applicationFields} } }`;
const plateMutation = `mutation ($input: RequestPlateChangeInput!) {
  requestPlateChange(input: $input) { __typename
    ... on PermitApplicationSubmitted { application { id status plates } }
    ... on PermitApplicationRefused { ${refusedFields} } } }`;
const adminPlateMutation = `mutation ($id: ID!, $plate: String!) {
  changePermitPlate(id: $id, plate: $plate) { plates { plate active } } }`;
const decide = `mutation ($input: DecidePermitApplicationInput!) { decidePermitApplication(input: $input) {
  application { id status permitId } } }`;
const zonesQuery = `{ adminZones { id code emissionRule { diesel petrol lpg cng } } }`;
const emissionMutation = `mutation ($id: ID!, $rule: ZoneEmissionRuleInput) {
  setZoneEmissionRule(id: $id, rule: $rule) { code emissionRule { diesel petrol lpg cng } } }`;
const auditQuery = `query ($subjectId: ID!) { auditLog(filter: { subjectId: $subjectId }) {
  edges { node { action before after } } } }`;
const updateProduct = `mutation ($id: ID!, $input: ProductSettingsInput!) {
  updateProductSettings(id: $id, input: $input) { id counter { period alwaysReviewed } } }`;
const rightCheckQuery = `query ($input: RightCheckInput!) {
  rightCheck(input: $input) { valid kind validUntil } }`;

describe.each(dialects)(
  'the counter asks RDW about vehicles, and sells care and contractor day permits, on %s (docs/rules.md §2 vehicle check)',
  (dialect) => {
    const fakes = useRegistryFakes();
    // Monday 23 November 2026, 10:00 in Amsterdam.
    const now = demoMonday;
    const api = useDemoApi(dialect, { start: now });
    let anna: TestClient;
    let bakkerij: TestClient;
    let officer: TestClient;
    let delftAdmin: TestClient;
    let key = 0;
    const nextKey = () => `vehicles-${dialect}-${++key}`;

    const contractor = (plate: string, overrides: Data = {}) => ({
      productTypeCode: 'contractor-day-permit',
      addressKey: 'delft-markt-7',
      plates: [{ plate }],
      ...overrides,
    });
    const care = (plate: string, documentIds: string[], overrides: Data = {}) => ({
      productTypeCode: 'care-permit',
      addressKey: 'delft-oude-delft-1',
      plates: [{ plate }],
      documentIds,
      ...overrides,
    });
    const quote = async (client: TestClient, input: Data) => {
      const result = await client.request<Data>(quoteQuery, { input });
      expect(result.errors).toBeUndefined();
      return result.data!.quotePermitApplication;
    };
    const apply = async (client: TestClient, application: Data) => {
      const result = await client.request<Data>(applyMutation, {
        input: { application, idempotencyKey: nextKey() },
      });
      expect(result.errors).toBeUndefined();
      return result.data!.applyForPermit;
    };
    const pay = (checkoutUrl: string) =>
      fetch(api.url + new URL(checkoutUrl).pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ action: 'paid' }).toString(),
        redirect: 'manual',
      });
    const applicationOf = async (client: TestClient, id: string) =>
      (await client.request<Data>(applicationQuery, { id })).data!.permitApplication;
    const rightCheck = async (plate: string, zone: string, municipality = 'delft') => {
      const result = await officer.request<Data>(rightCheckQuery, {
        input: { plate, zone, municipality },
      });
      expect(result.errors).toBeUndefined();
      return result.data!.rightCheck;
    };
    /** An upload of the care organisation's statement, as POST /documents stores it. */
    const statement = async (email: string) => {
      const em = api.em();
      const document = em.create(PermitDocument, {
        kind: 'upload',
        requirement: 'careStatement',
        fileName: 'verklaring.pdf',
        contentType: 'application/pdf',
        content: Buffer.from('%PDF-1.4 statement'),
        size: 18,
        createdBy: await em.findOneOrFail(Account, { email }),
        createdAt: now,
      });
      await em.flush();
      return document.id;
    };

    beforeAll(async () => {
      anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
      bakkerij = await loggedIn(api.url, 'bakkerij@demo.parkeer.nl');
      officer = await loggedIn(api.url, 'handhaving@demo.parkeer.nl');
      delftAdmin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    });

    it('offers the care permit to residents and the contractor day permit to businesses only, per day (docs/rules.md §1 counter offers)', async () => {
      const offers = (await anna.request<Data>(offersQuery, { addressKey: 'delft-oude-delft-1' }))
        .data!.permitOffers as Data[];
      const byCode = new Map(offers.map((offer) => [offer.productTypeCode, offer]));
      expect(byCode.get('care-permit')).toMatchObject({
        kind: 'carePermit',
        period: 'year',
        requiresPlate: true,
        documents: [{ code: 'careStatement', when: null }],
        available: true,
      });
      expect(byCode.get('contractor-day-permit')).toMatchObject({
        kind: 'contractorDayPermit',
        period: 'day',
        pricePerTermCents: 1250,
        administrationFeeCents: 0,
        available: false,
        refusals: [{ rule: 'ELIGIBILITY_NOT_FOR_RESIDENTS' }],
      });
      const business = (await bakkerij.request<Data>(offersQuery, { addressKey: 'delft-markt-7' }))
        .data!.permitOffers as Data[];
      expect(
        business.find((offer) => offer.productTypeCode === 'contractor-day-permit'),
      ).toMatchObject({ available: true, refusals: [] });
    });

    it('asks RDW for the plate by kenteken, both datasets, and quotes one local day (docs/rules.md §2 vehicle check, §1 counter term)', async () => {
      const before = fakes.rdw.received.length;
      const quoted = await quote(bakkerij, contractor('VF-381-N'));
      expect(quoted).toEqual({
        __typename: 'PermitApplicationQuote',
        validFrom: now.toISOString(),
        validUntil: '2026-11-23T23:00:00.000Z',
        priceCents: 1250,
        feeCents: 0,
        totalCents: 1250,
        needsReview: false,
        unansweredRegistries: [],
      });
      const asked = fakes.rdw.received.slice(before);
      expect(asked.map((request) => request.path).sort()).toEqual([
        '/resource/8ys7-d773.json',
        '/resource/m9d7-ebf2.json',
      ]);
      expect(asked.every((request) => request.query.get('kenteken') === 'VF381N')).toBe(true);
    });

    it('refuses a plate RDW does not know (docs/rules.md §2 vehicle check)', async () => {
      expect(await quote(bakkerij, contractor('ZZ-000-Z'))).toMatchObject({
        __typename: 'PermitApplicationRefused',
        rule: 'ELIGIBILITY_VEHICLE_UNKNOWN',
        params: { plate: 'ZZ-000-Z' },
        message: 'Het kenteken ZZ-000-Z staat niet in het kentekenregister van de RDW.',
      });
    });

    it('refuses the vehicle categories the product excludes, naming them: a camper, a trailer, a lorry above the town’s line (docs/rules.md §2 vehicle category)', async () => {
      for (const [plate, category] of [
        ['KW-123-P', 'recreationalVehicle'],
        ['WV-123-T', 'trailer'],
        ['BX-12-LT', 'largeVehicle'],
      ] as const) {
        expect(await quote(bakkerij, contractor(plate))).toMatchObject({
          rule: 'ELIGIBILITY_VEHICLE_EXCLUDED',
          params: { plate, category },
        });
      }
    });

    it("refuses a Euro 4 diesel in zone B's emission rule and admits an electric car (docs/rules.md §2 emission rule)", async () => {
      const document = await statement('anna@demo.parkeer.nl');
      const refused = await quote(anna, care('DN-404-D', [document]));
      expect(refused).toMatchObject({
        rule: 'ELIGIBILITY_VEHICLE_EMISSION',
        params: { plate: 'DN-404-D', zone: 'B', fuel: 'diesel', minimum: 6 },
      });
      expect(refused.message).toContain('minimaal Euro 6');
      expect(await quote(anna, care('GX-001-E', [document]))).toMatchObject({
        __typename: 'PermitApplicationQuote',
        needsReview: true,
        unansweredRegistries: [],
      });
    });

    it('sends the application to an official when RDW is down or silent, never to a yes (docs/rules.md §2 vehicle check)', async () => {
      for (const mode of ['down', 'silent'] as const) {
        fakes.rdw.mode = mode;
        try {
          // Even a plate RDW would refuse: without its answer an official decides.
          expect(await quote(bakkerij, contractor('KW-123-P'))).toMatchObject({
            __typename: 'PermitApplicationQuote',
            needsReview: true,
            unansweredRegistries: ['rdw'],
          });
        } finally {
          fakes.rdw.mode = 'up';
        }
      }
    });

    it('sends a foreign plate, which RDW does not hold, to an official (docs/rules.md §2 vehicle check)', async () => {
      const before = fakes.rdw.received.length;
      expect(
        await quote(
          bakkerij,
          contractor('BAB1234', { plates: [{ plate: 'B-AB 1234', country: 'DE' }] }),
        ),
      ).toMatchObject({ needsReview: true, unansweredRegistries: ['rdw'] });
      expect(fakes.rdw.received.length).toBe(before);
    });

    it('grants a paid contractor day permit for that day only, and at most three at a time per business (docs/rules.md §1 contractor day permit, §2 per business)', async () => {
      const plates = ['VF-381-N', 'GB-301-K', 'GB-302-K'];
      for (const plate of plates) {
        const submitted = await apply(bakkerij, contractor(plate));
        expect(submitted.__typename).toBe('PermitApplicationSubmitted');
        await pay(submitted.checkoutUrl);
        expect(await applicationOf(bakkerij, submitted.application.id)).toMatchObject({
          status: 'granted',
          totalCents: 1250,
          validUntil: '2026-11-23T23:00:00.000Z',
        });
      }
      expect(await rightCheck('VF381N', 'D')).toEqual({
        valid: true,
        kind: 'permit',
        validUntil: '2026-11-23T23:00:00.000Z',
      });
      // Only in its own zone: a day permit is for the site's zone.
      expect(await rightCheck('VF381N', 'B')).toMatchObject({ valid: false });
      // A fourth at another address of the business is over its limit.
      expect(
        await quote(bakkerij, contractor('GB-303-K', { addressKey: 'delft-markt-7a' })),
      ).toMatchObject({ rule: 'ELIGIBILITY_BUSINESS_LIMIT_REACHED', params: { max: 3 } });
      // Tomorrow's day is another day: the plate has no right yet then.
      expect(
        await quote(bakkerij, contractor('GB-304-K', { startsOn: '2026-11-24' })),
      ).toMatchObject({ rule: 'ELIGIBILITY_BUSINESS_LIMIT_REACHED' });
    });

    it('makes a paid care permit wait for an official who reads the statement; granted, it is valid in every zone of the town (docs/rules.md §1 care permit)', async () => {
      const document = await statement('anna@demo.parkeer.nl');
      const submitted = await apply(anna, care('GX-001-E', [document]));
      expect(submitted.application).toMatchObject({ status: 'awaitingPayment', totalCents: 5590 });
      await pay(submitted.checkoutUrl);
      expect(await applicationOf(anna, submitted.application.id)).toMatchObject({
        status: 'awaitingReview',
        paymentStatus: 'paid',
      });
      expect(await rightCheck('GX001E', 'B')).toMatchObject({ valid: false });
      const decided = await delftAdmin.request<Data>(decide, {
        input: { applicationId: submitted.application.id, approve: true },
      });
      expect(decided.errors).toBeUndefined();
      expect(decided.data!.decidePermitApplication.application.status).toBe('granted');
      for (const zone of ['B', 'C', 'TU']) {
        expect(await rightCheck('GX001E', zone)).toMatchObject({ valid: true, kind: 'permit' });
      }
      // Not in another town's zones.
      expect(await rightCheck('GX001E', 'centrum', 'oudstad')).toMatchObject({ valid: false });
    });

    it("lets the town's admin set a zone's emission rule, validated whole and audited; the counter follows it (docs/rules.md §2 emission rule)", async () => {
      const zones = (await delftAdmin.request<Data>(zonesQuery)).data!.adminZones as Data[];
      expect(zones.find((zone) => zone.code === 'B')!.emissionRule).toEqual({
        diesel: 6,
        petrol: null,
        lpg: null,
        cng: null,
      });
      const zoneD = zones.find((zone) => zone.code === 'D')!;
      expect(zoneD.emissionRule).toBeNull();
      // A care permit is valid in every zone of the town: each zone's rule judges it.
      const document = await statement('anna@demo.parkeer.nl');
      const zonesRefusing = async () =>
        ((await quote(anna, care('DN-404-D', [document]))).reasons as Data[])
          .filter((reason) => reason.rule === 'ELIGIBILITY_VEHICLE_EMISSION')
          .map((reason) => reason.params.zone);
      expect(await zonesRefusing()).toEqual(['B']);

      const invalid = await delftAdmin.request<Data>(emissionMutation, {
        id: zoneD.id,
        rule: { diesel: 9, petrol: 0 },
      });
      expect(invalid.errors?.[0]?.extensions?.code).toBe('SETTINGS_INVALID');
      expect(
        (invalid.errors![0]!.extensions!.problems as Data[]).map((p) => `${p.code} ${p.path}`),
      ).toEqual([
        'SETTING_NOT_POSITIVE emissionRule.minimumEuroClass.petrol',
        'SETTING_TOO_LARGE emissionRule.minimumEuroClass.diesel',
      ]);
      const set = await delftAdmin.request<Data>(emissionMutation, {
        id: zoneD.id,
        rule: { diesel: 6, petrol: 4 },
      });
      expect(set.errors).toBeUndefined();
      expect(set.data!.setZoneEmissionRule.emissionRule).toEqual({
        diesel: 6,
        petrol: 4,
        lpg: null,
        cng: null,
      });
      expect(await zonesRefusing()).toEqual(['B', 'D']);
      // Another town's admin does not find the zone.
      const oudstadAdmin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
      const foreign = await oudstadAdmin.request<Data>(emissionMutation, {
        id: zoneD.id,
        rule: null,
      });
      expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const cleared = await delftAdmin.request<Data>(emissionMutation, {
        id: zoneD.id,
        rule: null,
      });
      expect(cleared.data!.setZoneEmissionRule.emissionRule).toBeNull();
      expect(await zonesRefusing()).toEqual(['B']);
      const audit = (await delftAdmin.request<Data>(auditQuery, { subjectId: zoneD.id })).data!
        .auditLog.edges as Data[];
      expect(
        audit
          .map((edge) => edge.node)
          .filter((node) => node.action === 'zone.emissionRule.set')
          .map((node) => node.after),
      ).toEqual(expect.arrayContaining([null, { minimumEuroClass: { diesel: 6, petrol: 4 } }]));
    });

    it('keeps a care permit always reviewed when a form leaves the setting out, and turns it off when told (docs/rules.md §1 care permit)', async () => {
      const stored = async () =>
        await api.orm.em
          .fork()
          .findOneOrFail(ProductType, { code: 'care-permit', municipality: { code: 'delft' } });
      const product = await stored();
      const { alwaysReviewed, ...counter } = product.counter!;
      expect(alwaysReviewed).toBe(true);
      const input = (extra: Data) => ({
        nameNl: product.name.nl,
        nameEn: product.name.en,
        delegationAllowed: product.delegationAllowed,
        sessionPolicy: null,
        topUpPolicy: null,
        counter: { ...counter, ...extra },
      });
      const save = (extra: Data) =>
        delftAdmin.request<Data>(updateProduct, { id: product.id, input: input(extra) });
      const kept = await save({});
      expect(kept.errors).toBeUndefined();
      expect(kept.data!.updateProductSettings.counter).toEqual({
        period: 'year',
        alwaysReviewed: true,
      });
      await save({ alwaysReviewed: false });
      expect((await stored()).counter!.alwaysReviewed).toBeUndefined();
      await save({ alwaysReviewed: true });
      expect((await stored()).counter!.alwaysReviewed).toBe(true);
    });

    it("judges a new plate as at the application: the counter's plate change and the back office's (docs/rules.md §2 vehicle check)", async () => {
      const em = api.em();
      const permit = await em.findOneOrFail(Permit, {
        productType: { code: 'care-permit' },
        holder: { email: 'anna@demo.parkeer.nl' },
      });
      const change = (plate: string) =>
        anna.request<Data>(plateMutation, {
          input: { permitId: permit.id, plate: { plate }, idempotencyKey: nextKey() },
        });
      expect((await change('KW-123-P')).data!.requestPlateChange).toMatchObject({
        __typename: 'PermitApplicationRefused',
        rule: 'ELIGIBILITY_VEHICLE_EXCLUDED',
        params: { plate: 'KW-123-P', category: 'recreationalVehicle' },
      });
      expect((await change('DN-404-D')).data!.requestPlateChange).toMatchObject({
        rule: 'ELIGIBILITY_VEHICLE_EMISSION',
      });
      fakes.rdw.mode = 'down';
      try {
        expect((await change('GB-305-K')).data!.requestPlateChange).toMatchObject({
          rule: 'ELIGIBILITY_VEHICLE_REGISTRY_UNANSWERED',
        });
      } finally {
        fakes.rdw.mode = 'up';
      }

      const byAdmin = await delftAdmin.request<Data>(adminPlateMutation, {
        id: permit.id,
        plate: 'WV-123-T',
      });
      expect(byAdmin.errors?.[0]?.extensions).toMatchObject({
        code: 'ELIGIBILITY_VEHICLE_EXCLUDED',
      });
      const allowed = await delftAdmin.request<Data>(adminPlateMutation, {
        id: permit.id,
        plate: 'GB-306-K',
      });
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data!.changePermitPlate.plates).toContainEqual({
        plate: 'GB306K',
        active: true,
      });
    });
  },
);
