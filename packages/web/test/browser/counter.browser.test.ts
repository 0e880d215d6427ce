import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  desktop,
  graphqlIn,
  logIn,
  openPage,
  phone,
  photograph,
  photographBoth,
  screenshot,
  useChromiumPlatform,
} from './browser.js';

/** Waits for a locator; if it never comes, says what the page showed instead. */
async function waitOrTell(page: Page, locator: Locator): Promise<void> {
  await locator.waitFor().catch(async (error: unknown) => {
    throw new Error(
      `${String(error)}\n--- the page showed:\n${await page.locator('main').innerText()}`,
    );
  });
}

const rightCheck = `query ($input: RightCheckInput!) { rightCheck(input: $input) { valid } }`;

/** Signs in through the demo's test broker (docs/rules.md §6) as one of its test identities. */
async function signInWithBroker(
  page: Page,
  method: 'DigiD' | 'eHerkenning',
  town: string,
  identity: RegExp,
): Promise<void> {
  await page.goto('/inloggen');
  await page.getByRole('link', { name: new RegExp(`^Inloggen met ${method} \\(${town}`) }).click();
  await page.getByRole('button', { name: identity }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/producten'));
}

/** The letter behind the first link of a letters list is a PDF this login may download. */
async function expectLetterPdf(page: Page): Promise<void> {
  const link = page.getByTestId('letters').locator('a').first();
  await waitOrTell(page, link);
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
}

/**
 * The permit counter end to end against the real API and the demo towns (docs/rules.md §1, the
 * permit counter; §6, DigiD and eHerkenning): sign in with the test DigiD, apply, pay at the
 * simulated bank, granted with the right on the plate at once and the letter to download,
 * change the plate (paid), renew (paid), end with the refund shown and in the history.
 */
describe('the permit counter in chromium', () => {
  const env = useChromiumPlatform();

  it('signs in with DigiD, applies for a resident permit, pays, is granted, changes the plate, renews and ends it with the refund in the history', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    // A first DigiD login makes an account without an e-mail address: the counter asks for one.
    await signInWithBroker(page, 'DigiD', 'Gemeente Oudstad', /^Bram Jansen/);
    const officer = await openPage(env.browser, env.platform, desktop);
    await logIn(officer, env.platform, 'handhaving@demo.parkeer.nl');
    const valid = async (plate: string) =>
      (
        await graphqlIn<{ rightCheck: { valid: boolean } }>(officer, rightCheck, {
          input: { plate, zone: 'centrum', municipality: 'oudstad' },
        })
      ).rightCheck.valid;

    // The way in: the menu.
    await page.goto('/producten');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Vergunning aanvragen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Vergunning aanvragen' }).waitFor();
    await photographBoth(page, 'counter-live-address');
    await page.getByLabel(/^Postcode/).fill('9999 ab');
    await page.getByLabel(/^Huisnummer/).fill('1');
    await page.getByRole('button', { name: 'Adres zoeken' }).click();

    await page.getByRole('heading', { name: 'Welke vergunning wilt u?' }).waitFor();
    expect(await page.getByTestId('counter-address').innerText()).toContain('Noord 1');
    const resident = page.getByTestId('permit-offer').filter({ hasText: 'Bewonersvergunning' });
    expect(await resident.getByTestId('offer-price').innerText()).toMatch(/^€\s96,00 per jaar$/);
    expect(await resident.getByTestId('offer-fee').innerText()).toMatch(/^€\s5,90$/);
    await photographBoth(page, 'counter-live-offers');
    await page.getByRole('button', { name: 'Bewonersvergunning aanvragen' }).click();

    await page.getByLabel(/^Kenteken/).fill('GB-123-K');
    await page.getByLabel(/^E-mailadres/).fill('bram.jansen@example.nl');
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await page.getByTestId('counter-review').waitFor();
    // A calendar year bought in November: the months left, and the fee.
    expect(await page.getByTestId('review-validity').innerText()).toBe(
      '23 november 2026 tot en met 31 december 2026',
    );
    expect(await page.getByTestId('review-total').innerText()).toMatch(/^€\s21,90$/);
    await photographBoth(page, 'counter-live-review');
    expect(await valid('GB123K')).toBe(false);

    await page.getByRole('button', { name: /€\s21,90 betalen met iDEAL/ }).click();
    await page.waitForURL(/\/betalen\/simulatie\//);
    await screenshot(page, 'counter-live-bank-phone');
    await page.getByRole('button', { name: 'Betalen' }).click();
    await page.waitForURL(/\/loket\/aanvraag\//);
    const outcome = page.getByTestId('application-outcome');
    await waitOrTell(page, outcome.getByRole('heading', { name: 'Uw vergunning is verleend' }));
    // Valid on the plate the moment the bank confirmed.
    expect(await valid('GB123K')).toBe(true);
    // The letter is listed: a link once made, said to be in the making before.
    await expect
      .poll(
        async () =>
          (await page.getByTestId('letters').locator('li').count()) > 0 ||
          (await page.getByText('De brief wordt gemaakt…').count()) > 0,
        { timeout: 10_000 },
      )
      .toBe(true);
    await photographBoth(page, 'counter-live-granted');
    await expectLetterPdf(page);

    await page.getByRole('link', { name: 'Naar de vergunning' }).click();
    await page.waitForURL(/\/vergunningen\/[0-9a-f-]{36}$/);
    const permitId = /\/vergunningen\/([0-9a-f-]{36})$/.exec(page.url())![1];
    await page.getByRole('button', { name: 'Kenteken wijzigen' }).click();
    expect(await page.getByTestId('plate-change-fee').innerText()).toMatch(/^Kosten: €\s10,00$/);
    await page.getByLabel(/^Nieuw kenteken/).fill('HN-456-X');
    await page.getByRole('button', { name: /€\s10,00 betalen en kenteken wijzigen/ }).click();
    await page.waitForURL(/\/betalen\/simulatie\//).catch(async (error: unknown) => {
      await screenshot(page, 'counter-live-debug');
      throw new Error(`${String(error)}\n${await page.locator('main').innerText()}`);
    });
    await page.getByRole('button', { name: 'Betalen' }).click();
    await page.waitForURL(/\/loket\/aanvraag\//);
    await waitOrTell(page, outcome.getByRole('heading', { name: 'Uw kenteken is gewijzigd' }));
    expect(await valid('HN456X')).toBe(true);
    expect(await valid('GB123K')).toBe(false);

    await page.getByRole('link', { name: 'Naar de vergunning' }).click();
    await page.getByRole('link', { name: 'Vergunning verlengen' }).click();
    await page.getByTestId('renew-quote').waitFor();
    expect(await page.getByTestId('renew-validity').innerText()).toBe(
      '1 januari 2027 tot en met 31 december 2027',
    );
    const renewTotal = await page.getByTestId('renew-total').innerText();
    await photographBoth(page, 'counter-live-renew');
    await page.getByTestId('pay-button').click();
    await page.waitForURL(/\/betalen\/simulatie\//);
    await page.getByRole('button', { name: 'Betalen' }).click();
    await page.waitForURL(/\/loket\/aanvraag\//);
    await waitOrTell(page, outcome.getByRole('heading', { name: 'Uw vergunning is verlengd' }));
    expect(await page.getByTestId('application-total').innerText()).toBe(renewTotal);

    await page.getByRole('link', { name: 'Naar de vergunning' }).click();
    await expect
      .poll(() => page.getByTestId('permit-validity').innerText(), { timeout: 10_000 })
      .toBe('23 november 2026 tot en met 31 december 2027');
    await page.getByRole('button', { name: 'Vergunning beëindigen' }).click();
    const refundNow = await page.getByTestId('refund-now').innerText();
    const refund = /krijgt u (€\s[\d.,]+) terug/.exec(refundNow)?.[1];
    expect(refund).toBeTruthy();
    await photographBoth(page, 'counter-live-end');
    await page
      .locator('#counter-end')
      .getByRole('button', { name: 'Vergunning beëindigen' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Vergunning beëindigen?' });
    await dialog.getByRole('button', { name: 'Ja, beëindigen' }).click();
    await page.getByText('Uw vergunning is beëindigd.').waitFor();
    expect(await page.getByTestId('permit-done').innerText()).toContain(refund!);
    expect(await valid('HN456X')).toBe(false);
    await photograph(page, 'counter-live-ended-phone');

    await page.goto('/vergunningen');
    const card = page.getByTestId('counter-permit').filter({ hasText: 'Bewonersvergunning' });
    await card.waitFor();
    expect(await card.getByTestId('permit-status').innerText()).toBe('Beëindigd');
    await photographBoth(page, 'counter-live-permits');

    // The money in the permit's history: three payments, and the refunds of the term in use
    // and of the renewed term not begun, which together are the refund shown.
    await page.goto(`/producten/${permitId}/geschiedenis`);
    await page.getByRole('tab', { name: /^Transacties/ }).click();
    const money = page.getByTestId('transaction-money');
    await expect.poll(() => money.count(), { timeout: 10_000 }).toBe(5);
    const euros = (text: string) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'));
    const refunds = page
      .getByTestId('transaction-history')
      .locator('dt', { hasText: /^Terugbetaald$/ })
      .locator('xpath=following-sibling::dd[1]');
    const refunded = (await refunds.allInnerTexts()).map(euros);
    expect(refunded).toHaveLength(2);
    expect(refunded[0]! + refunded[1]!).toBeCloseTo(euros(refund!), 2);
    await photographBoth(page, 'counter-live-history');
    await officer.context().close();
    await page.context().close();
    // Four trips to the bank and a dozen screens checked by axe: longer than one screen's test.
  }, 240_000);

  it('lets a business signed in with eHerkenning apply for the flexible business permit, with no plate to give, and pay', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await signInWithBroker(page, 'eHerkenning', 'Gemeente Delft', /^Bakkerij De Korenschoof/);
    await page.goto('/producten');
    await page.getByRole('link', { name: 'Vergunning aanvragen' }).first().click();
    // A business picks one of its establishments (KvK) instead of typing an address.
    await page
      .getByRole('button', {
        name: 'Kies deze vestiging: De Korenschoof aan de Markt',
        exact: true,
      })
      .click();
    const offer = page
      .getByTestId('permit-offer')
      .filter({ hasText: 'Flexibele bedrijfsvergunning' });
    await waitOrTell(page, offer);
    expect(await offer.getByTestId('offer-price').innerText()).toMatch(/^€\s150,00 per kwartaal$/);
    await offer.getByRole('button', { name: 'Flexibele bedrijfsvergunning aanvragen' }).click();
    // A permit without plates asks for none.
    await page.getByLabel(/^Ingangsdatum/).waitFor();
    expect(await page.getByLabel(/^Kenteken/).count()).toBe(0);
    await page.getByLabel(/^E-mailadres/).fill('info@korenschoof.example');
    await photographBoth(page, 'counter-live-business-details');
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await waitOrTell(page, page.getByTestId('counter-review'));
    expect(await page.getByTestId('review-total').innerText()).toMatch(/^€\s155,90$/);
    await page.getByRole('button', { name: /€\s155,90 betalen met iDEAL/ }).click();
    await page.waitForURL(/\/betalen\/simulatie\//);
    await page.getByRole('button', { name: 'Betalen' }).click();
    await page.waitForURL(/\/loket\/aanvraag\//);
    await waitOrTell(
      page,
      page.getByTestId('application-outcome').getByRole('heading', {
        name: 'Uw vergunning is verleend',
      }),
    );
    await expectLetterPdf(page);
    await page.goto('/vergunningen');
    await waitOrTell(
      page,
      page.getByTestId('counter-permit').filter({ hasText: 'Markt 7, Delft' }),
    );
    await page.context().close();
  }, 120_000);
});
