import { beforeAll, describe, expect, it } from 'vitest';
import { offerDeadline } from '@parkeer/domain/quota/quota';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { PermitApplication } from '../src/model/permit-application.entity.js';
import { ProductType } from '../src/model/product-type.entity.js';
import { Zone } from '../src/model/zone.entity.js';
import { ensureWaitingListJob, runDueJobs } from '../src/jobs/job-runner.js';
import { ScheduledJob } from '../src/model/scheduled-job.entity.js';
import { passWaitingLists } from '../src/modules/quota/quota-offers.js';
import type { TestClient } from './graphql-client.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const applicationFields = `id status checkoutUrl paymentStatus permitId waitingListPosition
  offerExpiresAt totalCents validFrom`;
const applyMutation = `mutation ($input: ApplyForPermitInput!) { applyForPermit(input: $input) {
  __typename
  ... on PermitApplicationSubmitted { checkoutUrl application { ${applicationFields} } }
  ... on PermitApplicationRefused { rule reasons { rule } } } }`;
const applicationQuery = `query ($id: ID!) { permitApplication(id: $id) { ${applicationFields} } }`;
const setQuotaMutation = `mutation ($input: SetQuotaInput!) { setQuota(input: $input) {
  zoneCode productTypeCode limit offerDays permits offers applications taken waiting } }`;
const quotasQuery = `{ adminQuotas { zoneCode productTypeCode limit taken waiting } }`;
const entryFields = `applicationId position status addressLabel joinedAt offerExpiresAt`;
const listQuery = `query ($zoneId: ID!, $productTypeId: ID!) {
  waitingList(zoneId: $zoneId, productTypeId: $productTypeId) { ${entryFields} } }`;
const moveMutation = `mutation ($id: ID!, $position: Int!) {
  moveWaitingListEntry(applicationId: $id, position: $position) { ${entryFields} } }`;
const removeMutation = `mutation ($id: ID!, $reason: String!) {
  removeWaitingListEntry(applicationId: $id, reason: $reason) { ${entryFields} } }`;
const offerMutation = `mutation ($id: ID!) { offerWaitingListEntry(applicationId: $id) { ${entryFields} } }`;
const payOfferMutation = `mutation ($id: ID!) { payPermitOffer(applicationId: $id) {
  checkoutUrl application { ${applicationFields} } } }`;
const endMutation = `mutation ($input: EndPermitInput!) { endPermit(input: $input) { __typename } }`;

describe.each(dialects)('quotas and waiting lists on %s (docs/rules.md §2 quotas)', (dialect) => {
  // Monday 23 November 2026, 10:00 in Amsterdam.
  const now = demoMonday;
  const api = useDemoApi(dialect, { start: now });
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;
  let admin: TestClient;
  let delftAdmin: TestClient;
  let zoneId: string;
  let productTypeId: string;
  let key = 0;
  const nextKey = () => `quota-${dialect}-${++key}`;

  const apply = async (client: TestClient) => {
    const result = await client.request<Data>(applyMutation, {
      input: {
        application: {
          productTypeCode: 'resident-permit',
          addressKey: 'oudstad-noord-1',
          plates: [{ plate: 'GB-123-K' }],
        },
        idempotencyKey: nextKey(),
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.applyForPermit.__typename).toBe('PermitApplicationSubmitted');
    return result.data!.applyForPermit;
  };
  const applicationOf = async (client: TestClient, id: string) => {
    const result = await client.request<Data>(applicationQuery, { id });
    expect(result.errors).toBeUndefined();
    return result.data!.permitApplication;
  };
  const press = (checkoutUrl: string) =>
    fetch(api.url + new URL(checkoutUrl).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'paid' }).toString(),
      redirect: 'manual',
    });
  const list = async () => {
    const result = await admin.request<Data>(listQuery, { zoneId, productTypeId });
    expect(result.errors).toBeUndefined();
    return result.data!.waitingList as Data[];
  };
  const setQuota = (client: TestClient, input: Data) =>
    client.request<Data>(setQuotaMutation, { input: { zoneId, productTypeId, ...input } });
  const activePermits = () =>
    api.em().count(Permit, {
      zone: zoneId,
      productType: productTypeId,
      status: 'active',
    });
  const audits = (action: string) => api.em().find(AuditEntry, { action });
  const mails = (subject: string) =>
    api.em().find(MailOutbox, { subject: { $like: `%${subject}%` } });

  let racedIds: string[] = [];
  let winner: Data;
  let waiter: Data;
  let carlaApplication: Data;

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    carla = await loggedIn(api.url, 'carla@demo.parkeer.nl');
    admin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
    delftAdmin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const em = api.em();
    const centrum = await em.findOneOrFail(Zone, { code: 'centrum' });
    zoneId = centrum.id;
    productTypeId = (
      await em.findOneOrFail(ProductType, {
        code: 'resident-permit',
        municipality: centrum.municipality.id,
      })
    ).id;
    // The waiting lists' recurring job, as the job worker makes it at start.
    await ensureWaitingListJob(api.em(), now);
  });

  it('lets the town set a quota per zone and permit type, validated whole and audited (docs/rules.md §2 quotas)', async () => {
    const bad = await setQuota(admin, { limit: -1, offerDays: 0 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('SETTINGS_INVALID');
    expect(
      (bad.errors?.[0]?.extensions?.problems as Data[]).map((problem) => problem.path),
    ).toEqual(['quota.limit', 'quota.offerDays']);
    // Another town's zone is not there for Delft's admin.
    const other = await setQuota(delftAdmin, { limit: 5, offerDays: 14 });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const denied = await setQuota(anna, { limit: 5, offerDays: 14 });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Carla's resident permit holds one place of two.
    const result = await setQuota(admin, { limit: 2, offerDays: 14 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.setQuota).toEqual({
      zoneCode: 'centrum',
      productTypeCode: 'resident-permit',
      limit: 2,
      offerDays: 14,
      permits: 1,
      offers: 0,
      applications: 0,
      taken: 1,
      waiting: 0,
    });
    expect(await audits('quota.set')).toHaveLength(1);
  });

  it('gives the last place to one of two who apply at once; the other joins the waiting list (docs/rules.md §2 quotas, full quota)', async () => {
    const [first, second] = await Promise.all([apply(anna), apply(bram)]);
    const both = [first, second];
    racedIds = both.map((submitted) => submitted.application.id);
    const placed = both.filter((submitted) => submitted.application.status === 'awaitingPayment');
    const queued = both.filter((submitted) => submitted.application.status === 'waitlisted');
    expect(placed).toHaveLength(1);
    expect(queued).toHaveLength(1);
    expect(placed[0]!.checkoutUrl).toMatch(/^http/);
    // A waiting application has nothing to pay yet, and sees its place in line.
    expect(queued[0]!.checkoutUrl).toBeNull();
    expect(queued[0]!.application).toMatchObject({ waitingListPosition: 1, paymentStatus: null });
    winner = placed[0]!;
    waiter = queued[0]!;
    carlaApplication = (await apply(carla)).application;
    expect(carlaApplication).toMatchObject({ status: 'waitlisted', waitingListPosition: 2 });

    const paid = await press(winner.checkoutUrl);
    expect(paid.status).toBeLessThan(400);
    const owner = winner === first ? anna : bram;
    expect(await applicationOf(owner, winner.application.id)).toMatchObject({
      status: 'granted',
      waitingListPosition: null,
    });
    expect(await activePermits()).toBe(2);
    // Nothing is free: the job offers nothing, and waits for its next round.
    await runDueJobs(api.orm, { now });
    expect(await api.em().count(PermitApplication, { status: 'offered' })).toBe(0);
    expect((await api.em().findOneOrFail(ScheduledJob, { kind: 'waitingLists' })).runAt).toEqual(
      new Date(now.getTime() + 5 * 60_000),
    );
    const quotas = await admin.request<Data>(quotasQuery);
    expect(quotas.data!.adminQuotas).toEqual([
      { zoneCode: 'centrum', productTypeCode: 'resident-permit', limit: 2, taken: 2, waiting: 2 },
    ]);
  });

  it('lets the back office see, move and offer the list, only within the quota; every step audited (docs/rules.md §2 quotas)', async () => {
    expect((await list()).map((entry) => [entry.applicationId, entry.position])).toEqual([
      [waiter.application.id, 1],
      [carlaApplication.id, 2],
    ]);
    const moved = await admin.request<Data>(moveMutation, { id: carlaApplication.id, position: 1 });
    expect(moved.errors).toBeUndefined();
    expect(
      (moved.data!.moveWaitingListEntry as Data[]).map((entry) => entry.applicationId),
    ).toEqual([carlaApplication.id, waiter.application.id]);
    expect(await audits('waitingList.move')).toHaveLength(1);
    // Moved back: the waiter who came first is first again.
    await admin.request<Data>(moveMutation, { id: waiter.application.id, position: 1 });
    const full = await admin.request<Data>(offerMutation, { id: carlaApplication.id });
    expect(full.errors?.[0]?.extensions?.code).toBe('QUOTA_FULL');
    const foreign = await delftAdmin.request<Data>(moveMutation, {
      id: carlaApplication.id,
      position: 1,
    });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('passes an offer to the first in line when a permit ends, with a deadline in local days and a mail (docs/rules.md §2 quotas, offer)', async () => {
    const em = api.em();
    const carlasPermit = await em.findOneOrFail(Permit, {
      zone: zoneId,
      productType: productTypeId,
      addressKey: 'oudstad-markt-3',
    });
    const ended = await carla.request<Data>(endMutation, {
      input: { permitId: carlasPermit.id, idempotencyKey: nextKey() },
    });
    expect(ended.errors).toBeUndefined();
    expect(ended.data!.endPermit.__typename).toBe('PermitEnded');

    // The end brought the job forward to now: the work queue runs it and the offer goes out.
    const job = await api.em().findOneOrFail(ScheduledJob, { kind: 'waitingLists' });
    expect(job.runAt.getTime()).toBeLessThanOrEqual(now.getTime());
    await runDueJobs(api.orm, { now });
    const entries = await list();
    expect(entries[0]).toMatchObject({
      applicationId: waiter.application.id,
      status: 'offered',
      position: null,
      offerExpiresAt: offerDeadline(now, 14, 'Europe/Amsterdam').toISOString(),
    });
    expect(entries[1]).toMatchObject({ applicationId: carlaApplication.id, position: 1 });
    expect(await mails('Er is plaats')).toHaveLength(1);
    expect(await audits('waitingList.offer')).toHaveLength(1);
    // The offer holds the place: a second run offers nothing more.
    expect(await passWaitingLists(api.em(), now)).toEqual({ lapsed: 0, offered: 0 });
  });

  it('lets an unpaid offer lapse at its deadline and passes the place to the next (docs/rules.md §2 quotas, lapsed offer)', async () => {
    const deadline = offerDeadline(now, 14, 'Europe/Amsterdam');
    const before = new Date(deadline.getTime() - 1000);
    expect(await passWaitingLists(api.em(), before)).toEqual({
      lapsed: 0,
      offered: 0,
    });
    expect(await passWaitingLists(api.em(), deadline)).toEqual({
      lapsed: 1,
      offered: 1,
    });
    const em = api.em();
    expect((await em.findOneOrFail(PermitApplication, waiter.application.id)).status).toBe(
      'cancelled',
    );
    const offered = await em.findOneOrFail(PermitApplication, carlaApplication.id);
    expect(offered.status).toBe('offered');
    expect(offered.offerExpiresAt).toEqual(offerDeadline(deadline, 14, 'Europe/Amsterdam'));
    expect(await mails('verlopen')).toHaveLength(1);
    expect(await audits('waitingList.offerLapsed')).toHaveLength(1);
  });

  it("lets the applicant pay an offered place through the counter's payment, and never beyond the quota (docs/rules.md §2 quotas, offer)", async () => {
    const notOffered = await anna.request<Data>(payOfferMutation, { id: racedIds[0] });
    expect(notOffered.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|QUOTA_NOT_OFFERED/);
    const seen = await applicationOf(carla, carlaApplication.id);
    expect(seen).toMatchObject({ status: 'offered', waitingListPosition: null });
    expect(seen.offerExpiresAt).not.toBeNull();
    const result = await carla.request<Data>(payOfferMutation, { id: carlaApplication.id });
    expect(result.errors).toBeUndefined();
    const { checkoutUrl } = result.data!.payPermitOffer;
    expect(checkoutUrl).toMatch(/^http/);
    expect((await press(checkoutUrl)).status).toBeLessThan(400);
    expect(await applicationOf(carla, carlaApplication.id)).toMatchObject({ status: 'granted' });
    expect(await activePermits()).toBe(2);
    expect(await audits('waitingList.offerTaken')).toHaveLength(1);
  });

  it('takes an entry off the list with a reason, mailed and audited (docs/rules.md §2 quotas)', async () => {
    const late = await apply(anna);
    expect(late.application).toMatchObject({ status: 'waitlisted', waitingListPosition: 1 });
    const noReason = await admin.request<Data>(removeMutation, {
      id: late.application.id,
      reason: ' ',
    });
    expect(noReason.errors?.[0]?.extensions?.code).toBe('QUOTA_REASON_REQUIRED');
    const removed = await admin.request<Data>(removeMutation, {
      id: late.application.id,
      reason: 'Dubbele aanvraag',
    });
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeWaitingListEntry).toEqual([]);
    expect(await applicationOf(anna, late.application.id)).toMatchObject({ status: 'refused' });
    expect(await mails('niet meer op de wachtlijst')).toHaveLength(1);
    expect(await audits('waitingList.remove')).toHaveLength(1);
  });

  it('offers places the quota frees when it is raised (docs/rules.md §2 quotas)', async () => {
    const queued = await apply(bram);
    expect(queued.application.status).toBe('waitlisted');
    await setQuota(admin, { limit: 3, offerDays: 7 });
    expect(await passWaitingLists(api.em(), now)).toEqual({ lapsed: 0, offered: 1 });
    const offered = await applicationOf(bram, queued.application.id);
    expect(offered.status).toBe('offered');
    expect(new Date(offered.offerExpiresAt)).toEqual(offerDeadline(now, 7, 'Europe/Amsterdam'));
  });
});
