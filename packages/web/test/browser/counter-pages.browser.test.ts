import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktop, logIn, openPage, phone, photographBoth, useChromiumPlatform } from './browser.js';

/**
 * The counter's pages against a stand-in for the counter's part of the API (the login, the shell
 * and everything else are the real platform's): every state a page can show, on a phone and a
 * desktop, checked by axe in both themes. The real API's flow is `counter.browser.test.ts`.
 */

const address = {
  key: 'delft-2611HA-7',
  label: 'Markt 7, 2611 HA Delft',
  zoneCode: 'C',
  zoneName: 'Centrum',
};
const refusal = (code: string, message: string) => ({
  __typename: 'CounterRefusal',
  code,
  message,
  params: null,
});
const offers = [
  {
    __typename: 'PermitOffer',
    productTypeCode: 'business',
    kind: 'business',
    name: 'Bedrijfsvergunning',
    period: 'year',
    pricePerTermCents: 48000,
    administrationFeeCents: 590,
    requiresPlate: true,
    maxPlates: 3,
    maxDaysAhead: 30,
    reviewCases: [],
    documents: [],
    zoneCode: 'C',
    available: false,
    refusals: [
      refusal('ELIGIBILITY_HOLDER_TYPE', 'Deze vergunning is alleen voor bedrijven.'),
      refusal('COUNTER_DOCUMENT_MISSING', 'Een uittreksel van de Kamer van Koophandel is nodig.'),
    ],
  },
  {
    __typename: 'PermitOffer',
    productTypeCode: 'resident',
    kind: 'resident',
    name: 'Bewonersvergunning',
    period: 'year',
    pricePerTermCents: 5200,
    administrationFeeCents: 590,
    requiresPlate: true,
    maxPlates: 1,
    maxDaysAhead: 30,
    reviewCases: ['leaseCar', 'privateParking'],
    documents: [
      {
        __typename: 'DocumentRequirement',
        code: 'leaseContract',
        name: 'het leasecontract',
        when: 'leaseCar',
      },
    ],
    zoneCode: 'C',
    available: true,
    refusals: [],
  },
];

const letter = (kind: string, createdAt: string, ready = true) => ({
  __typename: 'PermitLetter',
  id: `letter-${kind}`,
  kind,
  createdAt,
  ready,
  downloadUrl: `/documents/letter-${kind}`,
});

function application(
  status: string,
  paymentStatus: string | null,
  extra: Record<string, unknown> = {},
) {
  return {
    __typename: 'PermitApplication',
    id: 'application-1',
    kind: 'new',
    status,
    productTypeCode: 'resident',
    productName: 'Bewonersvergunning',
    zoneCode: 'C',
    addressLabel: address.label,
    plates: ['AB-123-C'],
    validFrom: '2026-11-23T09:00:00.000Z',
    validUntil: '2027-11-22T23:00:00.000Z',
    priceCents: 5200,
    feeCents: 590,
    totalCents: 5790,
    reviewCases: [],
    unansweredRegistries: [],
    explanation: null,
    decisionReason: null,
    createdAt: '2026-11-23T09:00:00.000Z',
    decidedAt: null,
    permitId: status === 'granted' ? 'permit-1' : null,
    paymentStatus,
    paymentMethod: paymentStatus ? 'ideal' : null,
    checkoutUrl: null,
    letters: status === 'granted' ? [letter('granted', '2026-11-23T09:01:00.000Z')] : [],
    documents: [],
    ...extra,
  };
}

function counterPermit(extra: Record<string, unknown> = {}) {
  return {
    __typename: 'CounterPermit',
    id: 'permit-1',
    productTypeCode: 'resident',
    productName: 'Bewonersvergunning',
    kind: 'resident',
    zoneCode: 'C',
    addressLabel: address.label,
    status: 'active',
    plates: ['AB-123-C'],
    activePlate: 'AB-123-C',
    validFrom: '2026-11-23T09:00:00.000Z',
    validUntil: '2027-11-22T23:00:00.000Z',
    renewableFrom: '2027-10-23T22:00:00.000Z',
    canRenew: false,
    renewalQuote: null,
    canChangePlate: true,
    plateChangeFeeCents: 1250,
    canEnd: true,
    refundIfEndedNowCents: 4766,
    letters: [letter('granted', '2026-11-23T09:01:00.000Z')],
    applications: [],
    ...extra,
  };
}

