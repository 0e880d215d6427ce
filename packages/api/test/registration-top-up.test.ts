import { beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { Municipality } from '../src/model/municipality.entity.js';
import { Payment } from '../src/model/payment.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { hashSecret } from '../src/modules/auth/password-hash.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const hours = (h: number) => h * 60;

const signIn = `mutation ($number: String!, $pin: String!) {
  loginWithRegistration(input: { registrationNumber: $number, pin: $pin }) { productId } }`;
const offersQuery = `query ($permitId: ID!) { topUpOffers(permitId: $permitId) {
  unit offers { amount } refusal { code message } } }`;
const startMutation = `mutation ($input: StartTopUpInput!) {
  startTopUp(input: $input) { paymentId checkoutUrl status } }`;
const paymentQuery = `query ($id: ID!) { payment(id: $id) { id permitId status balanceAfter } }`;
const setPolicy = `mutation ($allowed: Boolean!) {
  setRegistrationLoginTopUps(allowed: $allowed) { code registrationLoginTopUps } }`;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Answer = Awaited<ReturnType<TestClient['request']>>;
const code = (answer: Answer) => answer.errors?.[0]?.extensions.code;

describe.each(dialects)(
  'top-ups with a registration number + PIN login on %s (docs/rules.md §6, "Sign-in with registration number and PIN")',
  (dialect) => {
    const api = useDemoApi(dialect, { start: demoMonday });
    let admin: TestClient;
    // Bram's visitor permit: 45 h left, so 200 h is on offer (top-up.test.ts).
    let bramPermit: string;
    let uncoupled: string;
    let paidByPin = '';
    let key = 0;
    const nextKey = () => `pin-top-up-${dialect}-${++key}`;

    const pinLogin = async (permitId: string) => {
      const em = api.em();
      const permit = await em.findOneOrFail(Permit, { id: permitId });
      permit.pinHash = await hashSecret('4821');
      await em.flush();
      const client = new TestClient(api.url);
      const answer = await client.request(signIn, {
        number: permit.productCode.replace(/^PK/, ''),
        pin: '4821',
      });
      expect(answer.errors).toBeUndefined();
      return client;
    };
    const townAllows = async (allowed: boolean) => {
      const answer = await admin.request<Data>(setPolicy, { allowed });
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.setRegistrationLoginTopUps).toEqual({
        code: 'delft',
        registrationLoginTopUps: allowed,
      });
    };
    const start = (client: TestClient, permitId: string) =>
      client.request<Data>(startMutation, {
        input: { permitId, amount: hours(200), idempotencyKey: nextKey() },
      });

    beforeAll(async () => {
      admin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
      const em = api.em();
      bramPermit = (
        await em.findOneOrFail(Permit, {
          holder: { email: 'bram@demo.parkeer.nl' },
          productType: { code: 'visitor-permit' },
        })
      ).id;
      uncoupled = (await em.findOneOrFail(Permit, { addressLabel: 'Phoenixstraat 9, Delft' })).id;
    });

    it('refuses top-ups by default: no offers but the reason, and startTopUp a typed error', async () => {
      const town = await api.em().findOneOrFail(Municipality, { code: 'delft' });
      expect(town.registrationLoginTopUps).toBe(false);
      const client = await pinLogin(bramPermit);
      const offers = await client.request<Data>(offersQuery, { permitId: bramPermit });
      expect(offers.errors).toBeUndefined();
      expect(offers.data!.topUpOffers).toEqual({
        unit: null,
        offers: [],
        refusal: {
          code: 'TOP_UP_NOT_WITH_REGISTRATION_LOGIN',
          message: expect.stringContaining('registratienummer'),
        },
      });
      expect(code(await start(client, bramPermit))).toBe('TOP_UP_NOT_WITH_REGISTRATION_LOGIN');
      expect(await api.em().count(Payment, { permit: bramPermit })).toBe(0);
    });

    it("lets the town's admin allow it, audited, and then the login tops up its permit, back to its own home, paid for by the holder's account", async () => {
      await townAllows(true);
      const audit = await api
        .em()
        .find(AuditEntry, { action: 'municipality.registrationLoginTopUps.set' });
      expect(audit.map((entry) => [entry.before, entry.after])).toEqual([
        [{ registrationLoginTopUps: false }, { registrationLoginTopUps: true }],
      ]);

      const client = await pinLogin(bramPermit);
      const offers = await client.request<Data>(offersQuery, { permitId: bramPermit });
      expect(offers.data!.topUpOffers.refusal).toBeNull();
      expect(offers.data!.topUpOffers.offers).toContainEqual({ amount: hours(200) });
      const started = await start(client, bramPermit);
      expect(started.errors).toBeUndefined();
      const { paymentId, checkoutUrl } = started.data!.startTopUp;
      paidByPin = paymentId;

      const checkout = new URL(checkoutUrl).pathname;
      const paid = await fetch(api.url + checkout, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ action: 'paid' }).toString(),
        redirect: 'manual',
      });
      expect(paid.status).toBe(303);
      expect(new URL(paid.headers.get('location')!).pathname).toBe('/inloggen-met-pincode');
      expect(new URL(paid.headers.get('location')!).searchParams.get('payment')).toBe(paymentId);

      expect((await client.request<Data>(paymentQuery, { id: paymentId })).data!.payment).toEqual({
        id: paymentId,
        permitId: bramPermit,
        status: 'paid',
        balanceAfter: hours(245),
      });
      const payment = await api
        .em()
        .findOneOrFail(Payment, { id: paymentId }, { populate: ['account'] });
      expect(payment.account.email).toBe('bram@demo.parkeer.nl');
    });

    it("shows a PIN login only its own permit's payments, and still refuses a permit without an account", async () => {
      // The holder's own login sees the payment too: it is his account's.
      const bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
      expect(code(await bram.request(paymentQuery, { id: paidByPin }))).toBeUndefined();
      const otherPin = await pinLogin(uncoupled);
      expect(code(await otherPin.request(paymentQuery, { id: paidByPin }))).toBe('NOT_FOUND');
      expect(code(await start(otherPin, uncoupled))).toBe('TOP_UP_NOT_WITH_REGISTRATION_LOGIN');
    });

    it('refuses again once the admin turns it off', async () => {
      await townAllows(false);
      const client = await pinLogin(bramPermit);
      expect(code(await start(client, bramPermit))).toBe('TOP_UP_NOT_WITH_REGISTRATION_LOGIN');
    });
  },
);
