import { beforeAll, describe, expect, it } from 'vitest';
import { ensureResidenceRecheckJob, runDueJobs } from '../src/jobs/job-runner.js';
import { Account } from '../src/model/account.entity.js';
import { Address } from '../src/model/address.entity.js';
import { PermitApplication } from '../src/model/permit-application.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ScheduledJob } from '../src/model/scheduled-job.entity.js';
import { applicationEligibility } from '../src/modules/counter/counter-eligibility.js';
import { loginAccounts } from '../src/modules/identity/identity-accounts.js';
import { brpFake, brpFakeAddresses } from '../src/registry-fakes/brp-fake.js';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { useRegistryFakes } from './registry-fakes.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const quoteQuery = `query ($input: PermitApplicationInput!) { quotePermitApplication(input: $input) {
  __typename
  ... on PermitApplicationQuote { needsReview unansweredRegistries reviewReasons }
  ... on PermitApplicationRefused { rule reasons { rule } } } }`;
const offersQuery = `query ($addressKey: String) { permitOffers(addressKey: $addressKey) {
  productTypeCode available refusals { rule } } }`;
const applyMutation = `mutation ($input: ApplyForPermitInput!) { applyForPermit(input: $input) {
  __typename
  ... on PermitApplicationSubmitted { checkoutUrl application { id status reviewReasons
    unansweredRegistries } }
  ... on PermitApplicationRefused { rule } } }`;

/** The fake register's citizen service numbers (src/registry-fakes/brp-fake.ts). */
const carlaBsn = '999991772';
const bramBsn = '999990019';

describe.each(dialects)(
  'a departed holder of the address’s place on %s (docs/rules.md §2 departed holder)',
  (dialect) => {
    const fakes = useRegistryFakes();
    const api = useDemoApi(dialect);
    let bram: TestClient;
    const application = {
      productTypeCode: 'visitor-permit',
      addressKey: 'oudstad-markt-3',
      plates: [],
    };

    const quote = async () => {
      const result = await bram.request<Data>(quoteQuery, { input: application });
      expect(result.errors).toBeUndefined();
      return result.data!.quotePermitApplication;
    };
    /** The counter's offer of the visitor permit at Markt 3: what the page lets Bram pick. */
    const visitorOffer = async () => {
      const result = await bram.request<Data>(offersQuery, { addressKey: application.addressKey });
      expect(result.errors).toBeUndefined();
      return (result.data!.permitOffers as Data[]).find(
        (offer) => offer.productTypeCode === 'visitor-permit',
      );
    };
    const recheckJob = () => api.em().findOneOrFail(ScheduledJob, { kind: 'residenceRecheck' });
    const carlasVisitorPermit = () =>
      api.em().findOneOrFail(Permit, {
        holder: { email: 'carla@demo.parkeer.nl' },
        productType: { code: 'visitor-permit' },
      });
    const askedByDwelling = (since: number) =>
      fakes.brp.received
        .slice(since)
        .filter(
          (request) =>
            (request.body as Data | undefined)?.type === 'ZoekMetAdresseerbaarObjectIdentificatie',
        );

    beforeAll(async () => {
      const admin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
      const set = await admin.request<Data>(
        'mutation { setResidenceCheck(residenceCheck: register) { residenceCheck } }',
      );
      expect(set.errors).toBeUndefined();
      const em = api.em();
      // Markt 3 as the town's data has it once imported from BAG: with its dwelling's id.
      const markt3 = await em.findOneOrFail(Address, { key: 'oudstad-markt-3' });
      markt3.bagObjectId = brpFakeAddresses['oudstad-markt-3'].objectId;
      await em.flush();
      // Carla (who holds Markt 3's visitor permit) and Bram linked to their DigiD, as a login
      // links them; the register has Bram moved in at Markt 3.
      await em.transactional(async (tx) => {
        for (const [email, bsn, name] of [
          ['carla@demo.parkeer.nl', carlaBsn, 'Carla Smit'],
          ['bram@demo.parkeer.nl', bramBsn, 'Bram Jansen'],
        ] as const) {
          await loginAccounts(
            tx,
            { kind: 'digid', identifier: bsn, name, represented: null },
            api.now,
            (await tx.findOneOrFail(Account, { email })).id,
          );
        }
      });
      brpFake(fakes.brp).move(bramBsn, 'oudstad-markt-3', '2026-11-01');
      // The daily re-check, its round of today done.
      await ensureResidenceRecheckJob(api.em(), api.now);
      await api
        .em()
        .nativeUpdate(
          ScheduledJob,
          { kind: 'residenceRecheck' },
          { runAt: new Date(api.now.getTime() + 24 * 60 * 60_000) },
        );
      bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    });

    it('keeps the one-per-address refusal while the register has the holder living there, asked by the dwelling (docs/rules.md §2 departed holder)', async () => {
      const since = fakes.brp.received.length;
      expect(await quote()).toMatchObject({
        __typename: 'PermitApplicationRefused',
        rule: 'ELIGIBILITY_ADDRESS_LIMIT_REACHED',
      });
      const asked = askedByDwelling(since);
      expect(asked).toHaveLength(1);
      // The counter's list says the same, so the page does not offer it.
      expect(await visitorOffer()).toMatchObject({
        available: false,
        refusals: [{ rule: 'ELIGIBILITY_ADDRESS_LIMIT_REACHED' }],
      });
      expect(asked[0]!.body).toMatchObject({
        adresseerbaarObjectIdentificatie: '9999010000000001',
        fields: ['burgerservicenummer', 'verblijfplaats'],
      });
    });

    it('sends the application to an official when the register does not answer, never a yes (docs/rules.md §2 departed holder)', async () => {
      fakes.brp.mode = 'down';
      try {
        expect(await quote()).toEqual({
          __typename: 'PermitApplicationQuote',
          needsReview: true,
          unansweredRegistries: ['brp'],
          reviewReasons: ['registerUnanswered'],
        });
      } finally {
        fakes.brp.mode = 'up';
      }
    });

    it('sends the application to an official when the holder has left the address, and the holder to the re-check at once (docs/rules.md §2 departed holder)', async () => {
      brpFake(fakes.brp).move(carlaBsn, 'oudstad-noord-1', '2026-11-15');
      // The counter's list leaves it open, so the page lets Bram apply.
      expect(await visitorOffer()).toMatchObject({ available: true, refusals: [] });
      const since = fakes.brp.received.length;
      const result = await bram.request<Data>(applyMutation, {
        input: { application, idempotencyKey: `departed-${dialect}` },
      });
      expect(result.errors).toBeUndefined();
      const submitted = result.data!.applyForPermit;
      expect(submitted.__typename).toBe('PermitApplicationSubmitted');
      expect(submitted.application).toMatchObject({
        status: 'awaitingPayment',
        reviewReasons: ['holderNotRegisteredAtAddress'],
        unansweredRegistries: [],
      });
      expect(askedByDwelling(since)).toHaveLength(1);
      // Brought forward from tomorrow to now, in the application's transaction.
      expect((await recheckJob()).runAt.getTime()).toBeLessThanOrEqual(api.now.getTime());

      // Paid, it waits for an official rather than being granted.
      const paid = await fetch(api.url + new URL(submitted.checkoutUrl).pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ action: 'paid' }).toString(),
        redirect: 'manual',
      });
      expect(paid.status).toBeLessThan(400);
      const id = submitted.application.id as string;
      expect((await api.em().findOneOrFail(PermitApplication, id)).status).toBe('awaitingReview');
      expect((await carlasVisitorPermit()).addressSlot).toBe('oudstad-markt-3');

      // The re-check moves Carla: her permit gives up Markt 3's place, and the official sees
      // no rule against Bram's application any more.
      await runDueJobs(api.orm, { now: api.now });
      const moved = await carlasVisitorPermit();
      expect(moved.addressSlot).not.toBe('oudstad-markt-3');
      expect(moved.addressKey).not.toBe('oudstad-markt-3');
      expect(await applicationEligibility(api.em(), id, api.now)).toEqual([]);
    });
  },
);
