import { beforeAll, describe, expect, it } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { runDueJobs } from '../src/jobs/job-runner.js';
import { Account } from '../src/model/account.entity.js';
import { Delegation } from '../src/model/delegation.entity.js';
import { permitPot } from '../src/modules/ledger/ledger.js';
import { withPermitTransaction } from '../src/modules/ledger/permit-transaction.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { Payment } from '../src/model/payment.entity.js';
import { checkoutPage as renderCheckoutPage } from '../src/modules/payment/simulated-checkout-page.js';
import { simulatedWebhookBody } from '../src/modules/payment/simulated-ideal-provider.js';
import { signatureHeader, signWebhookBody } from '../src/modules/payment/webhook-signature.js';
import { Permit } from '../src/model/permit.entity.js';
import { TestClient } from './graphql-client.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const hours = (h: number) => h * 60;
const nbsp = '\u00a0';

const offersQuery = `query ($permitId: ID!) { topUpOffers(permitId: $permitId) {
  permitId unit offers { amount priceCents feeCents totalCents }
  cap { period measure unit limit used remaining periodStart nextPeriodStart }
  refusal { code message params } } }`;
const startMutation = `mutation ($input: StartTopUpInput!) {
  startTopUp(input: $input) { paymentId checkoutUrl status totalCents } }`;
