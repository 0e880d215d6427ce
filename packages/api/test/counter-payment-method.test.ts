import { beforeAll, describe, expect, it } from 'vitest';
import { Payment } from '../src/model/payment.entity.js';
import type { TestClient } from './graphql-client.js';
import { useDemoApi } from './demo-api.js';
import { useFakeMollie } from './use-fake-mollie.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const applyMutation = `mutation ($input: ApplyForPermitInput!) { applyForPermit(input: $input) {
  __typename
  ... on PermitApplicationSubmitted { checkoutUrl application { id status paymentStatus } } } }`;
const applicationQuery = `query ($id: ID!) { permitApplication(id: $id) {
  status paymentStatus paymentMethod permitId } }`;

describe.each(dialects)(
  'paying at the counter by iDEAL or card through Mollie on %s (docs/rules.md §1 payment method)',
  (dialect) => {
    const fake = useFakeMollie();
    const api = useDemoApi(dialect);
    let bram: TestClient;
    let carla: TestClient;
    let key = 0;
    const nextKey = () => `payment-method-${dialect}-${++key}`;
    beforeAll(async () => {
      bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
      carla = await loggedIn(api.url, 'carla@demo.parkeer.nl');
    });

    const apply = async (
      client: TestClient,
      addressKey: string,
      plate: string,
      paymentMethod?: string,
      idempotencyKey = nextKey(),
    ) =>
      client.request<Data>(applyMutation, {
        input: {
          application: { productTypeCode: 'resident-permit', addressKey, plates: [{ plate }] },
          idempotencyKey,
          ...(paymentMethod ? { paymentMethod } : {}),
        },
      });
    /** The body our API sent Mollie to open the application's payment. */
    const openedAtMollie = async (applicationId: string) => {
      const payment = await api.em().findOneOrFail(Payment, { application: applicationId });
      const created = fake.requests.find(
        (request) =>
          request.method === 'POST' &&
          request.path === '/v2/payments' &&
          (request.body as Data).metadata?.paymentId === payment.id,
      );
      return { payment, body: created!.body as Data };
    };

    it('opens a card payment at Mollie as creditcard, and the permit is granted once Mollie says paid', async () => {
      const key = nextKey();
      const result = await apply(bram, 'oudstad-noord-1', 'GB-123-K', 'card', key);
      expect(result.errors).toBeUndefined();
      const submitted = result.data!.applyForPermit;
      expect(submitted.__typename).toBe('PermitApplicationSubmitted');
      const { payment, body } = await openedAtMollie(submitted.application.id);
      expect(payment.method).toBe('card');
      expect(body).toMatchObject({ method: 'creditcard', amount: { value: '21.90' } });
      expect(fake.payments.get(payment.providerRef!)!.method).toBe('creditcard');

      // A retry with the key opens nothing new: the same payment, the same method.
      const posts = fake.requests.filter((request) => request.method === 'POST').length;
      const again = await apply(bram, 'oudstad-noord-1', 'GB-123-K', 'card', key);
      expect(again.data!.applyForPermit.application.id).toBe(submitted.application.id);
      expect(fake.requests.filter((request) => request.method === 'POST').length).toBe(posts);

      fake.setStatus(payment.providerRef!, 'paid');
      // Mollie's webhook call (to the API here: its public address is not this test server's).
      const webhook = await fetch(`${api.url}/webhooks/payments/mollie`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id: payment.providerRef! }).toString(),
      });
      expect(webhook.status).toBe(200);
      const granted = await bram.request<Data>(applicationQuery, {
        id: submitted.application.id,
      });
      // The applicant's page says how it was paid.
      expect(granted.data!.permitApplication).toMatchObject({
        status: 'granted',
        paymentStatus: 'paid',
        paymentMethod: 'card',
      });
    });

    it('pays by iDEAL when no method is named, as before', async () => {
      const result = await apply(carla, 'oudstad-markt-3', 'XX-999-X');
      expect(result.errors).toBeUndefined();
      const { payment, body } = await openedAtMollie(result.data!.applyForPermit.application.id);
      expect(payment.method).toBe('ideal');
      expect(body.method).toBe('ideal');
      const asked = await carla.request<Data>(applicationQuery, {
        id: result.data!.applyForPermit.application.id,
      });
      expect(asked.data!.permitApplication).toMatchObject({
        paymentStatus: 'open',
        paymentMethod: 'ideal',
      });
    });

    it('refuses a method the API does not know as a typed error, and stores nothing', async () => {
      const before = await api.em().count(Payment, {});
      const result = await apply(carla, 'oudstad-markt-3', 'XX-999-X', 'cash');
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await api.em().count(Payment, {})).toBe(before);
    });

    it('has a fake Mollie that, as Mollie, takes its own method names and refuses others', async () => {
      const open = (method: unknown) =>
        fetch(`${fake.apiUrl}/payments`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${fake.apiKey}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            amount: { currency: 'EUR', value: '1.00' },
            description: 'test',
            redirectUrl: 'https://example.test/',
            method,
          }),
        });
      expect((await open('creditcard')).status).toBe(201);
      expect((await open(['ideal', 'creditcard'])).status).toBe(201);
      const refused = await open('card');
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({ detail: 'The payment method is invalid' });
    });
  },
);
