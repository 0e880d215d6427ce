import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicAppUrl } from '../src/modules/auth/email-link.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ProductType } from '../src/model/product-type.entity.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Result = { data?: Data | null; errors?: { extensions: Data }[] };

const minute = 60_000;
const permitFields = `id productCode productTypeCode productName kind hasPlateRight zoneCode holderEmail
  holderType addressLabel status balance unit plates { plate formattedPlate active }`;
const search = `query ($search: String!, $first: Int, $after: String) {
  adminPermits(search: $search, first: $first, after: $after) {
    totalCount edges { node { ${permitFields} } } pageInfo { hasNextPage endCursor } } }`;
const details = `query ($id: ID!, $first: Int) { adminPermit(id: $id) { ${permitFields}
  addressKey validFrom validUntil openDelegations openSessions
  ledger(first: $first) { totalCount edges { node { kind amount balanceAfter } } } } }`;
const block = `mutation ($id: ID!, $reason: String!) { blockPermit(id: $id, reason: $reason) {
  status openSessions balance } }`;
const unblock = 'mutation ($id: ID!) { unblockPermit(id: $id) { status } }';
const revoke = `mutation ($id: ID!, $occasion: RefundOccasion!) {
  revokePermit(id: $id, occasion: $occasion) {
    refundCents refundedAmount refundRefusal endedSessions
    permit { status balance openSessions openDelegations
      ledger(first: 20) { edges { node { kind amount balanceAfter } } } } } }`;
const changePlate = `mutation ($id: ID!, $plate: String!, $country: String) {
  changePermitPlate(id: $id, plate: $plate, country: $country) {
    hasPlateRight plates { plate formattedPlate active } } }`;
const issue = `mutation ($input: IssuePermitInput!) { issuePermit(input: $input) {
  productCode pin permit { ${permitFields} addressKey validFrom validUntil } } }`;
const auditLog = `query ($subjectId: ID!) { auditLog(filter: { subjectId: $subjectId }) {
  edges { node { action actor subjectType subjectLabel before after } } } }`;
