import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { Account } from '../src/model/account.entity.js';
import { Address } from '../src/model/address.entity.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { Municipality } from '../src/model/municipality.entity.js';
import { PermitDocument } from '../src/model/permit-document.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { Zone } from '../src/model/zone.entity.js';
import { loginAccounts } from '../src/modules/identity/identity-accounts.js';
import { recheckResidences } from '../src/modules/moving/register-moves.js';
import { brpNotificationPath } from '../src/modules/moving/register-routes.js';
import { brpFake } from '../src/registry-fakes/brp-fake.js';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { useRegistryFakes } from './registry-fakes.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const secret = 'test-brp-notification-secret-of-32+chars';
const outcomeFields = `permitId productName addressLabel zoneCode action rule message refundCents
  refundOnRequestCents applyInZoneCode`;
const previewQuery = `query ($input: MoveInput!) { movePreview(input: $input) {
  addressLabel addressKey zoneCode movedOn done permits { ${outcomeFields} } } }`;
const reportMutation = `mutation ($input: MoveInput!) { reportMove(input: $input) {
  addressLabel addressKey zoneCode movedOn done permits { ${outcomeFields} } } }`;
const applyMutation = `mutation ($input: ApplyForPermitInput!) { applyForPermit(input: $input) {
  __typename ... on PermitApplicationSubmitted { checkoutUrl application { id status permitId } } } }`;

