import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { runDueJobs } from '../src/jobs/job-runner.js';
import { ScheduledJob } from '../src/model/scheduled-job.entity.js';
import { Account } from '../src/model/account.entity.js';
import { permitPot } from '../src/modules/ledger/ledger.js';
import { withPermitTransaction } from '../src/modules/ledger/permit-transaction.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { MollieProvider } from '../src/modules/payment/mollie-provider.js';
import { Payment } from '../src/model/payment.entity.js';
import { simulatedWebhookBody } from '../src/modules/payment/simulated-ideal-provider.js';
import { signatureHeader, signWebhookBody } from '../src/modules/payment/webhook-signature.js';
import { Permit } from '../src/model/permit.entity.js';
import { useDemoApi } from './demo-api.js';
import { useFakeMollie } from './use-fake-mollie.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dialects = await testDialects();
const hours = (h: number) => h * 60;
const secondMs = 1000;

const startMutation = `mutation ($input: StartTopUpInput!) {
  startTopUp(input: $input) { paymentId checkoutUrl status totalCents } }`;
const paymentQuery = `query ($id: ID!) { payment(id: $id) {
  id status amount totalCents balanceAfter
  refund { reason status amountCents requestedAt refundedAt providerRef } } }`;
const adminPermitQuery = `query ($id: ID!) { adminPermit(id: $id) {
  id refundedPayments { id status amount totalCents
    refund { reason status amountCents providerRef } } } }`;

/**
 * The API configured for Mollie, against a fake Mollie on loopback: the status of a payment is
 * always fetched back from Mollie, never taken from the webhook's request.
 */
