import { beforeAll, describe, expect, it } from 'vitest';
import { ensureWaitingListJob, runDueJobs } from '../src/jobs/job-runner.js';
import { PermitApplication } from '../src/model/permit-application.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ProductType } from '../src/model/product-type.entity.js';
import { ScheduledJob } from '../src/model/scheduled-job.entity.js';
import { Zone } from '../src/model/zone.entity.js';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const applyMutation = `mutation ($input: ApplyForPermitInput!) { applyForPermit(input: $input) {
  __typename ... on PermitApplicationSubmitted { application { id status waitingListPosition } } } }`;
const setQuotaMutation = `mutation ($input: SetQuotaInput!) { setQuota(input: $input) { taken waiting } }`;
const moveMutation = `mutation ($input: MoveInput!) { reportMove(input: $input) {
  done permits { action } } }`;
const revokeMutation = `mutation ($id: ID!, $occasion: RefundOccasion!) {
  revokePermit(id: $id, occasion: $occasion) { permit { status } } }`;
const payOfferMutation = `mutation ($id: ID!) { payPermitOffer(applicationId: $id) { checkoutUrl } }`;

/**
 * docs/rules.md §2 quotas, passing offers along: a place freed by a move or by the back office's
 * revoke reaches the first in line in the freeing transaction's wake, not on the job's next round.
 */
describe.each(dialects)('quota places freed at once on %s (docs/rules.md §2 quotas)', (dialect) => {
  const api = useDemoApi(dialect);
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;
  let admin: TestClient;
  let zoneId: string;
  let productTypeId: string;
  let key = 0;

  const ask = async (client: TestClient, query: string, variables: Data = {}) => {
    const result = await client.request<Data>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const apply = async (client: TestClient) =>
    (
      await ask(client, applyMutation, {
        input: {
          application: {
            productTypeCode: 'resident-permit',
            addressKey: 'oudstad-noord-1',
            plates: [{ plate: 'GB-123-K' }],
          },
          idempotencyKey: `freed-${dialect}-${++key}`,
        },
      })
    ).applyForPermit.application as Data;
  const jobDueNow = async () =>
    (await api.em().findOneOrFail(ScheduledJob, { kind: 'waitingLists' })).runAt.getTime() <=
    api.now.getTime();
  const statusOf = async (applicationId: string) =>
    (await api.em().findOneOrFail(PermitApplication, applicationId)).status;
  const press = (checkoutUrl: string) =>
    fetch(api.url + new URL(checkoutUrl).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'paid' }).toString(),
      redirect: 'manual',
    });

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    carla = await loggedIn(api.url, 'carla@demo.parkeer.nl');
    admin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
    const em = api.em();
    const centrum = await em.findOneOrFail(Zone, { code: 'centrum' });
    zoneId = centrum.id;
    productTypeId = (
      await em.findOneOrFail(ProductType, {
        code: 'resident-permit',
        municipality: centrum.municipality.id,
      })
    ).id;
    await ensureWaitingListJob(api.em(), api.now);
    // One place, held by Carla's resident permit.
    const quota = await ask(admin, setQuotaMutation, {
      input: { zoneId, productTypeId, limit: 1, offerDays: 14 },
    });
    expect(quota.setQuota).toEqual({ taken: 1, waiting: 0 });
    // The quota's change brought the job forward; its round offers nothing and sets the next.
    await runDueJobs(api.orm, { now: api.now });
    expect(await jobDueNow()).toBe(false);
  });

  it("shows a newcomer the demo's waiting list: Delft's zone Z, no place free, one waiting (docs/rules.md §2 quotas)", async () => {
    const delftAdmin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const quotas = await ask(
      delftAdmin,
      '{ adminQuotas { zoneCode productTypeCode limit taken waiting } }',
    );
    expect(quotas.adminQuotas).toEqual([
      { zoneCode: 'Z', productTypeCode: 'visitor-permit', limit: 0, taken: 0, waiting: 1 },
    ]);
  });

  it('a move that ends a permit brings the waiting lists forward: the first in line gets the offer at once (docs/rules.md §2 quotas, passing offers along)', async () => {
    const waiting = await apply(anna);
    expect(waiting).toMatchObject({ status: 'waitlisted', waitingListPosition: 1 });
    // Carla moves to Delft: out of Oudstad's paid parking, her Oudstad permits end.
    const moved = await ask(carla, moveMutation, {
      input: { postcode: '2611BA', houseNumber: 1, movedOn: '2026-11-22' },
    });
    expect(moved.reportMove.done).toBe(true);
    expect(moved.reportMove.permits.map((permit: Data) => permit.action)).toContain('end');
    expect(await jobDueNow()).toBe(true);
    await runDueJobs(api.orm, { now: api.now });
    expect(await statusOf(waiting.id)).toBe('offered');
  });

  it("an admin's revoke brings the waiting lists forward: the first in line gets the offer at once (docs/rules.md §2 quotas, passing offers along)", async () => {
    const offered = await api
      .em()
      .findOneOrFail(PermitApplication, { zone: zoneId, status: 'offered' });
    const paying = await ask(anna, payOfferMutation, { id: offered.id });
    expect((await press(paying.payPermitOffer.checkoutUrl)).status).toBeLessThan(400);
    expect(await statusOf(offered.id)).toBe('granted');
    const waiting = await apply(bram);
    expect(waiting).toMatchObject({ status: 'waitlisted', waitingListPosition: 1 });
    await runDueJobs(api.orm, { now: api.now });
    expect(await jobDueNow()).toBe(false);

    const annas = await api.em().findOneOrFail(Permit, {
      zone: zoneId,
      productType: productTypeId,
      status: 'active',
    });
    const revoked = await ask(admin, revokeMutation, { id: annas.id, occasion: 'permitEnded' });
    expect(revoked.revokePermit.permit.status).toBe('revoked');
    expect(await jobDueNow()).toBe(true);
    await runDueJobs(api.orm, { now: api.now });
    expect(await statusOf(waiting.id)).toBe('offered');
  });
});