describe.each(dialects)('moving house on %s (docs/rules.md §2 moving)', (dialect) => {
  const saved = process.env.BRP_NOTIFICATION_SECRET;
  const fakes = useRegistryFakes();
  const api = useDemoApi(dialect);
  let anna: TestClient;
  let bram: TestClient;
  let carlaId: string;

  const ask = async (client: TestClient, query: string, variables: Data) => {
    const result = await client.request<Data>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const permitsOf = (email: string) =>
    api
      .em()
      .find(
        Permit,
        { holder: { email } },
        { populate: ['productType', 'zone'], orderBy: { createdAt: 'asc' } },
      );
  const lettersOf = (permitId: string) =>
    api.em().find(PermitDocument, { permit: permitId }, { orderBy: { createdAt: 'asc' } });
  const movesOf = (permitId: string) =>
    api.em().find(AuditEntry, { subjectId: permitId, action: 'permit.move' });
  const notify = (body: unknown, auth = `Bearer ${secret}`) =>
    fetch(api.url + brpNotificationPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    process.env.BRP_NOTIFICATION_SECRET = secret;
    reloadConfig();
    const em = api.em();
    const delft = await em.findOneOrFail(Municipality, { code: 'delft' });
    const zoneB = await em.findOneOrFail(Zone, { municipality: delft, code: 'B' });
    // A second address in Anna's zone B, for a move inside the zone.
    em.create(Address, {
      municipality: delft,
      postcode: '2611BB',
      houseNumber: 3,
      addition: '',
      key: 'delft-oude-delft-3',
      label: 'Oude Delft 3, Delft',
      zone: zoneB,
    });
    await em.flush();
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    carlaId = (await em.findOneOrFail(Account, { email: 'carla@demo.parkeer.nl' })).id;
    // Carla's demo account linked to her DigiD, so the register can be asked about her.
    await em.transactional((tx) =>
      loginAccounts(
        tx,
        { kind: 'digid', identifier: '999991772', name: 'Carla Smit', represented: null },
        api.now,
        carlaId,
      ),
    );
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.BRP_NOTIFICATION_SECRET;
    else process.env.BRP_NOTIFICATION_SECRET = saved;
    reloadConfig();
  });

  it('inside the zone: the preview says so, and the visitor permit and its balance move along, with a letter and an audit entry (docs/rules.md §2 moving)', async () => {
    const [visitor] = await permitsOf('anna@demo.parkeer.nl');
    const balance = await api.balanceOf(visitor!.id);
    const input = { postcode: '2611 bb', houseNumber: 3, movedOn: '2026-11-20' };
    const preview = (await ask(anna, previewQuery, { input })).movePreview;
    expect(preview).toMatchObject({
      addressLabel: 'Oude Delft 3, Delft',
      addressKey: 'delft-oude-delft-3',
      zoneCode: 'B',
      done: false,
      permits: [
        {
          permitId: visitor!.id,
          action: 'moveAlong',
          rule: 'MOVE_PERMIT_MOVES_ALONG',
          refundCents: 0,
          applyInZoneCode: null,
        },
      ],
    });
    // A preview changes nothing.
    expect((await api.em().findOneOrFail(Permit, visitor!.id)).addressKey).toBe(
      'delft-oude-delft-1',
    );

    const done = (await ask(anna, reportMutation, { input })).reportMove;
    expect(done).toMatchObject({ done: true, permits: [{ action: 'moveAlong' }] });
    const moved = await api.em().findOneOrFail(Permit, visitor!.id);
    expect(moved).toMatchObject({
      status: 'active',
      addressKey: 'delft-oude-delft-3',
      addressLabel: 'Oude Delft 3, Delft',
      addressSlot: 'delft-oude-delft-3',
    });
    expect(await api.balanceOf(visitor!.id)).toBe(balance);
    expect(await api.ledgerSum(visitor!.id)).toBe(balance);
    expect((await lettersOf(visitor!.id)).map((letter) => letter.letterKind)).toContain('moved');
    expect(await movesOf(visitor!.id)).toHaveLength(1);

    // Reported again: nothing left to move.
    expect((await ask(anna, reportMutation, { input })).reportMove.permits).toEqual([]);
  });

  it('a moving day in the future or long ago is refused (docs/rules.md §2 moving)', async () => {
    for (const movedOn of ['2026-11-24', '2026-08-01', 'gisteren']) {
      const result = await anna.request<Data>(previewQuery, {
        input: { postcode: '2611BB', houseNumber: 3, movedOn },
      });
      expect(result.errors?.[0]?.extensions.code).toBe('MOVE_DATE_INVALID');
    }
  });

  it('across zones: the visitor permit is blocked and its place freed, balance kept on it; on request it is revoked with its unused purchase (docs/rules.md §2 moving)', async () => {
    const [visitor] = await permitsOf('bram@demo.parkeer.nl');
    const balance = await api.balanceOf(visitor!.id);
    const input = { postcode: '2611GS', houseNumber: 7, movedOn: '2026-11-23' };
    const done = (await ask(bram, reportMutation, { input })).reportMove;
    expect(done).toMatchObject({
      zoneCode: 'D',
      permits: [{ permitId: visitor!.id, action: 'block', rule: 'MOVE_BLOCKED_OTHER_ZONE' }],
    });
    expect(done.permits[0].message).toContain('(D)');
    const blocked = await api.em().findOneOrFail(Permit, visitor!.id);
    expect(blocked).toMatchObject({ status: 'blocked', addressSlot: null });
    expect(blocked.movedAt).not.toBeNull();
    // Balance never moves between households: it stays on the blocked permit.
    expect(await api.balanceOf(visitor!.id)).toBe(balance);
    expect((await lettersOf(visitor!.id)).map((letter) => letter.letterKind)).toEqual(['moved']);

    const refund = await bram.request<Data>(
      `mutation ($id: ID!) { requestMoveRefund(permitId: $id) }`,
      { id: visitor!.id },
    );
    expect(refund.errors).toBeUndefined();
    const revoked = await api.em().findOneOrFail(Permit, visitor!.id);
    expect(revoked.status).toBe('revoked');
    expect(await api.ledgerSum(visitor!.id)).toBe(await api.balanceOf(visitor!.id));
    expect(
      await api.em().count(AuditEntry, { subjectId: visitor!.id, action: 'permit.move.refund' }),
    ).toBe(1);
    // Only once, and only by the holder.
    const again = await bram.request<Data>(
      `mutation ($id: ID!) { requestMoveRefund(permitId: $id) }`,
      { id: visitor!.id },
    );
    expect(again.errors?.[0]?.extensions.code).toBe('MOVE_REFUND_NOT_BLOCKED');
    const other = await anna.request<Data>(
      `mutation ($id: ID!) { requestMoveRefund(permitId: $id) }`,
      { id: visitor!.id },
    );
    expect(other.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('a resident permit bought at the counter ends on a move out of its town, with the pro-rata refund through the provider and its letter (docs/rules.md §2 moving, §1 early end refund)', async () => {
    const submitted = (
      await ask(anna, applyMutation, {
        input: {
          idempotencyKey: `move-${dialect}-1`,
          application: {
            productTypeCode: 'resident-permit',
            addressKey: 'oudstad-noord-1',
            plates: [{ plate: 'GB-321-K' }],
          },
        },
      })
    ).applyForPermit;
    expect(submitted.__typename).toBe('PermitApplicationSubmitted');
    const paid = await fetch(api.url + new URL(submitted.checkoutUrl).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'paid' }).toString(),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    const permit = (await permitsOf('anna@demo.parkeer.nl')).find(
      (candidate) => candidate.productType.code === 'resident-permit',
    )!;
    expect(permit.status).toBe('active');

    const input = { postcode: '2611GS', houseNumber: 7, addition: 'a', movedOn: '2026-11-23' };
    const preview = (await ask(anna, previewQuery, { input })).movePreview;
    const ending = preview.permits.find((p: Data) => p.permitId === permit.id);
    expect(ending).toMatchObject({ action: 'end', rule: 'MOVE_REVOKED_NO_PAID_PARKING' });
    expect(ending.refundCents).toBeGreaterThan(0);

    await ask(anna, reportMutation, { input });
    const ended = await api.em().findOneOrFail(Permit, permit.id);
    expect(ended.status).toBe('ended');
    const refundRows = await api
      .em()
      .find(LedgerEntry, { permit: permit.id, kind: 'permitRefund' });
    expect(refundRows.map((row) => row.moneyCents)).toEqual([-ending.refundCents]);
    expect((await lettersOf(permit.id)).map((letter) => letter.letterKind)).toContain('ended');
    expect(await movesOf(permit.id)).toHaveLength(1);
  });

  it('reported by the register in the periodic re-check: nothing while it is down, then the permits move along inside the zone (docs/rules.md §2 moving)', async () => {
    const em = api.em();
    const oudstad = await em.findOneOrFail(Municipality, { code: 'oudstad' });
    oudstad.residenceCheck = 'register';
    await em.flush();
    const before = await permitsOf('carla@demo.parkeer.nl');
    expect(before.map((p) => p.addressKey)).toEqual(['oudstad-markt-3', 'oudstad-markt-3']);

    // Still where the register has her: nothing changes.
    expect((await recheckResidences(api.em(), api.now)).unchanged).toBeGreaterThanOrEqual(1);

    brpFake(fakes.brp).move('999991772', 'oudstad-noord-1', '2026-11-15');
    fakes.brp.mode = 'down';
    try {
      expect((await recheckResidences(api.em(), api.now)).unanswered).toBeGreaterThanOrEqual(1);
    } finally {
      fakes.brp.mode = 'up';
    }
    expect((await permitsOf('carla@demo.parkeer.nl')).map((p) => p.addressKey)).toEqual([
      'oudstad-markt-3',
      'oudstad-markt-3',
    ]);

    expect((await recheckResidences(api.em(), api.now)).moved).toBe(1);
    const after = await permitsOf('carla@demo.parkeer.nl');
    expect(after.map((p) => [p.status, p.addressKey])).toEqual([
      ['active', 'oudstad-noord-1'],
      ['active', 'oudstad-noord-1'],
    ]);
    const audit = await movesOf(after[0]!.id);
    expect(audit[0]!.after).toMatchObject({ source: 'register', movedOn: '2026-11-15' });
  });

  it('reported by the register through its notification: authenticated, a down register answers 503 to be asked again, and a move out of paid parking revokes and ends (docs/rules.md §2 moving)', async () => {
    brpFake(fakes.brp).move('999991772', 'delft-buitenhof-40', '2026-11-22');
    expect((await notify({ burgerservicenummer: '999991772' }, 'Bearer wrong')).status).toBe(401);
    expect((await notify({ burgerservicenummer: '999991772' }, '')).status).toBe(401);
    expect((await notify({ burgerservicenummer: '123' })).status).toBe(400);
    // A BSN nobody here is linked to gets the same answer as one that is.
    expect((await notify({ burgerservicenummer: '999990019' })).status).toBe(202);

    fakes.brp.mode = 'down';
    try {
      expect((await notify({ burgerservicenummer: '999991772' })).status).toBe(503);
    } finally {
      fakes.brp.mode = 'up';
    }
    expect((await permitsOf('carla@demo.parkeer.nl')).every((p) => p.status === 'active')).toBe(
      true,
    );

    expect((await notify({ burgerservicenummer: '999991772' })).status).toBe(202);
    const after = await permitsOf('carla@demo.parkeer.nl');
    const visitor = after.find((p) => p.productType.balanceUnit)!;
    const resident = after.find((p) => !p.productType.balanceUnit)!;
    expect(visitor).toMatchObject({ status: 'revoked', addressSlot: null });
    expect(resident).toMatchObject({ status: 'ended', addressSlot: null });
    expect(await api.ledgerSum(visitor.id)).toBe(visitor.balance);
    for (const permit of after) {
      expect((await lettersOf(permit.id)).map((l) => l.letterKind)).toContain('moved');
      const audit = await movesOf(permit.id);
      expect(audit.at(-1)!.after).toMatchObject({
        source: 'register',
        reason: 'MOVE_REVOKED_NO_PAID_PARKING',
      });
    }
  });

  it("into the same zone, at an address that already has a visitor permit: the household there keeps theirs, the newcomer's is blocked (docs/rules.md §2 moving)", async () => {
    const em = api.em();
    const delft = await em.findOneOrFail(Municipality, { code: 'delft' });
    const zoneE = await em.findOneOrFail(Zone, { municipality: delft, code: 'E' });
    em.create(Address, {
      municipality: delft,
      postcode: '2611AM',
      houseNumber: 11,
      addition: '',
      key: 'delft-phoenixstraat-11',
      label: 'Phoenixstraat 11, Delft',
      zone: zoneE,
    });
    await em.flush();
    // Anna's visitor permit, as if she lived at Phoenixstraat 11 in zone E.
    const visitor = (await permitsOf('anna@demo.parkeer.nl')).find(
      (permit) => permit.productType.code === 'visitor-permit',
    );
    await em.nativeUpdate(
      Permit,
      { id: visitor!.id },
      {
        status: 'active',
        zone: zoneE.id,
        addressKey: 'delft-phoenixstraat-11',
        addressLabel: 'Phoenixstraat 11, Delft',
        addressSlot: 'delft-phoenixstraat-11',
        movedAt: null,
      },
    );
    // Phoenixstraat 9 has the demo's visitor permit not yet coupled to an account.
    const input = { postcode: '2611AL', houseNumber: 9, movedOn: '2026-11-23' };
    const done = (await ask(anna, reportMutation, { input })).reportMove;
    expect(done.permits).toEqual([
      expect.objectContaining({
        permitId: visitor!.id,
        action: 'block',
        rule: 'MOVE_BLOCKED_ADDRESS_HAS_PERMIT',
      }),
    ]);
    expect(await api.em().findOneOrFail(Permit, visitor!.id)).toMatchObject({
      status: 'blocked',
      addressSlot: null,
    });
    const theirs = await api.em().findOneOrFail(Permit, { addressSlot: 'delft-phoenixstraat-9' });
    expect(theirs.status).toBe('active');
  });
});