describe.each(dialects)('top-up payments through Mollie on %s', (dialect) => {
  const fake = useFakeMollie();
  const api = useDemoApi(dialect);
  let bram: TestClient;
  let carla: TestClient;
  let delftAdmin: TestClient;
  let bramPermit: string;
  let carlaPermit: string;
  let key = 0;
  const nextKey = () => `mollie-${dialect}-${++key}`;

  beforeAll(async () => {
    // Mollie calls the webhook on PUBLIC_URL: here, the test's server.
    process.env.PUBLIC_URL = api.url;
    reloadConfig();
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    carla = await loggedIn(api.url, 'carla@demo.parkeer.nl');
    delftAdmin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    bramPermit = await api.permitOf('bram@demo.parkeer.nl');
    carlaPermit = await api.permitOf('carla@demo.parkeer.nl');
  });

  const start = async (client: TestClient, permitId: string, amount: number, k = nextKey()) => {
    const result = await client.request<Data>(startMutation, {
      input: { permitId, amount, idempotencyKey: k },
    });
    return result;
  };
  const started = async (client: TestClient, permitId: string, amount: number) => {
    const result = await start(client, permitId, amount);
    expect(result.errors).toBeUndefined();
    const payment = result.data!.startTopUp as { paymentId: string; checkoutUrl: string };
    const stored = await api.em().findOneOrFail(Payment, payment.paymentId);
    return { ...payment, mollieId: stored.providerRef! };
  };
  const paymentOf = async (client: TestClient, id: string) =>
    (await client.request<Data>(paymentQuery, { id })).data?.payment;
  const creditsOf = (paymentId: string) => api.em().find(LedgerEntry, { payment: paymentId });
  const postWebhook = (body: string, contentType = 'application/x-www-form-urlencoded') =>
    fetch(`${api.url}/webhooks/payments/mollie`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
  /** Parking used up elsewhere: brings the balance down so the threshold allows a top-up. */
  const spendDownTo = (permitId: string, target: number) =>
    withPermitTransaction(api.em(), permitId, api.now, (unit) =>
      unit.ledger.post(permitPot, {
        kind: 'charge',
        amount: target - unit.permit.balance,
        at: api.now,
      }),
    );
  const paidAtMollie = async (mollieId: string) => {
    fake.setStatus(mollieId, 'paid');
    expect(await fake.deliverWebhook(mollieId)).toBe(200);
  };
  const refundJobOf = (paymentId: string) =>
    api.em().findOne(ScheduledJob, { kind: 'refundPayment', subject: paymentId });

  it('opens the payment at Mollie with the amount, return address and webhook', async () => {
    const before = fake.requests.length;
    const { paymentId, checkoutUrl, mollieId } = await started(bram, bramPermit, hours(200));
    expect(mollieId).toMatch(/^tr_\w+$/);
    const created = fake.requests.slice(before).find((request) => request.method === 'POST');
    expect(created).toMatchObject({
      path: '/v2/payments',
      body: {
        amount: { currency: 'EUR', value: '19.35' },
        redirectUrl: `${api.url}/opwaarderen/resultaat?payment=${paymentId}`,
        webhookUrl: `${api.url}/webhooks/payments/mollie`,
        metadata: { paymentId },
        method: 'ideal',
        locale: 'nl_NL',
      },
    });
    // Says what is bought and from whom, never who the resident is.
    expect((created!.body as Data).description).toBe(
      'Opwaarderen Bezoekersvergunning, Gemeente Delft (demo)',
    );
    expect(checkoutUrl).toBe(
      `https://www.mollie.com/checkout/select-method/${mollieId.slice('tr_'.length)}`,
    );
    expect(await paymentOf(bram, paymentId)).toMatchObject({ status: 'open', refund: null });
  });

  it('credits 200 h once when Mollie says paid; open, unknown and forged reports change nothing', async () => {
    const { paymentId, mollieId } = await started(bram, bramPermit, hours(200));
    const balance = await api.balanceOf(bramPermit);

    // Still open at Mollie: the webhook is answered and nothing happens.
    expect(await fake.deliverWebhook(mollieId)).toBe(200);
    // A forged request saying "paid": only the id counts, and Mollie says open.
    const forged = await postWebhook(
      new URLSearchParams({ id: mollieId, status: 'paid' }).toString(),
    );
    expect(forged.status).toBe(200);
    const forgedJson = await postWebhook(
      JSON.stringify({ id: mollieId, status: 'paid' }),
      'application/json',
    );
    expect(forgedJson.status).toBe(400);
    // An id Mollie does not know: 200 as for any other, so a prober learns nothing.
    expect((await postWebhook('id=tr_doesnotexist1')).status).toBe(200);
    expect((await postWebhook('id=<script>')).status).toBe(400);
    expect((await postWebhook('')).status).toBe(400);
    expect((await paymentOf(bram, paymentId)).status).toBe('open');
    expect(await creditsOf(paymentId)).toHaveLength(0);
    expect(await api.balanceOf(bramPermit)).toBe(balance);

    await paidAtMollie(mollieId);
    expect(await paymentOf(bram, paymentId)).toMatchObject({
      status: 'paid',
      balanceAfter: balance + hours(200),
      refund: null,
    });
    for (let replay = 0; replay < 3; replay++) {
      expect(await fake.deliverWebhook(mollieId)).toBe(200);
    }
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => fake.deliverWebhook(mollieId)),
    );
    expect(concurrent).toEqual([200, 200, 200, 200, 200]);
    expect(await creditsOf(paymentId)).toHaveLength(1);
    expect(await api.balanceOf(bramPermit)).toBe(balance + hours(200));
  });

  it('records a payment cancelled or expired at Mollie without crediting it', async () => {
    await spendDownTo(bramPermit, hours(45));
    for (const [status, ours] of [
      ['canceled', 'cancelled'],
      ['expired', 'expired'],
      ['failed', 'failed'],
    ] as const) {
      const { paymentId, mollieId } = await started(bram, bramPermit, hours(200));
      fake.setStatus(mollieId, status);
      expect(await fake.deliverWebhook(mollieId)).toBe(200);
      expect((await paymentOf(bram, paymentId)).status).toBe(ours);
      expect(await creditsOf(paymentId)).toHaveLength(0);
    }
    expect(await api.balanceOf(bramPermit)).toBe(hours(45));
  });

  it('answers PAYMENT_PROVIDER_UNAVAILABLE when Mollie refuses, and the retry with the key opens it', async () => {
    const idempotencyKey = nextKey();
    process.env.MOLLIE_API_KEY = 'test_not_the_right_key_at_all_123';
    reloadConfig();
    try {
      const refused = await start(bram, bramPermit, hours(200), idempotencyKey);
      expect(refused.errors?.[0]?.extensions.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    } finally {
      process.env.MOLLIE_API_KEY = fake.apiKey;
      reloadConfig();
    }
    const retried = await start(bram, bramPermit, hours(200), idempotencyKey);
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.startTopUp.checkoutUrl).toMatch(/^https:\/\/www\.mollie\.com\/checkout\//);
    expect(await api.em().count(Payment, { permit: bramPermit, idempotencyKey })).toBe(1);
  });

  it('gives up on a Mollie that does not answer (PAYMENT_PROVIDER_TIMEOUT_MS)', async () => {
    const { paymentId, mollieId } = await started(bram, bramPermit, hours(200));
    process.env.PAYMENT_PROVIDER_TIMEOUT_MS = '300';
    reloadConfig();
    try {
      fake.hangRequests(1);
      const refused = await start(bram, bramPermit, hours(200));
      expect(refused.errors?.[0]?.extensions.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
      // A webhook that cannot be checked with Mollie now: 503, so Mollie sends it again later.
      fake.setStatus(mollieId, 'canceled');
      fake.hangRequests(1);
      expect(await fake.deliverWebhook(mollieId)).toBe(503);
      expect((await paymentOf(bram, paymentId)).status).toBe('open');
      expect(await fake.deliverWebhook(mollieId)).toBe(200);
      expect((await paymentOf(bram, paymentId)).status).toBe('cancelled');
    } finally {
      fake.hangRequests(0);
      delete process.env.PAYMENT_PROVIDER_TIMEOUT_MS;
      reloadConfig();
    }
  });

  it('refunds through Mollie a payment paid after a concurrent top-up passed the threshold', async () => {
    await spendDownTo(bramPermit, hours(45));
    // Both fit the 60-hour threshold when started; the cap leaves room for both.
    const first = await started(bram, bramPermit, hours(200));
    const second = await started(bram, bramPermit, hours(200));
    await paidAtMollie(first.mollieId);
    await paidAtMollie(second.mollieId);
    expect((await paymentOf(bram, first.paymentId)).status).toBe('paid');
    expect(await paymentOf(bram, second.paymentId)).toMatchObject({
      status: 'refunded',
      balanceAfter: null,
      refund: {
        reason: 'thresholdReached',
        status: 'pending',
        amountCents: 1935,
        requestedAt: api.now.toISOString(),
        refundedAt: null,
        providerRef: null,
      },
    });
    expect(await creditsOf(second.paymentId)).toHaveLength(0);
    expect(await api.balanceOf(bramPermit)).toBe(hours(245));

    await runDueJobs(api.orm, { now: api.now });
    const [refund, ...more] = fake.refunds.filter((r) => r.paymentId === second.mollieId);
    expect(more).toHaveLength(0);
    expect(refund).toMatchObject({ amount: { currency: 'EUR', value: '19.35' } });
    expect(refund!.idempotencyKey).toBe(`refund-${second.paymentId}`);
    expect((await paymentOf(bram, second.paymentId)).refund).toMatchObject({
      status: 'sent',
      providerRef: refund!.id,
      refundedAt: api.now.toISOString(),
    });
  });

  it('refunds through Mollie the second of two payments that together pass the cap, visible to owner and admin', async () => {
    await spendDownTo(bramPermit, hours(45));
    // 400 h of the 600 a year are credited by now: one block remains.
    const first = await started(bram, bramPermit, hours(200));
    const second = await started(bram, bramPermit, hours(200));
    await paidAtMollie(first.mollieId);
    await paidAtMollie(second.mollieId);
    expect((await paymentOf(bram, first.paymentId)).status).toBe('paid');
    expect(await paymentOf(bram, second.paymentId)).toMatchObject({
      status: 'refunded',
      refund: { reason: 'capReached', status: 'pending', amountCents: 1935 },
    });
    // The decision and its refund job are one commit with the status.
    expect(await refundJobOf(second.paymentId)).toMatchObject({ doneAt: null });

    // Mollie refuses the first try: the refund stays pending, visible, and is tried again.
    fake.refuseRefunds(1);
    await runDueJobs(api.orm, { now: api.now });
    expect(fake.refunds.filter((r) => r.paymentId === second.mollieId)).toHaveLength(0);
    expect((await paymentOf(bram, second.paymentId)).refund.status).toBe('pending');
    const failed = await refundJobOf(second.paymentId);
    expect(failed).toMatchObject({ doneAt: null, attempts: 1 });
    expect(failed!.lastError).toMatch(/paused/);

    api.now = new Date(api.now.getTime() + 31 * secondMs);
    await runDueJobs(api.orm, { now: api.now });
    const refunds = fake.refunds.filter((r) => r.paymentId === second.mollieId);
    expect(refunds.map((r) => r.amount.value)).toEqual(['19.35']);
    expect((await refundJobOf(second.paymentId))!.doneAt).not.toBeNull();
    // Done is done: a later pass refunds nothing again.
    api.now = new Date(api.now.getTime() + 31 * secondMs);
    await runDueJobs(api.orm, { now: api.now });
    expect(fake.refunds.filter((r) => r.paymentId === second.mollieId)).toHaveLength(1);

    const owner = await paymentOf(bram, second.paymentId);
    expect(owner).toMatchObject({
      status: 'refunded',
      refund: { reason: 'capReached', status: 'sent', providerRef: refunds[0]!.id },
    });
    const admin = await delftAdmin.request<Data>(adminPermitQuery, { id: bramPermit });
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.adminPermit.refundedPayments).toContainEqual({
      id: second.paymentId,
      status: 'refunded',
      amount: hours(200),
      totalCents: 1935,
      refund: {
        reason: 'capReached',
        status: 'sent',
        amountCents: 1935,
        providerRef: refunds[0]!.id,
      },
    });
    expect(await api.balanceOf(bramPermit)).toBe(hours(245));
    expect(await api.ledgerSum(bramPermit)).toBe(hours(245));
  });

  it('credits a payment although the balance passed the threshold meanwhile for another reason', async () => {
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const annaPermit = await api.permitOf('anna@demo.parkeer.nl');
    await spendDownTo(annaPermit, hours(45));
    const { paymentId, mollieId } = await started(anna, annaPermit, hours(200));
    // A compensation credited while anna is at the bank: 145 h, above the 60-hour threshold.
    await withPermitTransaction(api.em(), annaPermit, api.now, (unit) =>
      unit.ledger.post(permitPot, { kind: 'compensation', amount: hours(100), at: api.now }),
    );
    await paidAtMollie(mollieId);
    expect(await paymentOf(anna, paymentId)).toMatchObject({
      status: 'paid',
      balanceAfter: hours(345),
      refund: null,
    });
  });

  it('refunds a payment paid after its permit was revoked', async () => {
    const { paymentId, mollieId } = await started(carla, carlaPermit, 1000);
    await api.em().nativeUpdate(Permit, { id: carlaPermit }, { status: 'revoked' });
    const balance = await api.balanceOf(carlaPermit);
    await paidAtMollie(mollieId);
    expect(await paymentOf(carla, paymentId)).toMatchObject({
      status: 'refunded',
      refund: { reason: 'permitRevoked', status: 'pending', amountCents: 1000 },
    });
    await runDueJobs(api.orm, { now: api.now });
    expect(fake.refunds.filter((r) => r.paymentId === mollieId)).toMatchObject([
      { amount: { value: '10.00' } },
    ]);
    expect((await paymentOf(carla, paymentId)).refund.status).toBe('sent');
    expect(await api.balanceOf(carlaPermit)).toBe(balance);
  });

  it('refunds at most once at Mollie, also when asked again after the answer was lost', async () => {
    const payment = await api
      .em()
      .findOneOrFail(Payment, { permit: carlaPermit, status: 'refunded' });
    const provider = new MollieProvider();
    const request = {
      providerRef: payment.providerRef!,
      paymentId: payment.id,
      amountCents: payment.totalCents,
      description: 'again',
    };
    // Mollie forgets idempotency keys after an hour or so; a retry later must not refund twice.
    fake.forgetIdempotencyKeys();
    const again = await provider.refund(request);
    const existing = fake.refunds.filter((r) => r.paymentId === payment.providerRef);
    expect(existing).toHaveLength(1);
    expect(again.refundRef).toBe(existing[0]!.id);
  });

  it('never serves the simulated bank: its pages and its signed webhook answer 404', async () => {
    const em = api.em();
    const bramAccount = await em.findOneOrFail(Account, { email: 'bram@demo.parkeer.nl' });
    const ref = `sim_${randomUUID()}`;
    const payment = em.create(Payment, {
      permit: em.getReference(Permit, bramPermit),
      account: bramAccount,
      amount: hours(200),
      priceCents: 1935,
      feeCents: 0,
      totalCents: 1935,
      provider: 'simulatedIdeal',
      providerRef: ref,
      idempotencyKey: nextKey(),
      createdAt: api.now,
    });
    await em.flush();
    const balance = await api.balanceOf(bramPermit);

    expect((await fetch(`${api.url}/betalen/simulatie/${ref}`)).status).toBe(404);
    const pressed = await fetch(`${api.url}/betalen/simulatie/${ref}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=paid',
      redirect: 'manual',
    });
    expect(pressed.status).toBe(404);
    const body = simulatedWebhookBody({ providerRef: ref, status: 'paid' });
    const signed = await fetch(`${api.url}/webhooks/payments/simulated-ideal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [signatureHeader]: signWebhookBody(body) },
      body,
    });
    expect(signed.status).toBe(404);
    expect((await api.em().findOneOrFail(Payment, payment.id)).status).toBe('open');
    expect(await creditsOf(payment.id)).toHaveLength(0);
    expect(await api.balanceOf(bramPermit)).toBe(balance);
  });
});
