import { beforeAll, describe, expect, it } from 'vitest';
import { Delegation } from '../src/model/delegation.entity.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { TestClient } from './graphql-client.js';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const minute = 60_000;

const invite = `mutation ($input: InviteDelegationInput!) { inviteDelegation(input: $input) {
  id email plate formattedPlate budget balance unit status accepted delegateEmail } }`;
const invitation = `query ($token: String!) { delegationInvitation(token: $token) {
  ownerEmail invitedEmail productName municipality budget unit formattedPlate } }`;
const accept = `mutation ($token: String!) { acceptDelegation(input: { token: $token }) }`;
const acceptWithPassword = `mutation ($input: AcceptDelegationInput!) { acceptDelegation(input: $input) }`;
const list = `query ($productId: ID!) { delegations(productId: $productId) {
  id email status accepted balance delegateEmail } }`;
const revoke = `mutation ($id: ID!) { revokeDelegation(id: $id) { id status balance revokedAt } }`;
const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id reservation delegated } }
  ... on SessionRefused { reason } } }`;
const groups = `{ productGroups { products { id delegatedBy balance { amount } } } }`;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(dialects)('delegations through GraphQL on %s (docs/rules.md §7)', (dialect) => {
  const api = useDemoApi(dialect);
  let anna: TestClient;
  let bram: TestClient;
  let annaPermit: string;
  let delegationId: string;
  let token: string;

  const balance = async () =>
    (await api.orm.em.fork().findOneOrFail(Permit, { id: annaPermit })).balance;
  const tokenFromMail = async (to: string) => {
    const mails = await api.orm.em
      .fork()
      .find(MailOutbox, { recipient: to }, { orderBy: { createdAt: 'desc' } });
    return /token=([\w-]+)/.exec(mails[0]?.text ?? '')?.[1] ?? '';
  };

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    annaPermit = (
      await api.orm.em.fork().findOneOrFail(Permit, { holder: { email: 'anna@demo.parkeer.nl' } })
    ).id;
  });

  it('invites by e-mail with a plate and moves the amount out of the balance, with an e-mailed link', async () => {
    const input = {
      productId: annaPermit,
      email: ' Bram@Demo.Parkeer.nl ',
      plate: 'gb-123-k',
      amount: 120,
      idempotencyKey: 'invite-1',
    };
    const result = await anna.request<Data>(invite, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data?.inviteDelegation).toMatchObject({
      email: 'bram@demo.parkeer.nl',
      plate: 'GB123K',
      formattedPlate: 'GB-123-K',
      budget: 120,
      balance: 120,
      unit: 'minutes',
      status: 'invited',
      accepted: false,
      delegateEmail: null,
    });
    delegationId = result.data?.inviteDelegation.id;
    expect(await balance()).toBe(200 * 60 - 120);
    const retry = await anna.request<Data>(invite, { input });
    expect(retry.data?.inviteDelegation.id).toBe(delegationId);
    expect(await balance()).toBe(200 * 60 - 120);

    token = await tokenFromMail('bram@demo.parkeer.nl');
    expect(token.length).toBeGreaterThan(30);
    const shown = await bram.request<Data>(invitation, { token });
    expect(shown.data?.delegationInvitation).toMatchObject({
      ownerEmail: 'anna@demo.parkeer.nl',
      budget: 120,
      formattedPlate: 'GB-123-K',
    });
  });

  it('refuses invalid invitations with their reason', async () => {
    const base = { productId: annaPermit, email: 'x@example.nl', amount: 60 };
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'anna@demo.parkeer.nl' }, 'DELEGATION_TO_SELF'],
      [{ email: 'not-an-address' }, 'DELEGATION_EMAIL_INVALID'],
      [{ amount: 0 }, 'DELEGATION_AMOUNT_INVALID'],
      [{ amount: 10_000_000 }, 'DELEGATION_INSUFFICIENT_BALANCE'],
      [{ plate: 'QQ' }, 'PLATE_NOT_DUTCH'],
    ];
    for (const [change, code] of cases) {
      const result = await anna.request<Data>(invite, {
        input: { ...base, ...change, idempotencyKey: `bad-${code}` },
      });
      expect(result.errors?.[0]?.extensions.code, code).toBe(code);
    }
    expect(await balance()).toBe(200 * 60 - 120);
  });

  it('is accepted through the link once; the delegate sees the product as delegated by the owner', async () => {
    const accepted = await bram.request<Data>(accept, { token });
    expect(accepted.data?.acceptDelegation).toBe(annaPermit);
    const again = await bram.request<Data>(accept, { token });
    expect(again.errors?.[0]?.extensions.code).toBe('LINK_ALREADY_USED');
    const listed = await anna.request<Data>(list, { productId: annaPermit });
    expect(listed.data?.delegations).toMatchObject([
      { id: delegationId, accepted: true, delegateEmail: 'bram@demo.parkeer.nl' },
    ]);
    const products = (await bram.request<Data>(groups)).data?.productGroups[0].products;
    expect(products).toContainEqual({
      id: annaPermit,
      delegatedBy: 'anna@demo.parkeer.nl',
      balance: { amount: 120 },
    });
  });

  it('lets the delegate park within the budget and the plate, and nothing that is the owner’s', async () => {
    const other = await bram.request<Data>(start, {
      input: { productId: annaPermit, plate: 'XB-123-K', idempotencyKey: 'd-other' },
    });
    expect(other.data?.startSession).toMatchObject({ reason: 'SESSION_PLATE_NOT_ALLOWED' });
    const parked = await bram.request<Data>(start, {
      input: {
        productId: annaPermit,
        plate: 'GB-123-K',
        end: new Date(api.now.getTime() + 60 * minute).toISOString(),
        idempotencyKey: 'd-1',
      },
    });
    expect(parked.data?.startSession).toMatchObject({
      __typename: 'SessionAccepted',
      session: { reservation: 60, delegated: true },
    });
    expect(await balance()).toBe(200 * 60 - 120);
    const pot = await api.orm.em.fork().findOneOrFail(Delegation, { id: delegationId });
    expect(pot.balance).toBe(60);

    const ownerOnly = await bram.request<Data>(invite, {
      input: { productId: annaPermit, email: 'c@example.nl', amount: 10, idempotencyKey: 'x' },
    });
    expect(ownerOnly.errors?.[0]?.extensions.code).toBe('PRODUCT_OWNER_ONLY');
    const listing = await bram.request<Data>(list, { productId: annaPermit });
    expect(listing.errors?.[0]?.extensions.code).toBe('PRODUCT_OWNER_ONLY');
  });

  it('revokes: the delegate’s session stops, the rest returns, the product is gone for the delegate', async () => {
    api.now = new Date(api.now.getTime() + 30 * minute);
    const carla = await loggedIn(api.url, 'carla@demo.parkeer.nl');
    const foreign = await carla.request<Data>(revoke, { id: delegationId });
    expect(foreign.errors?.[0]?.extensions.code).toBe('NOT_FOUND');

    const revoked = await anna.request<Data>(revoke, { id: delegationId });
    expect(revoked.data?.revokeDelegation).toMatchObject({ status: 'revoked', balance: 0 });
    // 30 minutes parked of the 120 lent: 90 come back.
    expect(await balance()).toBe(200 * 60 - 30);
    const twice = await anna.request<Data>(revoke, { id: delegationId });
    expect(twice.data?.revokeDelegation).toMatchObject({ status: 'revoked' });
    expect(await balance()).toBe(200 * 60 - 30);

    const denied = await bram.request<Data>(start, {
      input: { productId: annaPermit, plate: 'GB-123-K', idempotencyKey: 'd-after' },
    });
    // Its own error, not NOT_FOUND: the former delegate knows why (docs/graphql.md, Errors).
    expect(denied.errors?.[0]?.extensions).toMatchObject({
      code: 'DELEGATION_REVOKED',
      messages: {
        nl: 'Deze machtiging is ingetrokken.',
        en: 'This delegation has been revoked.',
      },
    });
    const stranger = await carla.request<Data>(start, {
      input: { productId: annaPermit, plate: 'GB-123-K', idempotencyKey: 'c-after' },
    });
    expect(stranger.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const products = (await bram.request<Data>(groups)).data?.productGroups[0].products;
    expect(products.map((p: { id: string }) => p.id)).not.toContain(annaPermit);

    const em = api.orm.em.fork();
    const sum = async (filter: object) =>
      (await em.find(LedgerEntry, filter)).reduce((total, entry) => total + entry.amount, 0);
    expect(await sum({ permit: annaPermit, pot: 'permit' })).toBe(await balance());
    expect(await sum({ delegation: delegationId, pot: 'delegation' })).toBe(0);
  });

  it('cannot be accepted after it was revoked', async () => {
    const result = await anna.request<Data>(invite, {
      input: {
        productId: annaPermit,
        email: 'bram@demo.parkeer.nl',
        amount: 30,
        idempotencyKey: 'invite-2',
      },
    });
    const id = result.data?.inviteDelegation.id as string;
    const link = await tokenFromMail('bram@demo.parkeer.nl');
    await anna.request<Data>(revoke, { id });
    const late = await bram.request<Data>(accept, { token: link });
    expect(late.errors?.[0]?.extensions.code).toBe('LINK_ALREADY_USED');
    expect(await balance()).toBe(200 * 60 - 30);
  });

  it('lets someone without an account accept by setting a password twice, and logs them in', async () => {
    await anna.request<Data>(invite, {
      input: {
        productId: annaPermit,
        email: 'nieuw@example.nl',
        amount: 30,
        idempotencyKey: 'invite-new',
      },
    });
    const link = await tokenFromMail('nieuw@example.nl');
    const visitor = new TestClient(api.url);
    const shown = await visitor.request<Data>(invitation, { token: link });
    expect(shown.data?.delegationInvitation).toMatchObject({ invitedEmail: 'nieuw@example.nl' });
    const anonymous = await visitor.request<Data>(accept, { token: link });
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const mismatch = await visitor.request<Data>(acceptWithPassword, {
      input: { token: link, password: 'Lang-genoeg-2026', passwordRepeat: 'Lang-genoeg-2027' },
    });
    expect(mismatch.errors?.[0]?.extensions.code).toBe('PASSWORD_MISMATCH');
    const admin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    expect((await admin.request<Data>(accept, { token: link })).errors?.[0]?.extensions.code).toBe(
      'FORBIDDEN',
    );
    const accepted = await visitor.request<Data>(acceptWithPassword, {
      input: { token: link, password: 'Lang-genoeg-2026', passwordRepeat: 'Lang-genoeg-2026' },
    });
    expect(accepted.data?.acceptDelegation).toBe(annaPermit);
    const products = (await visitor.request<Data>(groups)).data?.productGroups[0].products;
    expect(products).toEqual([
      { id: annaPermit, delegatedBy: 'anna@demo.parkeer.nl', balance: { amount: 30 } },
    ]);
  });
});
