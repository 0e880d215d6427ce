import { beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../src/jobs/job-runner.js';
import { Account } from '../src/model/account.entity.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { Municipality } from '../src/model/municipality.entity.js';
import { Payment } from '../src/model/payment.entity.js';
import { PermitApplication } from '../src/model/permit-application.entity.js';
import { PermitDocument } from '../src/model/permit-document.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { applicationEligibility } from '../src/modules/counter/counter-eligibility.js';
import { grantApplication } from '../src/modules/counter/counter-grant.js';
import type { TestClient } from './graphql-client.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const applicationFields = `id kind status productTypeCode productName zoneCode addressLabel plates
  validFrom validUntil priceCents feeCents totalCents reviewCases explanation decisionReason
  createdAt decidedAt permitId paymentStatus checkoutUrl
  letters { id kind ready downloadUrl } documents { id fileName requirement size }`;
const refusedFields = `rule code message params reasons { rule code message params }`;
const offersQuery = `query ($addressKey: String) { permitOffers(addressKey: $addressKey) {
  productTypeCode kind name period pricePerTermCents administrationFeeCents requiresPlate maxPlates
  maxDaysAhead reviewCases documents { code name when } zoneCode available
  refusals { rule message params } } }`;
const quoteQuery = `query ($input: PermitApplicationInput!) { quotePermitApplication(input: $input) {
  __typename
  ... on PermitApplicationQuote { validFrom validUntil priceCents feeCents totalCents needsReview reviewCases }
  ... on PermitApplicationRefused { ${refusedFields} } } }`;
const applyMutation = `mutation ($input: ApplyForPermitInput!) { applyForPermit(input: $input) {
  __typename
  ... on PermitApplicationSubmitted { checkoutUrl application { ${applicationFields} } }
  ... on PermitApplicationRefused { ${refusedFields} } } }`;
const applicationQuery = `query ($id: ID!) { permitApplication(id: $id) { ${applicationFields} } }`;
const rightCheckQuery = `query ($input: RightCheckInput!) {
  rightCheck(input: $input) { valid kind validUntil } }`;

describe.each(dialects)('the permit counter: applying on %s (docs/rules.md §1)', (dialect) => {
  // Monday 23 November 2026, 10:00 in Amsterdam.
  const now = demoMonday;
  const api = useDemoApi(dialect, { start: now });
  let anna: TestClient;
  let bram: TestClient;
  let bakkerij: TestClient;
  let officer: TestClient;
  let key = 0;
  const nextKey = () => `counter-${dialect}-${++key}`;

  const residentPermit = (overrides: Data = {}) => ({
    productTypeCode: 'resident-permit',
    addressKey: 'oudstad-noord-1',
    plates: [{ plate: 'GB-123-K' }],
    ...overrides,
  });
  const apply = (client: TestClient, application: Data, idempotencyKey = nextKey()) =>
    client.request<Data>(applyMutation, { input: { application, idempotencyKey } });
  const applied = async (client: TestClient, application: Data) => {
    const result = await apply(client, application);
    expect(result.errors).toBeUndefined();
    return result.data!.applyForPermit;
  };
  const applicationOf = async (client: TestClient, id: string) => {
    const result = await client.request<Data>(applicationQuery, { id });
    expect(result.errors).toBeUndefined();
    return result.data!.permitApplication;
  };
  const checkoutPath = (checkoutUrl: string) => new URL(checkoutUrl).pathname;
  const press = (checkoutUrl: string, action: 'paid' | 'cancelled') =>
    fetch(api.url + checkoutPath(checkoutUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action }).toString(),
      redirect: 'manual',
    });
  const rightCheck = async (plate: string, zone: string, municipality: string) => {
    const result = await officer.request<Data>(rightCheckQuery, {
      input: { plate, zone, municipality },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.rightCheck;
  };
  const accountId = async (email: string) => (await api.em().findOneOrFail(Account, { email })).id;

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    bakkerij = await loggedIn(api.url, 'bakkerij@demo.parkeer.nl');
    officer = await loggedIn(api.url, 'handhaving@demo.parkeer.nl');
  });

  it('offers the town of the address its counter permits, each available or with the rule that refuses it (docs/rules.md §1 counter offers)', async () => {
    const result = await anna.request<Data>(offersQuery, { addressKey: 'oudstad-markt-3' });
    expect(result.errors).toBeUndefined();
    const offers = result.data!.permitOffers as Data[];
    expect(offers.map((offer) => offer.productTypeCode)).toEqual([
      'resident-permit',
      'visitor-permit',
    ]);
    expect(offers[0]).toMatchObject({
      kind: 'residentPermit',
      name: 'Bewonersvergunning',
      period: 'year',
      pricePerTermCents: 9600,
      administrationFeeCents: 590,
      requiresPlate: true,
      maxPlates: 1,
      zoneCode: 'centrum',
      available: true,
      refusals: [],
    });
    expect(offers[0]!.documents).toContainEqual({
      code: 'leaseContract',
      name: 'Leasecontract',
      when: 'leaseCar',
    });
    // Carla's visitor permit takes the address's one place.
    expect(offers[1]).toMatchObject({
      available: false,
      refusals: [{ rule: 'ELIGIBILITY_ADDRESS_LIMIT_REACHED', params: { max: 1 } }],
    });
    // The applicant finds the address key by postcode and house number, in any town.
    const found = await anna.request<Data>(
      '{ findAddress(postcode: "9999 ab", houseNumber: 1) { key label zoneCode } }',
    );
    expect(found.data!.findAddress).toEqual({
      key: 'oudstad-noord-1',
      label: 'Noord 1, Oudstad',
      zoneCode: 'centrum',
    });
    const unknown = await anna.request<Data>(offersQuery, { addressKey: 'nowhere-1' });
    expect(unknown.errors?.[0]?.extensions.code).toBe('COUNTER_ADDRESS_UNKNOWN');
  });

  it('quotes a calendar-year resident permit by the months left and the fee (docs/rules.md §1 counter price)', async () => {
    const result = await bram.request<Data>(quoteQuery, { input: residentPermit() });
    expect(result.errors).toBeUndefined();
    expect(result.data!.quotePermitApplication).toEqual({
      __typename: 'PermitApplicationQuote',
      validFrom: now.toISOString(),
      // The local midnight that starts 2027: 23:00 UTC in winter.
      validUntil: '2026-12-31T23:00:00.000Z',
      priceCents: 1600,
      feeCents: 590,
      totalCents: 2190,
      needsReview: false,
      reviewCases: [],
    });
  });

  it('refuses with every rule at once, eligibility and counter rules together, and stores nothing (docs/rules.md §1 counter decision)', async () => {
    const before = await api.em().count(PermitApplication, {});
    const result = await apply(
      bakkerij,
      residentPermit({ plates: [], startsOn: '2026-11-01', reviewCase: 'privateParking' }),
    );
    expect(result.errors).toBeUndefined();
    const refused = result.data!.applyForPermit;
    expect(refused.__typename).toBe('PermitApplicationRefused');
    expect(refused.rule).toBe('ELIGIBILITY_NOT_FOR_BUSINESSES');
    // The Refusal interface's code is the deprecated rule's value (docs/graphql.md).
    expect(refused.code).toBe(refused.rule);
    expect(refused.reasons.map((reason: Data) => reason.code)).toEqual(
      refused.reasons.map((reason: Data) => reason.rule),
    );
    expect(refused.reasons.map((reason: Data) => reason.rule)).toEqual([
      'ELIGIBILITY_NOT_FOR_BUSINESSES',
      'COUNTER_START_IN_PAST',
      'COUNTER_PLATE_REQUIRED',
      'COUNTER_REVIEW_CASE_NOT_ACCEPTED',
    ]);
    expect(refused.reasons[1].message).toBe('De ingangsdatum kan niet in het verleden liggen.');

    const more = await apply(
      bram,
      residentPermit({
        plates: [{ plate: 'GB-123-K' }, { plate: 'not a plate' }],
        startsOn: '2027-06-01',
        reviewCase: 'leaseCar',
      }),
    );
    expect(more.data!.applyForPermit.reasons.map((reason: Data) => reason.rule)).toEqual([
      'COUNTER_START_TOO_FAR_AHEAD',
      'COUNTER_TOO_MANY_PLATES',
      'COUNTER_PLATE_INVALID',
      'COUNTER_EXPLANATION_REQUIRED',
      'COUNTER_DOCUMENT_MISSING',
    ]);
    expect(more.data!.applyForPermit.reasons[4]).toMatchObject({
      message: 'Voeg dit document toe: Leasecontract.',
      params: { document: 'Leasecontract', code: 'leaseContract' },
    });
    const notSold = await apply(bram, residentPermit({ addressKey: 'delft-markt-7' }));
    expect(notSold.data!.applyForPermit.rule).toBe('COUNTER_NOT_OFFERED');
    expect(await api.em().count(PermitApplication, {})).toBe(before);
  });

  it('applies, pays at the provider and is granted by the webhook in one go: the right-check is green for the plate at once (docs/rules.md §1 paid application)', async () => {
    expect(await rightCheck('GB123K', 'centrum', 'oudstad')).toMatchObject({ valid: false });
    const submitted = await applied(bram, residentPermit());
    expect(submitted.__typename).toBe('PermitApplicationSubmitted');
    expect(submitted.checkoutUrl).toMatch(/\/betalen\/simulatie\/sim_/);
    expect(submitted.application).toMatchObject({
      kind: 'new',
      status: 'awaitingPayment',
      productTypeCode: 'resident-permit',
      zoneCode: 'centrum',
      addressLabel: 'Noord 1, Oudstad',
      plates: ['GB-123-K'],
      totalCents: 2190,
      paymentStatus: 'open',
      permitId: null,
    });
    const id = submitted.application.id;

    const response = await press(submitted.checkoutUrl, 'paid');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(new RegExp(`/loket/aanvraag/${id}$`));

    const granted = await applicationOf(bram, id);
    expect(granted).toMatchObject({
      status: 'granted',
      paymentStatus: 'paid',
      checkoutUrl: null,
      decidedAt: now.toISOString(),
    });
    // The letters module prints the PDF in the decision's transaction: ready at once.
    expect(granted.letters).toEqual([expect.objectContaining({ kind: 'granted', ready: true })]);
    expect(await rightCheck('GB123K', 'centrum', 'oudstad')).toEqual({
      valid: true,
      kind: 'permit',
      validUntil: '2026-12-31T23:00:00.000Z',
    });

    const em = api.em();
    const permit = await em.findOneOrFail(Permit, granted.permitId, { populate: ['holder'] });
    expect(permit.holder!.email).toBe('bram@demo.parkeer.nl');
    expect(permit.status).toBe('active');
    const rows = await em.find(LedgerEntry, { permit: permit.id });
    expect(rows).toEqual([
      expect.objectContaining({ kind: 'permitFee', amount: 0, moneyCents: 2190, sequence: 1 }),
    ]);
    expect(await em.count(AuditEntry, { subjectId: id, action: 'permitApplication.grant' })).toBe(
      1,
    );
    const letter = await em.findOneOrFail(PermitDocument, { application: id, kind: 'letter' });
    expect(letter.letterData).toMatchObject({
      plates: ['GB-123-K'],
      amounts: { priceCents: 1600, feeCents: 590, totalCents: 2190 },
    });

    // A second report of the same payment changes nothing.
    const again = await press(submitted.checkoutUrl, 'paid');
    expect(again.status).toBe(303);
    expect(
      await em.fork().count(Permit, { holder: permit.holder!.id, addressKey: 'oudstad-noord-1' }),
    ).toBe(1);
  });

  it('answers eight simultaneous copies of one application with one application and one payment (docs/graphql.md, Idempotency keys)', async () => {
    const idempotencyKey = nextKey();
    const application = residentPermit({ plates: [{ plate: 'GB-124-K' }] });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => apply(bram, application, idempotencyKey)),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const ids = new Set(answers.map((answer) => answer.data!.applyForPermit.application.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(new Set(answers.map((answer) => answer.data!.applyForPermit.checkoutUrl)).size).toBe(1);
    const em = api.em();
    expect(await em.count(PermitApplication, { idempotencyKey })).toBe(1);
    expect(await em.count(Payment, { application: id })).toBe(1);
    // Not paid yet: nobody can grant it (an official's approval included).
    await expect(
      em.fork().transactional((tx) => grantApplication(tx, id!, { at: now, decidedById: null })),
    ).rejects.toMatchObject({ code: 'COUNTER_NOT_PAID' });
    const reused = await apply(
      bram,
      residentPermit({ plates: [{ plate: 'GB-125-K' }] }),
      idempotencyKey,
    );
    expect(reused.errors?.[0]?.extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('cancels an application whose payment is cancelled (docs/rules.md §1 paid application)', async () => {
    const submitted = await applied(bram, residentPermit({ plates: [{ plate: 'GB-126-K' }] }));
    await press(submitted.checkoutUrl, 'cancelled');
    const cancelled = await applicationOf(bram, submitted.application.id);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      paymentStatus: 'cancelled',
      permitId: null,
    });
    expect(await rightCheck('GB126K', 'centrum', 'oudstad')).toMatchObject({ valid: false });
  });

  it('grants a free application at once, without a payment (docs/rules.md §1 counter price)', async () => {
    const em = api.em();
    await em.nativeUpdate(Municipality, { code: 'delft' }, { administrationFeeCents: 0 });
    try {
      const submitted = await applied(anna, {
        productTypeCode: 'visitor-permit',
        addressKey: 'delft-nieuwe-langendijk-12',
        plates: [],
      });
      expect(submitted.checkoutUrl).toBeNull();
      expect(submitted.application).toMatchObject({
        status: 'granted',
        totalCents: 0,
        paymentStatus: null,
        zoneCode: 'F',
      });
      const permit = await em.findOneOrFail(Permit, submitted.application.permitId);
      expect(permit.addressSlot).toBe('delft-nieuwe-langendijk-12');
      const letter = await em.findOneOrFail(PermitDocument, {
        application: submitted.application.id,
      });
      // A visitor permit's letter carries its product code (and the PIN, never stored).
      expect(letter.letterData).toMatchObject({ productCode: permit.productCode });
    } finally {
      await em.nativeUpdate(Municipality, { code: 'delft' }, { administrationFeeCents: 590 });
    }
  });

  it('sends a stated review case to an official after payment, with the explanation and the documents (docs/rules.md §1 review cases)', async () => {
    const em = api.em();
    const bramId = await accountId('bram@demo.parkeer.nl');
    const upload = em.create(PermitDocument, {
      municipality: (await em.findOneOrFail(Municipality, { code: 'oudstad' })).id,
      kind: 'upload',
      requirement: 'leaseContract',
      fileName: 'lease.pdf',
      contentType: 'application/pdf',
      size: 1234,
      createdBy: bramId,
      createdAt: now,
    });
    await em.flush();
    const submitted = await applied(
      bram,
      residentPermit({
        plates: [{ plate: 'GB-127-K' }],
        reviewCase: 'leaseCar',
        explanation: 'Mijn auto is van de leasemaatschappij.',
        documentIds: [upload.id],
      }),
    );
    expect(submitted.application).toMatchObject({
      status: 'awaitingPayment',
      reviewCases: ['leaseCar'],
      explanation: 'Mijn auto is van de leasemaatschappij.',
      documents: [
        { id: upload.id, fileName: 'lease.pdf', requirement: 'leaseContract', size: 1234 },
      ],
    });
    await press(submitted.checkoutUrl, 'paid');
    const waiting = await applicationOf(bram, submitted.application.id);
    expect(waiting).toMatchObject({
      status: 'awaitingReview',
      paymentStatus: 'paid',
      permitId: null,
    });
    expect(await rightCheck('GB127K', 'centrum', 'oudstad')).toMatchObject({ valid: false });

    // The official sees the rules' outcome now: they pass, the review case is theirs to decide.
    expect(await applicationEligibility(em, submitted.application.id, now)).toEqual([]);

    // Someone else's upload cannot be attached.
    const stolen = await apply(
      anna,
      residentPermit({ plates: [{ plate: 'GB-128-K' }], documentIds: [upload.id] }),
    );
    expect(stolen.data!.applyForPermit.rule).toBe('COUNTER_DOCUMENT_UNKNOWN');
  });

  it("grants the address's one place once when two paid applications race for it: the second is refused and refunded (docs/rules.md §2 one per address)", async () => {
    const visitor = { productTypeCode: 'visitor-permit', addressKey: 'delft-markt-7a', plates: [] };
    const first = await applied(anna, visitor);
    const second = await applied(bram, visitor);
    const responses = await Promise.all([
      press(first.checkoutUrl, 'paid'),
      press(second.checkoutUrl, 'paid'),
    ]);
    for (const response of responses) expect(response.status).toBe(303);
    const outcomes = [
      await applicationOf(anna, first.application.id),
      await applicationOf(bram, second.application.id),
    ];
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['granted', 'refused']);
    const refused = outcomes.find((outcome) => outcome.status === 'refused')!;
    expect(refused).toMatchObject({
      paymentStatus: 'refunded',
      decisionReason: 'PERMIT_ADDRESS_TAKEN',
      permitId: null,
    });
    expect(refused.letters.map((letter: Data) => letter.kind)).toEqual(['refused']);
    expect(await applicationEligibility(api.em(), refused.id, now)).toEqual([
      { rule: 'ELIGIBILITY_ADDRESS_LIMIT_REACHED', params: { max: 1 } },
    ]);
    const em = api.em();
    expect(
      await em.count(Permit, {
        addressSlot: 'delft-markt-7a',
        productType: { code: 'visitor-permit' },
      }),
    ).toBe(1);
    const payment = await em.findOneOrFail(Payment, { application: refused.id });
    expect(payment).toMatchObject({ refundReason: 'applicationRefused', refundCents: 590 });
    await runDueJobs(api.orm, { now });
    expect((await em.fork().findOneOrFail(Payment, payment.id)).refundRef).toBe(
      `sim_refund_${payment.id}`,
    );
  });

  it('shows an application to its applicant only: another resident, a bad id and other roles get NOT_FOUND or FORBIDDEN (docs/security.md)', async () => {
    const mine = (await bram.request<Data>('{ myPermitApplications { id status } }')).data!
      .myPermitApplications as Data[];
    expect(mine.length).toBeGreaterThan(3);
    const other = await anna.request<Data>(applicationQuery, { id: mine[0]!.id });
    expect(other.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const bad = await bram.request<Data>(applicationQuery, { id: 'not-an-id' });
    expect(bad.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const byOfficer = await apply(officer, residentPermit());
    expect(byOfficer.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const missingKey = await apply(bram, residentPermit(), '');
    expect(missingKey.errors?.[0]?.extensions.code).toBe('IDEMPOTENCY_KEY_INVALID');
  });
});
