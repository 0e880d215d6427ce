import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoProduct } from '../src/seed/demo-seed.js';
import type { TestClient } from './graphql-client.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

/* Review: retries and concurrent requests on idempotency keys and rate limits. */

const dialects = await testDialects();
const minute = 60_000;

const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id reservation } }
  ... on SessionRefused { reason } } }`;
const changeEnd = `mutation ($input: ChangeSessionEndInput!) { changeSessionEnd(input: $input) {
  __typename ... on SessionAccepted { session { id reservation end } }
  ... on SessionRefused { reason } } }`;
const startTopUp = `mutation ($input: StartTopUpInput!) {
  startTopUp(input: $input) { paymentId checkoutUrl status } }`;
const addProduct = `mutation ($productCode: String!, $pin: String!) {
  addProductByCode(input: { productCode: $productCode, pin: $pin }) { id } }`;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(dialects)('races and keys on %s', (dialect) => {
  const api = useDemoApi(dialect);
  const now = demoMonday;
  let anna: TestClient;
  let bram: TestClient;
  let annaPermit: string;
  let bramPermit: string;
  let letter: DemoProduct;

  beforeAll(async () => {
    letter = api.letters[0]!;
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    annaPermit = await api.permitOf('anna@demo.parkeer.nl');
    bramPermit = await api.permitOf('bram@demo.parkeer.nl');
  });

  it('a change of end sent twice at once (a retry) answers both, without INTERNAL_ERROR', async () => {
    const parked = await anna.request<Data>(start, {
      input: {
        productId: annaPermit,
        plate: 'GB-123-K',
        end: new Date(now.getTime() + 60 * minute).toISOString(),
        idempotencyKey: 'race-start',
      },
    });
    const sessionId = parked.data!.startSession.session.id as string;
    const before = await api.balanceOf(annaPermit);
    const input = {
      sessionId,
      end: new Date(now.getTime() + 120 * minute).toISOString(),
      idempotencyKey: 'race-change',
    };
    const answers = await Promise.all([
      anna.request<Data>(changeEnd, { input }),
      anna.request<Data>(changeEnd, { input }),
    ]);
    expect(answers.map((a) => a.errors?.[0]?.extensions.code)).toEqual([undefined, undefined]);
    expect(await api.balanceOf(annaPermit)).toBe(before - 60);
    expect(await api.ledgerSum(annaPermit)).toBe(await api.balanceOf(annaPermit));
  });

  it('a paid top-up is credited whatever idempotency keys the holder used for sessions', async () => {
    const started = await bram.request<Data>(startTopUp, {
      input: { permitId: bramPermit, amount: 200 * 60, idempotencyKey: 'race-top-up' },
    });
    expect(started.errors).toBeUndefined();
    const { paymentId, checkoutUrl } = started.data!.startTopUp as Record<string, string>;
    // The credit's ledger row uses `payment:<id>` as its key: a client cannot take it first.
    const parked = await bram.request<Data>(start, {
      input: {
        productId: bramPermit,
        plate: 'GB-123-K',
        end: new Date(now.getTime() + 30 * minute).toISOString(),
        idempotencyKey: `payment:${paymentId}`,
      },
    });
    expect(parked.errors?.[0]?.extensions.code).toBe('IDEMPOTENCY_KEY_INVALID');
    const before = await api.balanceOf(bramPermit);
    const paid = await fetch(api.url + new URL(checkoutUrl!).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'paid' }).toString(),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(await api.balanceOf(bramPermit)).toBe(before + 200 * 60);
  });

  it('counts wrong product-code/PIN tries sent at once against the limit of 5', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        anna.request<Data>(addProduct, { productCode: letter.productCode, pin: `9${i}00` }),
      ),
    );
    const codes = attempts.map((a) => a.errors?.[0]?.extensions.code);
    const judged = codes.filter((code) => code === 'PRODUCT_CODE_OR_PIN_WRONG').length;
    expect(judged).toBeLessThanOrEqual(5);
  }, 60_000);
});