/** The counter's side of the API as a script: what each operation answers in this test. */
type Answers = Record<string, (variables: Record<string, unknown>) => unknown>;

/** Answers the counter's operations from `answers`; everything else goes to the real API. */
async function standIn(page: Page, answers: Answers): Promise<string[]> {
  const asked: string[] = [];
  await page.route('**/graphql', async (route: Route) => {
    const body = route.request().postDataJSON() as {
      operationName?: string;
      variables?: Record<string, unknown>;
    } | null;
    const answer = body?.operationName ? answers[body.operationName] : undefined;
    if (!answer) return route.fallback();
    asked.push(body!.operationName!);
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ data: answer(body!.variables ?? {}) }),
    });
  });
  await page.route('**/documents', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    asked.push(`upload ${route.request().headers()['x-file-name']}`);
    await route.fulfill({ contentType: 'application/json', body: '{"id":"document-1"}' });
  });
  return asked;
}

describe('the counter pages in chromium', () => {
  const env = useChromiumPlatform();

  it('applies: address, offers with every refusal, details with a review case and a document, review with the fee, and the outcome', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    let polls = 0;
    const sent: Record<string, unknown>[] = [];
    const asked = await standIn(page, {
      CounterAddress: (variables) => ({
        findAddress:
          variables.houseNumber === 7 ? { __typename: 'FoundAddress', ...address } : null,
      }),
      PermitOffers: () => ({ permitOffers: offers }),
      QuotePermitApplication: ({ input }) => {
        const { plates } = input as { plates: { plate: string }[] };
        if (plates[0]?.plate === 'ZZ-999-Z') {
          return {
            quotePermitApplication: {
              __typename: 'PermitApplicationRefused',
              code: 'ELIGIBILITY_VEHICLE_EXCLUDED',
              message: 'Voor dit voertuig geeft de gemeente geen vergunning.',
              reasons: [
                refusal(
                  'ELIGIBILITY_VEHICLE_EXCLUDED',
                  'Voor dit voertuig geeft de gemeente geen vergunning.',
                ),
                refusal('COUNTER_ONE_PER_ADDRESS', 'Op dit adres is al een bewonersvergunning.'),
              ],
            },
          };
        }
        return {
          quotePermitApplication: {
            __typename: 'PermitApplicationQuote',
            validFrom: '2026-11-23T09:00:00.000Z',
            validUntil: '2027-11-22T23:00:00.000Z',
            priceCents: 5200,
            feeCents: 590,
            totalCents: 5790,
            needsReview: true,
            reviewCases: ['leaseCar'],
            unansweredRegistries: ['brp'],
          },
        };
      },
      ApplyForPermit: ({ input }) => {
        sent.push(input as Record<string, unknown>);
        return {
          applyForPermit: {
            __typename: 'PermitApplicationSubmitted',
            // The simulated bank's place: here straight back to the return page.
            checkoutUrl: '/loket/aanvraag/application-1',
            application: application('awaitingPayment', 'open'),
          },
        };
      },
      PermitApplication: () => {
        polls += 1;
        return {
          permitApplication:
            polls < 2
              ? application('awaitingPayment', 'open')
              : application('awaitingReview', 'paid', {
                  reviewCases: ['leaseCar'],
                  explanation: 'De auto is van mijn werkgever.',
                }),
        };
      },
    });

    // The way in: the menu.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Vergunning aanvragen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Vergunning aanvragen' }).waitFor();
    expect(await page.getByTestId('counter-step').innerText()).toBe('Stap 1 van 4: Adres');

    // An empty form: each field says what it needs, without asking the API.
    await page.getByRole('button', { name: 'Adres zoeken' }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(asked).toEqual([]);
    await photographBoth(page, 'counter-address-errors');

    await page.getByLabel(/^Postcode/).fill('2611 HA');
    await page.getByLabel(/^Huisnummer/).fill('8');
    await page.getByRole('button', { name: 'Adres zoeken' }).click();
    await page.getByTestId('address-not-found').waitFor();
    await page.getByLabel(/^Huisnummer/).fill('7');
    await page.getByRole('button', { name: 'Adres zoeken' }).click();

    // Offers: the one that can be had first, the other with every rule that refuses it.
    await page.getByRole('heading', { name: 'Welke vergunning wilt u?' }).waitFor();
    expect(await page.getByTestId('counter-step').innerText()).toBe('Stap 2 van 4: Vergunning');
    expect(await page.getByTestId('counter-address').innerText()).toContain(
      'Markt 7, 2611 HA Delft',
    );
    const cards = page.getByTestId('permit-offer');
    // The heading comes before the offers have loaded: count once the second one is there.
    await cards.nth(1).waitFor();
    expect(await cards.count()).toBe(2);
    const resident = cards.filter({ hasText: 'Bewonersvergunning' });
    expect(await resident.getByTestId('offer-price').innerText()).toMatch(/^€\s52,00 per jaar$/);
    expect(await resident.getByTestId('offer-fee').innerText()).toMatch(/^€\s5,90$/);
    const business = cards.filter({ hasText: 'Bedrijfsvergunning' });
    expect(await business.getByTestId('counter-refusal').locator('li').allInnerTexts()).toEqual([
      'Deze vergunning is alleen voor bedrijven.',
      'Een uittreksel van de Kamer van Koophandel is nodig.',
    ]);
    expect(await business.getByRole('button').count()).toBe(0);
    await photographBoth(page, 'counter-offers');

    await page.getByRole('button', { name: 'Bewonersvergunning aanvragen' }).click();
    expect(await page.getByTestId('counter-step').innerText()).toBe('Stap 3 van 4: Gegevens');
    // The keyboard follows to the new step.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'counter-step',
    );
    expect(await page.getByLabel(/^Ingangsdatum/).inputValue()).toBe('2026-11-23');
    expect(await page.getByLabel(/^Ingangsdatum/).getAttribute('max')).toBe('2026-12-23');

    // A plate the domain does not read as Dutch, a lease car without explanation or contract.
    await page.getByLabel(/^Kenteken/).fill('ABC1234567');
    await page.getByLabel('Ik rijd in een leaseauto').check();
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.locator('li').count()).toBe(3);
    await photographBoth(page, 'counter-details-errors');

    // The rules refuse: every reason shows, nothing is sent on.
    await page.getByLabel(/^Kenteken/).fill('ZZ-999-Z');
    await page.getByLabel(/^Toelichting/).fill('De auto is van mijn werkgever.');
    await page.getByLabel('het leasecontract').setInputFiles({
      name: 'leasecontract Zoë.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%…\n'),
    });
    await page.getByTestId('uploaded-document').waitFor();
    expect(asked).toContain('upload leasecontract Zoe.pdf');
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    const refused = page.getByTestId('counter-refusal');
    await refused.waitFor();
    expect(await refused.locator('li').count()).toBe(2);
    await photographBoth(page, 'counter-details-refused');

    await page.getByLabel(/^Kenteken/).fill('ab-123-c');
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await page.getByTestId('counter-review').waitFor();
    expect(await page.getByTestId('counter-step').innerText()).toBe(
      'Stap 4 van 4: Controleren en betalen',
    );
    expect(await page.getByTestId('review-validity').innerText()).toBe(
      '23 november 2026 tot en met 22 november 2027',
    );
    expect(await page.getByTestId('review-total').innerText()).toMatch(/^€\s57,90$/);
    // The population register did not answer: the applicant hears an official will check.
    expect(await page.getByTestId('review-registries').innerText()).toContain(
      'Een medewerker van de gemeente controleert ze na de betaling',
    );
    await photographBoth(page, 'counter-review');

    await page.getByRole('button', { name: /€\s57,90 betalen met iDEAL/ }).click();
    await page.waitForURL(/\/loket\/aanvraag\/application-1$/);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      application: {
        productTypeCode: 'resident',
        addressKey: address.key,
        plates: [{ plate: 'ab-123-c', country: 'NL' }],
        startsOn: '2026-11-23',
        reviewCase: 'leaseCar',
        explanation: 'De auto is van mijn werkgever.',
        documentIds: ['document-1'],
      },
    });
    const outcome = page.getByTestId('application-outcome');
    await expect.poll(() => outcome.getAttribute('data-phase'), { timeout: 10_000 }).toBe('review');
    expect(await outcome.getByRole('heading').innerText()).toBe('Uw aanvraag wordt beoordeeld');
    await photographBoth(page, 'counter-outcome-review');
    await page.context().close();
  });

  it('shows a grant with its letter, and a cancelled payment with the way to try again', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    let phase = 'granted';
    await standIn(page, {
      PermitApplication: () => ({
        permitApplication:
          phase === 'granted'
            ? application('granted', 'paid', { paymentMethod: 'card' })
            : application('cancelled', 'cancelled'),
      }),
    });
    await page.goto('/loket/aanvraag/application-1');
    const outcome = page.getByTestId('application-outcome');
    await outcome.getByRole('heading', { name: 'Uw vergunning is verleend' }).waitFor();
    const link = page.getByTestId('letter-link');
    expect(await link.innerText()).toBe('Besluit: verleend van 23 november 2026 (pdf)');
    expect(await link.getAttribute('href')).toBe('/documents/letter-granted');
    // What was paid, and how.
    expect(await page.getByTestId('application-total').innerText()).toMatch(/^€\s57,90$/);
    expect(await page.getByTestId('application-method').innerText()).toBe('Creditcard');
    await page.getByRole('link', { name: 'Naar de vergunning' }).waitFor();
    await photographBoth(page, 'counter-outcome-granted');

    phase = 'cancelled';
    await page.reload();
    await outcome.getByRole('heading', { name: 'De betaling is niet gelukt' }).waitFor();
    // Nothing was paid: no method to name.
    expect(await page.getByTestId('application-method').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Opnieuw aanvragen' }).getAttribute('href')).toBe(
      '/loket',
    );
    await photographBoth(page, 'counter-outcome-cancelled');
    await page.context().close();
  });

  it('lists my permits, changes a plate with its fee shown and ends a permit with the refund shown', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    let permit = counterPermit();
    let letterMade = false;
    const calls: Record<string, unknown>[] = [];
    await standIn(page, {
      CounterPermits: () => ({ counterPermits: [permit] }),
      MyPermitApplications: () => ({
        myPermitApplications: [application('awaitingReview', 'paid', { id: 'application-2' })],
      }),
      CounterPermit: () => {
        // The change's letter is made a moment later: ready once the test says so.
        if (letterMade) {
          permit = { ...permit, letters: permit.letters.map((l) => ({ ...l, ready: true })) };
        }
        return { counterPermit: permit };
      },
      RequestPlateChange: ({ input }) => {
        calls.push(input as Record<string, unknown>);
        permit = counterPermit({
          plates: ['GH-456-J'],
          activePlate: 'GH-456-J',
          letters: [
            letter('granted', '2026-11-23T09:01:00.000Z'),
            letter('changed', '2026-11-23T09:10:00.000Z', false),
          ],
        });
        return {
          requestPlateChange: {
            __typename: 'PermitApplicationSubmitted',
            checkoutUrl: null,
            application: application('granted', null, {
              kind: 'plateChange',
              plates: ['GH-456-J'],
            }),
          },
        };
      },
      EndPermit: ({ input }) => {
        calls.push(input as Record<string, unknown>);
        permit = counterPermit({
          status: 'ended',
          canEnd: false,
          canChangePlate: false,
          validUntil: '2026-11-23T09:30:00.000Z',
          letters: [
            letter('granted', '2026-11-23T09:01:00.000Z'),
            letter('ended', '2026-11-23T09:30:00.000Z'),
          ],
        });
        return { endPermit: { __typename: 'PermitEnded', refundCents: 4766, permit } };
      },
    });

    await page.goto('/vergunningen');
    await page.getByRole('heading', { level: 1, name: 'Mijn vergunningen' }).waitFor();
    const card = page.getByTestId('counter-permit');
    await card.waitFor();
    expect(await card.getByTestId('permit-plates').innerText()).toBe('AB-123-C');
    expect(await card.getByTestId('permit-validity').innerText()).toBe(
      '23 november 2026 tot en met 22 november 2027',
    );
    await page.getByTestId('open-application').waitFor();
    await photographBoth(page, 'counter-permits');

    await card.getByRole('link', { name: 'Bewonersvergunning' }).click();
    // Each change opens under its heading; what it costs or gives back shows before.
    const plateButton = page.getByRole('button', { name: 'Kenteken wijzigen' });
    const endButton = page.getByRole('button', { name: 'Vergunning beëindigen' });
    await plateButton.waitFor();
    expect(await plateButton.getAttribute('aria-expanded')).toBe('false');
    await page.getByText(/^Kosten: €\s12,50$/).waitFor();
    await page.getByText(/^Als u nu stopt, krijgt u €\s47,66 terug\.$/).waitFor();
    await photographBoth(page, 'counter-permit-closed');

    await plateButton.click();
    expect(await page.getByTestId('plate-change-fee').innerText()).toMatch(/^Kosten: €\s12,50$/);
    await page.getByLabel(/^Nieuw kenteken/).fill('AB-123-C');
    await page.getByRole('button', { name: /€\s12,50 betalen en kenteken wijzigen/ }).click();
    await page.getByText('Dit is al het kenteken van de vergunning.').first().waitFor();
    expect(calls).toEqual([]);
    await photographBoth(page, 'counter-permit-plate');

    await page.getByLabel(/^Nieuw kenteken/).fill('GH-456-J');
    await page.getByRole('button', { name: /€\s12,50 betalen en kenteken wijzigen/ }).click();
    await page.getByText('De vergunning geldt nu voor GH-456-J.').waitFor();
    await expect.poll(() => page.getByTestId('permit-plates').innerText()).toBe('GH-456-J');
    // The change's letter: in the making at first, then a link, without reloading the page.
    const letters = page.getByTestId('letters');
    await letters
      .getByText('Besluit: kenteken gewijzigd van 23 november 2026: wordt gemaakt')
      .waitFor();
    letterMade = true;
    await letters
      .getByRole('link', { name: 'Besluit: kenteken gewijzigd van 23 november 2026 (pdf)' })
      .waitFor();

    await endButton.click();
    expect(await page.getByTestId('refund-now').innerText()).toMatch(
      /^Als u nu stopt, krijgt u €\s47,66 terug\.$/,
    );
    await page
      .locator('#counter-end')
      .getByRole('button', { name: 'Vergunning beëindigen' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Vergunning beëindigen?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/krijgt u €\s47,66 terug/);
    await photographBoth(page, 'counter-end-confirm');
    await dialog.getByRole('button', { name: 'Ja, beëindigen' }).click();
    await page.getByText('Uw vergunning is beëindigd.').waitFor();
    expect(await page.getByTestId('permit-done').innerText()).toMatch(/U krijgt €\s47,66 terug/);
    expect(await page.getByTestId('permit-status').innerText()).toBe('Beëindigd');
    expect(calls[1]).toMatchObject({ permitId: 'permit-1', endsOn: null });
    await photographBoth(page, 'counter-permit-ended');
    await page.context().close();
  });

  it('renews: the new term and its price before paying, or from when it can', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    let permit = counterPermit();
    await standIn(page, { CounterPermit: () => ({ counterPermit: permit }) });
    await page.goto('/vergunningen/permit-1/verlengen');
    await page.getByTestId('renew-not-yet').waitFor();
    expect(await page.getByTestId('renew-not-yet').innerText()).toBe(
      'U kunt deze vergunning verlengen vanaf 24 oktober 2027.',
    );
    permit = counterPermit({
      canRenew: true,
      renewalQuote: {
        __typename: 'PermitApplicationQuote',
        validFrom: '2027-11-22T23:00:00.000Z',
        validUntil: '2028-11-22T23:00:00.000Z',
        priceCents: 5400,
        feeCents: 590,
        totalCents: 5990,
        needsReview: false,
        reviewCases: [],
      },
    });
    await page.reload();
    await page.getByTestId('renew-quote').waitFor();
    expect(await page.getByTestId('renew-validity').innerText()).toBe(
      '23 november 2027 tot en met 22 november 2028',
    );
    expect(await page.getByTestId('renew-total').innerText()).toMatch(/^€\s59,90$/);
    await page.getByRole('button', { name: /€\s59,90 betalen met iDEAL/ }).waitFor();
    await photographBoth(page, 'counter-renew');
    await page.context().close();
  });
});
