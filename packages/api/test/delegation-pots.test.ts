import { beforeAll, describe, expect, it } from 'vitest';
import { Delegation } from '../src/model/delegation.entity.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import type { TestClient } from './graphql-client.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

/*
 * Review: what happens to the delegation's pot when the OWNER changes the end of a session the
 * DELEGATE started (SessionService.changeEnd posts to the viewer's pot, not the session's).
 */

const dialects = await testDialects();
const minute = 60_000;

const invite = `mutation ($input: InviteDelegationInput!) { inviteDelegation(input: $input) { id } }`;
const accept = `mutation ($token: String!) { acceptDelegation(input: { token: $token }) }`;
const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id reservation delegated } }
  ... on SessionRefused { reason } } }`;
const changeEnd = `mutation ($input: ChangeSessionEndInput!) { changeSessionEnd(input: $input) {
  __typename ... on SessionAccepted { session { id reservation end } }
  ... on SessionRefused { reason } } }`;
const stop = `mutation ($id: ID!) { stopSession(sessionId: $id) { id status charge } }`;
const groups = `{ productGroups { products { id delegatedBy balance { amount } } } }`;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(dialects)('delegation pots on %s', (dialect) => {
  // Monday 23 November 2026, 10:00 in Amsterdam: paid hours in Delft zone B.
  const api = useDemoApi(dialect);
  const now = demoMonday;
  let anna: TestClient;
  let bram: TestClient;
  let annaPermit: string;

  const permitBalance = async () =>
    (await api.orm.em.fork().findOneOrFail(Permit, { id: annaPermit })).balance;
  const potBalance = async (id: string) =>
    (await api.orm.em.fork().findOneOrFail(Delegation, { id })).balance;
  const seenMails = new Set<string>();
  /** The token of the one mail to `to` not read before (all mails carry the same clock time). */
  const tokenFromMail = async (to: string) => {
    const mails = await api.orm.em.fork().find(MailOutbox, { recipient: to });
    const fresh = mails.filter((mail) => !seenMails.has(mail.id));
    for (const mail of mails) seenMails.add(mail.id);
    expect(fresh).toHaveLength(1);
    return /token=([\w-]+)/.exec(fresh[0]?.text ?? '')?.[1] ?? '';
  };
  let lastPot: string | null = null;
  const revoke = `mutation ($id: ID!) { revokeDelegation(id: $id) { id } }`;
  // One delegation to Bram at a time: two would be a bug of their own (see below).
  const delegateToBram = async (amount: number, key: string) => {
    if (lastPot) await anna.request<Data>(revoke, { id: lastPot });
    const invited = await anna.request<Data>(invite, {
      input: { productId: annaPermit, email: 'bram@demo.parkeer.nl', amount, idempotencyKey: key },
    });
    expect(invited.errors).toBeUndefined();
    const accepted = await bram.request<Data>(accept, {
      token: await tokenFromMail('bram@demo.parkeer.nl'),
    });
    expect(accepted.errors).toBeUndefined();
    lastPot = invited.data!.inviteDelegation.id as string;
    return lastPot;
  };

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    annaPermit = (
      await api.orm.em.fork().findOneOrFail(Permit, { holder: { email: 'anna@demo.parkeer.nl' } })
    ).id;
  });

  it("the owner shortening a delegate's session returns the rest to the delegation, not to the owner", async () => {
    const pot = await delegateToBram(120, 'pots-invite-1');
    const parked = await bram.request<Data>(start, {
      input: {
        productId: annaPermit,
        plate: 'GB-123-K',
        end: new Date(now.getTime() + 60 * minute).toISOString(),
        idempotencyKey: 'pots-start-1',
      },
    });
    expect(parked.data?.startSession).toMatchObject({ session: { reservation: 60 } });
    const sessionId = parked.data!.startSession.session.id as string;
    expect(await potBalance(pot)).toBe(60);
    expect(await permitBalance()).toBe(200 * 60 - 120);

    const input = {
      sessionId,
      end: new Date(now.getTime() + 30 * minute).toISOString(),
      idempotencyKey: 'pots-change-1',
    };
    const shortened = await anna.request<Data>(changeEnd, { input });
    expect(shortened.data?.changeSessionEnd).toMatchObject({ session: { reservation: 30 } });

    // The 30 minutes came out of Bram's pot, so they must go back there; the owner's balance
    // only changes through a grant or a revoke.
    expect(await permitBalance()).toBe(200 * 60 - 120);
    expect(await potBalance(pot)).toBe(90);

    // And the session's rows, across both pots, add up to minus its reservation.
    const rows = await api.orm.em.fork().find(LedgerEntry, { session: sessionId });
    expect(rows.every((row) => row.pot === 'delegation')).toBe(true);
  });

  it("the owner extending a delegate's session pays from the delegation, never beyond what was lent", async () => {
    const pot = await delegateToBram(60, 'pots-invite-2');
    const parked = await bram.request<Data>(start, {
      input: {
        productId: annaPermit,
        plate: 'GB-456-K',
        end: new Date(now.getTime() + 60 * minute).toISOString(),
        idempotencyKey: 'pots-start-2',
      },
    });
    const sessionId = parked.data!.startSession.session.id as string;
    expect(await potBalance(pot)).toBe(0);
    const extended = await anna.request<Data>(changeEnd, {
      input: {
        sessionId,
        end: new Date(now.getTime() + 180 * minute).toISOString(),
        idempotencyKey: 'pots-change-2',
      },
    });
    // The extension is paid from the delegation's pot, which is empty: under Delft's run-to-zero
    // policy the session keeps what it holds.
    expect(extended.data?.changeSessionEnd).toMatchObject({ session: { reservation: 60 } });
    await bram.request<Data>(stop, { id: sessionId });
    expect(await potBalance(pot)).toBeLessThanOrEqual(60);
  });

  it("the owner's retry of a change on a delegate's session answers as the first call did", async () => {
    await delegateToBram(60, 'pots-invite-3');
    const parked = await bram.request<Data>(start, {
      input: {
        productId: annaPermit,
        plate: 'GB-789-K',
        end: new Date(now.getTime() + 60 * minute).toISOString(),
        idempotencyKey: 'pots-start-3',
      },
    });
    const sessionId = parked.data!.startSession.session.id as string;
    const input = {
      sessionId,
      end: new Date(now.getTime() + 45 * minute).toISOString(),
      idempotencyKey: 'pots-change-3',
    };
    const first = await anna.request<Data>(changeEnd, { input });
    expect(first.errors).toBeUndefined();
    const retry = await anna.request<Data>(changeEnd, { input });
    expect(retry.errors?.[0]?.extensions.code).toBeUndefined();
    expect(retry.data?.changeSessionEnd).toMatchObject({ session: { id: sessionId } });
  });
});

describe.each(dialects)('two delegations of one permit to one delegate on %s', (dialect) => {
  const api = useDemoApi(dialect);
  let anna: TestClient;
  let bram: TestClient;
  let annaPermit: string;

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    annaPermit = (
      await api.orm.em.fork().findOneOrFail(Permit, { holder: { email: 'anna@demo.parkeer.nl' } })
    ).id;
  });

  it('gives one person at most one delegation per product', async () => {
    const tokenFromMail = async (to: string) => {
      const [mail] = await api.orm.em
        .fork()
        .find(MailOutbox, { recipient: to }, { orderBy: { createdAt: 'desc' }, limit: 1 });
      return /token=([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    };
    const first = await anna.request<Data>(invite, {
      input: {
        productId: annaPermit,
        email: 'bram@demo.parkeer.nl',
        amount: 60,
        idempotencyKey: 'twice-1',
      },
    });
    expect(first.errors).toBeUndefined();
    const second = await anna.request<Data>(invite, {
      input: {
        productId: annaPermit,
        email: 'BRAM@demo.parkeer.nl',
        amount: 60,
        idempotencyKey: 'twice-2',
      },
    });
    expect(second.errors?.[0]?.extensions.code).toBe('DELEGATION_ALREADY_EXISTS');
    // Another address whose link bram opens while logged in: refused at acceptance.
    await bram.request<Data>(accept, { token: await tokenFromMail('bram@demo.parkeer.nl') });
    await anna.request<Data>(invite, {
      input: {
        productId: annaPermit,
        email: 'bram.werk@example.nl',
        amount: 30,
        idempotencyKey: 'twice-3',
      },
    });
    const other = await bram.request<Data>(accept, {
      token: await tokenFromMail('bram.werk@example.nl'),
    });
    expect(other.errors?.[0]?.extensions.code).toBe('DELEGATION_ALREADY_EXISTS');
    const products = (await bram.request<Data>(groups)).data?.productGroups[0].products as {
      id: string;
    }[];
    expect(products.filter((p) => p.id === annaPermit)).toHaveLength(1);
  });
});