const paymentQuery = `query ($id: ID!) { payment(id: $id) {
  id permitId status amount unit priceCents feeCents totalCents completedAt balanceAfter
  refund { reason status amountCents providerRef } } }`;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(dialects)('top-up and payment on %s (docs/rules.md §4)', (dialect) => {
  // Monday 23 November 2026: Delft's calendar-year cap runs until 1 January 2027.
  const now = demoMonday;
  const api = useDemoApi(dialect, { start: now });
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;
  let annaPermit: string;
  let bramPermit: string;
  let carlaPermit: string;
  let key = 0;
  const nextKey = () => `top-up-${dialect}-${++key}`;

  const permitOf = async (email: string, code: string) =>
    (
      await api.orm.em
        .fork()
        .findOneOrFail(Permit, { holder: { email }, productType: { code } }, { fields: ['id'] })
    ).id;
  const balanceOf = async (id: string) => (await api.em().findOneOrFail(Permit, { id })).balance;
  const creditsOf = (paymentId: string) => api.em().find(LedgerEntry, { payment: paymentId });
  /** Parking used up elsewhere: brings the balance down so the threshold allows a top-up again. */
  const spendDownTo = (permitId: string, target: number) =>
    withPermitTransaction(api.em(), permitId, now, (unit) =>
      unit.ledger.post(permitPot, {
        kind: 'charge',
        amount: target - unit.permit.balance,
        at: now,
      }),
    );

  const offers = async (client: TestClient, permitId: string) => {
    const result = await client.request<Data>(offersQuery, { permitId });
    expect(result.errors).toBeUndefined();
    return result.data!.topUpOffers;
  };
  const start = (client: TestClient, permitId: string, amount: number, idempotencyKey: string) =>
    client.request<Data>(startMutation, { input: { permitId, amount, idempotencyKey } });
  const started = async (client: TestClient, permitId: string, amount: number) => {
    const result = await start(client, permitId, amount, nextKey());
    expect(result.errors).toBeUndefined();
    return result.data!.startTopUp as {
      paymentId: string;
      checkoutUrl: string;
      status: string;
      totalCents: number;
    };
  };
  const paymentOf = async (client: TestClient, id: string) =>
    (await client.request<Data>(paymentQuery, { id })).data?.payment;

  /** The checkout URL is on PUBLIC_URL; the test server serves the same path. */
  const checkoutPath = (checkoutUrl: string) => new URL(checkoutUrl).pathname;
  const providerRefOf = (checkoutUrl: string) =>
    decodeURIComponent(checkoutPath(checkoutUrl).split('/').pop()!);
  const checkoutPage = (checkoutUrl: string) => fetch(api.url + checkoutPath(checkoutUrl));
  const press = (checkoutUrl: string, action: string) =>
    fetch(api.url + checkoutPath(checkoutUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action }).toString(),
      redirect: 'manual',
    });
  const webhook = (body: string, signature?: string) =>
    fetch(`${api.url}/webhooks/payments/simulated-ideal`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature === undefined ? {} : { [signatureHeader]: signature }),
      },
      body,
    });
  const signedWebhook = (checkoutUrl: string, status: 'paid' | 'cancelled') => {
    const body = simulatedWebhookBody({ providerRef: providerRefOf(checkoutUrl), status });
    return { body, signature: signWebhookBody(body) };
  };
  const pay = async (checkoutUrl: string) => {
    const response = await press(checkoutUrl, 'paid');
    expect(response.status).toBe(303);
    return response;
  };

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    carla = await loggedIn(api.url, 'carla@demo.parkeer.nl');
    annaPermit = await permitOf('anna@demo.parkeer.nl', 'visitor-permit');
    bramPermit = await permitOf('bram@demo.parkeer.nl', 'visitor-permit');
    carlaPermit = await permitOf('carla@demo.parkeer.nl', 'visitor-permit');
  });

  it('refuses anna a top-up while her balance is above 60 hours, in words and raw values, and tells where she stands against the year maximum', async () => {
    const result = await offers(anna, annaPermit);
    expect(result).toMatchObject({ permitId: annaPermit, unit: 'minutes', offers: [] });
    expect(result.cap).toMatchObject({
      period: 'calendarYear',
      measure: 'amount',
      unit: 'minutes',
      periodStart: '2026-01-01',
      nextPeriodStart: '2027-01-01',
    });
    expect(result.cap.remaining).toBe(result.cap.limit - result.cap.used);
    expect(result.refusal).toEqual({
      code: 'TOP_UP_BALANCE_ABOVE_THRESHOLD',
      message: 'U kunt opwaarderen als uw saldo 60 u of minder is. Uw saldo is nu 200 u.',
      params: { balance: hours(200), maxBalance: hours(60), unit: 'minutes' },
    });
    const refused = await start(anna, annaPermit, hours(200), nextKey());
    expect(refused.errors?.[0]?.extensions.code).toBe('TOP_UP_BALANCE_ABOVE_THRESHOLD');
    expect(refused.errors?.[0]?.message).toContain('60 u');
    expect(await api.em().count(Payment, { permit: annaPermit })).toBe(0);
  });

  it("offers bram (45 h, zone C resident) one 200-hour block at Delft's price", async () => {
    const result = await offers(bram, bramPermit);
    expect(result.refusal).toBeNull();
    expect(result.unit).toBe('minutes');
    expect(result.offers).toEqual([
      { amount: hours(200), priceCents: 1935, feeCents: 0, totalCents: 1935 },
    ]);
    expect(result.cap).toEqual({
      period: 'calendarYear',
      measure: 'amount',
      unit: 'minutes',
      limit: hours(600),
      used: 0,
      remaining: hours(600),
      periodStart: '2026-01-01',
      nextPeriodStart: '2027-01-01',
    });
  });

  it('starts a payment idempotently and shows the amount on the simulated bank page', async () => {
    const idempotencyKey = nextKey();
    const first = await start(bram, bramPermit, hours(200), idempotencyKey);
    expect(first.errors).toBeUndefined();
    const payment = first.data!.startTopUp;
    expect(payment).toMatchObject({ status: 'open', totalCents: 1935 });
    expect(payment.checkoutUrl).toMatch(/^https?:\/\/[^/]+\/betalen\/simulatie\/sim_[\w-]{20,}$/);

    const retried = await start(bram, bramPermit, hours(200), idempotencyKey);
    expect(retried.data!.startTopUp).toEqual(payment);
    const otherAmount = await start(bram, bramPermit, hours(400), idempotencyKey);
    expect(otherAmount.errors?.[0]?.extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const notOffered = await start(bram, bramPermit, hours(100), nextKey());
    expect(notOffered.errors?.[0]?.extensions.code).toBe('TOP_UP_AMOUNT_NOT_OFFERED');
    const noKey = await start(bram, bramPermit, hours(200), '');
    expect(noKey.errors?.[0]?.extensions.code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(await api.em().count(Payment, { permit: bramPermit })).toBe(1);

    const page = await checkoutPage(payment.checkoutUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await page.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain(`€${nbsp}19,35`);
    expect(html).toContain('Opwaarderen Bezoekersvergunning met 200 u');
    expect(html).toContain('Gemeente Delft (demo)');
    expect(html).toMatch(/<button[^>]*value="paid"[^>]*>Betalen<\/button>/);
    expect(html).toMatch(/<button[^>]*value="cancelled"[^>]*>Annuleren<\/button>/);

    expect(await paymentOf(bram, payment.paymentId)).toMatchObject({
      status: 'open',
      permitId: bramPermit,
      amount: hours(200),
      unit: 'minutes',
      totalCents: 1935,
      completedAt: null,
      balanceAfter: null,
    });
    expect((await fetch(`${api.url}/betalen/simulatie/sim_unknown`)).status).toBe(404);
  });

  it('ignores a webhook with a wrong or missing signature (401) and changes nothing', async () => {
    const { checkoutUrl, paymentId } = await started(bram, bramPermit, hours(200));
    const { body, signature } = signedWebhook(checkoutUrl, 'paid');
    const forged = signWebhookBody(body, 'not-the-secret');
    const tampered = body.replace('"paid"', '"paid" ');
    for (const response of [
      await webhook(body),
      await webhook(body, forged),
      await webhook(body, signature.slice(0, -2)),
      await webhook(tampered, signature),
    ]) {
      expect(response.status).toBe(401);
    }
    expect((await paymentOf(bram, paymentId)).status).toBe('open');
    expect(await balanceOf(bramPermit)).toBe(hours(45));
    expect(await creditsOf(paymentId)).toHaveLength(0);

    const unknown = signedWebhook(`${api.url}/betalen/simulatie/sim_unknown`, 'paid');
    expect((await webhook(unknown.body, unknown.signature)).status).toBe(404);
    const malformed = '{"providerRef":1}';
    expect((await webhook(malformed, signWebhookBody(malformed))).status).toBe(400);
  });

  it('credits 200 h once when paid, however often and concurrently the webhook comes', async () => {
    const { checkoutUrl, paymentId } = await started(bram, bramPermit, hours(200));
    const response = await pay(checkoutUrl);
    expect(response.headers.get('location')).toBe(
      `http://localhost:4000/opwaarderen/resultaat?payment=${paymentId}`,
    );
    expect(await balanceOf(bramPermit)).toBe(hours(245));
    const [credit, ...more] = await creditsOf(paymentId);
    expect(more).toHaveLength(0);
    expect(credit).toMatchObject({
      kind: 'topUp',
      pot: 'permit',
      amount: hours(200),
      balanceAfter: hours(245),
      idempotencyKey: `payment:${paymentId}`,
    });
    expect(await paymentOf(bram, paymentId)).toMatchObject({
      status: 'paid',
      completedAt: now.toISOString(),
      balanceAfter: hours(245),
    });

    const { body, signature } = signedWebhook(checkoutUrl, 'paid');
    for (let replay = 0; replay < 3; replay++) {
      const again = await webhook(body, signature);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ status: 'paid', changed: false });
    }
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => webhook(body, signature)));
    expect(concurrent.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await balanceOf(bramPermit)).toBe(hours(245));
    expect(await creditsOf(paymentId)).toHaveLength(1);

    // Paid stays paid: neither a cancel webhook nor the page's button undo it.
    const cancel = signedWebhook(checkoutUrl, 'cancelled');
    expect(await (await webhook(cancel.body, cancel.signature)).json()).toMatchObject({
      status: 'paid',
      changed: false,
    });
    expect((await press(checkoutUrl, 'cancelled')).status).toBe(303);
    expect((await paymentOf(bram, paymentId)).status).toBe('paid');
    expect(await balanceOf(bramPermit)).toBe(hours(245));
    const page = await (await checkoutPage(checkoutUrl)).text();
    expect(page).toContain('al betaald');
    expect(page).not.toContain('>Betalen</button>');

    // Now above the threshold again.
    expect((await offers(bram, bramPermit)).refusal.code).toBe('TOP_UP_BALANCE_ABOVE_THRESHOLD');
  });

  it('credits a paid webhook that arrives concurrently for the first time exactly once', async () => {
    await spendDownTo(bramPermit, hours(45));
    const { checkoutUrl, paymentId } = await started(bram, bramPermit, hours(200));
    const { body, signature } = signedWebhook(checkoutUrl, 'paid');
    const responses = await Promise.all(Array.from({ length: 5 }, () => webhook(body, signature)));
    const results = (await Promise.all(responses.map((r) => r.json()))) as { changed: boolean }[];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await creditsOf(paymentId)).toHaveLength(1);
    expect(await balanceOf(bramPermit)).toBe(hours(245));
  });

  it('does not credit a cancelled payment, also not when a paid report comes afterwards', async () => {
    await spendDownTo(bramPermit, hours(45));
    const { checkoutUrl, paymentId } = await started(bram, bramPermit, hours(200));
    const response = await press(checkoutUrl, 'cancelled');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain(`payment=${paymentId}`);
    expect((await paymentOf(bram, paymentId)).status).toBe('cancelled');
    const late = signedWebhook(checkoutUrl, 'paid');
    expect(await (await webhook(late.body, late.signature)).json()).toMatchObject({
      status: 'cancelled',
      changed: false,
    });
    expect(await balanceOf(bramPermit)).toBe(hours(45));
    expect(await creditsOf(paymentId)).toHaveLength(0);
  });

  it('stops at 600 h a calendar year, also for two payments started side by side', async () => {
    // Two purchases credited so far (400 h): one 200-hour block remains.
    const before = await offers(bram, bramPermit);
    expect(before.cap).toMatchObject({ used: hours(400), remaining: hours(200) });
    expect(before.offers).toHaveLength(1);

    const first = await started(bram, bramPermit, hours(200));
    const second = await started(bram, bramPermit, hours(200));
    await pay(first.checkoutUrl);
    await pay(second.checkoutUrl);
    expect((await paymentOf(bram, first.paymentId)).status).toBe('paid');
    // Each fitted the cap alone, not together: the later one is not credited but refunded.
    expect(await paymentOf(bram, second.paymentId)).toMatchObject({
      status: 'refunded',
      balanceAfter: null,
      refund: { reason: 'capReached', status: 'pending', amountCents: 1935, providerRef: null },
    });
    expect(await creditsOf(second.paymentId)).toHaveLength(0);
    expect(await balanceOf(bramPermit)).toBe(hours(245));
    // The simulated bank moves no money: it records the refund the job sends it.
    await runDueJobs(api.orm, { now });
    expect((await paymentOf(bram, second.paymentId)).refund).toMatchObject({
      status: 'sent',
      providerRef: `sim_refund_${second.paymentId}`,
    });

    await spendDownTo(bramPermit, hours(10));
    const after = await offers(bram, bramPermit);
    expect(after.offers).toEqual([]);
    expect(after.refusal).toEqual({
      code: 'TOP_UP_CAP_REACHED',
      message:
        'Voor deze periode is het niet meer mogelijk om uw tegoed op te waarderen omdat het maximum van 600 u bereikt is. Vanaf 1 januari 2027 kunt u weer opwaarderen.',
      params: {
        limit: hours(600),
        used: hours(600),
        remaining: 0,
        unit: 'minutes',
        nextPeriodStart: '2027-01-01',
      },
    });
    const refused = await start(bram, bramPermit, hours(200), nextKey());
    expect(refused.errors?.[0]?.extensions.code).toBe('TOP_UP_CAP_REACHED');
    expect(refused.errors?.[0]?.message).toContain('1 januari 2027');
  });

  it('offers carla (Oudstad) money presets in cents and credits cents', async () => {
    const result = await offers(carla, carlaPermit);
    expect(result.refusal).toBeNull();
    expect(result.unit).toBe('cents');
    expect(result.offers).toEqual(
      [1000, 2500, 5000].map((cents) => ({
        amount: cents,
        priceCents: cents,
        feeCents: 0,
        totalCents: cents,
      })),
    );
    expect(result.cap).toMatchObject({ measure: 'price', unit: 'cents', limit: 105000, used: 0 });

    const { checkoutUrl, paymentId } = await started(carla, carlaPermit, 2500);
    expect(await (await checkoutPage(checkoutUrl)).text()).toContain(
      `Digitale bezoekersvergunning met €${nbsp}25,00`,
    );
    await pay(checkoutUrl);
    expect(await balanceOf(carlaPermit)).toBe(5000);
    expect(await paymentOf(carla, paymentId)).toMatchObject({
      status: 'paid',
      unit: 'cents',
      balanceAfter: 5000,
    });
    expect((await offers(carla, carlaPermit)).cap).toMatchObject({ used: 2500 });
  });

  it('takes no payments without a configured provider, and never the simulated bank in production', async () => {
    const idempotencyKey = nextKey();
    const { body, signature } = signedWebhook(`${api.url}/betalen/simulatie/sim_x`, 'paid');
    const environment = { ...process.env };
    try {
      // Production without Mollie does not start at all (main.ts stops on this error).
      process.env.NODE_ENV = 'production';
      expect(() => reloadConfig()).toThrow(/PAYMENT_PROVIDER: production needs a real payment/);
      // Outside demo mode without a provider: payments are off, the API runs.
      process.env.NODE_ENV = 'test';
      process.env.DEMO_MODE = 'false';
      delete process.env.PAYMENT_PROVIDER;
      expect(reloadConfig().PAYMENT_PROVIDER).toBeNull();
      const refused = await start(carla, carlaPermit, 1000, idempotencyKey);
      expect(refused.errors?.[0]?.extensions.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
      expect((await webhook(body, signature)).status).toBe(404);
    } finally {
      process.env = environment;
      reloadConfig();
    }
    // The retry with the same key opens the payment now that a provider is there.
    const retried = await start(carla, carlaPermit, 1000, idempotencyKey);
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.startTopUp.checkoutUrl).toMatch(/\/betalen\/simulatie\/sim_/);
    expect(await api.em().count(Payment, { permit: carlaPermit, idempotencyKey })).toBe(1);
  });

  it('refuses products without top-up with TOP_UP_NOT_AVAILABLE', async () => {
    const bakkerij = await loggedIn(api.url, 'bakkerij@demo.parkeer.nl');
    const flexible = await permitOf('bakkerij@demo.parkeer.nl', 'flexible-business-permit');
    const residentPermit = await permitOf('carla@demo.parkeer.nl', 'resident-permit');
    for (const [client, permitId] of [
      [bakkerij, flexible],
      [carla, residentPermit],
    ] as const) {
      const result = await offers(client, permitId);
      expect(result).toMatchObject({ unit: null, offers: [], cap: null });
      expect(result.refusal).toMatchObject({
        code: 'TOP_UP_NOT_AVAILABLE',
        message: 'Voor dit product kunt u geen tegoed opwaarderen.',
      });
      const refused = await start(client, permitId, 1000, nextKey());
      expect(refused.errors?.[0]?.extensions.code).toBe('TOP_UP_NOT_AVAILABLE');
    }
  });

  it('lets only the owner top up: a delegate, another resident, enforcement and nobody are denied', async () => {
    const em = api.em();
    const annaAccount = await em.findOneOrFail(Account, { email: 'anna@demo.parkeer.nl' });
    em.create(Delegation, {
      permit: em.getReference(Permit, bramPermit),
      email: annaAccount.email!,
      delegate: annaAccount,
      budget: 0,
      balance: 0,
      status: 'accepted',
      acceptedAt: now,
    });
    await em.flush();
    const bramPayment = (await em.findOneOrFail(Payment, { permit: bramPermit, status: 'paid' }))
      .id;

    // The delegate hears the domain's reason, in the query and in the mutation, and nothing of
    // the owner's purchases.
    const delegatedOffers = await offers(anna, bramPermit);
    expect(delegatedOffers.refusal).toMatchObject({
      code: 'TOP_UP_DELEGATED_PRODUCT',
      message: 'U kunt geen tegoed opwaarderen voor een product dat aan u is gemachtigd.',
    });
    expect(delegatedOffers.cap).toBeNull();
    const delegated = await start(anna, bramPermit, hours(200), nextKey());
    expect(delegated.errors?.[0]?.extensions.code).toBe('TOP_UP_DELEGATED_PRODUCT');

    const handhaving = await loggedIn(api.url, 'handhaving@demo.parkeer.nl');
    const nobody = new TestClient(api.url);
    const cases: [TestClient, string][] = [
      [carla, 'NOT_FOUND'],
      [handhaving, 'FORBIDDEN'],
      [nobody, 'UNAUTHENTICATED'],
    ];
    for (const [client, code] of cases) {
      const offered = await client.request(offersQuery, { permitId: bramPermit });
      expect(offered.errors?.[0]?.extensions.code).toBe(code);
      const startedByOther = await start(client, bramPermit, hours(200), nextKey());
      expect(startedByOther.errors?.[0]?.extensions.code).toBe(code);
      const seen = await client.request(paymentQuery, { id: bramPayment });
      expect(seen.errors?.[0]?.extensions.code).toBe(code);
    }
    // Someone else's payment and an unknown id answer alike.
    for (const id of [bramPayment, '00000000-0000-4000-8000-000000000000', 'nope']) {
      const seen = await anna.request(paymentQuery, { id });
      expect(seen.errors?.[0]?.extensions.code, id).toBe('NOT_FOUND');
    }
    expect(await em.count(Payment, { account: annaAccount.id })).toBe(0);
  });

  it("keeps every permit's cached balance equal to the sum of its ledger rows", async () => {
    const em = api.em();
    for (const permit of await em.find(Permit, {})) {
      const rows = await em.find(LedgerEntry, { permit: permit.id, pot: 'permit' });
      const sum = rows.reduce((total, row) => total + row.amount, 0);
      expect(sum, permit.addressLabel).toBe(permit.balance);
    }
    const topUps = await em.find(LedgerEntry, { kind: 'topUp', payment: { $ne: null } });
    const paid = await em.find(Payment, { status: 'paid' });
    expect(topUps.map((row) => row.payment!.id).sort()).toEqual(paid.map((p) => p.id).sort());
  });
});