const startSession = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id } } } }`;
const rightCheck = `query ($input: RightCheckInput!) { rightCheck(input: $input) { valid kind } }`;
const couplingLink = `query ($token: String!) { couplingLink(token: $token) {
  productName addressLabel email accountExists } }`;

const code = (result: Result) => result.errors?.[0]?.extensions.code;
const problemPaths = (result: Result) =>
  (result.errors?.[0]?.extensions.problems as { path: string; code: string }[]).map(
    (problem) => `${problem.path}:${problem.code}`,
  );
const ok = (result: Result) => {
  expect(result.errors).toBeUndefined();
  return result.data!;
};

const dialects = await testDialects();

describe.each(dialects)('the back office on permits, on %s (issue 6)', (dialect) => {
  const api = useDemoApi(dialect);
  let delftAdmin: TestClient;
  let oudstadAdmin: TestClient;
  let officer: TestClient;
  let annaPermit: string;
  let bramPermit: string;
  let carlaVisitor: string;
  let carlaResident: string;

  beforeAll(async () => {
    delftAdmin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    oudstadAdmin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
    officer = await loggedIn(api.url, 'handhaving@demo.parkeer.nl');
    annaPermit = await api.permitOf('anna@demo.parkeer.nl');
    bramPermit = await api.permitOf('bram@demo.parkeer.nl');
    carlaVisitor = await api.permitOf('carla@demo.parkeer.nl');
    carlaResident = await api.permitOf('carla@demo.parkeer.nl', 'resident-permit');
  });

  const productCodeOf = async (id: string) =>
    (await api.em().findOneOrFail(Permit, { id })).productCode;
  const searchAs = async (client: TestClient, text: string, page: Data = {}) =>
    ok(await client.request<Data>(search, { search: text, ...page })).adminPermits;
  const idsOf = (connection: Data) => connection.edges.map((edge: Data) => edge.node.id);
  const auditOf = async (client: TestClient, id: string) =>
    ok(await client.request<Data>(auditLog, { subjectId: id })).auditLog.edges.map(
      (edge: Data) => edge.node,
    );
  const start = (client: TestClient, productId: string, plate: string, from = api.now) =>
    client.request<Data>(startSession, {
      input: {
        productId,
        plate,
        ...(from > api.now ? { start: from.toISOString() } : {}),
        end: new Date(from.getTime() + 60 * minute).toISOString(),
        idempotencyKey: randomUUID(),
      },
    });
  const check = async (plate: string, municipality: string, zone: string) =>
    ok(await officer.request<Data>(rightCheck, { input: { plate, municipality, zone } })).rightCheck
      .valid as boolean;
  const expectLedgerMatches = async (id: string) =>
    expect(await api.ledgerSum(id)).toBe(await api.balanceOf(id));

  it('finds permits of its own town by product code, plate, address and e-mail', async () => {
    // Product code: exact, in any case and with stray spaces.
    const byCode = await searchAs(
      delftAdmin,
      ` ${(await productCodeOf(annaPermit)).toLowerCase()} `,
    );
    expect(byCode.totalCount).toBe(1);
    expect(byCode.edges[0].node).toMatchObject({
      id: annaPermit,
      productTypeCode: 'visitor-permit',
      productName: 'Bezoekersvergunning',
      kind: 'visitorPermit',
      // Visitors register a plate per session: the permit has no plate of its own to change.
      hasPlateRight: false,
      zoneCode: 'B',
      holderEmail: 'anna@demo.parkeer.nl',
      holderType: 'resident',
      addressLabel: 'Oude Delft 1, Delft',
      status: 'active',
      balance: 200 * 60,
      unit: 'minutes',
      plates: [],
    });

    // Address: part of the label, any case; the uncoupled permit has no holder yet.
    const byAddress = await searchAs(delftAdmin, 'PHOENIXSTRAAT');
    expect(byAddress.edges.map((edge: Data) => edge.node.holderEmail)).toEqual([null]);
    // E-mail: part of the holder's address.
    expect(idsOf(await searchAs(delftAdmin, 'bram@'))).toEqual([bramPermit]);

    // Plate: as typed, normalised like stored plates; only Oudstad's admin finds Oudstad's.
    const byPlate = await searchAs(oudstadAdmin, '12-abc-3');
    expect(idsOf(byPlate)).toEqual([carlaResident]);
    expect(byPlate.edges[0].node.plates).toEqual([
      { plate: '12ABC3', formattedPlate: '12-ABC-3', active: false },
      { plate: 'XX999X', formattedPlate: 'XX-999-X', active: true },
    ]);
    expect((await searchAs(delftAdmin, '12-abc-3')).totalCount).toBe(0);
    expect((await searchAs(delftAdmin, 'carla@demo')).totalCount).toBe(0);
    expect((await searchAs(oudstadAdmin, 'anna@demo')).totalCount).toBe(0);

    // Wildcards are plain characters; an empty search is refused.
    expect((await searchAs(delftAdmin, '%')).totalCount).toBe(0);
    expect((await searchAs(delftAdmin, '_')).totalCount).toBe(0);
    expect(code(await delftAdmin.request(search, { search: '  ' }))).toBe('BAD_USER_INPUT');
  });

  it('pages through many matches without repeating one', async () => {
    const all = await searchAs(delftAdmin, 'delft', { first: 50 });
    expect(all.totalCount).toBe(4);
    const first = await searchAs(delftAdmin, 'delft', { first: 3 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await searchAs(delftAdmin, 'delft', {
      first: 3,
      after: first.pageInfo.endCursor,
    });
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...idsOf(first), ...idsOf(second)]).toEqual(idsOf(all));
  });

  it("shows a permit's details and ledger, and another town's permit not at all", async () => {
    const anna = ok(await delftAdmin.request<Data>(details, { id: annaPermit })).adminPermit;
    expect(anna).toMatchObject({
      addressKey: 'delft-oude-delft-1',
      validUntil: null,
      openDelegations: 0,
      openSessions: 0,
      ledger: {
        totalCount: 1,
        edges: [{ node: { kind: 'topUp', amount: 12000, balanceAfter: 12000 } }],
      },
    });

    for (const [client, id] of [
      [delftAdmin, carlaVisitor],
      [oudstadAdmin, annaPermit],
    ] as const) {
      expect(code(await client.request(details, { id }))).toBe('NOT_FOUND');
      expect(code(await client.request(block, { id, reason: 'x' }))).toBe('NOT_FOUND');
      expect(code(await client.request(unblock, { id }))).toBe('NOT_FOUND');
      expect(code(await client.request(revoke, { id, occasion: 'holderDied' }))).toBe('NOT_FOUND');
      expect(code(await client.request(changePlate, { id, plate: 'GB-123-K' }))).toBe('NOT_FOUND');
    }
    expect(code(await delftAdmin.request(details, { id: 'not-an-id' }))).toBe('NOT_FOUND');
    expect(code(await delftAdmin.request(details, { id: randomUUID() }))).toBe('NOT_FOUND');
    // Nothing changed in the other town, and nothing was logged there.
    expect(await api.balanceOf(carlaVisitor)).toBe(2500);
    expect((await api.em().findOneOrFail(Permit, { id: annaPermit })).status).toBe('active');
    expect(await auditOf(oudstadAdmin, annaPermit)).toEqual([]);
    expect(await auditOf(delftAdmin, carlaVisitor)).toEqual([]);
  });

  it('blocks a permit: its sessions end, no new one starts, the right-check says no', async () => {
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    expect(ok(await start(anna, annaPermit, 'GB-123-K')).startSession.__typename).toBe(
      'SessionAccepted',
    );
    const tomorrow = new Date(api.now.getTime() + 24 * 60 * minute);
    expect(ok(await start(anna, annaPermit, 'XB-123-K', tomorrow)).startSession.__typename).toBe(
      'SessionAccepted',
    );
    expect(await check('GB-123-K', 'delft', 'B')).toBe(true);

    const empty = await delftAdmin.request(block, { id: annaPermit, reason: ' ' });
    expect(code(empty)).toBe('SETTINGS_INVALID');
    expect(problemPaths(empty)).toEqual(['reason:SETTING_REQUIRED']);

    api.now = new Date(api.now.getTime() + 10 * minute);
    const blocked = ok(
      await delftAdmin.request<Data>(block, { id: annaPermit, reason: 'Verhuisd naar zone C' }),
    ).blockPermit;
    expect(blocked).toMatchObject({ status: 'blocked', openSessions: 0 });
    // Ten paid minutes charged; the rest of both reservations came back.
    expect(blocked.balance).toBe(200 * 60 - 10);
    await expectLedgerMatches(annaPermit);
    const sessions = await api.em().find(
      ParkingSession,
      { permit: annaPermit },
      {
        orderBy: { start: 'asc' },
      },
    );
    expect(sessions.map((s) => [s.status, s.charge])).toEqual([
      ['ended', 10],
      ['deleted', 0],
    ]);

    expect(await check('GB-123-K', 'delft', 'B')).toBe(false);
    expect(code(await start(anna, annaPermit, 'GB-123-K'))).toBe('PRODUCT_BLOCKED');
    expect(code(await delftAdmin.request(block, { id: annaPermit, reason: 'x' }))).toBe(
      'PERMIT_ALREADY_BLOCKED',
    );

    // A minute later, so that the log's newest-first order is the order of the changes.
    api.now = new Date(api.now.getTime() + minute);
    expect(ok(await delftAdmin.request<Data>(unblock, { id: annaPermit })).unblockPermit).toEqual({
      status: 'active',
    });
    expect(code(await delftAdmin.request(unblock, { id: annaPermit }))).toBe('PERMIT_NOT_BLOCKED');
    expect(ok(await start(anna, annaPermit, 'GB-123-K')).startSession.__typename).toBe(
      'SessionAccepted',
    );
    expect(await check('GB-123-K', 'delft', 'B')).toBe(true);

    const audit = await auditOf(delftAdmin, annaPermit);
    expect(audit.map((entry: Data) => entry.action)).toEqual(['permit.unblock', 'permit.block']);
    expect(audit[1]).toMatchObject({
      actor: 'beheer@delft.demo.parkeer.nl',
      subjectType: 'permit',
      // Before: both sessions' reservations held; after: ten minutes charged, the rest back.
      before: { status: 'active', balance: 200 * 60 - 120 },
      after: { status: 'blocked', balance: 200 * 60 - 10, reason: 'Verhuisd naar zone C' },
    });
    expect(audit[0]).toMatchObject({ before: { status: 'blocked' }, after: { status: 'active' } });
  });

  it('revokes with a refund of the unused purchase where the policy owes it (docs/rules.md §2 and §4: Delft, moving)', async () => {
    const bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    // A block of 200 h bought at zone C's resident price (€19.35), paid at the simulated bank.
    const topUp = ok(
      await bram.request<Data>(
        `mutation ($input: StartTopUpInput!) { startTopUp(input: $input) { checkoutUrl } }`,
        { input: { permitId: bramPermit, amount: 200 * 60, idempotencyKey: randomUUID() } },
      ),
    ).startTopUp;
    // A second purchase, still at the bank when the permit is revoked (paid below).
    const late = ok(
      await bram.request<Data>(
        `mutation ($input: StartTopUpInput!) { startTopUp(input: $input) { checkoutUrl } }`,
        { input: { permitId: bramPermit, amount: 200 * 60, idempotencyKey: randomUUID() } },
      ),
    ).startTopUp;
    const payAt = (checkoutUrl: string) =>
      fetch(api.url + new URL(checkoutUrl).pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ action: 'paid' }).toString(),
        redirect: 'manual',
      });
    const paid = await payAt(topUp.checkoutUrl);
    expect(paid.status).toBe(303);
    expect(await api.balanceOf(bramPermit)).toBe(245 * 60);

    // Some of it lent to a delegate, a session running and one planned.
    const invited = await bram.request(
      `mutation ($input: InviteDelegationInput!) { inviteDelegation(input: $input) { id } }`,
      {
        input: {
          productId: bramPermit,
          email: 'logee@example.nl',
          amount: 600,
          idempotencyKey: randomUUID(),
        },
      },
    );
    expect(invited.errors).toBeUndefined();
    expect(ok(await start(bram, bramPermit, 'GB-456-K')).startSession.__typename).toBe(
      'SessionAccepted',
    );
    const tomorrow = new Date(api.now.getTime() + 24 * 60 * minute);
    expect(ok(await start(bram, bramPermit, 'GB-789-K', tomorrow)).startSession.__typename).toBe(
      'SessionAccepted',
    );

    api.now = new Date(api.now.getTime() + 30 * minute);
    const revoked = ok(
      await delftAdmin.request<Data>(revoke, { id: bramPermit, occasion: 'movedOutOfPaidParking' }),
    ).revokePermit;
    // 30 paid minutes were charged; the rest, lent time included, is refunded: the block bought
    // last at its full price, the older (unpaid demo) balance at nothing.
    expect(revoked).toMatchObject({
      refundCents: 1935,
      refundedAmount: 245 * 60 - 30,
      refundRefusal: null,
      endedSessions: 2,
      permit: { status: 'revoked', balance: 0, openSessions: 0, openDelegations: 0 },
    });
    // Rows of one moment come in no particular order: the refund is the one that ends at 0.
    const kinds = (rows: Data[]) => rows.map((edge) => edge.node.kind);
    expect(kinds(revoked.permit.ledger.edges).filter((kind: string) => kind === 'refund')).toEqual([
      'refund',
    ]);
    expect(revoked.permit.ledger.edges).toContainEqual({
      node: { kind: 'refund', amount: -(245 * 60 - 30), balanceAfter: 0 },
    });
    await expectLedgerMatches(bramPermit);
    const permit = await api.em().findOneOrFail(Permit, { id: bramPermit });
    expect(permit.addressSlot).toBeNull();

    // A retry is a clear error, not a second refund.
    const again = await delftAdmin.request(revoke, {
      id: bramPermit,
      occasion: 'movedOutOfPaidParking',
    });
    expect(code(again)).toBe('PERMIT_ALREADY_REVOKED');
    const [twice1, twice2] = await Promise.all([
      delftAdmin.request(revoke, { id: bramPermit, occasion: 'holderDied' }),
      delftAdmin.request(block, { id: bramPermit, reason: 'x' }),
    ]);
    expect([code(twice1), code(twice2)]).toEqual([
      'PERMIT_ALREADY_REVOKED',
      'PERMIT_ALREADY_REVOKED',
    ]);
    expect(await api.balanceOf(bramPermit)).toBe(0);
    await expectLedgerMatches(bramPermit);
    expect(code(await start(bram, bramPermit, 'GB-456-K'))).toBe('PRODUCT_REVOKED');
    // Paid after the revoke: not credited to a permit whose balance was settled and refunded.
    expect((await payAt(late.checkoutUrl)).status).toBe(303);
    expect(await api.balanceOf(bramPermit)).toBe(0);
    await expectLedgerMatches(bramPermit);

    const [entry] = await auditOf(delftAdmin, bramPermit);
    expect(entry).toMatchObject({
      action: 'permit.revoke',
      before: {
        status: 'active',
        balance: 245 * 60 - 600 - 120,
        addressSlot: 'delft-westlandseweg-20',
      },
      after: {
        status: 'revoked',
        balance: 0,
        addressSlot: null,
        occasion: 'movedOutOfPaidParking',
        refundCents: 1935,
        refundedAmount: 245 * 60 - 30,
        revokedDelegations: 1,
      },
    });
  });

  it('revokes without a refund where unused balance lapses (Oudstad, set to lapse; docs/rules.md §4)', async () => {
    // 002's rule: unused balance lapses when the permit ends.
    const em = api.em();
    const product = await em.findOneOrFail(ProductType, {
      municipality: { code: 'oudstad' },
      code: 'visitor-permit',
    });
    product.topUpPolicy = { ...product.topUpPolicy!, unusedBalance: { kind: 'lapse' } };
    await em.flush();
    const revoked = ok(
      await oudstadAdmin.request<Data>(revoke, { id: carlaVisitor, occasion: 'movedToOtherZone' }),
    ).revokePermit;
    expect(revoked).toMatchObject({
      refundCents: null,
      refundedAmount: 0,
      refundRefusal: 'REFUND_BALANCE_LAPSES',
      permit: {
        status: 'revoked',
        balance: 2500,
        ledger: { edges: [{ node: { kind: 'topUp', amount: 2500 } }] },
      },
    });
    await expectLedgerMatches(carlaVisitor);
    const [entry] = await auditOf(oudstadAdmin, carlaVisitor);
    expect(entry.after).toMatchObject({ status: 'revoked', refundCents: null });
    expect(
      code(await oudstadAdmin.request(revoke, { id: carlaVisitor, occasion: 'holderDied' })),
    ).toBe('PERMIT_ALREADY_REVOKED');
  });

  it("replaces a permit's active plate, checked by the plate rules", async () => {
    expect(await check('XX-999-X', 'oudstad', 'centrum')).toBe(true);
    for (const [plate, country, expected] of [
      ['ABC', null, 'PLATE_NOT_DUTCH'],
      ['GB-12?-K', null, 'PLATE_INVALID_CHARACTERS'],
      ['', null, 'PLATE_EMPTY'],
      ['B-MW-123', 'ZZ', 'PLATE_INVALID_COUNTRY'],
    ] as const) {
      const refused = await oudstadAdmin.request(changePlate, {
        id: carlaResident,
        plate,
        country,
      });
      expect(code(refused), plate).toBe(expected);
    }
    // A visitor permit has no plate of its own: visitors register one per session.
    const annaPlate = await delftAdmin.request(changePlate, { id: annaPermit, plate: 'GB-123-K' });
    expect(code(annaPlate)).toBe('PERMIT_HAS_NO_PLATE');

    const changed = ok(
      await oudstadAdmin.request<Data>(changePlate, { id: carlaResident, plate: 'gb 321 k' }),
    ).changePermitPlate;
    expect(changed.hasPlateRight).toBe(true);
    expect(changed.plates).toEqual([
      { plate: '12ABC3', formattedPlate: '12-ABC-3', active: false },
      { plate: 'GB321K', formattedPlate: 'GB-321-K', active: true },
    ]);
    expect(await check('GB-321-K', 'oudstad', 'centrum')).toBe(true);
    expect(await check('XX-999-X', 'oudstad', 'centrum')).toBe(false);
    // Again the same: nothing to do, nothing logged twice.
    ok(await oudstadAdmin.request<Data>(changePlate, { id: carlaResident, plate: 'GB-321-K' }));
    // A foreign plate, with its country (a minute later: the log lists newest first).
    api.now = new Date(api.now.getTime() + minute);
    const foreign = ok(
      await oudstadAdmin.request<Data>(changePlate, {
        id: carlaResident,
        plate: 'B-MW-123',
        country: 'de',
      }),
    ).changePermitPlate;
    expect(foreign.plates).toEqual([
      { plate: '12ABC3', formattedPlate: '12-ABC-3', active: false },
      { plate: 'BMW123', formattedPlate: 'BMW123', active: true },
    ]);

    const audit = await auditOf(oudstadAdmin, carlaResident);
    expect(audit.map((entry: Data) => [entry.action, entry.before, entry.after])).toEqual([
      ['permit.plate.change', { plate: 'GB-321-K' }, { plate: 'BMW123' }],
      ['permit.plate.change', { plate: 'XX-999-X' }, { plate: 'GB-321-K' }],
    ]);
    // The same plate with another country corrects the country: the plate stays active.
    const corrected = ok(
      await oudstadAdmin.request<Data>(changePlate, {
        id: carlaResident,
        plate: 'BMW123',
        country: 'at',
      }),
    ).changePermitPlate;
    expect(corrected.plates).toEqual([
      { plate: '12ABC3', formattedPlate: '12-ABC-3', active: false },
      { plate: 'BMW123', formattedPlate: 'BMW123', active: true },
    ]);
  });

  const issueInput = (fields: Data = {}) => ({
    productType: 'visitor-permit',
    zone: 'D',
    addressKey: 'delft-markt-7',
    addressLabel: 'Markt 7, Delft',
    holderType: 'resident',
    validFrom: '2026-11-23T00:00:00.000Z',
    email: ' Nieuw.Bewoner@Example.nl ',
    ...fields,
  });

  it('issues a permit to an address and mails its coupling link (docs/rules.md §6)', async () => {
    const issued = ok(await delftAdmin.request<Data>(issue, { input: issueInput() })).issuePermit;
    expect(issued.productCode).toMatch(/^PK\d{8}$/);
    expect(issued.pin).toMatch(/^\d{4}$/);
    expect(issued.permit).toMatchObject({
      productCode: issued.productCode,
      productTypeCode: 'visitor-permit',
      zoneCode: 'D',
      addressKey: 'delft-markt-7',
      addressLabel: 'Markt 7, Delft',
      holderEmail: null,
      status: 'active',
      balance: 0,
      unit: 'minutes',
      validUntil: null,
    });
    expect(idsOf(await searchAs(delftAdmin, 'markt 7'))).toEqual([issued.permit.id]);

    const [mail] = await api
      .em()
      .find(
        MailOutbox,
        { recipient: 'nieuw.bewoner@example.nl' },
        { orderBy: { createdAt: 'desc' } },
      );
    expect(mail!.text).toContain('Markt 7, Delft');
    const link = new RegExp(`${publicAppUrl()}/product-koppelen\\?token=([\\w%-]+)`).exec(
      mail!.text,
    );
    expect(link, 'a coupling link in the mail').not.toBeNull();
    const info = await delftAdmin.request<Data>(couplingLink, {
      token: decodeURIComponent(link![1]!),
    });
    expect(ok(info).couplingLink).toEqual({
      productName: 'Bezoekersvergunning',
      addressLabel: 'Markt 7, Delft',
      email: 'nieuw.bewoner@example.nl',
      accountExists: false,
    });

    const [entry] = await auditOf(delftAdmin, issued.permit.id);
    expect(entry).toMatchObject({
      action: 'permit.issue',
      subjectLabel: issued.productCode,
      before: null,
      after: { productCode: issued.productCode, zone: 'D', status: 'active' },
    });
    // The PIN is for the letter only: the log keeps no copy of it.
    expect(entry.after).not.toHaveProperty('pin');
  });

  it('refuses a second visitor permit at an address, and frees the place of a revoked one (docs/rules.md §2)', async () => {
    const mails = async () => api.em().count(MailOutbox, {});
    const before = await mails();
    for (const addressKey of ['delft-markt-7', 'delft-oude-delft-1']) {
      const refused = await delftAdmin.request(issue, {
        input: issueInput({ addressKey, email: 'tweede@example.nl' }),
      });
      expect(code(refused), addressKey).toBe('PERMIT_ADDRESS_TAKEN');
      expect(refused.errors![0]!.message).toContain('Bezoekersvergunning');
    }
    expect(await mails()).toBe(before);
    // Bram's permit was revoked above: his address may have a visitor permit again.
    const again = await delftAdmin.request<Data>(issue, {
      input: issueInput({
        addressKey: 'delft-westlandseweg-20',
        zone: 'C',
        email: 'bram@demo.parkeer.nl',
      }),
    });
    expect(ok(again).issuePermit.permit.status).toBe('active');
  });

  it('refuses what it cannot issue with every problem at once', async () => {
    const invalid = await delftAdmin.request(issue, {
      input: issueInput({
        productType: 'parking-spaceship',
        zone: 'centrum',
        addressKey: ' ',
        email: 'geen-adres',
        validUntil: '2026-11-22T00:00:00.000Z',
      }),
    });
    expect(code(invalid)).toBe('SETTINGS_INVALID');
    expect(problemPaths(invalid)).toEqual([
      'productType:SETTING_INVALID_CHOICE',
      'zone:SETTING_UNKNOWN_ZONE',
      'addressKey:SETTING_REQUIRED',
      'email:PERMIT_EMAIL_INVALID',
      'validUntil:PERMIT_VALIDITY_INVALID',
    ]);
    // docs/rules.md §2: businesses in zone TU cannot get a visitor permit.
    const business = await delftAdmin.request(issue, {
      input: issueInput({ zone: 'TU', holderType: 'business', addressKey: 'delft-tu-1' }),
    });
    expect(code(business)).toBe('ELIGIBILITY_BUSINESSES_EXCLUDED_IN_ZONE');
    // Oudstad's admin cannot issue into Delft's zones or products.
    const foreign = await oudstadAdmin.request(issue, { input: issueInput({ addressKey: 'x-1' }) });
    expect(problemPaths(foreign)).toEqual(['zone:SETTING_UNKNOWN_ZONE']);
  });
});
