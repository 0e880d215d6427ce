import { beforeAll, describe, expect, it } from 'vitest';
import { Municipality } from '../src/model/municipality.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ProductType } from '../src/model/product-type.entity.js';
import { Zone } from '../src/model/zone.entity.js';
import type { TestClient } from './graphql-client.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const fields = `id code nameNl nameEn delegationAllowed sessionPolicy {
    maxDurationMinutes defaultEnd latestEnd maxConcurrentSessions insufficientBalance
    invalidWeekdays pastStartToleranceMinutes }
  topUpPolicy holderTypes maxPerAddress maxPerBusiness maxPerEstablishment`;
const products = `{ adminProductTypes { ${fields} } }`;
const update = `mutation ($id: ID!, $input: ProductSettingsInput!) {
  updateProductSettings(id: $id, input: $input) { ${fields} } }`;
const audit = `query ($filter: AuditLogFilter) { auditLog(filter: $filter) {
  edges { node { action before after } } } }`;
const offersQuery = `query ($addressKey: String) { permitOffers(addressKey: $addressKey) {
  productTypeCode available refusals { rule params } } }`;

const errorOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions;
const problemsOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  (errorOf(result)?.problems as { code: string; path: string }[] | undefined)?.map(
    (problem) => `${problem.code} ${problem.path}`,
  );

/** What the back office's form sends: the stored settings, with the applicant rules set. */
const inputOf = (product: Data, applicants?: Data) => ({
  nameNl: product.nameNl,
  nameEn: product.nameEn,
  delegationAllowed: product.delegationAllowed,
  sessionPolicy: product.sessionPolicy,
  topUpPolicy: product.topUpPolicy,
  ...(applicants ? { applicants } : {}),
});

describe.each(dialects)(
  'who may apply and how many per address, set in the back office, on %s (docs/rules.md §2 who may apply)',
  (dialect) => {
    const api = useDemoApi(dialect, { start: demoMonday });
    let admin: TestClient;
    let anna: TestClient;
    const address = 'oudstad-noord-1';

    beforeAll(async () => {
      admin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
      anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
      // Someone else at the address already holds an active resident permit.
      const em = api.em();
      const oudstad = await em.findOneOrFail(Municipality, { code: 'oudstad' });
      em.create(Permit, {
        municipality: oudstad,
        productType: await em.findOneOrFail(ProductType, {
          municipality: oudstad,
          code: 'resident-permit',
        }),
        zone: await em.findOneOrFail(Zone, { municipality: oudstad, code: 'centrum' }),
        holder: null,
        holderType: 'resident',
        addressKey: address,
        addressLabel: 'Noord 1, Oudstad',
        validFrom: new Date(demoMonday.getTime() - 86_400_000),
        validUntil: new Date(demoMonday.getTime() + 90 * 86_400_000),
        status: 'active',
        productCode: 'BV100001',
        pinHash: 'not-used',
      });
      await em.flush();
    });

    const product = async (code: string) =>
      ((await admin.request<Data>(products)).data!.adminProductTypes as Data[]).find(
        (type) => type.code === code,
      )!;
    const setApplicants = async (code: string, applicants?: Data) => {
      const stored = await product(code);
      return admin.request<Data>(update, { id: stored.id, input: inputOf(stored, applicants) });
    };
    const residentOffer = async () => {
      const result = await anna.request<Data>(offersQuery, { addressKey: address });
      expect(result.errors).toBeUndefined();
      return (result.data!.permitOffers as Data[]).find(
        (offer) => offer.productTypeCode === 'resident-permit',
      )!;
    };

    it('shows each product type’s applicant rules as the demo set them', async () => {
      expect(await product('resident-permit')).toMatchObject({
        holderTypes: ['resident'],
        maxPerAddress: null,
        maxPerBusiness: 1,
        maxPerEstablishment: null,
      });
      expect(await product('visitor-permit')).toMatchObject({
        holderTypes: ['resident', 'business'],
        maxPerAddress: 1,
      });
    });

    it('a maximum per address the admin sets refuses the next application at the counter, and raising it offers it again', async () => {
      expect(await residentOffer()).toMatchObject({ available: true, refusals: [] });

      const limited = await setApplicants('resident-permit', {
        holderTypes: ['resident'],
        maxPerAddress: 1,
        maxPerBusiness: null,
        maxPerEstablishment: null,
      });
      expect(limited.errors).toBeUndefined();
      expect(limited.data!.updateProductSettings).toMatchObject({ maxPerAddress: 1 });
      expect(await residentOffer()).toMatchObject({
        available: false,
        refusals: [{ rule: 'ELIGIBILITY_ADDRESS_LIMIT_REACHED', params: { max: 1 } }],
      });

      const raised = await setApplicants('resident-permit', {
        holderTypes: ['resident'],
        maxPerAddress: 2,
        maxPerBusiness: null,
        maxPerEstablishment: null,
      });
      expect(raised.errors).toBeUndefined();
      expect(await residentOffer()).toMatchObject({ available: true, refusals: [] });
    });

    it('who may apply: a product for businesses only is refused to a resident, naming the rule', async () => {
      const result = await setApplicants('resident-permit', {
        holderTypes: ['business'],
        maxPerAddress: null,
        maxPerBusiness: 2,
        maxPerEstablishment: null,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateProductSettings).toMatchObject({
        holderTypes: ['business'],
        maxPerBusiness: 2,
      });
      expect((await residentOffer()).refusals).toEqual([
        { rule: 'ELIGIBILITY_NOT_FOR_RESIDENTS', params: null },
      ]);
    });

    it('keeps the stored rules when a form leaves them out, and audits every change with before and after', async () => {
      const kept = await setApplicants('resident-permit');
      expect(kept.errors).toBeUndefined();
      expect(kept.data!.updateProductSettings).toMatchObject({
        holderTypes: ['business'],
        maxPerBusiness: 2,
      });
      await setApplicants('resident-permit', {
        holderTypes: ['resident', 'business'],
        maxPerAddress: 1,
        maxPerBusiness: 1,
        maxPerEstablishment: 1,
      });
      const id = (await product('resident-permit')).id;
      const log = await admin.request<Data>(audit, {
        filter: { subjectId: id, action: 'productType.settings.set' },
      });
      // The demo's clock stands still, so the entries are found by what they say, not by time.
      const latest = (log.data!.auditLog.edges as Data[]).find(
        (edge) => edge.node.after.applicants.maxPerEstablishment === 1,
      );
      expect(latest!.node.before.applicants).toEqual({
        holderTypes: ['business'],
        maxPerAddress: null,
        maxPerBusiness: 2,
        maxPerEstablishment: null,
      });
      expect(latest!.node.after.applicants).toEqual({
        holderTypes: ['resident', 'business'],
        maxPerAddress: 1,
        maxPerBusiness: 1,
        maxPerEstablishment: 1,
      });
    });

    it('refuses bad rules as SETTINGS_INVALID naming each field, and stores nothing', async () => {
      const before = await product('resident-permit');
      const bad = await setApplicants('resident-permit', {
        holderTypes: [],
        maxPerAddress: 0,
        maxPerBusiness: 101,
        maxPerEstablishment: null,
      });
      expect(errorOf(bad)?.code).toBe('SETTINGS_INVALID');
      expect(problemsOf(bad)).toEqual([
        'SETTING_REQUIRED applicants.holderTypes',
        'SETTING_NOT_POSITIVE applicants.maxPerAddress',
        'SETTING_TOO_LARGE applicants.maxPerBusiness',
      ]);
      const unknown = await setApplicants('resident-permit', {
        holderTypes: ['resident', 'tourist'],
        maxPerAddress: null,
        maxPerBusiness: null,
        maxPerEstablishment: null,
      });
      expect(problemsOf(unknown)).toEqual(['SETTING_INVALID_CHOICE applicants.holderTypes[1]']);
      expect(await product('resident-permit')).toEqual(before);
    });

    it('holds the visitor permit, which the database keeps to one per address, at one', async () => {
      const result = await setApplicants('visitor-permit', {
        holderTypes: ['resident', 'business'],
        maxPerAddress: 2,
        maxPerBusiness: 1,
        maxPerEstablishment: null,
      });
      expect(problemsOf(result)).toEqual(['SETTING_ONE_PER_ADDRESS applicants.maxPerAddress']);
    });

    it('lets only the town’s own admin set them: the desk is FORBIDDEN, another town’s admin NOT_FOUND', async () => {
      const stored = await product('resident-permit');
      const input = inputOf(stored, {
        holderTypes: ['resident'],
        maxPerAddress: null,
        maxPerBusiness: null,
        maxPerEstablishment: null,
      });
      const desk = await loggedIn(api.url, 'balie@oudstad.demo.parkeer.nl');
      const delft = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
      expect(errorOf(await desk.request(update, { id: stored.id, input }))?.code).toBe('FORBIDDEN');
      expect(errorOf(await delft.request(update, { id: stored.id, input }))?.code).toBe(
        'NOT_FOUND',
      );
      expect(await product('resident-permit')).toEqual(stored);
    });
  },
);
