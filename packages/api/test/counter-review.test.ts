import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runDueJobs } from '../src/jobs/job-runner.js';
import { Account } from '../src/model/account.entity.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { Municipality } from '../src/model/municipality.entity.js';
import { Payment } from '../src/model/payment.entity.js';
import {
  PermitApplication,
  type ApplicationStatus,
} from '../src/model/permit-application.entity.js';
import { PermitDocument } from '../src/model/permit-document.entity.js';
import { ProductType } from '../src/model/product-type.entity.js';
import { ScheduledJob } from '../src/model/scheduled-job.entity.js';
import { Zone } from '../src/model/zone.entity.js';
import { MollieProvider } from '../src/modules/payment/mollie-provider.js';
import { useDemoApi } from './demo-api.js';
import { useFakeMollie } from './use-fake-mollie.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Failure = {
  extensions: { code: string; problems?: { code: string; path: string }[] };
};

const delftAdmin = 'beheer@delft.demo.parkeer.nl';
const oudstadAdmin = 'beheer@oudstad.demo.parkeer.nl';
const anna = 'anna@demo.parkeer.nl';
const bram = 'bram@demo.parkeer.nl';

const applicationFields = `id kind status productTypeCode productName zoneCode addressLabel plates
  validFrom validUntil priceCents feeCents totalCents reviewCases explanation decisionReason
  createdAt decidedAt permitId paymentStatus paymentMethod checkoutUrl
  letters { id kind ready downloadUrl } documents { id fileName requirement size downloadUrl }`;
const queue = `query ($status: ApplicationStatus, $first: Int, $after: String) {
  permitApplications(status: $status, first: $first, after: $after) { totalCount
  pageInfo { hasNextPage endCursor } edges { cursor node { id status createdAt } } } }`;
const detail = `query ($id: ID!) { adminPermitApplication(id: $id) {
  applicantLabel actorLabel eligibility { rule message params }
  application { ${applicationFields} } } }`;
const decide = `mutation ($input: DecidePermitApplicationInput!) { decidePermitApplication(input: $input) {
  application { id status decisionReason decidedAt paymentStatus letters { kind } } } }`;
const auditLog = `query ($filter: AuditLogFilter) { auditLog(filter: $filter, first: 50) {
  totalCount edges { node { action actor subjectType subjectId before after } } } }`;
const productTypes = `{ adminProductTypes { id code nameNl nameEn delegationAllowed
  sessionPolicy { maxDurationMinutes defaultEnd latestEnd maxConcurrentSessions
  insufficientBalance invalidWeekdays pastStartToleranceMinutes } topUpPolicy
  counter { pricePerTermCents period alignment chargesAdministrationFee proRataRefund
  plateChangeFeeCents maxPlates requiresPlate renewalWindowDays reminderDaysBefore maxDaysAhead
  reviewCases documents { code name { nl en } when } } } }`;
const updateProduct = `mutation ($id: ID!, $input: ProductSettingsInput!) {
  updateProductSettings(id: $id, input: $input) { id counter { pricePerTermCents period
  reviewCases documents { code name { nl en } when } } } }`;
const rightCheck = `query ($input: RightCheckInput!) { rightCheck(input: $input) { valid } }`;
const officer = 'handhaving@demo.parkeer.nl';
const townSettings = '{ municipalitySettings { code administrationFeeCents } }';
const setFee = `mutation ($cents: Int!) { setAdministrationFee(administrationFeeCents: $cents) {
  code administrationFeeCents } }`;

const counterSettings = {
  pricePerTermCents: 5400,
  period: 'year',
  alignment: 'rolling',
  chargesAdministrationFee: true,
  proRataRefund: 'wholeMonths',
  plateChangeFeeCents: 0,
  maxPlates: 1,
  requiresPlate: true,
  renewalWindowDays: 30,
  reminderDaysBefore: 14,
  maxDaysAhead: 60,
  reviewCases: ['leaseCar'],
  documents: [
    {
      code: 'leaseContract',
      name: { nl: 'Leasecontract', en: 'Lease contract' },
      when: 'leaseCar',
    },
  ],
};