describe('the simulated bank page', () => {
  it('escapes everything it prints', () => {
    const html = renderCheckoutPage(
      {
        paymentId: 'p"1',
        status: 'open',
        amount: 1000,
        unit: 'cents',
        totalCents: 1000,
        productName: '<script>alert(1)</script>',
        municipalityName: 'Gemeente "A" & \'B\'',
        applicationKind: null,
        method: 'ideal',
      },
      { action: '/betalen/simulatie/x"><img src=x>', resultUrl: 'https://a.example/?a=1&b=2' },
      'nonce"',
    );
    expect(html).not.toMatch(/<script|<img|nonce""/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Gemeente &quot;A&quot; &amp; &#39;B&#39;');
    expect(html).toContain('action="/betalen/simulatie/x&quot;&gt;&lt;img src=x&gt;"');
  });

  it("describes a counter application's payment by what it buys, not as a top-up", () => {
    const describedAs = (applicationKind: 'new' | 'renewal' | 'plateChange' | null) =>
      /<dt>Omschrijving<\/dt><dd>([^<]*)<\/dd>/.exec(
        renderCheckoutPage(
          {
            paymentId: 'p1',
            status: 'open',
            amount: applicationKind ? 0 : 120,
            unit: applicationKind ? null : 'minutes',
            totalCents: 2190,
            productName: 'Bewonersvergunning',
            municipalityName: 'Gemeente Oudstad (demo)',
            applicationKind,
            method: 'ideal',
          },
          { action: '/betalen/simulatie/x', resultUrl: '/loket/aanvraag/a' },
          'n',
        ),
      )?.[1];
    expect(describedAs('new')).toBe('Aanvraag Bewonersvergunning');
    expect(describedAs('renewal')).toBe('Verlenging Bewonersvergunning');
    expect(describedAs('plateChange')).toBe('Kentekenwijziging Bewonersvergunning');
    expect(describedAs(null)).toMatch(/^Opwaarderen Bewonersvergunning met /);
  });
});
