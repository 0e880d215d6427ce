import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo-seed.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { Payment } from '../src/model/payment.entity.js';
import { PermitDocument } from '../src/model/permit-document.entity.js';
import { createServer, type RunningServer } from '../src/server.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const applicationFields = `id kind status validFrom validUntil priceCents feeCents totalCents
  plates permitId paymentStatus establishmentNumber letters { kind ready }`;
const submittedFields = `__typename
  ... on PermitApplicationSubmitted { checkoutUrl application { ${applicationFields} } }
  ... on PermitApplicationRefused { rule reasons { rule } }`;
const applyMutation = `mutation ($input: ApplyForPermitInput!) {
  applyForPermit(input: $input) { ${submittedFields} } }`;
const renewMutation = `mutation ($input: RenewPermitInput!) {
  renewPermit(input: $input) { ${submittedFields} } }`;
const permitQuery = `query ($permitId: ID!) { counterPermit(permitId: $permitId) {
  permitId productTypeCode status plates validFrom validUntil renewableFrom canRenew
  renewalQuote { validFrom validUntil priceCents feeCents totalCents }
  letters { kind } applications { kind status } } }`;
const rightCheckQuery = `query ($input: RightCheckInput!) { rightCheck(input: $input) {
  valid validUntil } }`;

// The bakery's Kerkstraat establishment in the KvK fake (src/registry-fakes/kvk-fake.ts).
const kerkstraat = '000090000121';

describe.each(dialects)(
  'the permit counter: a business renews its business permit on %s (docs/rules.md §1 renewal, §2 business permits)',
  (dialect) => {
    let database: TestDatabase;
    let server: RunningServer;
    // Monday 23 November 2026, 10:00 in Amsterdam: the permit runs a quarter from today.
    let now = new Date('2026-11-23T09:00:00Z');
    let bakkerij: TestClient;
    let officer: TestClient;
    let key = 0;
    const nextKey = () => `business-renewal-${dialect}-${++key}`;

    const ask = async (client: TestClient, query: string, variables: Data) => {
      const result = await client.request<Data>(query, variables);
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    /** The simulated bank's "Betalen" button: the signed webhook grants in the same request. */
    const pay = async (checkoutUrl: string) => {
      const response = await fetch(server.url + new URL(checkoutUrl).pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ action: 'paid' }).toString(),
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
    };
    const rightCheck = async () =>
      (
        await ask(officer, rightCheckQuery, {
          input: { plate: '12-ABC-3', zone: 'H', municipality: 'delft' },
        })
      ).rightCheck;

    beforeAll(async () => {
      database = await openTestDatabase(dialect);
      await seedDemo(database.orm.em.fork(), now);
      server = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => now });
      bakkerij = await loggedIn(server.url, 'bakkerij@demo.parkeer.nl');
      officer = await loggedIn(server.url, 'handhaving@demo.parkeer.nl');
    });
    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    it('extends the business permit for the next quarter, paid by card: the end moves across the clock change, with the ledger row, the extended letter and the audit entry', async () => {
      const applied = (
        await ask(bakkerij, applyMutation, {
          input: {
            application: {
              productTypeCode: 'business-permit',
              addressKey: 'delft-kerkstraat-5',
              establishmentNumber: kerkstraat,
              plates: [{ plate: '12-ABC-3' }],
            },
            idempotencyKey: nextKey(),
          },
        })
      ).applyForPermit;
      expect(applied.__typename).toBe('PermitApplicationSubmitted');
      await pay(applied.checkoutUrl);
      const permitId = (
        await ask(bakkerij, `query ($id: ID!) { permitApplication(id: $id) { permitId } }`, {
          id: applied.application.id,
        })
      ).permitApplication.permitId as string;
      // A rolling quarter from 23 November: to the local midnight that starts 23 February.
      expect(await rightCheck()).toEqual({ valid: true, validUntil: '2027-02-22T23:00:00.000Z' });

      // Not renewable yet: the window opens 21 days before the end.
      let permit = (await ask(bakkerij, permitQuery, { permitId })).counterPermit;
      expect(permit).toMatchObject({
        productTypeCode: 'business-permit',
        validUntil: '2027-02-22T23:00:00.000Z',
        renewableFrom: '2027-02-01T23:00:00.000Z',
        canRenew: false,
      });
      const early = (
        await ask(bakkerij, renewMutation, { input: { permitId, idempotencyKey: nextKey() } })
      ).renewPermit;
      expect(early.rule).toBe('COUNTER_RENEWAL_NOT_YET');

      // Tuesday 9 February 2027: inside the window.
      now = new Date('2027-02-09T09:00:00Z');
      // Sessions of November have long expired by then.
      bakkerij = await loggedIn(server.url, 'bakkerij@demo.parkeer.nl');
      officer = await loggedIn(server.url, 'handhaving@demo.parkeer.nl');
      permit = (await ask(bakkerij, permitQuery, { permitId })).counterPermit;
      // The next whole quarter from the current end, so no day is lost or paid twice; it ends
      // at local midnight in summer time (the clocks go forward on 28 March 2027).
      expect(permit).toMatchObject({
        canRenew: true,
        renewalQuote: {
          validFrom: '2027-02-22T23:00:00.000Z',
          validUntil: '2027-05-22T22:00:00.000Z',
          priceCents: 11480,
          feeCents: 590,
          totalCents: 12070,
        },
      });

      const renewal = (
        await ask(bakkerij, renewMutation, {
          input: { permitId, idempotencyKey: nextKey(), paymentMethod: 'card' },
        })
      ).renewPermit;
      expect(renewal.__typename).toBe('PermitApplicationSubmitted');
      expect(renewal.application).toMatchObject({
        kind: 'renewal',
        status: 'awaitingPayment',
        permitId,
        plates: ['12-ABC-3'],
        ...permit.renewalQuote,
        paymentStatus: 'open',
      });
      const em = database.orm.em.fork();
      const payment = await em.findOneOrFail(Payment, { application: renewal.application.id });
      expect(payment).toMatchObject({ method: 'card', totalCents: 12070, status: 'open' });
      const page = await (await fetch(server.url + new URL(renewal.checkoutUrl).pathname)).text();
      expect(page).toContain('Creditcard · Demokaart');

      // Until it is paid, the end stays where it was.
      expect(await rightCheck()).toEqual({ valid: true, validUntil: '2027-02-22T23:00:00.000Z' });
      await pay(renewal.checkoutUrl);

      const renewed = (
        await ask(
          bakkerij,
          `query ($id: ID!) { permitApplication(id: $id) { ${applicationFields} } }`,
          {
            id: renewal.application.id,
          },
        )
      ).permitApplication;
      expect(renewed).toMatchObject({ status: 'granted', paymentStatus: 'paid' });
      expect(renewed.letters).toEqual([{ kind: 'extended', ready: true }]);
      expect(await rightCheck()).toEqual({ valid: true, validUntil: '2027-05-22T22:00:00.000Z' });
      permit = (await ask(bakkerij, permitQuery, { permitId })).counterPermit;
      expect(permit).toMatchObject({ validUntil: '2027-05-22T22:00:00.000Z', canRenew: false });
      expect(permit.letters.map((letter: Data) => letter.kind).sort()).toEqual([
        'extended',
        'granted',
      ]);

      // The money of both terms is on the permit's ledger, each booked when it was paid.
      const fresh = database.orm.em.fork();
      const rows = await fresh.find(
        LedgerEntry,
        { permit: permitId },
        { orderBy: { sequence: 'asc' } },
      );
      expect(rows.map((row) => [row.kind, row.amount, row.moneyCents])).toEqual([
        ['permitFee', 0, 12070],
        ['permitFee', 0, 12070],
      ]);
      const letter = await fresh.findOneOrFail(PermitDocument, {
        application: renewal.application.id,
        kind: 'letter',
      });
      expect(letter.letterData).toMatchObject({
        plates: ['12-ABC-3'],
        amounts: { priceCents: 11480, feeCents: 590, totalCents: 12070 },
      });
      expect(
        await fresh.count(AuditEntry, {
          subjectId: renewal.application.id,
          action: 'permitApplication.grant',
        }),
      ).toBe(1);
    });
  },
);