const dialects = await testDialects();

describe.each(dialects)('the back office of the permit counter, on %s', (dialect) => {
  const fake = useFakeMollie();
  const api = useDemoApi(dialect);
  const clients = new Map<string, Promise<TestClient>>();
  const as = (email: string) => {
    if (!clients.has(email)) clients.set(email, loggedIn(api.url, email));
    return clients.get(email)!;
  };
  const request = async (email: string, query: string, variables?: Record<string, unknown>) =>
    (await as(email)).request<Data>(query, variables);
  const failure = (result: { errors?: unknown[] }) => result.errors?.[0] as Failure | undefined;
  const codeOf = (result: { errors?: unknown[] }) => failure(result)?.extensions.code;
  let minute = 0;

  /**
   * An application as the counter stores it, by `email` (or someone acting for them) at an
   * address in Delft's zone B; paid at the (fake) provider unless it still awaits payment.
   */
  const application = async (
    options: {
      email?: string;
      actor?: string;
      addressKey?: string;
      status?: ApplicationStatus;
      town?: 'delft' | 'oudstad';
      product?: string;
      plate?: string;
      validFrom?: Date;
    } = {},
  ) => {
    const em = api.em();
    const town = await em.findOneOrFail(Municipality, { code: options.town ?? 'delft' });
    const productType = await em.findOneOrFail(ProductType, {
      municipality: town,
      code: options.product ?? 'visitor-permit',
    });
    const zone = await em.findOneOrFail(Zone, {
      municipality: town,
      code: town.code === 'delft' ? 'B' : 'centrum',
    });
    const applicant = await em.findOneOrFail(Account, { email: options.email ?? bram });
    const actor = options.actor
      ? await em.findOneOrFail(Account, { email: options.actor })
      : applicant;
    const status = options.status ?? 'awaitingReview';
    // Apart by a minute each, so the queue's order is the order they were made in.
    const createdAt = new Date(api.now.getTime() - 60 * 60_000 + ++minute * 60_000);
    const stored = em.create(PermitApplication, {
      municipality: town,
      productType,
      kind: 'new',
      zone,
      applicant,
      actor,
      holderType: 'resident',
      addressKey: options.addressKey ?? `delft-review-${randomUUID()}`,
      addressLabel: 'Phoenixstraat 12, Delft',
      plates: [{ plate: options.plate ?? 'GBXL12', country: 'NL' }],
      validFrom: options.validFrom ?? new Date('2026-12-01T00:00:00+01:00'),
      validUntil: new Date('2027-12-01T00:00:00+01:00'),
      priceCents: 5400,
      feeCents: 590,
      totalCents: 5990,
      status,
      reviewCases: ['leaseCar'],
      explanation: 'Mijn auto is een leaseauto van de zaak.',
      contactEmail: null,
      language: 'nl',
      idempotencyKey: randomUUID(),
      createdAt,
    });
    const payment = em.create(Payment, {
      purpose: 'permitApplication',
      application: stored,
      permit: null,
      account: applicant,
      amount: 0,
      priceCents: 5400,
      feeCents: 590,
      totalCents: 5990,
      provider: 'mollie',
      idempotencyKey: randomUUID(),
      createdAt,
    });
    const checkout = await new MollieProvider().createCheckout({
      paymentId: payment.id,
      totalCents: 5990,
      description: 'Bezoekersvergunning',
      redirectUrl: `${api.url}/loket/aanvraag/${stored.id}`,
      language: 'nl',
      method: 'ideal',
    });
    payment.providerRef = checkout.providerRef;
    if (status !== 'awaitingPayment') {
      fake.setStatus(checkout.providerRef, 'paid');
      payment.status = 'paid';
      payment.completedAt = createdAt;
    }
    em.create(PermitDocument, {
      municipality: town,
      application: stored,
      kind: 'upload',
      requirement: 'leaseContract',
      fileName: 'leasecontract.pdf',
      contentType: 'application/pdf',
      content: Buffer.from('%PDF-1.4 lease'),
      size: 14,
      createdBy: applicant,
      createdAt,
    });
    await em.flush();
    return { id: stored.id, paymentId: payment.id, providerRef: checkout.providerRef };
  };

  it('lists the town’s applications newest first, filtered by status, a page at a time', async () => {
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await application());
    const waiting = await application({ status: 'awaitingPayment' });
    await application({ town: 'oudstad', email: 'carla@demo.parkeer.nl' });

    const first = await request(delftAdmin, queue, { status: 'awaitingReview', first: 2 });
    expect(first.errors).toBeUndefined();
    const page = first.data!.permitApplications;
    expect(page.totalCount).toBe(3);
    expect(page.edges.map((edge: Data) => edge.node.id)).toEqual([made[2]!.id, made[1]!.id]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await request(delftAdmin, queue, {
      status: 'awaitingReview',
      first: 2,
      after: page.pageInfo.endCursor,
    });
    expect(next.data!.permitApplications.edges.map((edge: Data) => edge.node.id)).toEqual([
      made[0]!.id,
    ]);
    expect(next.data!.permitApplications.pageInfo.hasNextPage).toBe(false);

    // Without a status: every application of the town, the unpaid one too; none of Oudstad's.
    const all = await request(delftAdmin, queue, { first: 50 });
    const ids = all.data!.permitApplications.edges.map((edge: Data) => edge.node.id);
    expect(ids).toContain(waiting.id);
    // Four of this test's, and the demo's waiting one in zone Z (src/seed/demo-seed.ts).
    expect(all.data!.permitApplications.totalCount).toBe(5);
    const theirs = await request(oudstadAdmin, queue, { first: 50 });
    expect(theirs.data!.permitApplications.totalCount).toBe(1);

    expect(codeOf(await request(delftAdmin, queue, { first: 51 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await request(delftAdmin, queue, { first: 2, after: 'bm9wZQ' }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('shows one application with its documents, who applied and the rules’ outcome (docs/rules.md §2)', async () => {
    const fresh = await application({ actor: anna });
    const shown = await request(delftAdmin, detail, { id: fresh.id });
    expect(shown.errors).toBeUndefined();
    const reviewed = shown.data!.adminPermitApplication;
    expect(reviewed).toMatchObject({
      applicantLabel: bram,
      actorLabel: anna,
      eligibility: [],
      application: {
        id: fresh.id,
        kind: 'new',
        status: 'awaitingReview',
        productTypeCode: 'visitor-permit',
        productName: 'Bezoekersvergunning',
        zoneCode: 'B',
        plates: ['GB-XL-12'],
        priceCents: 5400,
        feeCents: 590,
        totalCents: 5990,
        reviewCases: ['leaseCar'],
        explanation: 'Mijn auto is een leaseauto van de zaak.',
        paymentStatus: 'paid',
        paymentMethod: 'ideal',
        checkoutUrl: null,
        letters: [],
        documents: [{ fileName: 'leasecontract.pdf', requirement: 'leaseContract', size: 14 }],
      },
    });
    expect(reviewed.application.documents[0].downloadUrl).toBe(
      `/documents/${reviewed.application.documents[0].id}`,
    );

    // At Anna's address a visitor permit is held already: the rule that refuses is named.
    const taken = await application({ email: anna, addressKey: 'delft-oude-delft-1' });
    const judged = await request(delftAdmin, detail, { id: taken.id });
    expect(judged.data!.adminPermitApplication.actorLabel).toBeNull();
    expect(judged.data!.adminPermitApplication.eligibility).toEqual([
      {
        rule: 'ELIGIBILITY_ADDRESS_LIMIT_REACHED',
        message: expect.any(String),
        params: { max: 1 },
      },
    ]);

    // Another town's application, an unknown and a malformed id: all NOT_FOUND.
    expect(codeOf(await request(oudstadAdmin, detail, { id: fresh.id }))).toBe('NOT_FOUND');
    expect(codeOf(await request(delftAdmin, detail, { id: randomUUID() }))).toBe('NOT_FOUND');
    expect(codeOf(await request(delftAdmin, detail, { id: 'nope' }))).toBe('NOT_FOUND');
  });

  it('refuses with a reason: refunded in full through the provider, a letter, an audit entry (docs/rules.md §1)', async () => {
    const made = await application();
    const blank = await request(delftAdmin, decide, {
      input: { applicationId: made.id, approve: false, reason: '  ' },
    });
    expect(codeOf(blank)).toBe('SETTINGS_INVALID');
    expect(failure(blank)!.extensions.problems).toMatchObject([
      { code: 'SETTING_REQUIRED', path: 'reason' },
    ]);

    const reason = 'Een leaseauto op naam van de werkgever geeft geen recht op deze vergunning.';
    const refused = await request(delftAdmin, decide, {
      input: { applicationId: made.id, approve: false, reason },
    });
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.decidePermitApplication.application).toMatchObject({
      status: 'refused',
      decisionReason: reason,
      decidedAt: api.now.toISOString(),
      paymentStatus: 'refunded',
      letters: [{ kind: 'refused' }],
    });

    const payment = await api.em().findOneOrFail(Payment, made.paymentId);
    expect(payment).toMatchObject({
      status: 'refunded',
      refundReason: 'applicationRefused',
      refundCents: 5990,
    });
    expect(
      await api.em().count(ScheduledJob, { kind: 'refundPayment', subject: made.paymentId }),
    ).toBe(1);
    await runDueJobs(api.orm, { now: api.now });
    const refunds = fake.refunds.filter((refund) => refund.paymentId === made.providerRef);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: { value: '59.90', currency: 'EUR' } });
    expect((await api.em().findOneOrFail(Payment, made.paymentId)).refundRef).toBe(refunds[0]!.id);

    const letter = await api
      .em()
      .findOneOrFail(PermitDocument, { application: made.id, kind: 'letter' });
    expect(letter.letterKind).toBe('refused');
    expect(letter.letterData).toMatchObject({
      reason,
      amounts: { totalCents: 5990, refundCents: 5990 },
      plates: ['GB-XL-12'],
      validFrom: '2026-11-30T23:00:00.000Z',
    });

    const audit = await request(delftAdmin, auditLog, { filter: { subjectId: made.id } });
    expect(audit.data!.auditLog.edges).toEqual([
      {
        node: {
          action: 'permitApplication.refuse',
          actor: delftAdmin,
          subjectType: 'permitApplication',
          subjectId: made.id,
          before: { status: 'awaitingReview' },
          after: { status: 'refused', reason, refundCents: 5990 },
        },
      },
    ]);

    // A decision is made once: a second one, either way, is refused and changes nothing.
    for (const approve of [false, true]) {
      const again = await request(delftAdmin, decide, {
        input: { applicationId: made.id, approve, reason: 'Toch niet' },
      });
      expect(codeOf(again)).toBe('APPLICATION_ALREADY_DECIDED');
    }
    expect(await api.em().count(PermitDocument, { application: made.id, kind: 'letter' })).toBe(1);
  });

  it('grants with the counter’s own grant: the permit starts, the right-check answers green for the plate (docs/rules.md §1)', async () => {
    const made = await application({
      town: 'oudstad',
      email: 'carla@demo.parkeer.nl',
      product: 'resident-permit',
      plate: 'GBXL34',
      validFrom: new Date(api.now.getTime() - 60 * 60_000),
    });
    const check = { plate: 'GB-XL-34', zone: 'centrum', municipality: 'oudstad' };
    expect((await request(officer, rightCheck, { input: check })).data!.rightCheck.valid).toBe(
      false,
    );

    const granted = await request(oudstadAdmin, decide, {
      input: { applicationId: made.id, approve: true, reason: 'Leasecontract gezien.' },
    });
    expect(granted.errors).toBeUndefined();
    const decided = granted.data!.decidePermitApplication.application;
    expect(decided).toMatchObject({
      status: 'granted',
      decisionReason: 'Leasecontract gezien.',
      decidedAt: api.now.toISOString(),
      paymentStatus: 'paid',
      letters: [{ kind: 'granted' }],
    });
    expect((await request(officer, rightCheck, { input: check })).data!.rightCheck).toMatchObject({
      valid: true,
    });
    // Paid, not refunded: the fee is on the new permit's ledger.
    const payment = await api.em().findOneOrFail(Payment, made.paymentId);
    expect(payment.status).toBe('paid');
    const stored = await api.em().findOneOrFail(PermitApplication, made.id);
    expect(payment.permit?.id).toBe(stored.permit!.id);
    expect(
      await api.em().count(LedgerEntry, { permit: stored.permit!.id, kind: 'permitFee' }),
    ).toBe(1);
    const audit = await request(oudstadAdmin, auditLog, { filter: { subjectId: made.id } });
    expect(audit.data!.auditLog.edges).toMatchObject([
      {
        node: {
          action: 'permitApplication.grant',
          actor: oudstadAdmin,
          before: { status: 'awaitingReview' },
          after: { status: 'granted', permitId: stored.permit!.id },
        },
      },
    ]);
    const again = await request(oudstadAdmin, decide, {
      input: { applicationId: made.id, approve: false, reason: 'Toch niet' },
    });
    expect(codeOf(again)).toBe('APPLICATION_ALREADY_DECIDED');
  });

  it('decides an application once when two officials decide it at the same moment', async () => {
    const made = await application();
    const input = { applicationId: made.id, approve: false, reason: 'Geen recht' };
    const results = await Promise.all([
      request(delftAdmin, decide, { input }),
      request(delftAdmin, decide, { input }),
    ]);
    const codes = results.map((result) => codeOf(result) ?? 'ok').sort();
    expect(codes).toEqual(['APPLICATION_ALREADY_DECIDED', 'ok']);
    expect(await api.em().count(PermitDocument, { application: made.id, kind: 'letter' })).toBe(1);
    const audit = await request(delftAdmin, auditLog, { filter: { subjectId: made.id } });
    expect(audit.data!.auditLog.totalCount).toBe(1);
  });

  it('decides only paid applications of the own town', async () => {
    const unpaid = await application({ status: 'awaitingPayment' });
    const early = await request(delftAdmin, decide, {
      input: { applicationId: unpaid.id, approve: false, reason: 'Nee' },
    });
    expect(codeOf(early)).toBe('APPLICATION_NOT_AWAITING_REVIEW');

    const made = await application();
    const theirs = await request(oudstadAdmin, decide, {
      input: { applicationId: made.id, approve: false, reason: 'Nee' },
    });
    expect(codeOf(theirs)).toBe('NOT_FOUND');
    expect((await api.em().findOneOrFail(PermitApplication, made.id)).status).toBe(
      'awaitingReview',
    );
    expect((await api.em().findOneOrFail(Payment, made.paymentId)).status).toBe('paid');
  });

  it('stores a product type’s counter settings after validating them as a whole (docs/rules.md §1, counter settings)', async () => {
    const listed = await request(oudstadAdmin, productTypes);
    const resident = listed.data!.adminProductTypes.find(
      (type: Data) => type.code === 'resident-permit',
    );
    // The demo sells it at the counter already (the seed's settings pass the same rules).
    expect(resident.counter).toMatchObject({ pricePerTermCents: 9600, period: 'year' });
    const input = {
      nameNl: resident.nameNl,
      nameEn: resident.nameEn,
      delegationAllowed: resident.delegationAllowed,
      sessionPolicy: null,
      topUpPolicy: null,
    };

    const wrong = await request(oudstadAdmin, updateProduct, {
      id: resident.id,
      input: {
        ...input,
        counter: {
          ...counterSettings,
          pricePerTermCents: -5,
          period: 'week',
          documents: [{ code: 'x', name: { nl: 'X', en: '' }, when: 'privateParking' }],
        },
      },
    });
    expect(codeOf(wrong)).toBe('SETTINGS_INVALID');
    expect(failure(wrong)!.extensions.problems!.map((p) => `${p.code} ${p.path}`)).toEqual([
      'SETTING_NEGATIVE counter.pricePerTermCents',
      'SETTING_INVALID_CHOICE counter.period',
      'SETTING_REQUIRED counter.documents[0].name.en',
      'SETTING_INVALID_CHOICE counter.documents[0].when',
    ]);

    const saved = await request(oudstadAdmin, updateProduct, {
      id: resident.id,
      input: { ...input, counter: counterSettings },
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateProductSettings.counter).toEqual({
      pricePerTermCents: 5400,
      period: 'year',
      reviewCases: ['leaseCar'],
      documents: counterSettings.documents,
    });
    const again = await request(oudstadAdmin, productTypes);
    expect(
      again.data!.adminProductTypes.find((type: Data) => type.code === 'resident-permit').counter,
    ).toEqual(counterSettings);

    // Left out, the counter settings stay; null takes the product off the counter.
    await request(oudstadAdmin, updateProduct, { id: resident.id, input });
    const kept = await api.em().findOneOrFail(ProductType, resident.id);
    expect(kept.counter).toMatchObject({ pricePerTermCents: 5400 });
    await request(oudstadAdmin, updateProduct, {
      id: resident.id,
      input: { ...input, counter: null },
    });
    expect((await api.em().findOneOrFail(ProductType, resident.id)).counter).toBeNull();

    const audit = await request(oudstadAdmin, auditLog, { filter: { subjectId: resident.id } });
    const changes = audit.data!.auditLog.edges.map((edge: Data) => edge.node);
    expect(changes).toHaveLength(2);
    // One moment on the API's clock: the two entries come in either order.
    expect(changes.map((change: Data) => change.after.counter?.pricePerTermCents ?? null)).toEqual(
      expect.arrayContaining([null, 5400]),
    );

    // Another town's admin cannot change it.
    const theirs = await request(delftAdmin, updateProduct, {
      id: resident.id,
      input: { ...input, counter: counterSettings },
    });
    expect(codeOf(theirs)).toBe('NOT_FOUND');
  });

  it('sets the town’s administration fee, with an audit entry (docs/rules.md §1)', async () => {
    expect((await request(delftAdmin, townSettings)).data!.municipalitySettings).toEqual({
      code: 'delft',
      administrationFeeCents: 590,
    });
    const set = await request(delftAdmin, setFee, { cents: 650 });
    expect(set.data!.setAdministrationFee).toEqual({ code: 'delft', administrationFeeCents: 650 });
    expect(
      (await api.em().findOneOrFail(Municipality, { code: 'delft' })).administrationFeeCents,
    ).toBe(650);
    const [negative, huge] = await Promise.all([
      request(delftAdmin, setFee, { cents: -1 }),
      request(delftAdmin, setFee, { cents: 100_001 }),
    ]);
    expect(failure(negative)!.extensions.problems).toMatchObject([
      { code: 'SETTING_NEGATIVE', path: 'administrationFeeCents' },
    ]);
    expect(failure(huge)!.extensions.problems).toMatchObject([
      { code: 'SETTING_TOO_LARGE', path: 'administrationFeeCents' },
    ]);
    const town = await api.em().findOneOrFail(Municipality, { code: 'delft' });
    const audit = await request(delftAdmin, auditLog, {
      filter: { action: 'municipality.administrationFee.set' },
    });
    expect(audit.data!.auditLog.edges).toEqual([
      {
        node: {
          action: 'municipality.administrationFee.set',
          actor: delftAdmin,
          subjectType: 'municipality',
          subjectId: town.id,
          before: { administrationFeeCents: 590 },
          after: { administrationFeeCents: 650 },
        },
      },
    ]);
    // Oudstad's fee is its own.
    expect((await request(oudstadAdmin, townSettings)).data!.municipalitySettings).toEqual({
      code: 'oudstad',
      administrationFeeCents: 590,
    });
  });
});
