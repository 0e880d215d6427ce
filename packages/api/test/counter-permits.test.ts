import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../src/seed/demo-seed.js';
import { ensureReminderJob, runDueJobs } from '../src/jobs/job-runner.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { Payment } from '../src/model/payment.entity.js';
import { PermitApplication } from '../src/model/permit-application.entity.js';
import { PermitDocument } from '../src/model/permit-document.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ProductType } from '../src/model/product-type.entity.js';
import { SimulatedIdealProvider } from '../src/modules/payment/simulated-ideal-provider.js';
import { createServer, type RunningServer } from '../src/server.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const applicationFields = `id kind status validFrom validUntil priceCents feeCents totalCents
  plates permitId paymentStatus letters { kind }`;
const refusedFields = `rule message params reasons { rule }`;
const permitFields = `permitId productTypeCode kind zoneCode addressLabel status plates activePlate
  validFrom validUntil renewableFrom canRenew
  renewalQuote { validFrom validUntil priceCents feeCents totalCents }
  canChangePlate plateChangeFeeCents canEnd refundIfEndedNowCents letters { kind }
  applications { kind status }`;
const applyMutation = `mutation ($input: ApplyForPermitInput!) { applyForPermit(input: $input) {
  __typename
  ... on PermitApplicationSubmitted { checkoutUrl application { ${applicationFields} } }
  ... on PermitApplicationRefused { ${refusedFields} } } }`;
const changeResult = `__typename
  ... on PermitApplicationSubmitted { checkoutUrl application { ${applicationFields} } }
  ... on PermitApplicationRefused { ${refusedFields} }`;
const renewMutation = `mutation ($input: RenewPermitInput!) { renewPermit(input: $input) { ${changeResult} } }`;
const plateMutation = `mutation ($input: RequestPlateChangeInput!) {
  requestPlateChange(input: $input) { ${changeResult} } }`;
const endMutation = `mutation ($input: EndPermitInput!) { endPermit(input: $input) {
  __typename
  ... on PermitEnded { refundCents permit { ${permitFields} } }
  ... on PermitApplicationRefused { ${refusedFields} } } }`;
const permitQuery = `query ($permitId: ID!) { counterPermit(permitId: $permitId) { ${permitFields} } }`;
const rightCheckQuery = `query ($input: RightCheckInput!) { rightCheck(input: $input) { valid } }`;

describe.each(dialects)('the permit counter: my permits on %s (docs/rules.md §1)', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  // Monday 23 November 2026, 10:00 in Amsterdam.
  const start = new Date('2026-11-23T09:00:00Z');
  let now = start;
  let bram: TestClient;
  let anna: TestClient;
  let officer: TestClient;
  let permitId: string;
  let key = 0;
  const nextKey = () => `counter-permits-${dialect}-${++key}`;

  const setCounter = async (changes: Data) => {
    const em = database.orm.em.fork();
    const type = await em.findOneOrFail(ProductType, {
      code: 'resident-permit',
      municipality: { code: 'oudstad' },
    });
    type.counter = { ...type.counter!, ...changes };
    await em.flush();
  };
  const checkoutPath = (checkoutUrl: string) => new URL(checkoutUrl).pathname;
  const pay = async (checkoutUrl: string) => {
    const response = await fetch(server.url + checkoutPath(checkoutUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'paid' }).toString(),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
  };
  const green = async (plate: string) => {
    const result = await officer.request<Data>(rightCheckQuery, {
      input: { plate, zone: 'centrum', municipality: 'oudstad' },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.rightCheck.valid as boolean;
  };
  const counterPermit = async (client: TestClient, id: string) => {
    const result = await client.request<Data>(permitQuery, { permitId: id });
    expect(result.errors).toBeUndefined();
    return result.data!.counterPermit;
  };
  const grantedPermit = async (client: TestClient, plate: string, addressKey: string) => {
    const result = await client.request<Data>(applyMutation, {
      input: {
        application: { productTypeCode: 'resident-permit', addressKey, plates: [{ plate }] },
        idempotencyKey: nextKey(),
      },
    });
    expect(result.errors).toBeUndefined();
    await pay(result.data!.applyForPermit.checkoutUrl);
    const em = database.orm.em.fork();
    const permit = await em.findOneOrFail(Permit, {
      addressKey,
      plates: { plate: plate.replaceAll('-', '') },
    });
    return permit.id;
  };

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await seedDemo(database.orm.em.fork(), now);
    server = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => now });
    bram = await loggedIn(server.url, 'bram@demo.parkeer.nl');
    anna = await loggedIn(server.url, 'anna@demo.parkeer.nl');
    officer = await loggedIn(server.url, 'handhaving@demo.parkeer.nl');
    permitId = await grantedPermit(bram, 'GB-123-K', 'oudstad-noord-1');
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.close();
    await database?.dispose();
  });

  it("lists the viewer's counter permits with what may be done now, and hides them from others (docs/rules.md §1 renewal window)", async () => {
    const list = await bram.request<Data>(`{ counterPermits { ${permitFields} } }`);
    expect(list.errors).toBeUndefined();
    expect(list.data!.counterPermits.map((permit: Data) => permit.permitId)).toContain(permitId);
    expect(await counterPermit(bram, permitId)).toMatchObject({
      productTypeCode: 'resident-permit',
      kind: 'residentPermit',
      zoneCode: 'centrum',
      status: 'active',
      plates: ['GB-123-K'],
      activePlate: 'GB-123-K',
      validUntil: '2026-12-31T23:00:00.000Z',
      // 42 days before 1 January 2027.
      renewableFrom: '2026-11-19T23:00:00.000Z',
      canRenew: true,
      renewalQuote: {
        validFrom: '2026-12-31T23:00:00.000Z',
        validUntil: '2027-12-31T23:00:00.000Z',
        priceCents: 9600,
        feeCents: 590,
        totalCents: 10190,
      },
      canChangePlate: true,
      plateChangeFeeCents: 1000,
      canEnd: true,
      // December, the whole month left of the two bought (1600 cents).
      refundIfEndedNowCents: 800,
      letters: [{ kind: 'granted' }],
      applications: [{ kind: 'new', status: 'granted' }],
    });
    const other = await anna.request<Data>(permitQuery, { permitId });
    expect(other.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const bad = await bram.request<Data>(permitQuery, { permitId: 'nope' });
    expect(bad.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('names the permit id in counterPermit and on CounterPermit, and still takes the deprecated permitId (docs/graphql.md, Names)', async () => {
    const byEither = `query ($id: ID, $permitId: ID) {
      counterPermit(id: $id, permitId: $permitId) { id permitId productTypeCode } }`;
    const byId = await bram.request<Data>(byEither, { id: permitId });
    expect(byId.data?.counterPermit).toEqual({
      id: permitId,
      permitId,
      productTypeCode: (await counterPermit(bram, permitId)).productTypeCode,
    });
    const anotherId = crypto.randomUUID();
    for (const variables of [{}, { id: permitId, permitId: anotherId }]) {
      const refused = await bram.request<Data>(byEither, variables);
      expect(refused.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it("answers someone else's permit, a bad id and a bad plate with typed errors and refusals (docs/rules.md §1 plate change)", async () => {
    const otherRenew = await anna.request<Data>(renewMutation, {
      input: { permitId, idempotencyKey: nextKey() },
    });
    expect(otherRenew.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const badEnd = await bram.request<Data>(endMutation, {
      input: { permitId: 'not-an-id', idempotencyKey: nextKey() },
    });
    expect(badEnd.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const badPlate = await bram.request<Data>(plateMutation, {
      input: { permitId, plate: { plate: '!!' }, idempotencyKey: nextKey() },
    });
    expect(badPlate.data!.requestPlateChange).toMatchObject({
      __typename: 'PermitApplicationRefused',
      rule: 'COUNTER_PLATE_INVALID',
      params: { plate: '!!' },
    });
    const badDay = await bram.request<Data>(endMutation, {
      input: { permitId, endsOn: '2026-11-22', idempotencyKey: nextKey() },
    });
    expect(badDay.data!.endPermit).toMatchObject({
      rule: 'COUNTER_END_DATE_INVALID',
      params: { until: '2027-01-01' },
    });
  });

  it('refuses a renewal before its window opens, naming the day it does (docs/rules.md §1 renewal window)', async () => {
    await setCounter({ renewalWindowDays: 7 });
    try {
      expect(await counterPermit(bram, permitId)).toMatchObject({ canRenew: false });
      const result = await bram.request<Data>(renewMutation, {
        input: { permitId, idempotencyKey: nextKey() },
      });
      expect(result.data!.renewPermit).toMatchObject({
        __typename: 'PermitApplicationRefused',
        rule: 'COUNTER_RENEWAL_NOT_YET',
        params: { from: '2026-12-25' },
      });
    } finally {
      await setCounter({ renewalWindowDays: 42 });
    }
  });

  it('renews for the next whole year once paid: the end moves and an extended letter is made (docs/rules.md §1 renewal)', async () => {
    const result = await bram.request<Data>(renewMutation, {
      input: { permitId, idempotencyKey: nextKey() },
    });
    expect(result.errors).toBeUndefined();
    const submitted = result.data!.renewPermit;
    expect(submitted.application).toMatchObject({
      kind: 'renewal',
      status: 'awaitingPayment',
      validFrom: '2026-12-31T23:00:00.000Z',
      validUntil: '2027-12-31T23:00:00.000Z',
      totalCents: 10190,
      permitId,
    });
    // One change at a time.
    const second = await bram.request<Data>(renewMutation, {
      input: { permitId, idempotencyKey: nextKey() },
    });
    expect(second.data!.renewPermit.rule).toBe('COUNTER_CHANGE_PENDING');

    // Two renewals filed at the same moment both get past that check: the one paid first
    // takes effect, the other finds its term gone and its money goes back.
    const em = database.orm.em.fork();
    const first = submitted.application.id;
    await em.nativeUpdate(PermitApplication, { id: first }, { status: 'cancelled' });
    const rival = (
      await bram.request<Data>(renewMutation, { input: { permitId, idempotencyKey: nextKey() } })
    ).data!.renewPermit;
    await em.nativeUpdate(PermitApplication, { id: first }, { status: 'awaitingPayment' });
    await pay(rival.checkoutUrl);
    await pay(submitted.checkoutUrl);
    const late = await em.fork().findOneOrFail(PermitApplication, first);
    expect(late).toMatchObject({
      status: 'refused',
      decisionReason: 'COUNTER_RENEWAL_NOT_POSSIBLE',
    });
    expect(await em.fork().findOneOrFail(Payment, { application: first })).toMatchObject({
      status: 'refunded',
      refundReason: 'applicationRefused',
      refundCents: 10190,
    });
    const permit = await counterPermit(bram, permitId);
    expect(permit).toMatchObject({
      validUntil: '2027-12-31T23:00:00.000Z',
      canRenew: false,
    });
    // The rival renewal's refusal letter is kept with the permit too.
    expect(permit.letters.map((letter: Data) => letter.kind).sort()).toEqual([
      'extended',
      'granted',
      'refused',
    ]);
  });

  it("changes the plate for a fee once paid: the old plate's right ends the second the new one's starts (docs/rules.md §1 plate change)", async () => {
    const result = await bram.request<Data>(plateMutation, {
      input: { permitId, plate: { plate: 'gb 124 k' }, idempotencyKey: nextKey() },
    });
    expect(result.errors).toBeUndefined();
    const submitted = result.data!.requestPlateChange;
    expect(submitted.application).toMatchObject({
      kind: 'plateChange',
      status: 'awaitingPayment',
      plates: ['GB-124-K'],
      totalCents: 1000,
    });
    expect([await green('GB123K'), await green('GB124K')]).toEqual([true, false]);
    await pay(submitted.checkoutUrl);
    expect([await green('GB123K'), await green('GB124K')]).toEqual([false, true]);
    expect(await counterPermit(bram, permitId)).toMatchObject({
      plates: ['GB-124-K'],
      activePlate: 'GB-124-K',
    });
    const same = await bram.request<Data>(plateMutation, {
      input: { permitId, plate: { plate: 'GB-124-K' }, idempotencyKey: nextKey() },
    });
    expect(same.data!.requestPlateChange.rule).toBe('COUNTER_PLATE_UNCHANGED');
  });

  it('changes the plate at once where the town charges nothing, with the changed letter (docs/rules.md §1 plate change)', async () => {
    await setCounter({ plateChangeFeeCents: 0 });
    try {
      const result = await bram.request<Data>(plateMutation, {
        input: { permitId, plate: { plate: 'GB-125-K' }, idempotencyKey: nextKey() },
      });
      expect(result.data!.requestPlateChange).toMatchObject({
        checkoutUrl: null,
        application: { status: 'granted', totalCents: 0, paymentStatus: null },
      });
      expect([await green('GB124K'), await green('GB125K')]).toEqual([false, true]);
      const letters = (await counterPermit(bram, permitId)).letters.map((l: Data) => l.kind);
      expect(letters.filter((kind: string) => kind === 'changed')).toHaveLength(2);
    } finally {
      await setCounter({ plateChangeFeeCents: 1000 });
    }
  });

  it('mails one reminder per permit and term before it expires, with the link to renew (docs/rules.md §1 reminders)', async () => {
    const other = await grantedPermit(anna, 'GB-126-K', 'oudstad-markt-3');
    const em = database.orm.em.fork();
    await ensureReminderJob(em, now);
    // Only the reminders: the decision letters are mailed too (modules/letter).
    const mailsTo = (email: string) =>
      em.fork().find(MailOutbox, { recipient: email, subject: { $like: '%loopt binnenkort af%' } });
    // 28 days before 1 January 2027 is 4 December: not yet.
    await runDueJobs(database.orm, { now });
    expect(await mailsTo('anna@demo.parkeer.nl')).toHaveLength(0);
    now = new Date('2026-12-04T09:00:00Z');
    try {
      await runDueJobs(database.orm, { now });
      now = new Date('2026-12-04T11:00:00Z');
      await runDueJobs(database.orm, { now });
      const mails = await mailsTo('anna@demo.parkeer.nl');
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe('Uw Bewonersvergunning loopt binnenkort af');
      expect(mails[0]!.text).toContain('geldig tot en met 31 december 2026');
      expect(mails[0]!.text).toContain(`/vergunningen/${other}/verlengen`);
      // Bram renewed until the end of 2027: no reminder for him yet.
      expect(await mailsTo('bram@demo.parkeer.nl')).toHaveLength(0);
    } finally {
      now = start;
    }
  });

  it('lets the back office block a counter permit, which has no sessions: its right goes until it is unblocked (docs/rules.md §2 Moving, blocking)', async () => {
    const admin = await loggedIn(server.url, 'beheer@oudstad.demo.parkeer.nl');
    const block = await admin.request<Data>(
      'mutation ($id: ID!) { blockPermit(id: $id, reason: "Onderzoek") { status } }',
      { id: permitId },
    );
    expect(block.errors).toBeUndefined();
    expect(block.data!.blockPermit.status).toBe('blocked');
    expect(await green('GB125K')).toBe(false);
    const unblock = await admin.request<Data>(
      'mutation ($id: ID!) { unblockPermit(id: $id) { status } }',
      { id: permitId },
    );
    expect(unblock.data!.unblockPermit.status).toBe('active');
    expect(await green('GB125K')).toBe(true);
  });

  it('ends a permit now: the right goes at once, the unused terms are refunded through the provider, the fee is not (docs/rules.md §1 early end refund)', async () => {
    const refund = vi.spyOn(SimulatedIdealProvider.prototype, 'refund');
    expect(await counterPermit(bram, permitId)).toMatchObject({
      // December of the first term (800) and the whole renewal not yet begun (9600).
      refundIfEndedNowCents: 10400,
    });
    const late = await bram.request<Data>(endMutation, {
      input: { permitId, endsOn: '2028-01-01', idempotencyKey: nextKey() },
    });
    expect(late.data!.endPermit.rule).toBe('COUNTER_END_DATE_INVALID');

    const endKey = nextKey();
    const result = await bram.request<Data>(endMutation, {
      input: { permitId, idempotencyKey: endKey },
    });
    expect(result.errors).toBeUndefined();
    // A retry with the key gets the first answer, refund included, and ends nothing twice.
    const replay = await bram.request<Data>(endMutation, {
      input: { permitId, idempotencyKey: endKey },
    });
    expect(replay.data).toEqual(result.data);
    expect(result.data!.endPermit).toMatchObject({
      __typename: 'PermitEnded',
      refundCents: 10400,
      permit: { status: 'ended', canEnd: false, canRenew: false, canChangePlate: false },
    });
    expect(await green('GB125K')).toBe(false);

    const em = database.orm.em.fork();
    const payments = await em.find(
      Payment,
      { application: { permit: permitId }, refundReason: 'permitEnded' },
      { orderBy: { refundCents: 'asc' } },
    );
    expect(payments.map((payment) => [payment.refundReason, payment.refundCents])).toEqual([
      ['permitEnded', 800],
      ['permitEnded', 9600],
    ]);
    const rows = await em.find(LedgerEntry, { permit: permitId, kind: 'permitRefund' });
    expect(rows.map((row) => row.moneyCents).sort()).toEqual([-800, -9600].sort());
    const letter = await em.findOneOrFail(PermitDocument, {
      permit: permitId,
      letterKind: 'ended',
    });
    expect(letter.letterData).toMatchObject({ amounts: { refundCents: 10400 } });

    await runDueJobs(database.orm, { now });
    expect(refund.mock.calls.map(([request]) => request.amountCents).sort()).toEqual(
      [800, 9600].sort(),
    );
    const again = await bram.request<Data>(endMutation, {
      input: { permitId, idempotencyKey: nextKey() },
    });
    expect(again.data!.endPermit.rule).toBe('COUNTER_PERMIT_NOT_ACTIVE');
  });

  it('leaves a permit ended at the counter ended: the back office cannot block, unblock, revoke or re-plate it (docs/rules.md §1 early end refund)', async () => {
    const admin = await loggedIn(server.url, 'beheer@oudstad.demo.parkeer.nl');
    const attempts = {
      block: 'mutation ($id: ID!) { blockPermit(id: $id, reason: "test") { id } }',
      unblock: 'mutation ($id: ID!) { unblockPermit(id: $id) { id } }',
      revoke:
        'mutation ($id: ID!) { revokePermit(id: $id, occasion: permitEnded) { refundCents } }',
      plate: 'mutation ($id: ID!) { changePermitPlate(id: $id, plate: "GB-127-K") { id } }',
    };
    for (const [name, mutation] of Object.entries(attempts)) {
      const result = await admin.request<Data>(mutation, { id: permitId });
      expect(result.errors?.[0]?.extensions.code, name).toBe('COUNTER_PERMIT_NOT_ACTIVE');
    }
    expect(await counterPermit(bram, permitId)).toMatchObject({
      status: 'ended',
      plates: ['GB-125-K'],
    });
    expect(await green('GB127K')).toBe(false);
  });

  it('ends a permit from a later day: it keeps its right until then (docs/rules.md §1 early end refund)', async () => {
    const other = await em().findOneOrFail(Permit, {
      addressKey: 'oudstad-markt-3',
      plates: { plate: 'GB126K' },
    });
    const result = await anna.request<Data>(endMutation, {
      input: { permitId: other.id, endsOn: '2026-12-15', idempotencyKey: nextKey() },
    });
    expect(result.data!.endPermit).toMatchObject({
      // Wholemonths: no whole month is left after 15 December.
      refundCents: 0,
      permit: { status: 'active', validUntil: '2026-12-14T23:00:00.000Z' },
    });
    expect(await green('GB126K')).toBe(true);
  });

  const em = () => database.orm.em.fork();
});
